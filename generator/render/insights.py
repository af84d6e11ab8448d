"""Pages for the manager: team skill matrix and pipeline, knowledge health, training figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator import metrics
from generator.figures import ALL_TEAMS, shown
from generator.kinds import URL_FOLDERS
from generator.periods import parse_period
from generator.render.charts import Series, bar_chart
from generator.render.engine import Page, Renderer
from generator.render.tickets import health_section, percent
from generator.render.urls import index_page, record_page

CHART_MONTHS = 24
# The registry's figures each page shows by quarter, for the organisation and every team: the
# same functions as the goals' actuals (generator/figures.py), so the numbers agree.
KNOWLEDGE_FIGURES = (
    "link_rate",
    "reuse_rate",
    "cases_written",
    "cases_validated",
    "days_to_validation",
    "participation",
)
TRAINING_FIGURES = ("training_hours_per_person", "sessions_held", "active_pairs", "second_teacher")


@dataclass(frozen=True)
class FigureTable:
    """The figures `keys` of one quarter: a row for the organisation (ALL_TEAMS) and one per team."""

    period: str
    running: bool
    keys: tuple[str, ...]
    rows: list[tuple[str, list[str]]]  # (team or ALL_TEAMS, each figure as shown)


def figure_tables(r: Renderer, keys: tuple[str, ...]) -> list[FigureTable]:
    """This quarter's figures and the last quarter's, newest first."""
    current = parse_period(metrics.quarter_of(r.data.today))
    assert current is not None
    tables = []
    for period in (current, current.previous()):
        rows = [
            (team, [shown(key, r.figures.measure(key, team, period).value, r.language) for key in keys])
            for team in (ALL_TEAMS, *r.data.teams)
        ]
        tables.append(FigureTable(period.text, period.last_day >= r.data.today, keys, rows))
    return tables


def team_pages(r: Renderer) -> Iterator[Page]:
    if not r.wants_any(URL_FOLDERS["team"]):
        return  # the figures of every team are costly to work out for pages nobody wants
    data = r.data
    rows = []
    for team_id, team in data.teams.items():
        matrix = metrics.skill_matrix(data, team_id)
        newcomers = metrics.pipeline(data, team_id)
        ready = [(n.person, _ready_reasons(r, n)) for n in newcomers if n.path_complete or n.goals_reached]
        cases = data.newest_cases(cid for cid in data.cases if metrics.case_team(data, cid) == team_id)
        yield r.page(
            "team.md.j2",
            record_page("team", team_id),
            meta={"title": r.name(team)},
            team=team,
            matrix=matrix,
            newcomers=newcomers,
            ready=ready,
            members=matrix.people,
            cases=cases,
        )
        rows.append((team_id, len(matrix.people), len(cases), len(matrix.single_points)))
    yield r.page("teams_index.md.j2", index_page("team"), meta={"title": r.t.insights}, rows=rows)


def _ready_reasons(r: Renderer, newcomer: metrics.Newcomer) -> list[str]:
    reasons = [f"{r.t.path_done}: {r.data.paths[p].title}" for p in newcomer.path_complete]
    if newcomer.goals_reached:
        reasons.append(r.t.goals_done)
    return reasons


def health_page(r: Renderer) -> Page:
    data, t = r.data, r.t
    months = metrics.months_of_cases(data)[-CHART_MONTHS:]
    per_month = {month: _cases_of_month(r, month) for month in months}
    chart = bar_chart(
        months,
        [Series(t.written, [per_month[m][0] for m in months]), Series(t.validated, [per_month[m][1] for m in months])],
        t.cases_per_month,
        data_label=t.data_table,
        unfinished=metrics.month_of(data.today),
        unfinished_note=t.unfinished_period,
    )
    whole = metrics.library_health(data)
    teams = [(team_id, health) for team_id, health in metrics.health_by_team(data).items() if health.cases]
    return r.page(
        "health.md.j2",
        "health.md",
        meta={"title": t.knowledge_health},
        chart=chart,
        whole=whole,
        share=percent(whole.share_validated),
        percent=percent,
        teams=teams,
        reused=metrics.most_reused(data),
        review=metrics.past_review(data),
        stale=metrics.stale_wip(data),
        tickets=health_section(r),
        figure_tables=figure_tables(r, KNOWLEDGE_FIGURES),
    )


def _cases_of_month(r: Renderer, month: str) -> tuple[int, int]:
    """(cases solved, cases validated) in a month, as the registry of figures counts them."""
    period = parse_period(month)
    assert period is not None
    first, last = period.first_day, period.last_day
    return len(r.figures.cases_solved(ALL_TEAMS, first, last)), len(r.figures.cases_validated(ALL_TEAMS, first, last))


def training_figures_page(r: Renderer) -> Page:
    data, t = r.data, r.t
    quarters = metrics.quarters(data)
    by_quarter = r.figures.hours_by_quarter(ALL_TEAMS, quarters)
    hours_chart = bar_chart(
        quarters,
        [Series(t.hours, [by_quarter.get(q, 0) for q in quarters])],
        t.hours_per_quarter,
        t.hours_unit,
        t.data_table,
        unfinished=metrics.quarter_of(data.today),
        unfinished_note=t.unfinished_period,
    )
    team_hours = {team: r.figures.hours_by_quarter(team, quarters) for team in data.teams}
    person_hours = metrics.training_hours_by_person(data)
    coverage = metrics.skill_coverage(data)
    skills = list(data.skills)
    coverage_chart = bar_chart(
        [r.name(data.skills[s]) for s in skills],
        [
            Series(t.independent_or_better, [coverage[s][0] for s in skills]),
            Series(t.can_teach, [coverage[s][1] for s in skills]),
        ],
        t.skill_coverage,
        data_label=t.data_table,
        categories=True,
    )
    pairs = metrics.active_pairs_per_mentor(data)
    return r.page(
        "training_figures.md.j2",
        "training/figures.md",
        meta={"title": t.training_figures},
        hours_chart=hours_chart,
        quarters=quarters[::-1],  # newest first: beside the names, never scrolled out of view
        team_hours=[(team, hours) for team, hours in team_hours.items() if any(hours.values())],
        person_hours=[(pid, person_hours[pid]) for pid in data.sorted_people(person_hours)],
        attendance=metrics.attendance(data),
        per_skill=list(metrics.sessions_per_skill(data).items()),
        coverage_chart=coverage_chart,
        pairs=[(pid, pairs[pid]) for pid in data.sorted_people(pairs)],
        figure_tables=figure_tables(r, TRAINING_FIGURES),
    )
