"""The pipeline's movement: each person's skill levels over time, read from the git history of
their record, `people/<id>.yml`.

Why git rather than a dated field in the record: the levels are already kept there, every
raise of a level is a commit that changed it, and a dated list written beside them would be
a second account of the same facts that drifts from the first. A repository without history
(a copy, an export, a shallow clone) shows no movement, as it shows no record history.

One `git log` reads every version of the people files, as the main line of the repository
saw them (`--first-parent`: a branch merged counts on the day it was merged), each in full
(a diff with the whole file as its context), newest first, bounded like the record history
(generator/history.py: 256 MiB, 60 s) and to MAX_COMMITS commits. Each version is read with
the records' own strict YAML reader; one that cannot be read (a broken commit fixed in the
next) is passed over. A file's life starts where it was last created: a person whose file
was deleted and written again, or renamed, starts again there. A commit whose date git
cannot print leaves its files without movement, rather than a wrong one.

A *step* is a commit that raised a skill's level (or added a skill) against the version
before it. The levels of a file's first version are where the person started when the
record was made, not steps: a record written for an experienced engineer is no movement.
Nothing here is a verdict or a score: the pages show dates and levels, and time to a level.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.history import repository_prefix, run_git
from generator.language import DEFAULT_LANGUAGE
from generator.load.strict_yaml import LoadError, parse_document

MAX_COMMITS = 20_000  # commits that changed a person's file; the newest are read
CONTEXT_LINES = 100_000  # a diff's context: every line of a record file, so each version is whole
MAX_VERSION_LINES = 10_000  # a longer version is no record file (the loader refuses them too)
INDEPENDENT = 3  # the level whose time from joining the pages show
QUIET_DAYS = 365  # a skill in which nobody moved for this long is listed
COMMIT = "\x1e"
FIELD = "\x1f"
PERSON_FILE = re.compile(r"^people/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$")
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
LEVELS = range(1, 5)


@dataclass(frozen=True)
class LevelVersion:
    """The skill levels one version of a person's record held, and the day it was committed."""

    day: dt.date
    skills: Mapping[str, int]


