"""Team goals (目标激励): one file per goal in data/goals/, a team's (or, without `team`, the
whole organisation's) targets for a period on figures the site computes (generator/figures.py:
one definition and one function per figure). A goal names a team, never a person: individual
targets are HR's, not the site's, so a person's id as its team, or a field that would name a
person, is refused with its own code (KB516).

Its pages show each target against its actual, the progress through the period (a running
period with the days gone) and the trend of the same figure over the periods before, in the
site's chart style; a team's page shows its goals, the knowledge-health page the
organisation's, and /goals/ every goal.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from generator import codes
from generator.figure_definitions import DEFINITION, FIGURE_KEYS, rounded
from generator.kinds.kind import (
    Check,
    Document,
    Index,
    Links,
    Option,
    RecordKind,
    Refusal,
    Scaffold,
    Section,
    Sheet,
    Words,
)
from generator.language import DEFAULT_LANGUAGE
from generator.messages import text, words
from generator.periods import Period as Span
from generator.periods import parse_period
from generator.record_text import NewRecord, block, quoted
from generator.vocabulary import Id, Markdown, Period, Ref, Shape, Title, doc

if TYPE_CHECKING:
    from markupsafe import Markup

    from generator.diagnostics import Diagnostic
    from generator.figures import Measured
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.records import Context
    from generator.render.engine import PageJob
    from generator.render.services import SiteRenderer as Renderer

FOLDER = "goals"
TREND_PERIODS = 6  # a goal's period and the five before it
ORGANISATION = ""  # the key of the organisation's goals, which name no team
# Fields that would make a goal a person's: refused with KB516 wherever they are written.
PERSON_FIELDS = (
    "person",
    "persons",
    "people",
    "engineer",
    "engineers",
    "owner",
    "owners",
    "assignee",
    "assignees",
    "employee",
    "employees",
    "member",
    "members",
    "staff",
    "responsible",
    "who",
)
NAMES_PERSON: Refusal = (codes.GOAL_NAMES_PERSON, "goal-names-person")
TEAM_IS_PERSON: Refusal = (codes.GOAL_NAMES_PERSON, "goal-team-is-person")

GoalTeam = Annotated[Id, Ref("team", instead={"person": TEAM_IS_PERSON})]
FigureKey = Literal[FIGURE_KEYS]  # type: ignore[valid-type]


class Target(Shape):
    figure: FigureKey = doc(
        "the figure, one of the site's (its definition is on the goal's page)",
        "指标：网站计算的指标之一（定义见目标页面）",
    )
    target: float = doc(
        "the value to reach: a share in percent (`60` is 60 %), else a count, days or hours",
        "目标值：比例按百分数写（`60` 表示 60%），其余为次数、天数或学时",
    )
    why: Markdown | None = doc("Markdown: why this target", "Markdown：为什么定这个目标", default=None)


class TeamGoal(Shape):
    id: Id = doc(
        "the goal's id, equal to the file name, e.g. `2026-q4-east`", "目标的 id，与文件名相同，如 `2026-q4-east`"
    )
    team: GoalTeam | None = doc(
        "the team (a `teams` id); none: the whole organisation. Never a person",
        "班组（`teams` 的 id）；不写表示全公司。不能写个人",
        default=None,
    )
    period: Period = doc(
        "the period: `2026`, `2026-H2`, `2026-Q4` or `2026-11`",
        "期间：`2026`、`2026-H2`、`2026-Q4` 或 `2026-11`",
    )
    title: Title | None = doc(
        "a short heading, e.g. `四季度华东站目标`", "简短的标题，如 `四季度华东站目标`", default=None
    )
    targets: Annotated[list[Target], Field(min_length=1)] = doc(
        "the targets (at least one): `{figure, target, why}`", "目标值（至少一个）：`{figure, target, why}`"
    )


# --- the rules ------------------------------------------------------------------------------


def ensure_targets_can_be_reached(context: Context) -> Iterator[Diagnostic]:
    """Ensure every target of a goal lies in its figure's range (a share from 0 to 100 %)."""
    for record in context.of("goal"):
        for index, target in enumerate(record.model.targets):
            definition = DEFINITION[target.figure]
            if not definition.holds(target.target):
                unit = text(f"goal-unit-{definition.unit}")
                yield codes.TARGET_OUT_OF_RANGE.at(
                    record.file,
                    record.document.position(("targets", index, "target")),
                    "goal-target-out-of-range",
                    figure=target.figure,
                    value=f"{target.target:g}",
                    highest=definition.highest,
                    unit=unit,
                )


