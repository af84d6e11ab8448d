"""Load: every file under data/ read strictly into Documents that keep positions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.load.files import TAXONOMY, SourceFile, discover
from generator.load.strict_yaml import Document, LoadError, parse_document
from generator.load.text import TextError, decode_record_bytes

__all__ = ["Document", "Loaded", "load_file", "load_folder"]


@dataclass
class Loaded:
    """The documents of a data folder by kind, and what could not be read."""

    data_dir: Path
    documents: dict[str, list[tuple[SourceFile, Document]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: list[SourceFile] = field(default_factory=list)

    @property
    def taxonomy(self) -> Document | None:
        entries = self.documents.get(TAXONOMY, [])
        return entries[0][1] if entries else None

    def count(self) -> int:
        return sum(len(entries) for entries in self.documents.values())


def load_file(source: SourceFile) -> Document | Diagnostic:
    """Read one record file into a Document, or say why it cannot be read."""
    try:
        raw = source.path.read_bytes()
        text = decode_record_bytes(raw, source.shown)
        return parse_document(text, source.shown)
    except (TextError, LoadError) as error:
        return error.code.at(source.shown, error.position, error.message)
    except OSError as error:
        return codes.YAML_SYNTAX.at(source.shown, START, f"cannot read the file: {error.strerror}")


def load_folder(
    data_dir: Path,
    shown_root: str | None = None,
    progress: Callable[[int], None] | None = None,
    found: tuple[list[SourceFile], list[Diagnostic]] | None = None,
) -> Loaded:
    """Read every record file under data_dir; problems become diagnostics, never exceptions."""
    sources, diagnostics = found or discover(data_dir, shown_root if shown_root is not None else str(data_dir))
    loaded = Loaded(data_dir, diagnostics=list(diagnostics))
    for source in sources:
        result = load_file(source)
        if isinstance(result, Diagnostic):
            loaded.diagnostics.append(result)
            loaded.unreadable.append(source)
        else:
            loaded.documents.setdefault(source.kind, []).append((source, result))
        if progress is not None:
            progress(1)
    return loaded
