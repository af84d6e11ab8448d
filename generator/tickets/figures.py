"""KCS measures from the service tickets: link rate, reuse and new, participation, the days
from a problem's first ticket to its case, cases no ticket uses and knowledge gaps. Pure
functions of the Dataset, like generator.metrics.

They are facts about the knowledge and how it is used, per team and month, never a score
of a person: nothing here ranks people.

The figures of a period, by month and over the last twelve months, are worked out through
the registry of figures (generator/figures.py), which the goal pages read too.

Definitions (stated on the knowledge-health page too):
- A ticket counts in the month it was closed; open tickets count only as knowledge gaps.
- Link rate: closed tickets with at least one linked case ÷ closed tickets.
- A link is reuse when the case was solved before the ticket was opened, new otherwise.
- Engineers: people of either role (field engineers and hotline experts both handle
  tickets) who had joined by the period's end and had not left by then. Participation:
  the share of them who closed at least one linked ticket in the period.
- A ticket's team is its engineer's team.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.metrics import case_team
from generator.model import Dataset
from generator.tickets.ticket import Ticket

GAP_DAYS = 30  # an open ticket older than this with no case is a knowledge gap
ALL_TEAMS = ""  # the key of the whole organisation's figures


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def is_reuse(data: Dataset, ticket: Ticket, case_id: str) -> bool:
    """A link is reuse when the case was solved before the ticket was opened."""
    return data.cases[case_id].solved_on < ticket.opened


def team_of(data: Dataset, ticket: Ticket) -> str | None:
    person = data.people.get(ticket.engineer or "")
    return person.team if person else None


# ---- figures of a period ------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    closed: int = 0  # tickets closed in the period
    linked: int = 0  # of them, with at least one linked case
    reuse: int = 0  # links to a case solved before the ticket was opened
    new: int = 0  # links to a case solved on or after that day
    engineers: int = 0  # current engineers at the period's end
    participants: int = 0  # of them, who closed at least one linked ticket in the period

    @property
    def link_rate(self) -> float | None:
        return self.linked / self.closed if self.closed else None

    @property
    def reuse_share(self) -> float | None:
        return self.reuse / (self.reuse + self.new) if self.reuse + self.new else None

    @property
    def reuse_per_new(self) -> float | None:
        return self.reuse / self.new if self.new else None

    @property
    def participation(self) -> float | None:
        return self.participants / self.engineers if self.engineers else None


def period_figures(data: Dataset, closed: Iterable[Ticket], team: str, end: dt.date) -> PeriodFigures:
    """The figures of tickets closed in a period that ends on `end`, for a team (or ALL_TEAMS)."""
    engineers = set(current_engineers(data, team, end))
    counted = linked = reuse = new = 0
    participants: set[str] = set()
    for ticket in closed:
        if team != ALL_TEAMS and team_of(data, ticket) != team:
            continue
        counted += 1
        if not ticket.cases:
            continue
        linked += 1
        if ticket.engineer in engineers:
            participants.add(ticket.engineer)
        for case_id in ticket.cases:
            if is_reuse(data, ticket, case_id):
                reuse += 1
            else:
                new += 1
    return PeriodFigures(counted, linked, reuse, new, len(engineers), len(participants))


def current_engineers(data: Dataset, team: str, end: dt.date) -> list[str]:
    """People of the team (or everyone) who had joined by `end` and had not left by then."""
    return [
        pid
        for pid, person in data.people.items()
        if (team == ALL_TEAMS or person.team == team)
        and person.joined <= end
        and (person.left is None or person.left > end)
    ]


def ticket_months(data: Dataset) -> list[str]:
    """Every month from the first ticket's to today's."""
    if not data.tickets:
        return []
    first = min(ticket.opened for ticket in data.tickets)
    months, year, month = [], first.year, first.month
    while (year, month) <= (data.today.year, data.today.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_end(month: str) -> dt.date:
    year, number = int(month[:4]), int(month[5:])
    following = dt.date(year + 1, 1, 1) if number == 12 else dt.date(year, number + 1, 1)
    return following - dt.timedelta(days=1)


def teams_with_tickets(data: Dataset) -> list[str]:
    """The teams whose engineers handled at least one ticket, in taxonomy order."""
    found = {team_of(data, ticket) for ticket in data.tickets}
    return [team for team in data.teams if team in found]


# ---- cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseUse:
    """How tickets used one case: counts, first and last use, and the ticket ids if shown."""

    tickets: int
    last_year: int  # tickets that used it in the twelve months up to today
    reuse: int  # tickets opened after the case was solved
    new: int
    first: dt.date
    last: dt.date
    ids: tuple[str, ...]  # empty unless show_ticket_ids is on


def case_use(data: Dataset, case_id: str) -> CaseUse | None:
    tickets = data.tickets_of_case.get(case_id)
    if not tickets:
        return None
    since = year_before(data.today)
    used = [ticket.used_on for ticket in tickets]
    reuse = sum(1 for ticket in tickets if is_reuse(data, ticket, case_id))
    return CaseUse(
        tickets=len(tickets),
        last_year=sum(1 for day in used if since < day <= data.today),
        reuse=reuse,
        new=len(tickets) - reuse,
        first=min(used),
        last=max(used),
        ids=tuple(ticket.id for ticket in tickets if ticket.id),
    )


def unused_cases(data: Dataset) -> list[tuple[str, dt.date | None]]:
    """Live cases solved over a year ago that no ticket used in the last twelve months, with
    their last use (None: never), never-used first, then the longest unused."""
    since = year_before(data.today)
    found = []
    for case_id, case in data.cases.items():
        if case.state == "archived" or case.solved_on > since:
            continue
        used = [t.used_on for t in data.tickets_of_case.get(case_id, []) if t.used_on <= data.today]
        last = max(used, default=None)
        if last is None or last <= since:
            found.append((case_id, last))
    return sorted(found, key=lambda item: (item[1] or dt.date.min, data.cases[item[0]].solved_on, item[0]))


def validation_day(data: Dataset, case_id: str) -> dt.date:
    """The day a case counts as validated.

    The records hold no validation date, so the day the case was solved stands in for it.
    When record history is at hand (the commit that set `state: validated`), this is the one
    place to read it from.
    """
    return data.cases[case_id].solved_on


def days_to_validation(data: Dataset) -> dict[str, int]:
    """Validated case -> days from the first ticket that links it to its validation day, for
    cases whose first ticket came before that day (the case was written from ticket work)."""
    found = {}
    for case_id, tickets in data.tickets_of_case.items():
        if data.cases[case_id].state != "validated":
            continue
        first = min(ticket.opened for ticket in tickets)
        day = validation_day(data, case_id)
        if first <= day:
            found[case_id] = (day - first).days
    return found


@dataclass(frozen=True)
class DaysSummary:
    cases: int
    median: float
    longest: int


def days_summary(days: Iterable[int]) -> DaysSummary | None:
    values = sorted(days)
    if not values:
        return None
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    return DaysSummary(len(values), median, values[-1])


def days_to_validation_by_team(data: Dataset) -> dict[str, DaysSummary]:
    """Team (ALL_TEAMS for everyone) -> summary of the days, by the team each case counts for."""
    days = days_to_validation(data)
    by_team: dict[str, list[int]] = defaultdict(list)
    for case_id, value in days.items():
        by_team[case_team(data, case_id) or ""].append(value)
    summaries = {ALL_TEAMS: days_summary(days.values())}
    summaries.update({team: days_summary(by_team[team]) for team in data.teams if by_team.get(team)})
    return {team: summary for team, summary in summaries.items() if summary is not None}


def knowledge_gaps(data: Dataset) -> list[Ticket]:
    """Open tickets opened more than GAP_DAYS days ago that link no case, oldest first."""
    limit = data.today - dt.timedelta(days=GAP_DAYS)
    return [t for t in data.tickets if t.closed is None and not t.cases and t.opened < limit]


# ---- people ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonTickets:
    """A person's tickets as facts about knowledge: linked or not, and their cases others reused."""

    closed: int
    linked: int  # closed tickets with at least one linked case
    closed_last_year: int
    linked_last_year: int
    reused_by_others: list[tuple[str, int]]  # (case they wrote, tickets of other engineers reusing it)


def person_tickets(data: Dataset, person_id: str) -> PersonTickets | None:
    own = [t for t in data.tickets_of_person.get(person_id, []) if t.closed is not None]
    since = year_before(data.today)
    recent = [t for t in own if t.closed and since < t.closed <= data.today]
    reused = []
    for case_id in data.cases_by_author.get(person_id, []):
        count = len(reused_by_others(data, case_id))
        if count:
            reused.append((case_id, count))
    if not own and not reused:
        return None
    return PersonTickets(
        closed=len(own),
        linked=sum(1 for t in own if t.cases),
        closed_last_year=len(recent),
        linked_last_year=sum(1 for t in recent if t.cases),
        reused_by_others=reused,
    )


def reused_by_others(data: Dataset, case_id: str) -> list[Ticket]:
    """The tickets that reused a case and were handled by someone other than its authors: what a
    person's page counts as their case reused by others (the monthly note too, by the month closed)."""
    authors = data.cases[case_id].authors
    return [
        ticket
        for ticket in data.tickets_of_case.get(case_id, [])
        if ticket.engineer not in authors and is_reuse(data, ticket, case_id)
    ]
