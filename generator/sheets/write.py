"""Writing a record file under the data folder, and nowhere else.

A `cases/` folder or a year folder under data/ may be a symbolic link (put there by a
pull request, or by mistake); writing through it would put the file anywhere the user can
write. Every target is checked before anything is written (resolved, and every folder on
its way looked at without following links), and the writing itself opens each folder
with O_NOFOLLOW from the one above it, so that a link swapped in meanwhile is refused too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def way_out(root: Path, target: Path) -> Path | None:
    """The first path on the way from root to target that is a link or not a folder (the
    target itself, if it is a link or leaves root); None when the target stays inside."""
    try:
        parts = target.relative_to(root).parts
    except ValueError:
        return target
    if not parts or ".." in parts:
        return target
    here = root
    for part in parts[:-1]:
        here = here / part
        if here.is_symlink() or (here.exists() and not here.is_dir()):
            return here
    if target.is_symlink():
        return target
    real_root = os.path.realpath(root)
    if os.path.commonpath([real_root, os.path.realpath(target)]) != real_root:
        return target
    return None


def write_inside(root: Path, target: Path, content: str) -> None:
    """Write content to target under root, following no link; OSError if one is met."""
    parts = target.relative_to(root).parts
    if not _FOLDER_DESCRIPTORS:
        if way_out(root, target) is not None:
            raise OSError(f"{target} leaves {root}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))
        return
    folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for part in parts[:-1]:
            with contextlib.suppress(FileExistsError):  # a folder, or a link: the next line says which
                os.mkdir(part, dir_fd=folder)
            inner = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=folder)
            os.close(folder)
            folder = inner
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW
        with os.fdopen(os.open(parts[-1], flags, 0o666, dir_fd=folder), "wb") as file:
            file.write(content.encode("utf-8"))
    finally:
        os.close(folder)


_FOLDER_DESCRIPTORS = os.open in os.supports_dir_fd and os.mkdir in os.supports_dir_fd and bool(_NOFOLLOW)
