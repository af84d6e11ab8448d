"""The one registry of the figures goals are set on: for each figure (generator/figure_definitions.py
says its unit and which way is better; the catalogue gives its name and definition) the one
function that computes it for a team, or the whole organisation, over a period.

The goal pages, the knowledge-health page, the training figures and the team pages read the
figures from here, so the same definition over the same period gives the same number on
every page. A period that has not ended is counted up to today; one that has not begun has
no figure. Nothing here is a figure of a person: a team (or everyone) is the smallest unit.

Definitions, besides the ticket ones of generator/tickets/figures.py:
- A case counts for its team (its first author's when it names none), in the period it was
  solved; it counts as validated on its validation day (tickets.figures.validation_day).
- People in post: people of either role who had joined by the period's end (or today, for a
  running period) and had not left by then.
- Training hours: the hours of each session held in the period, once per attendee of the team.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from generator.figure_definitions import DEFINITION, FIGURE_KEYS, FigureDefinition, rounded, shown
from generator.metrics import TEACHING_LEVEL, case_team, skill_matrix
from generator.model import Dataset
from generator.periods import Period, parse_period
from generator.tickets import figures as tickets
from generator.tickets.figures import ALL_TEAMS, PeriodFigures, current_engineers, days_summary
from generator.tickets.ticket import Ticket

__all__ = ["ALL_TEAMS", "FIGURES", "Figures", "Measured", "rounded", "shown"]


@dataclass(frozen=True)
class Measured:
    """A figure over a period: its value in the figure's unit (a share in percent), or None
    when there is nothing to count; the last day counted, and whether the period is still running."""

    value: float | None
    until: dt.date
    running: bool


class Figures:
    """The figures of one Dataset. The records are sorted by day once, so that each figure of
    a (team, period) is a look into them rather than a pass over every record."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    # ---- what a period counts ----------------------------------------------------------

    def until(self, period: Period) -> dt.date | None:
        """The last day counted: the period's last, or today while it runs; None before it begins."""
        if period.first_day > self.data.today:
            return None
        return min(period.last_day, self.data.today)

    def measure(self, key: str, team: str, period: Period | str) -> Measured:
        """Figure `key` for `team` (ALL_TEAMS for everyone) over `period`."""
        period = _period(period)
        until = self.until(period)
        running = period.last_day >= self.data.today
        if until is None:
            return Measured(None, period.first_day, True)
        return Measured(FIGURES[key].compute(self, team, period.first_day, until), until, running)

    # ---- tickets -----------------------------------------------------------------------

    @cached_property
    def _closed(self) -> tuple[list[dt.date], list[Ticket]]:
        dated = sorted(
            ((t.closed, index) for index, t in enumerate(self.data.tickets) if t.closed is not None),
            key=lambda item: item,
        )
        return [day for day, _ in dated], [self.data.tickets[index] for _, index in dated]

    def tickets(self, team: str, first: dt.date, until: dt.date) -> PeriodFigures:
        """The ticket figures (tickets.figures.period_figures) of the tickets closed from `first` to `until`."""
        days, closed = self._closed
        chosen = closed[bisect.bisect_left(days, first) : bisect.bisect_right(days, until)]
        return tickets.period_figures(self.data, chosen, team, until)

    def monthly(self, team: str = ALL_TEAMS) -> dict[str, PeriodFigures]:
        """Month -> the ticket figures of the tickets closed in it, every month from the first
        ticket's to today's (the knowledge-health page and api/tickets.json)."""
        months = {}
        for month in tickets.ticket_months(self.data):
            period = _period(month)
            months[month] = self.tickets(team, period.first_day, min(period.last_day, self.data.today))
        return months

    def last_year(self, team: str = ALL_TEAMS) -> PeriodFigures:
        """The ticket figures of the twelve months up to today."""
        first = tickets.year_before(self.data.today) + dt.timedelta(days=1)
        return self.tickets(team, first, self.data.today)

    # ---- cases -------------------------------------------------------------------------

    @cached_property
    def _cases(self) -> tuple[list[dt.date], list[tuple[str, str]]]:
        """(day solved, (case, its team)) of every case, by day."""
        dated = sorted((case.solved_on, cid) for cid, case in self.data.cases.items())
        return [day for day, _ in dated], [(cid, case_team(self.data, cid) or "") for _, cid in dated]

    def cases_solved(self, team: str, first: dt.date, until: dt.date) -> list[str]:
        days, cases = self._cases
        chosen = cases[bisect.bisect_left(days, first) : bisect.bisect_right(days, until)]
        return [cid for cid, owner in chosen if team == ALL_TEAMS or owner == team]

    @cached_property
    def _validated(self) -> tuple[list[dt.date], list[tuple[str, str]]]:
        """(validation day, (case, its team)) of every validated case, by day."""
        dated = sorted(
            (tickets.validation_day(self.data, cid), cid)
            for cid, c in self.data.cases.items()
            if c.state == "validated"
        )
        return [day for day, _ in dated], [(cid, case_team(self.data, cid) or "") for _, cid in dated]

    def cases_validated(self, team: str, first: dt.date, until: dt.date) -> list[str]:
        days, cases = self._validated
        chosen = cases[bisect.bisect_left(days, first) : bisect.bisect_right(days, until)]
        return [cid for cid, owner in chosen if team == ALL_TEAMS or owner == team]

    @cached_property
    def _days_to_validation(self) -> dict[str, int]:
        return tickets.days_to_validation(self.data)

    def days_to_validation(self, team: str, first: dt.date, until: dt.date) -> list[int]:
        days = self._days_to_validation
        return [days[cid] for cid in self.cases_validated(team, first, until) if cid in days]

    # ---- training and mentoring ----------------------------------------------------------

    @cached_property
    def _sessions(self) -> tuple[list[dt.date], list[str]]:
        """The sessions held (not after today), by day."""
        held = [sid for sid in self.data.sessions_in_order() if not self.data.is_upcoming(sid)]
        return [self.data.sessions[sid].date for sid in held], held

    def sessions_held(self, team: str, first: dt.date, until: dt.date) -> list[str]:
        days, held = self._sessions
        chosen = held[bisect.bisect_left(days, first) : bisect.bisect_right(days, until)]
        return [sid for sid in chosen if team == ALL_TEAMS or self._team_took_part(team, sid)]

    def _team_took_part(self, team: str, session_id: str) -> bool:
        session = self.data.sessions[session_id]
        return any(self._team_of(pid) == team for pid in [*session.trainers, *session.attendees])

    def _team_of(self, person_id: str) -> str | None:
        person = self.data.people.get(person_id)
        return person.team if person else None

    def hours_attended(self, team: str, first: dt.date, until: dt.date) -> float:
        """Hours of the sessions held, once per attendee of the team (everyone's for ALL_TEAMS)."""
        days, held = self._sessions
        total = 0.0
        for sid in held[bisect.bisect_left(days, first) : bisect.bisect_right(days, until)]:
            session = self.data.sessions[sid]
            attendees = [p for p in session.attendees if team == ALL_TEAMS or self._team_of(p) == team]
            total += session.hours * len(attendees)
        return total

    def hours_by_quarter(self, team: str, quarters: Iterable[str]) -> dict[str, float]:
        """Quarter -> hours attended (the training figures page)."""
        hours = {}
        for quarter in quarters:
            period = _period(quarter)
            until = self.until(period)
            hours[quarter] = self.hours_attended(team, period.first_day, until) if until else 0.0
        return hours

    def in_post(self, team: str, until: dt.date) -> list[str]:
        return tickets.current_engineers(self.data, team, until)

    def active_pairs(self, team: str, first: dt.date, until: dt.date) -> list[str]:
        found = []
        for pair_id, pair in self.data.mentoring.items():
            if team != ALL_TEAMS and self._team_of(pair.mentee) != team:
                continue
            if pair.started <= until and (pair.status == "active" or (pair.ends is not None and pair.ends >= first)):
                found.append(pair_id)
        return found

    def skills_taught(self, team: str, until: dt.date) -> tuple[list[str], list[str]]:
        """(skills the team uses, of them the skills at least two people in post can teach)."""
        people = current_engineers(self.data, team, until)
        if team == ALL_TEAMS:
            used = {s for pid in people for s in self.data.people[pid].skills}
            used |= {s for case in self.data.cases.values() for s in case.skills}
            skills = [s for s in self.data.skills if s in used]
            teachers = {
                s: [p for p in people if self.data.people[p].skills.get(s, 0) >= TEACHING_LEVEL] for s in skills
            }
        else:
            matrix = skill_matrix(self.data, team, people)
            skills, teachers = matrix.skills, matrix.teachers
        return skills, [s for s in skills if len(teachers[s]) >= 2]


