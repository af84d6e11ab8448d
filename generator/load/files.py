"""Which files under data/ are records, and of which kind."""

from __future__ import annotations

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
    for path in sorted(_yaml_files(data_dir)):
        relative = path.relative_to(data_dir)
        shown = str(PurePosixPath(shown_root) / relative.as_posix())
        kind, problem = _kind_of(relative)
        if problem:
            problems.append(codes.UNKNOWN_FOLDER.at(shown, START, problem))
        else:
            found.append(SourceFile(kind, path, shown))
    return found, problems


def _yaml_files(data_dir: Path):
    for path in data_dir.rglob("*"):
        relative = path.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts) or relative.parts[0] == ATTACHMENTS:
            continue
        if path.suffix.lower() in YAML_SUFFIXES and path.is_file():
            yield path


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
