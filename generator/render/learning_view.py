"""What existing pages show of the practice sets and the pipeline's movement: every template
gets this as `learning`, and a product, skill or path page links to its practice set, a
person's and a team's page show the movement, a contest session names its paper, each with
an include of a few lines (templates/_practice_link.md.j2, _person_movement.md.j2 ...).

Practice sets (pages of their own: generator/render/practice.py):

- a product's and a skill's: the questions of their cases, newest first, at most SET_SIZE
  (a page of thousands of questions would be no page to practise on);
- a path's: one page, a section per step with the questions of the cases it has to be read
  (a case read in two steps is asked once, in the first).

A set without questions has no page, and nothing links to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.learning.movement import (
    NO_LEVELS,
    LevelHistory,
    LevelStep,
    days_to_level,
    is_quiet,
    last_steps,
    median_days,
    person_steps,
)
from generator.model import Dataset
from generator.render.contest import paper_command
from generator.render.questions import Question, practice_opt_outs, practice_questions
from generator.render.urls import record_page

PRACTICE_ROOT = "training/practice"
PRACTICE_INDEX = f"{PRACTICE_ROOT}/index.md"
PRACTICE_FOLDERS = {"product": "products", "skill": "skills", "path": "paths"}
SET_SIZE = 50
TEAM_STEPS = 50  # the latest steps a team page lists
DAYS_A_MONTH = 365.25 / 12


def practice_page(kind: str, record_id: str) -> str:
    """The practice set page of a product, skill or path: `training/practice/products/hx-200.md`."""
    return f"{PRACTICE_ROOT}/{PRACTICE_FOLDERS[kind]}/{record_id}.md"


def practice_by_product(data: Dataset, pages: Collection[str]) -> dict[str, str]:
    """Each product's practice page as a URL from the site's root, for its offline pack, from
    the pages rendered: a product has one when its set has questions. (Working the questions
    out again for this alone costs seconds a thousand cases.)"""
    found = {product: practice_page("product", product) for product in data.products}
    return {product: page[: -len(".md")] + "/" for product, page in found.items() if page in pages}


@dataclass(frozen=True)
class PracticeSet:
    kind: str  # product, skill or path
    id: str
    src_uri: str
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]  # (a path's step id, or None; its case ids)

    @property
    def count(self) -> int:
        return sum(len(ids) for _, ids in self.sections)


@dataclass(frozen=True)
class PersonMovement:
    since: dt.date  # the day of the oldest version of the record read
    steps: tuple[LevelStep, ...]  # oldest first
    months_to_independent: tuple[tuple[str, int], ...]  # (skill, months from joining to level 3)


@dataclass(frozen=True)
class TeamMovement:
    since: dt.date | None
    steps: tuple[LevelStep, ...]  # newest first, at most TEAM_STEPS
    all_steps: int
    medians: tuple[tuple[str, int, int], ...]  # (skill, median months from joining to level 3, people)
    quiet: tuple[tuple[str, dt.date | None], ...]  # (skill, its last step) of the skills nobody moved in lately
    year_covered: bool  # the history reaches back a year: "nobody for a year" is then a fact


class LearningView:
    """The practice sets and the movement, worked out once per rendering, when first asked."""

    def __init__(self, data: Dataset, levels: LevelHistory = NO_LEVELS, left_out: Iterable[str] | None = None):
        self.data = data
        self.levels = levels
        self.left_out = frozenset(practice_opt_outs(data) if left_out is None else left_out)

    @cached_property
    def questions(self) -> dict[str, Question]:
        return practice_questions(self.data, self.left_out)

    @cached_property
    def sets(self) -> dict[str, PracticeSet]:
        """Every practice set that has questions, by its page (in the order the index lists them)."""
        data, asked = self.data, self.questions
        found = [self._path_set(path_id) for path_id in sorted(data.paths)]
        for kind, lists, ids in (
            ("product", data.cases_by_product, data.products),
            ("skill", data.cases_by_skill, data.skills),
        ):
            for record_id in ids:
                cases = tuple(cid for cid in lists.get(record_id, []) if cid in asked)[:SET_SIZE]
                found.append(PracticeSet(kind, record_id, practice_page(kind, record_id), ((None, cases),)))
        return {made.src_uri: made for made in found if made.count}

    def _path_set(self, path_id: str) -> PracticeSet:
        """A section per step with questions; a case read in several steps is asked in the first."""
        asked: set[str] = set()
        sections = []
        for step in self.data.paths[path_id].steps:
            ids = tuple(dict.fromkeys(cid for cid in step.read if cid in self.questions and cid not in asked))
            asked.update(ids)
            if ids:
                sections.append((step.id, ids))
        return PracticeSet("path", path_id, practice_page("path", path_id), tuple(sections))

    def practice_for(self, src_uri: str) -> PracticeSet | None:
        """The practice set of the product, skill or path whose page this is, if it has one."""
        for kind in PRACTICE_FOLDERS:
            prefix, _, _ = record_page(kind, "").rpartition("/")
            if src_uri.startswith(prefix + "/") and src_uri != f"{prefix}/index.md":
                return self.sets.get(practice_page(kind, src_uri[len(prefix) + 1 : -len(".md")]))
        return None

    def step_practice(self, path_id: str, step_id: str) -> tuple[PracticeSet, int] | None:
        """A path step's section of the path's practice set, and its number of questions."""
        found = self.sets.get(practice_page("path", path_id))
        sections = dict(found.sections) if found else {}
        return (found, len(sections[step_id])) if found and step_id in sections else None  # type: ignore[return-value]

    # --- the pipeline's movement ---------------------------------------------------------

    def person(self, person_id: str) -> PersonMovement | None:
        """A person's own steps; None when the history holds no version of their record."""
        versions = self.levels.versions.get(person_id)
        if not versions or person_id not in self.data.people:
            return None
        steps = person_steps(self.levels, person_id, self.data.skills)
        reached = days_to_level(steps, self.data.people[person_id].joined)
        months = tuple((skill, _months(days)) for skill, days in sorted(reached.items(), key=self._skill_order))
        return PersonMovement(versions[0].day, tuple(steps), months)

    def team(self, members: Iterable[str], skills: Iterable[str]) -> TeamMovement | None:
        """Who of the team moved up which skill when, the median time to level 3 per skill and
        the skills nobody moved in for a year; None without a history."""
        if not self.levels:
            return None
        members = [pid for pid in members if pid in self.data.people]
        steps = [step for pid in members for step in person_steps(self.levels, pid, self.data.skills)]
        newest = sorted(steps, key=lambda s: (-s.day.toordinal(), s.person, s.skill))
        reached: dict[str, list[int]] = {}
        for pid in members:
            mine = [step for step in steps if step.person == pid]
            for skill, days in days_to_level(mine, self.data.people[pid].joined).items():
                reached.setdefault(skill, []).append(days)
        medians = tuple(
            (skill, _months(median_days(reached[skill]) or 0), len(reached[skill]))
            for skill in sorted(reached, key=lambda s: self._skill_order((s, 0)))
        )
        latest, today = last_steps(steps), self.data.today
        quiet = tuple((skill, latest.get(skill)) for skill in skills if is_quiet(latest.get(skill), today))
        since = self.levels.since()
        covered = since is not None and (today - since).days >= 365
        return TeamMovement(since, tuple(newest[:TEAM_STEPS]), len(steps), medians, quiet, covered)

    def _skill_order(self, item: tuple[str, Any]) -> tuple[int, str]:
        skills = list(self.data.skills)
        return (skills.index(item[0]) if item[0] in skills else len(skills), item[0])

    # --- contest papers -----------------------------------------------------------------

    def paper_command(self, session: Any) -> str | None:
        """The command that makes a contest session's paper again, when its record names one."""
        paper = getattr(session, "paper", None)
        if paper is None or getattr(session, "format", None) != "contest":
            return None
        return paper_command(paper.seed, paper.questions, paper.products, paper.skills, session.id)


def _months(days: float) -> int:
    return round(days / DAYS_A_MONTH)