def _period(period: Period | str) -> Period:
    if isinstance(period, Period):
        return period
    parsed = parse_period(period)
    if parsed is None:
        raise ValueError(f"not a period: {period!r}")
    return parsed


def _share(part: float | None) -> float | None:
    return None if part is None else part * 100


def _ratio(part: float, whole: float) -> float | None:
    return part / whole * 100 if whole else None


def _median(values: Iterable[int]) -> float | None:
    summary = days_summary(values)
    return None if summary is None else summary.median


def _second_teacher(f: Figures, team: str, first: dt.date, until: dt.date) -> float | None:
    used, taught = f.skills_taught(team, until)
    return _ratio(len(taught), len(used))


def _hours_per_person(f: Figures, team: str, first: dt.date, until: dt.date) -> float | None:
    people = len(f.in_post(team, until))
    return f.hours_attended(team, first, until) / people if people else None


Compute = Callable[[Figures, str, dt.date, dt.date], float | None]


@dataclass(frozen=True)
class Figure:
    definition: FigureDefinition
    compute: Compute  # (figures, team or ALL_TEAMS, first day, last day counted) -> the value


_COMPUTE: dict[str, Compute] = {
    "link_rate": lambda f, team, first, until: _share(f.tickets(team, first, until).link_rate),
    "reuse_rate": lambda f, team, first, until: _share(f.tickets(team, first, until).reuse_share),
    "cases_written": lambda f, team, first, until: len(f.cases_solved(team, first, until)),
    "cases_validated": lambda f, team, first, until: len(f.cases_validated(team, first, until)),
    "days_to_validation": lambda f, team, first, until: _median(f.days_to_validation(team, first, until)),
    "participation": lambda f, team, first, until: _share(f.tickets(team, first, until).participation),
    "training_hours_per_person": _hours_per_person,
    "sessions_held": lambda f, team, first, until: len(f.sessions_held(team, first, until)),
    "active_pairs": lambda f, team, first, until: len(f.active_pairs(team, first, until)),
    "second_teacher": _second_teacher,
}
assert tuple(_COMPUTE) == FIGURE_KEYS, "every figure has one function, in the definitions' order"
FIGURES: dict[str, Figure] = {key: Figure(DEFINITION[key], _COMPUTE[key]) for key in FIGURE_KEYS}
