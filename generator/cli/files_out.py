"""Files a command writes into a folder of the user's: each written whole or not at all.

Every file is written beside its place first, then each is renamed over its place: a rename
replaces a link that appeared meanwhile, it never writes through one, and a failure before the
renames leaves the files that were there as they were.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def shared_mode() -> int:
    """The mode a new file gets from the user's umask, as `open` would give it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_beside(folder: Path, files: dict[str, str], mode: int) -> None:
    """Write each (name, text) into `folder`, made if missing. Raises OSError; no temporary stays."""
    written: dict[str, str] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            written[name] = temporary
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(content)
            os.chmod(temporary, mode)
        for name, temporary in written.items():
            os.replace(temporary, folder / name)
    finally:
        for temporary in written.values():
            Path(temporary).unlink(missing_ok=True)
