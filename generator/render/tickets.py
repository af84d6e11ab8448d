"""The ticket sections of the knowledge-health, case and person pages: figures from
generator.tickets.figures drawn with the site's chart helper, the numbers in tables."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from generator.metrics import month_of
from generator.render.charts import Series, bar_chart
from generator.render.engine import Renderer
from generator.render.ticket_labels import TicketLabels
from generator.tickets import figures
from generator.tickets.figures import ALL_TEAMS, PeriodFigures
from generator.tickets.ticket import Ticket

CHART_MONTHS = 24  # as the cases chart of the same page
UNUSED_SHOWN = 200  # the rest are in api/tickets.json: a page of thousands of rows helps nobody


def percent(value: float | None) -> str:
    """`63%` for 0.625 (halves round up, as people round), or `—` when there is nothing to divide by."""
    return "—" if value is None else f"{math.floor(value * 100 + 0.5)}%"


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


@dataclass(frozen=True)
class HealthTickets:
    """Everything the health page's ticket section shows."""

    last_year: PeriodFigures
    months: list[tuple[str, PeriodFigures]]  # newest first
    link_chart: Markup
    reuse_chart: Markup
    participation_chart: Markup
    teams: list[tuple[str, PeriodFigures]]
    team_months: list[tuple[str, list[tuple[str, PeriodFigures]]]]  # newest first
    days: list[tuple[str, figures.DaysSummary]]  # ALL_TEAMS first
    unused: list[tuple[str, object]]
    unused_more: int
    gaps: list[tuple[Ticket, int, str | None]]  # ticket, days open, team


def health_tickets(r: Renderer, tl: TicketLabels) -> HealthTickets | None:
    data = r.data
    if not data.tickets:
        return None
    monthly = r.figures.monthly()
    shown = list(monthly)[-CHART_MONTHS:]
    unused = figures.unused_cases(data)
    return HealthTickets(
        last_year=r.figures.last_year(),
        months=[(month, monthly[month]) for month in reversed(shown)],
        link_chart=bar_chart(
            shown,
            [
                Series(tl.closed_tickets, [monthly[m].closed for m in shown]),
                Series(tl.linked_tickets, [monthly[m].linked for m in shown]),
            ],
            tl.link_rate_per_month,
            data_label=tl.data_table,
            unfinished=month_of(data.today),
            unfinished_note=r.t.unfinished_period,
        ),
        reuse_chart=bar_chart(
            shown,
            [
                Series(tl.reuse_links, [monthly[m].reuse for m in shown]),
                Series(tl.new_links, [monthly[m].new for m in shown]),
            ],
            tl.reuse_per_month,
            data_label=tl.data_table,
            unfinished=month_of(data.today),
            unfinished_note=r.t.unfinished_period,
        ),
        participation_chart=bar_chart(
            shown,
            [Series(tl.participation, [math.floor((monthly[m].participation or 0) * 100 + 0.5) for m in shown])],
            tl.participation_per_month,
            tl.percent_unit,
            tl.data_table,
            unfinished=month_of(data.today),
            unfinished_note=r.t.unfinished_period,
        ),
        teams=[(team, r.figures.last_year(team)) for team in figures.teams_with_tickets(data)],
        team_months=[
            (team, _newest_first(r.figures.monthly(team), shown)) for team in figures.teams_with_tickets(data)
        ],
        days=list(figures.days_to_validation_by_team(data).items()),
        unused=unused[:UNUSED_SHOWN],
        unused_more=max(0, len(unused) - UNUSED_SHOWN),
        gaps=[
            (ticket, (data.today - ticket.opened).days, figures.team_of(data, ticket))
            for ticket in figures.knowledge_gaps(data)
        ],
    )


def _newest_first(monthly: dict[str, PeriodFigures], shown: list[str]) -> list[tuple[str, PeriodFigures]]:
    return [(month, monthly[month]) for month in reversed(shown) if monthly[month].closed]


@dataclass(frozen=True)
class TicketSection:
    """What a template's ticket section is given: the words, the figures (None without
    tickets) and the number formats."""

    tl: TicketLabels
    figures: object = None
    all_teams: str = ALL_TEAMS
    percent = staticmethod(percent)
    ratio = staticmethod(ratio)


@cache  # one per language, shared by every case and person page
def labels(language: str) -> TicketLabels:
    return TicketLabels(language)


def health_section(r: Renderer) -> TicketSection:
    tl = labels(r.t.language)
    return TicketSection(tl, health_tickets(r, tl))


def case_section(r: Renderer, case_id: str) -> TicketSection:
    return TicketSection(labels(r.t.language), figures.case_use(r.data, case_id))


def person_section(r: Renderer, person_id: str) -> TicketSection:
    return TicketSection(labels(r.t.language), figures.person_tickets(r.data, person_id))
