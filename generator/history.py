"""Each record file's history from git: created (when, by whom), last changed, revisions.

One `git log` over the whole data folder, newest commit first, parsed in one pass; a
file renamed with `git mv` keeps its history. Without git, outside a repository or in
a shallow clone (whose oldest commit would pass for every file's creation), there is
no history and nothing is said: the site is built as it would be without it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.servicekb")
GIT_TIMEOUT = 120  # seconds; a 10,000-case history is read in about one
COMMIT = "\x1e"  # starts each commit in the log output
FIELD = "\x1f"
# Settings of whoever runs the build that would change what the log prints.
GIT_SETTINGS = ("-c", "log.showSignature=false", "-c", "core.quotePath=false", "-c", "diff.relative=false")


@dataclass(frozen=True)
class FileHistory:
    created: dt.date
    created_by: str
    changed: dt.date
    changed_by: str
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


def read_history(data_dir: Path) -> History:
    """The history of data_dir's files, or NO_HISTORY when git cannot tell it."""
    where = _repository_prefix(data_dir)
    if where is None:
        return NO_HISTORY
    output = _git(data_dir, "log", "-z", "-M", "--name-status", "--relative", "--no-show-signature",
                  f"--format={COMMIT}%H{FIELD}%aI{FIELD}%aN", "--", ".")  # fmt: skip
    if output is None:
        return NO_HISTORY
    return History(where, parse_log(output))


def _repository_prefix(data_dir: Path) -> str | None:
    output = _git(data_dir, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if output is None:
        return None
    lines = output.splitlines()
    if len(lines) != 2 or lines[1] != "false":
        if len(lines) == 2:
            log.info("no record history: %s is a shallow clone (check out with fetch-depth: 0)", data_dir)
        return None
    return lines[0]


def _git(folder: Path, *args: str) -> str | None:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        result = subprocess.run(
            ["git", *GIT_SETTINGS, *args],
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            env=environment,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git, or it hangs: the site is built without history
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="surrogateescape")


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
    another file), and a file deleted since is no present file at all.
    """
    present_name: dict[str, str] = {}  # a name in older commits -> the file's name now
    finished: set[str] = set()
    found: dict[str, _Entry] = {}
    for day, author, changes in _commits(output):
        for status, paths in changes:
            name = present_name.get(paths[-1], paths[-1])
            if status == "R":
                present_name[paths[0]] = name  # older commits call it by its old name
            if name in finished:
                continue
            if status == "D":
                if name not in found:
                    finished.add(name)  # deleted since: not a file of the folder now
                continue
            entry = found.get(name)
            if entry is None:
                found[name] = _Entry(day, author, day, author)
            else:
                entry.created, entry.created_by, entry.revisions = day, author, entry.revisions + 1
            if status in ("A", "C"):
                finished.add(name)
    return {
        name: FileHistory(e.created, e.created_by, e.changed, e.changed_by, e.revisions)
        for name, e in sorted(found.items())
    }


def _commits(output: str) -> Iterator[tuple[dt.date, str, list[tuple[str, list[str]]]]]:
    for chunk in output.split(COMMIT)[1:]:
        header, _, body = chunk.partition("\0")
        parts = header.split(FIELD)
        if len(parts) != 3:
            continue
        _, date_text, author = parts
        try:
            day = dt.datetime.fromisoformat(date_text).date()  # the author's own calendar day
        except ValueError:
            continue
        yield day, author, list(_changes(body.lstrip("\n").split("\0")))


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
