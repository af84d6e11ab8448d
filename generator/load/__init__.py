"""Load: every file under data/ read strictly into Documents that keep positions."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.load.files import TAXONOMY, Found, SourceFile, discover
from generator.load.quick_yaml import read_document
from generator.load.strict_yaml import Document, LoadError
from generator.load.text import TextError, decode_record_bytes
from generator.tickets.read import TicketFile, read_ticket_file

__all__ = ["Document", "Loaded", "load_file", "load_folder"]


@dataclass
class Loaded:
    """The documents of a data folder by kind, and what could not be read."""

    data_dir: Path
    documents: dict[str, list[tuple[SourceFile, Document]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: list[SourceFile] = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # "attachments/x.png" -> file
    tickets: list[TicketFile] = field(default_factory=list)  # the exports in tickets/, in file order

    @property
    def taxonomy(self) -> Document | None:
        entries = self.documents.get(TAXONOMY, [])
        return entries[0][1] if entries else None

    @property
    def ticket_problems(self) -> list[Diagnostic]:
        """What made ticket exports, or their header, unreadable (several per file at most)."""
        return [problem for exported in self.tickets for problem in exported.problems]

    def count(self) -> int:
        return sum(len(entries) for entries in self.documents.values()) + len(self.tickets)


def load_file(source: SourceFile) -> Document | Diagnostic:
    """Read one record file into a Document, or say why it cannot be read.

    The Document keeps no positions: the first check that reports something in it reads
    the file again to find them (see `_read_again`).
    """
    try:
        raw = _read_without_following_links(source.path)
        text = decode_record_bytes(raw, source.shown)
        return read_document(text, source.shown, partial(_read_again, source, zlib.crc32(raw), len(raw)))
    except (TextError, LoadError) as error:
        return error.code.at(source.shown, error.position, error.words)
    except OSError as error:
        return codes.YAML_SYNTAX.at(source.shown, START, "load-cannot-read", reason=error.strerror)


def _read_again(source: SourceFile, checksum: int, size: int) -> str | None:
    """The file's text as it was first read, or None if it changed or went since."""
    try:
        raw = _read_without_following_links(source.path)
    except OSError:
        return None
    if len(raw) != size or zlib.crc32(raw) != checksum:
        return None
    try:
        return decode_record_bytes(raw, source.shown)
    except TextError:  # pragma: no cover - the same bytes decoded the first time
        return None


def _read_without_following_links(path: Path) -> bytes:
    # Discovery refuses links; O_NOFOLLOW also refuses one swapped in after discovery.
    # os.read rather than a file object: this runs for every file of a 100,000-case folder.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        chunks = [os.read(descriptor, os.fstat(descriptor).st_size + 1)]
        while chunks[-1]:  # a file that grew since it was measured, or a pipe
            chunks.append(os.read(descriptor, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def load_folder(
    data_dir: Path,
    shown_root: str | None = None,
    progress: Callable[[int], None] | None = None,
    found: Found | None = None,
    load: Callable[[SourceFile], Document | Diagnostic] = load_file,
    read_tickets: Callable[[SourceFile], TicketFile] = read_ticket_file,
) -> Loaded:
    """Read every record file and ticket export under data_dir; problems become diagnostics,
    never exceptions.

    `load` reads one record file and `read_tickets` one export; `kb serve` passes ones that
    remember files which did not change.
    """
    found = found or discover(data_dir, shown_root if shown_root is not None else str(data_dir))
    loaded = Loaded(data_dir, diagnostics=list(found.problems), attachments=dict(found.attachments))
    for source in found.sources:
        result = load(source)
        if isinstance(result, Diagnostic):
            loaded.diagnostics.append(result)
            loaded.unreadable.append(source)
        else:
            loaded.documents.setdefault(source.kind, []).append((source, result))
        if progress is not None:
            progress(1)
    loaded.tickets = [read_tickets(source) for source in found.tickets]
    return loaded
