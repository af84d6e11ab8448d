"""Each record file's history from git: created (when, by whom), last changed, revisions.

One `git log` over the whole data folder, newest commit first, parsed in one pass; a
file renamed with `git mv` keeps its history. Without git, outside a repository or in
a shallow clone (whose oldest commit would pass for every file's creation), there is
no history and nothing is said: the site is built as it would be without it.

Commit metadata is input like any other: anyone can commit under any name, with any date,
and a repository may be hostile. What git prints is bounded in size and in time; a commit
whose metadata cannot be read leaves the files it touched without history; and an author
is never published as written. `attributed` turns each author into the person of people/
that the name names (after git's own .mailmap), or into None, which pages show as "a
colleague"; e-mail addresses are not even read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from generator.language import DEFAULT_LANGUAGE
from generator.load.text import control_character_in_value, line_break_in
from generator.messages import text
from generator.privacy import personal_data_in

log = logging.getLogger("mkdocs.plugins.servicekb")
GIT_TIMEOUT = 60  # seconds; a 10,000-case history is read in a tenth of one
MAX_LOG_BYTES = 256 * 1024 * 1024  # some four million changed files; more is no team's data folder
MAX_AUTHOR = 200  # characters of an author's name that may still name a person
COMMIT = "\x1e"  # starts each commit in the log output
FIELD = "\x1f"
# Settings of whoever runs the build that would change what the log prints.
GIT_SETTINGS = (
    "-c", "log.showSignature=false", "-c", "core.quotePath=false", "-c", "diff.relative=false",
    "-c", "i18n.logOutputEncoding=UTF-8",
)  # fmt: skip


@dataclass(frozen=True)
class FileHistory:
    created: dt.date
    # Read from git: the author's name (after .mailmap). In the Dataset (`attributed`): the
    # id of the person it names, or None for a colleague the records do not name.
    created_by: str | None
    changed: dt.date
    changed_by: str | None
    revisions: int

    @property
    def edited(self) -> bool:
        """Changed after it was first committed (not only created)."""
        return self.revisions > 1


@dataclass(frozen=True)
class History:
    """The history of every committed file under the data folder, by its path there."""

    prefix: str = ""  # the data folder inside the repository, e.g. `data/`
    files: Mapping[str, FileHistory] = field(default_factory=dict)

    def of(self, relative: str) -> FileHistory | None:
        return self.files.get(relative)

    def __bool__(self) -> bool:
        return bool(self.files)


NO_HISTORY = History()


def read_history(data_dir: Path, language: str = DEFAULT_LANGUAGE) -> History:
    """The history of data_dir's files, or NO_HISTORY when git cannot tell it."""
    where = _repository_prefix(data_dir, language)
    if where is None:
        return NO_HISTORY
    output = _git(data_dir, language, "log", "-z", "-M", "--name-status", "--relative", "--no-show-signature",
                  "--use-mailmap", f"--format={COMMIT}%H{FIELD}%aI{FIELD}%aN", "--", ".")  # fmt: skip
    if output is None:
        return NO_HISTORY
    return History(where, parse_log(output))


