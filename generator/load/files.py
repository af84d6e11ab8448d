"""Which files under data/ are records, and of which kind."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator import codes
from generator.diagnostics import START, Diagnostic

# Record kinds by the folder that holds them. Only cases may use sub-folders.
KIND_FOLDERS = {
    "people": "person",
    "cases": "case",
    "mentoring": "mentoring",
    "sessions": "session",
    "paths": "path",
    "awards": "award",
}
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


def discover(data_dir: Path, shown_root: str) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every record file under data_dir in a stable order, and files in the wrong place."""
    found: list[SourceFile] = []
    problems: list[Diagnostic] = []
    root = str(data_dir)
    prefix = shown_root.rstrip("/") + "/" if shown_root.rstrip("/") else ""
    for path in sorted(_yaml_files(root)):
        relative = os.path.relpath(path, root).replace(os.sep, "/")  # strings: pathlib is slow for 10,000 files
        shown = prefix + relative
        kind, problem = _kind_of(PurePosixPath(relative))
        if problem:
            problems.append(codes.UNKNOWN_FOLDER.at(shown, START, problem))
        else:
            found.append(SourceFile(kind, Path(path), shown))
    return found, problems


def _yaml_files(root: str):
    for folder, subfolders, names in os.walk(root):
        # Hidden folders and attachments hold no records; do not even look inside.
        subfolders[:] = [
            name for name in subfolders if not name.startswith(".") and not (folder == root and name == ATTACHMENTS)
        ]
        for name in names:
            if not name.startswith(".") and name.lower().endswith(YAML_SUFFIXES):
                yield os.path.join(folder, name)


def _kind_of(relative: Path) -> tuple[str, str | None]:
    parts = relative.parts
    if len(parts) == 1:
        if relative.stem == TAXONOMY:
            return TAXONOMY, None
        return (
            "",
            f"`{relative.name}` is not a known record file; records go in {', '.join(f'{k}/' for k in KIND_FOLDERS)}",
        )
    folder = parts[0]
    kind = KIND_FOLDERS.get(folder)
    if kind is None:
        return "", f"`{folder}/` is not a record folder; use one of {', '.join(f'{k}/' for k in KIND_FOLDERS)}"
    if len(parts) > 2 and kind != "case":
        return "", f"only cases may be kept in sub-folders; move this file to `{folder}/`"
    return kind, None