@dataclass(frozen=True)
class LevelHistory:
    """Each person's versions (by person id), oldest first, of the record's present life."""

    versions: Mapping[str, tuple[LevelVersion, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.versions)

    def since(self) -> dt.date | None:
        """The day of the oldest version read: how far back the history goes."""
        return min((versions[0].day for versions in self.versions.values() if versions), default=None)


NO_LEVELS = LevelHistory()


@dataclass(frozen=True)
class LevelStep:
    """A commit that raised a person's level in a skill: `before` 0 when the skill was not held."""

    person: str
    skill: str
    before: int
    after: int
    day: dt.date


# --- Reading the history ------------------------------------------------------------------


def read_level_history(data_dir: Path, language: str = DEFAULT_LANGUAGE) -> LevelHistory:
    """Every person file's versions from git, or NO_LEVELS when git cannot tell them."""
    if repository_prefix(data_dir, language) is None:
        return NO_LEVELS
    output = run_git(data_dir, language, *_log_arguments())
    return parse_level_log(output) if output is not None else NO_LEVELS


def _log_arguments() -> list[str]:
    """`git log` of the people files, each change as the whole new file, whatever the settings of
    whoever runs it (prefixes, colour, external diff programs, the first commit's diff)."""
    return [
        "-c", "log.showRoot=true", "log", "--first-parent", "--diff-merges=first-parent", "--no-renames",
        "-p", f"--unified={CONTEXT_LINES}", "--no-color", "--no-ext-diff", "--no-textconv",
        "--src-prefix=a/", "--dst-prefix=b/", "--relative", f"--max-count={MAX_COMMITS}",
        f"--format={COMMIT}%H{FIELD}%aI", "--", "people",
    ]  # fmt: skip


def parse_level_log(output: str) -> LevelHistory:
    """The output of `_log_arguments` (newest commit first) -> each person's versions, oldest first."""
    lives: dict[str, list[tuple[dt.date, str | None]]] = {}  # path -> (day, text or None: deleted), newest first
    unreadable: set[str] = set()
    for day, path, text in _file_changes(output):
        if day is None:
            unreadable.add(path)
        lives.setdefault(path, []).append((day, text))  # type: ignore[arg-type]
    versions: dict[str, tuple[LevelVersion, ...]] = {}
    for path, changes in sorted(lives.items()):
        match = PERSON_FILE.match(path)
        if match is None or path in unreadable:
            continue
        present = _present_life(changes)
        found = tuple(version for day, text in present if (version := _version(day, text)) is not None)
        if found:
            versions[match["id"]] = found
    return LevelHistory(versions)


def _present_life(changes: list[tuple[dt.date, str | None]]) -> list[tuple[dt.date, str]]:
    """The versions since the file was last deleted, oldest first (`changes` are newest first)."""
    present: list[tuple[dt.date, str]] = []
    for day, text in changes:
        if text is None:
            break  # deleted here: what came before was another life of the file
        present.append((day, text))
    return present[::-1]


def _version(day: dt.date, text: str) -> LevelVersion | None:
    """The levels a version holds, or None for one the records' reader refuses."""
    try:
        document = parse_document(text, "people")
    except LoadError:
        return None
    skills = document.data.get("skills") if isinstance(document.data, dict) else None
    if skills is None:
        skills = {}
    if not isinstance(skills, dict):
        return None
    levels = {
        skill: level
        for skill, level in skills.items()
        if isinstance(skill, str) and isinstance(level, int) and not isinstance(level, bool) and level in LEVELS
    }
    return LevelVersion(day, levels)


def _file_changes(output: str) -> Iterator[tuple[dt.date | None, str, str | None]]:
    """(the commit's day, path, the file's new text or None when deleted) of every file change,
    in the log's order. The day is None when the commit's header cannot be read."""
    day: dt.date | None = None
    lines = output.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith(COMMIT):
            day = _commit_day(line[1:])
            index += 1
        elif line.startswith("diff --git "):
            change, index = _file_change(lines, index + 1)
            if change is not None:
                yield (day, *change)
        else:
            index += 1


def _commit_day(header: str) -> dt.date | None:
    parts = header.split(FIELD)
    if len(parts) != 2:
        return None
    try:
        return dt.datetime.fromisoformat(parts[1]).date()  # the author's own calendar day
    except (ValueError, OverflowError):
        return None


def _file_change(lines: list[str], index: int) -> tuple[tuple[str, str | None] | None, int]:
    """One file's diff from the line after `diff --git`: ((path, new text or None), the next
    line's index); no change when the diff holds no readable whole version."""
    old = new = None
    hunks: list[list[str] | None] = []
    while index < len(lines) and not lines[index].startswith(("diff --git ", COMMIT)):
        line = lines[index]
        if line.startswith("--- ") and not hunks:
            old = _diff_path(line[4:], "a/")
        elif line.startswith("+++ ") and not hunks:
            new = _diff_path(line[4:], "b/")
        elif (hunk := HUNK.match(line)) is not None:
            body, index = _hunk(lines, index + 1, hunk)
            hunks.append(body)
            continue
        index += 1
    if new is None and old is not None:
        return (old, None), index  # deleted
    if new is None or len(hunks) != 1 or hunks[0] is None:
        return None, index  # a mode change, a binary file, or a version not whole
    return (new, "\n".join(hunks[0]) + "\n"), index


def _diff_path(written: str, prefix: str) -> str | None:
    """A path of a `---`/`+++` line; None for /dev/null (the file did not exist on that side)."""
    written = written.split("\t", 1)[0]  # git adds a tab after a name with a space
    return written[len(prefix) :] if written.startswith(prefix) else None


def _hunk(lines: list[str], index: int, header: re.Match) -> tuple[list[str] | None, int]:
    """The new side of a hunk, read by its counts (a line of the file may look like a header);
    None when it is not the whole file (a file longer than the context, a hunk cut short)."""
    old_left = int(header[2]) if header[2] is not None else 1
    new_left = int(header[4]) if header[4] is not None else 1
    new_start = int(header[3])
    body: list[str] = []
    while (old_left > 0 or new_left > 0) and index < len(lines):
        line = lines[index]
        mark, rest = line[:1], line[1:]
        if mark in (" ", ""):  # "": an empty context line, as diff.suppressBlankEmpty writes it
            body.append(rest)
            old_left, new_left = old_left - 1, new_left - 1
        elif mark == "-":
            old_left -= 1
        elif mark == "+":
            body.append(rest)
            new_left -= 1
        elif mark != "\\":  # "\ No newline at end of file"
            break
        index += 1
    while index < len(lines) and lines[index].startswith("\\"):
        index += 1
    whole = new_start <= 1 and new_left == 0 and len(body) <= MAX_VERSION_LINES
    return (body if whole else None), index


# --- Steps and figures ----------------------------------------------------------------------


def person_steps(history: LevelHistory, person: str, skills: Iterable[str] | None = None) -> list[LevelStep]:
    """The person's steps, oldest first; only in `skills` (the taxonomy's) when given."""
    known = set(skills) if skills is not None else None
    steps = []
    versions = history.versions.get(person, ())
    for before, after in itertools.pairwise(versions):
        for skill, level in sorted(after.skills.items()):
            was = before.skills.get(skill, 0)
            if level > was and (known is None or skill in known):
                steps.append(LevelStep(person, skill, was, level, after.day))
    return steps


def days_to_level(steps: Iterable[LevelStep], joined: dt.date, level: int = INDEPENDENT) -> dict[str, int]:
    """Per skill, the days from joining to the step that first reached `level` (a record made at
    that level already has no such step); a step dated before joining counts for nothing."""
    reached: dict[str, int] = {}
    for step in steps:
        if step.before < level <= step.after and step.skill not in reached and step.day >= joined:
            reached[step.skill] = (step.day - joined).days
    return reached


def median_days(values: Iterable[int]) -> float | None:
    found = list(values)
    return statistics.median(found) if found else None


def last_steps(steps: Iterable[LevelStep]) -> dict[str, dt.date]:
    """Each skill's latest step."""
    latest: dict[str, dt.date] = {}
    for step in steps:
        if step.day > latest.get(step.skill, dt.date.min):
            latest[step.skill] = step.day
    return latest


def is_quiet(last: dt.date | None, today: dt.date) -> bool:
    """Nobody moved in the skill for QUIET_DAYS before today (or ever, in the history)."""
    return last is None or (today - last).days >= QUIET_DAYS
