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
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.messages import text

WAIT_SECONDS = 15 * 60  # a build of 100,000 cases takes minutes; waiting longer means something hangs
NEW_PREFIX, OLD_PREFIX = "-new-", "-old-"


class BuildBusy(RuntimeError):
    pass


@contextmanager
def one_build_at_a_time(folders: list[Path], say: Callable[[str], None], language: str) -> Iterator[None]:
    """Hold a lock next to each folder (in this order) for the whole build."""
    with ExitStack() as stack:
        for folder in folders:
            stack.enter_context(_locked(folder, say, language))
        yield


@contextmanager
def _locked(folder: Path, say: Callable[[str], None], language: str) -> Iterator[None]:
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder.parent / f".{folder.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(text("build-waiting", folder=folder).render(language))
        try:
            lock.acquire(timeout=WAIT_SECONDS)
        except Timeout:
            busy = text("build-busy", folder=folder, minutes=WAIT_SECONDS // 60)
            raise BuildBusy(busy.render(language)) from None
    try:
        yield
    finally:
        lock.release()


def real_site_dir(target: Path) -> Path:
    """Where the site really goes: a `site` that is a link to a served folder stays a link."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def aside_prefix(target: Path) -> str:
    return f".{target.name}{NEW_PREFIX}"


def new_aside(target: Path) -> Path:
    """An empty folder beside `target` to build the next site in (removed by
    remove_leftovers if the build is killed), readable by a web server."""
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=aside_prefix(target), dir=target.parent))
    aside.chmod(0o755)  # mkdtemp makes it private
    return aside


def remove_leftovers(target: Path) -> None:
    """Folders of builds that were killed half-way; only called while holding the lock."""
    if not target.parent.is_dir():
        return
    for prefix in (aside_prefix(target), f".{target.name}{OLD_PREFIX}"):
        for leftover in target.parent.glob(prefix + "*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


_ADVICE = {  # errno -> the catalogue key of what to do
    errno.EACCES: "os-advice-permissions",
    errno.EPERM: "os-advice-permissions",
    errno.ENOSPC: "os-advice-disk-full",
    errno.EROFS: "os-advice-read-only",
    errno.EDQUOT: "os-advice-quota",
    errno.ENOENT: "os-advice-missing-folder",
    errno.ENOTDIR: "os-advice-file-in-the-way",
    errno.EEXIST: "os-advice-file-in-the-way",
}


def os_error_message(error: OSError, language: str) -> str:
    """One line for the person at the terminal: which path, what happened (the system's
    own words), what to do."""
    path = error.filename or ""
    what = error.strerror or str(error)
    advice = text(_ADVICE.get(error.errno or 0, "os-advice-check-the-path"))
    words = (
        text("os-error", path=path, what=what, advice=advice)
        if path
        else text("os-error-no-path", what=what, advice=advice)
    )
    return words.render(language)


def swap_in(built: Path, target: Path) -> None:
    """Replace the old site with the new one in two renames, so a reader never sees half a site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}{OLD_PREFIX}{os.getpid()}")
        os.replace(target, old)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