def _repository_prefix(data_dir: Path, language: str) -> str | None:
    output = _git(data_dir, language, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if output is None:
        return None
    lines = output.splitlines()
    if len(lines) != 2 or lines[1] != "false":
        if len(lines) == 2:
            log.info(text("history-shallow", folder=str(data_dir)).render(language))
        return None
    return lines[0]


def _git(folder: Path, language: str, *args: str) -> str | None:
    """What git prints, or None when it fails, is missing, prints too much or takes too long."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        process = subprocess.Popen(
            ["git", *GIT_SETTINGS, *args],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            start_new_session=os.name == "posix",  # its own process group, stopped as a whole
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git: the site is built without history
    with process:
        reader = _BoundedReader(process.stdout, MAX_LOG_BYTES)
        reader.start()
        deadline = time.monotonic() + GIT_TIMEOUT
        reader.join(GIT_TIMEOUT)
        try:
            finished = not reader.is_alive() and not reader.too_long
            status = process.wait(max(deadline - time.monotonic(), 0.1)) if finished else None
        except subprocess.TimeoutExpired:
            status = None
        if status is None:
            _stop(process)
            reader.join(5)
            words = "history-too-long" if reader.too_long else "history-too-slow"
            log.warning(text(words, folder=str(folder), seconds=GIT_TIMEOUT, size=MAX_LOG_BYTES >> 20).render(language))
            return None
    return reader.output().decode("utf-8", errors="surrogateescape") if status == 0 else None


def _stop(process: subprocess.Popen) -> None:
    """Kill git and whatever it started (a hook, a pager, a filter) that could hold its output open."""
    if os.name == "posix":
        with contextlib.suppress(OSError):  # already gone
            os.killpg(process.pid, signal.SIGKILL)
    process.kill()


class _BoundedReader(threading.Thread):
    """Reads a pipe to its end, or stops at `limit` bytes (the writer is then killed)."""

    def __init__(self, pipe: IO[bytes], limit: int) -> None:
        super().__init__(daemon=True)
        self.pipe, self.limit = pipe, limit
        self.chunks: list[bytes] = []
        self.size = 0
        self.too_long = False

    def run(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # the pipe closed under it: git was stopped
            while chunk := self.pipe.read1(1 << 16):
                self.size += len(chunk)
                if self.size > self.limit:
                    self.too_long = True
                    return
                self.chunks.append(chunk)

    def output(self) -> bytes:
        return b"".join(self.chunks)


@dataclass
class _Entry:
    created: dt.date
    created_by: str
    changed: dt.date
    changed_by: str
    revisions: int = 1


def parse_log(output: str) -> dict[str, FileHistory]:
    """`git log -z --name-status` (newest first) -> each present file's history.

    Walking back in time, a rename maps the file's older name to its present one; the
    commit that added a file ends its history (an older file of the same name was
    another file), and a file deleted since is no present file at all. A file that a
    commit without a readable date or author touched has no history: better none than
    a wrong one.
    """
    present_name: dict[str, str] = {}  # a name in older commits -> the file's name now
    finished: set[str] = set()
    unreadable: set[str] = set()
    found: dict[str, _Entry] = {}
    for day, author, changes in _commits(output):
        for status, paths in changes:
            name = present_name.get(paths[-1], paths[-1])
            if status == "R":
                present_name[paths[0]] = name  # older commits call it by its old name
            if name in finished:
                continue
            if day is None:
                unreadable.add(name)
            elif status == "D":
                if name not in found:
                    finished.add(name)  # deleted since: not a file of the folder now
                continue
            elif (entry := found.get(name)) is None:
                found[name] = _Entry(day, author, day, author)
            else:
                entry.created, entry.created_by, entry.revisions = day, author, entry.revisions + 1
            if status in ("A", "C"):
                finished.add(name)
    return {
        name: FileHistory(e.created, e.created_by, e.changed, e.changed_by, e.revisions)
        for name, e in sorted(found.items())
        if name not in unreadable
    }


def _commits(output: str) -> Iterator[tuple[dt.date | None, str, list[tuple[str, list[str]]]]]:
    """(the author's day, author, changes) of each commit; the day is None when the commit's
    header cannot be read (a date git itself would not write, a name that splits the header)."""
    for chunk in output.split(COMMIT)[1:]:
        header, _, body = chunk.partition("\0")
        yield *_header(header), list(_changes(body.lstrip("\n").split("\0")))


def _header(header: str) -> tuple[dt.date | None, str]:
    parts = header.split(FIELD)
    if len(parts) != 3:
        return None, ""
    try:
        return dt.datetime.fromisoformat(parts[1]).date(), parts[2]  # the author's own calendar day
    except (ValueError, OverflowError):
        return None, ""


def _changes(tokens: list[str]) -> Iterator[tuple[str, list[str]]]:
    index = 0
    while index < len(tokens):
        status = tokens[index][:1]
        if not status:
            index += 1
            continue
        width = 2 if status in ("R", "C") else 1
        paths = tokens[index + 1 : index + 1 + width]
        index += 1 + width
        if len(paths) == width:
            yield status, paths


# --- Who: the person an author names, or no one -----------------------------------------


def attributed(history: History, people: Mapping[str, Iterable[str | None]]) -> History:
    """The history with each author replaced by the id of the person it names, or None.

    `people`: each person's id -> the names they are known by (name, name_en). An author
    names a person when it equals one of these or the id, ignoring case and runs of spaces;
    a name two people share names no one. An author that holds a control character, a line
    break or personal data is never matched, let alone shown.
    """
    known = _known_names(people)
    cache: dict[str | None, str | None] = {}

    def who(author: str | None) -> str | None:
        if author not in cache:
            cache[author] = known.get(_folded(author)) if author and _may_name_someone(author) else None
        return cache[author]

    files = {
        name: replace(entry, created_by=who(entry.created_by), changed_by=who(entry.changed_by))
        for name, entry in history.files.items()
    }
    return History(history.prefix, files)


def _known_names(people: Mapping[str, Iterable[str | None]]) -> dict[str, str | None]:
    known: dict[str, str | None] = {}
    for person_id, names in people.items():
        for form in {_folded(name) for name in (person_id, *names) if name}:
            known[form] = person_id if known.get(form, person_id) == person_id else None  # shared: no one
    return known


def _folded(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def _may_name_someone(author: str) -> bool:
    """What passes the records' own checks: no control character or line break, no personal data."""
    if len(author) > MAX_AUTHOR or control_character_in_value(author) is not None or line_break_in(author) is not None:
        return False
    return not personal_data_in(author)