# --- back-links -----------------------------------------------------------------------------


def span(goal: TeamGoal) -> Span:
    found = parse_period(goal.period)
    assert found is not None  # the shape's pattern
    return found


def link(data: Dataset, goal_id: str, goal: TeamGoal) -> None:
    data.goals_of_team[goal.team or ORGANISATION].append(goal_id)


def newest_first(data: Dataset, ids: list[str]) -> list[str]:
    """The latest period first; among goals of one start, the shorter period (a month before its quarter)."""
    return sorted(ids, key=lambda gid: _order(data.goals[gid], gid))


def _order(goal: TeamGoal, goal_id: str) -> tuple:
    period = span(goal)
    return (-period.first_day.toordinal(), period.last_day, goal.team or "", goal_id)


# --- where a goal stands --------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One target against its actual."""

    figure: str
    target: float
    actual: Measured
    state: str  # met, missed, running (not ended), waiting (not begun) or unmeasured (nothing to count)
    why: str | None
    trend: Markup | None  # the figure over the periods up to this one


@dataclass(frozen=True)
class Standing:
    """A goal against the figures: its targets, and how far through its period the site is."""

    goal_id: str
    goal: TeamGoal
    heading: str
    state: str  # running, ended or waiting
    days_gone: int
    days: int
    rows: list[Row]


def standing(r: Renderer, goal_id: str, trends: bool = False) -> Standing:
    goal, today = r.data.goals[goal_id], r.data.today
    period = span(goal)
    state = "waiting" if period.first_day > today else "running" if period.last_day >= today else "ended"
    gone = 0 if state == "waiting" else (min(period.last_day, today) - period.first_day).days + 1
    rows = [_row(r, goal, target, state, trends) for target in goal.targets]
    return Standing(goal_id, goal, heading(r, goal), state, gone, period.days(), rows)


def _row(r: Renderer, goal: TeamGoal, target: Target, state: str, trends: bool) -> Row:
    actual = r.figures.measure(target.figure, goal.team or ORGANISATION, goal.period)
    if state in ("waiting", "running") or actual.value is None:
        shown = "unmeasured" if actual.value is None and state == "ended" else state
    else:
        reached = DEFINITION[target.figure].met(rounded(target.figure, actual.value), target.target)
        shown = "met" if reached else "missed"
    trend = _trend(r, goal, target) if trends and state != "waiting" else None
    return Row(target.figure, target.target, actual, shown, target.why, trend)


def _trend(r: Renderer, goal: TeamGoal, target: Target) -> Markup:
    """The figure over the goal's period and the ones before, in the site's bar chart."""
    periods = [span(goal)]
    while len(periods) < TREND_PERIODS:
        periods.insert(0, periods[0].previous())
    team = goal.team or ORGANISATION
    values = [r.figures.measure(target.figure, team, period).value for period in periods]
    while len(values) > 1 and values[0] is None:  # before the records begin
        periods, values = periods[1:], values[1:]
    name, t = r.t[f"figure-{target.figure}"], r.t
    unit = DEFINITION[target.figure].unit
    return r.bar_chart(
        [period.text for period in periods],
        [r.Series(name, [rounded(target.figure, value or 0) for value in values])],
        f"{name} · {who(r, goal)} · {t.goal_target} {r.figure_shown(target.figure, target.target)}",
        "" if unit == "count" else r.t[f"figure-unit-{unit}"].strip(),
        t.data_table,
        unfinished=periods[-1].text if span(goal).last_day >= r.data.today else "",
        unfinished_note=t.unfinished_period,
    )


def who(r: Renderer, goal: TeamGoal) -> str:
    return r.name(r.data.teams[goal.team]) if goal.team else r.t.goal_organisation


def heading(r: Renderer, goal: TeamGoal) -> str:
    return goal.title or f"{who(r, goal)} · {r.fmt.period(goal.period)}"


# --- pages and sections ---------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per goal and the overview of every goal, newest period first."""
    data = r.data
    for goal_id in data.goals:
        if r.skips(r.record_page("goal", goal_id)):
            continue
        title = heading(r, data.goals[goal_id])
        yield r.page(
            "goal.md.j2",
            r.record_page("goal", goal_id),
            meta={"title": title},
            s=standing(r, goal_id, trends=True),
            shown=r.figure_shown,
        )
    if r.wants_any("goals"):
        ordered = newest_first(data, list(data.goals))
        by_period: dict[str, list[Standing]] = {}
        for goal_id in ordered:
            by_period.setdefault(data.goals[goal_id].period, []).append(standing(r, goal_id))
        yield r.page(
            "goals_index.md.j2",
            r.index_page("goal"),
            meta={"title": r.t.goals_overview},
            by_period=list(by_period.items()),
            shown=r.figure_shown,
        )


