"""What keeps a build from hurting what is already there.

- One build at a time per page cache and per site folder: a second one waits its turn.
  Whoever holds a lock says so beside it (`.pages.holder.json`: its process id, its command
  and, for `kb serve`, the address it serves): a build waits for another build, naming it;
  a build or a second server finding a `kb serve` stops at once with a line naming it, as
  a server does not finish on its own. A lock whose holder has ended (a process it started
  may still hold the lock's open file; a file system without locks keeps the lock file) is
  taken over.
- An OS error (permissions, a full disk, a read-only folder) becomes one line that names
  the path and what to do, never a traceback.
- Folders left behind by a build that was killed are removed by the next one.
- A site folder that is a symbolic link is updated where it points.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from generator.messages import text

WAIT_SECONDS = 15 * 60  # a build of 100,000 cases takes minutes; waiting longer means something hangs
NEW_PREFIX, OLD_PREFIX = "-new-", "-old-"
# A holder writes its note just after it takes the lock: a note that names an ended process is
# read again after this long before its lock is taken over, in case a new holder is writing its own.
STALE_GRACE_SECONDS = 0.5


class BuildBusy(RuntimeError):
    pass


class ServerRunning(BuildBusy):
    """A `kb serve` holds the folder: a build or another server cannot share its page cache."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lock: a process (and when it started, so that a process id used again is
    not taken for it), what it runs, and the address a server serves."""

    pid: int
    command: str  # "build" or "serve"
    address: str = ""
    started: str = ""

    @staticmethod
    def this_process(command: str, address: str = "") -> Holder:
        return Holder(os.getpid(), command, address, _start_time(os.getpid()))

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # another user's process
        started = _start_time(self.pid)
        return started != "zombie" and (not self.started or not started or started == self.started)


def _start_time(pid: int) -> str:
    """When the process started (in clock ticks since boot, from Linux's /proc), "zombie" for
    one that has ended but is not yet reaped, or "" where /proc does not tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, IndexError, UnicodeError):
        return ""
    return "zombie" if fields[0] in ("Z", "X") else fields[19]


@contextmanager
def one_build_at_a_time(
    folders: list[Path], say: Callable[[str], None], language: str, holder: Holder | None = None
) -> Iterator[None]:
    """Hold a lock next to each folder (in this order) for the whole build; `holder` (this
    process, a build, when not given) is written beside each."""
    holder = holder or Holder.this_process("build")
    with ExitStack() as stack:
        for folder in folders:
            stack.enter_context(_locked(folder, say, language, holder))
        yield


def holder_file(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.holder.json"


def read_holder(folder: Path) -> Holder | None:
    """The holder written beside the folder's lock, or None (none written, or unreadable)."""
    try:
        said = json.loads(holder_file(folder).read_text(encoding="utf-8"))
        return Holder(int(said["pid"]), str(said["command"]), str(said.get("address", "")), str(said["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@contextmanager
def _locked(folder: Path, say: Callable[[str], None], language: str, holder: Holder) -> Iterator[None]:
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock_file = folder.parent / f".{folder.name}.lock"
    lock = FileLock(str(lock_file))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        lock = _when_busy(lock, folder, say, language)
    note = holder_file(folder)
    try:
        note.write_text(json.dumps(asdict(holder)) + "\n", encoding="utf-8")
        yield
    finally:
        if read_holder(folder) == holder:
            note.unlink(missing_ok=True)
        lock.release()


def _when_busy(lock: FileLock, folder: Path, say: Callable[[str], None], language: str) -> FileLock:
    """The lock, once its holder is gone: taken over from an ended one, waited for from a
    build; a server that holds it is named (ServerRunning)."""
    other = read_holder(folder)
    if other is not None and not other.alive():
        time.sleep(STALE_GRACE_SECONDS)
        if _acquired(lock):
            return lock
        if read_holder(folder) == other:
            say(text("build-stale-lock", folder=folder, pid=other.pid).render(language))
            return _taken_over(lock)
        other = read_holder(folder)
    if other is not None and other.alive() and other.command == "serve":
        words = text("build-server-running", folder=folder, pid=other.pid, address=other.address)
        raise ServerRunning(words.render(language))
    if other is not None and other.alive():
        say(text("build-waiting-for", folder=folder, pid=other.pid).render(language))
    else:
        say(text("build-waiting", folder=folder).render(language))
    try:
        lock.acquire(timeout=WAIT_SECONDS)
    except Timeout:
        busy = text("build-busy", folder=folder, minutes=WAIT_SECONDS // 60)
        raise BuildBusy(busy.render(language)) from None
    return lock


def _acquired(lock: FileLock) -> bool:
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return False
    return True


def _taken_over(lock: FileLock) -> FileLock:
    """A new lock file in place of the one an ended process left held: whatever still holds
    the old one (a process it started, which kept the open file) holds a file no one opens again."""
    Path(lock.lock_file).unlink(missing_ok=True)
    fresh = FileLock(lock.lock_file)
    fresh.acquire(timeout=WAIT_SECONDS)
    return fresh


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
