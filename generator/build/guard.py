"""What keeps a build from hurting what is already there.

- One build at a time per page cache and per site folder: a second one waits its turn.
- An OS error (permissions, a full disk, a read-only folder) becomes one line that names
  the path and what to do, never a traceback.
- Folders left behind by a build that was killed are removed by the next one.
- A site folder that is a symbolic link is updated where it points.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

WAIT_SECONDS = 15 * 60  # a build of 100,000 cases takes minutes; waiting longer means something hangs
NEW_PREFIX, OLD_PREFIX = "-new-", "-old-"


class BuildBusy(RuntimeError):
    pass


@contextmanager
def one_build_at_a_time(folders: list[Path], say: Callable[[str], None]) -> Iterator[None]:
    """Hold a lock next to each folder (in this order) for the whole build."""
    with ExitStack() as stack:
        for folder in folders:
            stack.enter_context(_locked(folder, say))
        yield


@contextmanager
def _locked(folder: Path, say: Callable[[str], None]) -> Iterator[None]:
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder.parent / f".{folder.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(f"Another build is using {folder}; waiting for it to finish ...")
        try:
            lock.acquire(timeout=WAIT_SECONDS)
        except Timeout:
            raise BuildBusy(
                f"{folder} has been busy for {WAIT_SECONDS // 60} minutes; stop the other build (or `kb serve`) and try again"
            ) from None
    try:
        yield
    finally:
        lock.release()


def real_site_dir(target: Path) -> Path:
    """Where the site really goes: a `site` that is a link to a served folder stays a link."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def aside_prefix(target: Path) -> str:
    return f".{target.name}{NEW_PREFIX}"


def remove_leftovers(target: Path) -> None:
    """Folders of builds that were killed half-way; only called while holding the lock."""
    if not target.parent.is_dir():
        return
    for prefix in (aside_prefix(target), f".{target.name}{OLD_PREFIX}"):
        for leftover in target.parent.glob(prefix + "*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


_ADVICE = {
    errno.EACCES: "you may not write there: fix the folder's permissions or build elsewhere with --site-dir",
    errno.EPERM: "you may not write there: fix the folder's permissions or build elsewhere with --site-dir",
    errno.ENOSPC: "the disk is full: free some space and build again",
    errno.EROFS: "the file system is read-only: build elsewhere with --site-dir",
    errno.EDQUOT: "the disk quota is used up: free some space and build again",
    errno.ENOENT: "a folder on the way is missing: check the path",
    errno.ENOTDIR: "a file stands where a folder is needed: move it away",
    errno.EEXIST: "a file stands where a folder is needed: move it away",
}


def os_error_message(error: OSError) -> str:
    """One line for the person at the terminal: which path, what happened, what to do."""
    path = error.filename or ""
    what = error.strerror or str(error)
    advice = _ADVICE.get(error.errno or 0, "check the path and try again")
    return f"{path}: {what}; {advice}" if path else f"{what}; {advice}"
