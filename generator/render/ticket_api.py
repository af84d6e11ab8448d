"""api/tickets.json: the ticket figures per case and per team, for other tools.

Figures only: no ticket ids, names or anything else of a ticket itself.
"""

from __future__ import annotations

from typing import Any

from generator.figures import Figures
from generator.model import Dataset
from generator.tickets import figures
from generator.tickets.figures import ALL_TEAMS, PeriodFigures

FORMAT = "servicekb ticket figures, version 1"


def tickets_payload(data: Dataset) -> dict[str, Any]:
    teams = figures.teams_with_tickets(data)
    days = figures.days_to_validation_by_team(data)
    registry = Figures(data)
    return {
        "format": FORMAT,
        "generated_for": data.today.isoformat(),
        "definitions": {
            "month": "the month a ticket was closed",
            "link_rate": "closed tickets with at least one linked case / closed tickets",
            "reuse": "links to a case solved before the ticket was opened; new: the other links",
            "participation": "engineers in post at the period's end who closed a linked ticket in it / those engineers",
            "days_to_validation": "days from the first linking ticket's opening to the case's solved_on "
            "(the records hold no validation date), for validated cases written from ticket work",
        },
        "tickets": len(data.tickets),
        "organisation": _team(registry, ALL_TEAMS, days),
        "teams": {team: _team(registry, team, days) for team in teams},
        "cases": {case_id: _case(data, case_id) for case_id in sorted(data.tickets_of_case)},
        "unused_cases": [
            {"case": case_id, "last_use": last.isoformat() if last else None}
            for case_id, last in figures.unused_cases(data)
        ],
        "knowledge_gaps": [
            {"opened": t.opened.isoformat(), "product": t.product, "team": figures.team_of(data, t)}
            for t in figures.knowledge_gaps(data)
        ],
    }


def _team(registry: Figures, team: str, days: dict[str, figures.DaysSummary]) -> dict[str, Any]:
    summary = days.get(team)
    return {
        "last_12_months": _figures(registry.last_year(team)),
        "months": {month: _figures(f) for month, f in registry.monthly(team).items()},
        "days_to_validation": (
            {"cases": summary.cases, "median": summary.median, "longest": summary.longest} if summary else None
        ),
    }


def _figures(f: PeriodFigures) -> dict[str, Any]:
    return {
        "closed": f.closed,
        "linked": f.linked,
        "link_rate": _rounded(f.link_rate),
        "reuse": f.reuse,
        "new": f.new,
        "engineers": f.engineers,
        "participants": f.participants,
        "participation": _rounded(f.participation),
    }


def _case(data: Dataset, case_id: str) -> dict[str, Any]:
    use = figures.case_use(data, case_id)
    assert use is not None  # every case in tickets_of_case has tickets
    return {
        "tickets": use.tickets,
        "last_12_months": use.last_year,
        "reuse": use.reuse,
        "new": use.new,
        "first_use": use.first.isoformat(),
        "last_use": use.last.isoformat(),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