def team_goals(r: Renderer, team: str) -> Mapping[str, Any]:
    """A team's goals (the organisation's for ""), newest first; the newest begun one with its trends."""
    ids = r.data.goals_of_team.get(team, [])
    begun = [gid for gid in ids if span(r.data.goals[gid]).first_day <= r.data.today]
    charted = begun[0] if begun else None
    return {"goals": [standing(r, gid, trends=gid == charted) for gid in ids], "team": team, "shown": r.figure_shown}


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, goal: TeamGoal) -> dict[str, Any]:
    data = tools.data
    team = data.teams[goal.team] if goal.team else None
    return {
        "title": goal.title
        or f"{tools.name(team) if team else words('goal_organisation', tools.language)} · {tools.period(goal.period)}",
        "team": goal.team,
        "team_names": [name for name in (team.name, team.name_en) if name] if team else [],
        "period": goal.period,
        "figures": [target.figure for target in goal.targets],
        "why": " ".join(tools.text(target.why) or "" for target in goal.targets).strip() or None,
    }


# --- kb new goal ----------------------------------------------------------------------------


def goal_id(period: str, team: str | None) -> str:
    return "-".join(part for part in (period.lower(), team or "all") if part)


def new_goal(
    period: str,
    figure: str,
    target: float,
    team: str | None = None,
    why: str | None = None,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new goal, its comments in `language`."""
    record_id = record_id or goal_id(period, team)
    team_line = f"team: {team}" if team else f"# team:  # {words('new-goal-team', language)}"
    why_lines = f"    why: {block(why)}" if why else f"    # why: |  # {words('new-goal-why', language)}\n"
    body = f"""id: {record_id}
{team_line}
period: {quoted(period)}  # {words("new-goal-period", language)}
targets:  # {words("new-goal-targets", language)}
  - figure: {figure}
    target: {target:g}
{why_lines}"""
    return NewRecord("goal", record_id, body, FOLDER)


EXAMPLE = """\
id: 2026-q4-east
team: east
period: 2026-Q4
title: 四季度华东站目标
targets:
  - figure: link_rate
    target: 80
    why: |
      每张关闭的工单都关联用过的案例，复用才数得出来。
  - figure: cases_validated
    target: 3
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-goal": ("目标", "goal"),
    "noun-goal": ("目标", "goal"),
    "goal-names-person": (
        "目标只属于班组或全公司，不写个人（字段 `{field}`）：个人指标归人事管，不进网站",
        "a goal names a team, never a person (the field `{field}`) — individual targets are HR's, not the site's",
    ),
    "goal-team-is-person": (
        "`{field}: {id}` 是一个人，不是班组：目标只属于班组或全公司，个人指标归人事管，不进网站",
        "`{field}: {id}` is a person, not a team: a goal names a team, never a person — individual targets are "
        "HR's, not the site's",
    ),
    "goal-target-out-of-range": (
        "`{figure}` 的目标 {value} 超出范围：应在 0 到 {highest} 之间{unit}",
        "the target {value} of `{figure}` is out of its range: 0 to {highest}{unit}",
    ),
    "goal-unit-percent": ("（比例按百分数写：`60` 表示 60%）", " (a share in percent: `60` is 60 %)"),
    "goal-unit-count": ("（次数）", " (a count)"),
    "goal-unit-days": ("（天数）", " (days)"),
    "goal-unit-hours": ("（学时）", " (hours)"),
}
# and its other words: its labels on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    "goals_overview": ("目标", "Goals"),
    "kind_goal": ("目标", "Goal"),
    "goals_intro": (
        "班组和全公司在各期间的目标：每个目标值对照网站算出的实际数字。目标只属于班组，不针对个人。",
        "The goals of the teams and the organisation by period: each target against the figure the site "
        "computes. Goals belong to teams, never to a person.",
    ),
    "goal_organisation": ("全公司", "Whole organisation"),
    "goal_team_goals": ("班组目标", "Team goals"),
    "goal_organisation_goals": ("全公司目标", "Organisation goals"),
    "goal_figure": ("指标", "Figure"),
    "goal_target": ("目标", "Target"),
    "goal_actual": ("实际", "Actual"),
    "goal_state": ("情况", "Standing"),
    "goal_targets": ("目标值", "Targets"),
    "goal_why": ("为什么", "Why"),
    "goal_trend": ("历期走势", "Trend over the periods"),
    "goal_progress": ("进度", "Progress"),
    "goal_running": ("进行中：第 {gone} 天，共 {days} 天", "In progress: day {gone} of {days}"),
    "goal_ended": ("已结束", "Ended"),
    "goal_waiting": ("尚未开始", "Not begun"),
    "goal_met": ("达成", "Met"),
    "goal_missed": ("未达成", "Not met"),
    "goal_so_far": ("进行中", "So far"),
    "goal_not_begun": ("未开始", "Not begun"),
    "goal_unmeasured": ("无数据", "Nothing to count"),
    "goal_none": ("还没有目标。", "No goals yet."),
    "goal_see_all": ("所有目标", "Every goal"),
    # the comments of the file `kb new goal` writes
    "new-goal-team": (
        "班组 id；不写表示全公司。目标从不写个人",
        "a team id; none: the whole organisation. Never a person",
    ),
    "new-goal-period": ("2026、2026-H2、2026-Q4 或 2026-11", "2026, 2026-H2, 2026-Q4 or 2026-11"),
    "new-goal-targets": (
        "指标：" + "、".join(f"`{key}`" for key in FIGURE_KEYS) + "；比例按百分数写",
        "figures: " + ", ".join(FIGURE_KEYS) + "; a share in percent",
    ),
    "new-goal-why": ("为什么定这个目标（可不写）", "why this target (optional)"),
    "workbook-title-goal": ("目标", "Goals"),
    "reference-heading-goal": ("目标", "Goals"),
    "reference-about-goal": (
        "一个文件是一个班组（或全公司）在一个期间的目标，针对网站计算的指标：每个指标只有一个定义，目标页面、"
        "知识健康和培训数据用同一个函数计算。目标只属于班组，从不写个人（KB516）。比例按百分数写。",
        "One file per goal: a team's (or the whole organisation's) targets for a period, on the figures the site "
        "computes. Each figure has one definition, and the goal pages, the knowledge-health page and the training "
        "figures compute it with the same function. A goal names a team, never a person (KB516). A share is "
        "written in percent.",
    ),
    "help-new-goal": ("一个班组或全公司在一个期间的目标。", "A team's or the organisation's goal for a period."),
    "help-new-goal-team": ("班组 id；不写表示全公司。", "A team id; leave it out for the whole organisation."),
    "help-new-goal-period-prompt": (
        "期间（2026、2026-H2、2026-Q4 或 2026-11）",
        "Period (2026, 2026-H2, 2026-Q4 or 2026-11)",
    ),
    "help-new-goal-period": ("目标的期间。", "The goal's period."),
    "help-new-goal-figure-prompt": ("指标", "Figure"),
    "help-new-goal-figure": ("第一个目标的指标。", "The figure of the first target."),
    "help-new-goal-target-prompt": ("目标值（比例按百分数写）", "Target (a share in percent)"),
    "help-new-goal-target": ("第一个目标的目标值。", "The value of the first target."),
    "help-new-goal-why": ("为什么定这个目标。", "Why this target."),
    "reference-kinds-goal": ("目标", "goal"),
}


KIND = RecordKind(
    name="goal",
    folder=FOLDER,
    url_folder="goals",
    attribute="goals",
    shape=TeamGoal,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    links=Links(indexes=(Index("goals_of_team", newest_first),), link=link),
    pages=pages,
    document=Document(
        fields={"team": "keyword", "team_names": "text", "period": "keyword", "figures": "keyword", "why": "text"},
        make=document,
    ),
    sheet=Sheet(label_keys={"targets": "goal_targets"}),
    scaffold=Scaffold(
        options=(
            Option("--period", "period", prompt=True),
            Option("--figure", "figure", prompt=True, value="choice", choices=FIGURE_KEYS),
            Option("--target", "target", prompt=True, value="number"),
            Option("--team", "team"),
            Option("--why", "why"),
        ),
        make=new_goal,
    ),
    refused_fields={name: NAMES_PERSON for name in PERSON_FIELDS},
    checks=(Check(ensure_targets_can_be_reached, (codes.TARGET_OUT_OF_RANGE,)),),
    sections=(
        Section("team-lead", "_goals_section.md.j2", team_goals),
        Section("health", "_goals_section.md.j2", team_goals),
        Section("home-records", "_goals_link.md.j2"),
    ),
)
