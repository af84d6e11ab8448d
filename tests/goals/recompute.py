"""The goals' figures worked out again from the raw files, without the generator's code: the
records read with PyYAML, the ticket exports with Python's csv module (tests/tickets/recompute.py),
each figure by its definition as the goal pages state it, and written as the pages write it."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.tickets.recompute import rows, yaml_records

ALL = None  # the organisation: a goal without a team


@dataclass(frozen=True)
class Span:
    first: dt.date
    until: dt.date  # the last day counted: the period's last, or today while it runs


def span(period: str, today: dt.date) -> Span:
    """`2026`, `2026-H2`, `2026-Q4` or `2026-11` from its first day to its last (or today)."""
    year, rest = int(period[:4]), period[5:]
    if not rest:
        first_month, months = 1, 12
    elif rest[0] == "H":
        first_month, months = (1, 6) if rest == "H1" else (7, 6)
    elif rest[0] == "Q":
        first_month, months = 3 * (int(rest[1]) - 1) + 1, 3
    else:
        first_month, months = int(rest), 1
    last_month = first_month + months - 1
    following = dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)
    return Span(dt.date(year, first_month, 1), min(following - dt.timedelta(days=1), today))


class Folder:
    """A data folder's records, read as plain YAML and CSV."""

    def __init__(self, data_dir: Path, today: dt.date) -> None:
        self.today = today
        self.people = {p["id"]: p for p in yaml_records(data_dir, "people")}
        self.cases = {c["id"]: c for c in yaml_records(data_dir, "cases")}
        self.sessions = yaml_records(data_dir, "sessions")
        self.pairs = yaml_records(data_dir, "mentoring")
        self.skills = self._skills(data_dir)
        self.tickets = self._tickets(data_dir)

    @staticmethod
    def _skills(data_dir: Path) -> list[str]:
        taxonomy = yaml.safe_load((data_dir / "taxonomy.yml").read_text(encoding="utf-8"))
        return [entry["id"] for entry in taxonomy.get("skills", [])]

    def _tickets(self, data_dir: Path) -> list:
        """Each ticket once (its first row), its links to cases that exist, each once, its engineer by id."""
        names = {}
        for pid, person in self.people.items():
            names.update({pid: pid, person["name"]: pid, **({person["name_en"]: pid} if person.get("name_en") else {})})
        seen, found = set(), []
        if not (data_dir / "tickets").is_dir():
            return found
        for row in rows(data_dir):
            if row.ticket in seen:
                continue
            seen.add(row.ticket)
            row.engineer = names.get(row.engineer, row.engineer)
            row.cases = list(dict.fromkeys(c for c in row.cases if c in self.cases))
            found.append(row)
        return found

    # ---- who counts ----------------------------------------------------------------------

    def team_of(self, person_id: str) -> str | None:
        return self.people[person_id]["team"] if person_id in self.people else None

    def case_team(self, case: dict) -> str:
        return case.get("team") or self.team_of(case["authors"][0])

    def in_post(self, team: str | None, day: dt.date) -> list[str]:
        return [
            pid
            for pid, p in self.people.items()
            if (team is ALL or p["team"] == team) and p["joined"] <= day and (not p.get("left") or p["left"] > day)
        ]

    # ---- the figures, by their definitions -------------------------------------------------

    def _closed(self, team, s: Span) -> list:
        return [
            t
            for t in self.tickets
            if t.closed and s.first <= t.closed <= s.until and (team is ALL or self.team_of(t.engineer) == team)
        ]

    def link_rate(self, team, s: Span):
        closed = self._closed(team, s)
        return sum(1 for t in closed if t.cases) / len(closed) * 100 if closed else None

    def reuse_rate(self, team, s: Span):
        links = [(t, c) for t in self._closed(team, s) for c in t.cases]
        reuse = sum(1 for t, c in links if self.cases[c]["solved_on"] < t.opened)
        return reuse / len(links) * 100 if links else None

    def participation(self, team, s: Span):
        engineers = set(self.in_post(team, s.until))
        active = {t.engineer for t in self._closed(team, s) if t.cases} & engineers
        return len(active) / len(engineers) * 100 if engineers else None

    def _cases_in(self, team, s: Span) -> list[dict]:
        return [
            c
            for c in self.cases.values()
            if s.first <= c["solved_on"] <= s.until and (team is ALL or self.case_team(c) == team)
        ]

    def cases_written(self, team, s: Span):
        return len(self._cases_in(team, s))

    def cases_validated(self, team, s: Span):
        return sum(1 for c in self._cases_in(team, s) if c["state"] == "validated")

    def days_to_validation(self, team, s: Span):
        days = []
        for case in self._cases_in(team, s):
            opened = [t.opened for t in self.tickets if case["id"] in t.cases]
            if case["state"] == "validated" and opened and min(opened) <= case["solved_on"]:
                days.append((case["solved_on"] - min(opened)).days)
        return statistics.median(days) if days else None

    def _held(self, s: Span) -> list[dict]:
        return [x for x in self.sessions if s.first <= x["date"] <= s.until and x["date"] <= self.today]

    def training_hours_per_person(self, team, s: Span):
        hours = sum(
            x["hours"] * sum(1 for p in x.get("attendees", []) if team is ALL or self.team_of(p) == team)
            for x in self._held(s)
        )
        people = len(self.in_post(team, s.until))
        return hours / people if people else None

    def sessions_held(self, team, s: Span):
        return sum(
            1
            for x in self._held(s)
            if team is ALL or any(self.team_of(p) == team for p in x["trainers"] + x.get("attendees", []))
        )

    def active_pairs(self, team, s: Span):
        return sum(
            1
            for pair in self.pairs
            if (team is ALL or self.team_of(pair["mentee"]) == team)
            and pair["started"] <= s.until
            and (pair["status"] == "active" or (pair.get("ends") and pair["ends"] >= s.first))
        )

    def second_teacher(self, team, s: Span):
        people = self.in_post(team, s.until)
        levels = {pid: self.people[pid].get("skills") or {} for pid in people}
        cases = [c for c in self.cases.values() if team is ALL or self.case_team(c) == team]
        used = {k for pid in people for k in levels[pid]} | {k for c in cases for k in c.get("skills", [])}
        skills = [k for k in self.skills if k in used]
        taught = [k for k in skills if sum(1 for pid in people if levels[pid].get(k, 0) >= 4) >= 2]
        return len(taught) / len(skills) * 100 if skills else None


UNITS = {
    "link_rate": "%",
    "reuse_rate": "%",
    "participation": "%",
    "second_teacher": "%",
    "days_to_validation": " 天",
    "training_hours_per_person": " 小时",
}


def written(figure: str, value) -> str:
    """As a Chinese page writes it: whole percent (halves up), hours to a tenth, days to a half, counts whole."""
    if value is None:
        return "—"
    unit = UNITS.get(figure, "")
    if unit == "%":
        number = math.floor(value + 0.5)
    elif unit == " 小时":
        number = math.floor(value * 10 + 0.5) / 10
    elif unit == " 天":
        number = math.floor(value * 2 + 0.5) / 2
    else:
        number = value
    text = str(int(number)) if float(number).is_integer() else f"{number:g}"
    return text + unit


def actual(folder: Folder, figure: str, team: str | None, period: str) -> str:
    s = span(period, folder.today)
    if s.first > folder.today:
        return "—"
    return written(figure, getattr(folder, figure)(team, s))
