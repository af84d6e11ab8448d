"""Which files under data/ are records, which are attachments, and which are refused.

Ticket exports (tickets/*.csv) are a source of their own: read as CSV, not as records.

Everything in data/ comes from whoever can open a pull request, file names and links
included. A symbolic link could publish any file of the build machine, so no link is
followed or accepted anywhere under data/.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.kinds import RECORD_KIND_OF_FILE, RECORD_KIND_OF_FOLDER
from generator.messages import NOTHING, Text, text
from generator.tickets.columns import FOLDER as TICKETS
from generator.tickets.columns import SUFFIX as TICKETS_SUFFIX

TAXONOMY = "taxonomy"
ATTACHMENTS = "attachments"
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class SourceFile:
    kind: str
    path: Path
    shown: str  # the path as the user sees it, for messages

    @property
    def stem(self) -> str:
        return self.path.name.rsplit(".", 1)[0]


@dataclass
class Found:
    """What discovery saw: record files, attachment files, and files in the wrong place."""

    sources: list[SourceFile] = field(default_factory=list)
    tickets: list[SourceFile] = field(default_factory=list)  # the ticket exports, tickets/*.csv
    problems: list[Diagnostic] = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # "attachments/a/b.png" -> file


def discover(data_dir: Path, shown_root: str) -> Found:
    """Every record and attachment file under data_dir in a stable order, and what is refused."""
    found = Found()
    root = os.path.realpath(data_dir)  # the folder itself may be a link; nothing inside it may
    prefix = shown_root.rstrip("/") + "/" if shown_root.rstrip("/") else ""
    folder = str(data_dir)
    for relative, is_link in sorted(_walk(root)):
        shown = prefix + relative
        if is_link:
            found.problems.append(codes.SYMLINK.at(shown, START, "load-symlink", path=relative))
        elif relative.startswith(ATTACHMENTS + "/"):
            found.attachments[relative] = _path(folder, relative)
        elif relative.startswith(TICKETS + "/"):
            _ticket_export(found, relative, _path(folder, relative), shown)
        elif relative.lower().endswith(YAML_SUFFIXES):
            kind, problem = _kind_of_file(relative)
            if problem:
                found.problems.append(codes.UNKNOWN_FOLDER.at(shown, START, problem))
            else:
                found.sources.append(_source_file(kind, folder, relative, shown))
    return found


@lru_cache(maxsize=1 << 18)
def _kind_of_file(relative: str) -> tuple[str, Text | None]:
    return _kind_of(PurePosixPath(relative))


# `kb serve` discovers the same 10,000 files at every save: their paths are made once.
@lru_cache(maxsize=1 << 18)
def _path(folder: str, relative: str) -> Path:
    return Path(folder, relative)


@lru_cache(maxsize=1 << 18)
def _source_file(kind: str, folder: str, relative: str, shown: str) -> SourceFile:
    return SourceFile(kind, _path(folder, relative), shown)


def _ticket_export(found: Found, relative: str, path: Path, shown: str) -> None:
    # records.md says tickets/*.csv: one level, so that an export is never read twice from
    # a copy kept in a sub-folder; anything else there is a file someone expected to be read.
    name = relative[len(TICKETS) + 1 :]
    if "/" in name:
        found.problems.append(codes.TICKETS_UNREADABLE.at(shown, START, text("tickets-sub-folder")))
    elif not name.lower().endswith(TICKETS_SUFFIX):
        hint = text("tickets-save-as-csv") if name.lower().endswith((".xlsx", ".xls", ".xlsm", ".et")) else NOTHING
        found.problems.append(codes.TICKETS_UNREADABLE.at(shown, START, text("tickets-not-csv", name=name, hint=hint)))
    else:
        found.tickets.append(SourceFile(TICKETS, path, shown))


def _walk(root: str):
    """(relative path, is a link) of every file, and of every linked folder, under root.

    Strings, not pathlib: this runs for every file of a 10,000-case folder.
    """
    folders = [("", root)]
    while folders:
        here, folder = folders.pop()
        # scandir knows from the directory itself what is a link: no call per file
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # hidden files and folders (.git and the like) hold no records
                if entry.is_symlink():
                    yield here + entry.name, True  # never followed, file or folder
                elif entry.is_dir():
                    folders.append((here + entry.name + "/", entry.path))
                else:
                    yield here + entry.name, False


def _kind_of(relative: PurePosixPath) -> tuple[str, Text | None]:
    parts = relative.parts
    if len(parts) == 1:
        if relative.stem == TAXONOMY:
            return TAXONOMY, None
        if relative.stem in RECORD_KIND_OF_FILE:  # a kind kept in one file: data/glossary.yml
            return RECORD_KIND_OF_FILE[relative.stem].name, None
        return "", text("load-not-a-record-file", name=relative.name, folders=_FOLDERS)
    folder = parts[0]
    kind = RECORD_KIND_OF_FOLDER.get(folder)
    if kind is None:
        return "", text("load-not-a-record-folder", folder=folder, folders=_FOLDERS)
    if len(parts) > 2 and not kind.sub_folders:
        return "", text("load-sub-folder", folder=folder)
    return kind.name, None


_FOLDERS = ", ".join(
    [*(f"{folder}/" for folder in RECORD_KIND_OF_FOLDER), *(f"{file}.yml" for file in RECORD_KIND_OF_FILE)]
)
