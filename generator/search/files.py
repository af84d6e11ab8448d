"""Files put in place without writing through a link: a hard link where the file system allows
one, else a new file. The search bundles, the offline packs and a merge of parts place files
this way, from caches and parts that may hold links of their own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import BinaryIO


def link_tree(source: Path, target: Path) -> None:
    """Every file under `source` at the same place under `target`, as link_file does;
    symbolic links are not followed or linked."""
    for path in sorted(source.rglob("*")):
        if path.is_file() and not path.is_symlink():
            link_file(path, target / path.relative_to(source))


def link_file(source: Path, target: Path) -> None:
    """A hard link where the file system allows one (fast, no space), else a copy. Never
    through a link: a link at `source` is not followed, and a file already at `target` is
    an error (FileExistsError) rather than written through, as it may be a link to a file
    that is not this site's."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:  # another file system, or linking not allowed: a copy
        copy_new(source, target)


def copy_new(source: Path, target: Path) -> None:
    """`source` copied to a new file `target`, neither followed if it is a link."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    with open(os.open(source, flags), "rb") as reading:
        copy_into_new(reading, target)


def copy_into_new(reading: BinaryIO, target: Path) -> None:
    """What `reading` holds into a new file `target` (FileExistsError if there is one)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    with open(os.open(target, flags, 0o666), "wb") as writing:
        shutil.copyfileobj(reading, writing)
