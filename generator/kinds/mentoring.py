"""Mentoring (传帮带): one pair per file in data/mentoring/, a veteran teaching a newer engineer
on real jobs, with goals, a log of what they did together and, once completed, an outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from generator.kinds.kind import (
    Activity,
    Citation,
    Demo,
    Document,
    Index,
    Links,
    Option,
    RecordKind,
    Scaffold,
    Search,
    Sheet,
    Words,
)
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.record_text import NewRecord
from generator.search.tokens import search_copy_of
from generator.slug import NEW_ID_LENGTH, cut_at_word
from generator.vocabulary import MENTORING_STATUSES, CaseRef, Day, Id, Level, Markdown, PersonRef, Shape, SkillRef, doc

if TYPE_CHECKING:
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

FOLDER = "mentoring"


class Goal(Shape):
    skill: SkillRef = doc("the skill the mentor teaches", "师傅带教的技能")
    target: Level = doc("the level 1–4 the mentee should reach", "徒弟要达到的等级 1–4")


class LogEntry(Shape):
    date: Day = doc("the day of the meeting or job", "见面或一起作业的日期")
    note: Markdown = doc("Markdown: what the pair did", "Markdown：师徒做了什么")
    case: CaseRef | None = doc("the case they worked on, if any", "一起处理的案例（如有）", default=None)


class Mentoring(Shape):
    id: Id = doc("the pair's id, equal to the file name", "师徒的 id，与文件名相同")
    mentor: PersonRef = doc("the veteran who teaches", "师傅：带教的老员工")
    mentee: PersonRef = doc("the newer engineer, not the mentor", "徒弟：新员工，不能是师傅本人")
    started: Day = doc("the day the pair started", "开始日期")
    ends: Day | None = doc("planned end date, not before `started`", "计划结束日期，不早于 `started`", default=None)
    status: Literal[MENTORING_STATUSES] = doc(  # type: ignore[valid-type]
        "`active`, `completed` or `stopped`", "`active`（进行中）、`completed`（已完成）或 `stopped`（已终止）"
    )
    goals: Annotated[list[Goal], Field(min_length=1)] = doc(
        "what the mentee should learn: `{skill: <skill id>, target: <level 1–4>}`",
        "带教目标：`{skill: <技能 id>, target: <等级 1–4>}`",
    )
    log: list[LogEntry] = doc(
        "meetings and jobs done together: `{date, note, case: <case id, optional>}`",
        "带教记录：见面和一起做的作业，`{date, note, case: <案例 id，可选>}`",
        default_factory=list,
    )
    outcome: Markdown | None = doc(
        "Markdown: what the pair achieved; expected when `completed`",
        "Markdown：带教成果；`completed` 时应填写",
        default=None,
    )


def link(data: Dataset, pair_id: str, pair: Mentoring) -> None:
    data.mentoring_as_mentor[pair.mentor].append(pair_id)
    data.mentoring_as_mentee[pair.mentee].append(pair_id)
    for entry in pair.log:
        if entry.case:
            data.cited_by[entry.case].append(Citation("mentoring", pair_id, "log"))


# --- what the rules read (generator/validate/rules.py) ----------------------------------------


def activities(pair: Mentoring) -> Iterator[Activity]:
    yield ("mentor",), pair.mentor, pair.started
    yield ("mentee",), pair.mentee, pair.started


# --- pages and search -----------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per pair, and the index of pairs, active ones first."""
    data, t = r.data, r.t
    for mid, pair in data.mentoring.items():
        if r.skips(r.record_page("mentoring", mid)):
            continue
        heading = f"{data.person_name(pair.mentor)} → {data.person_name(pair.mentee)}"
        mentee_levels = data.people[pair.mentee].skills if pair.mentee in data.people else {}
        goals = [(goal, mentee_levels.get(goal.skill)) for goal in pair.goals]
        log = sorted(pair.log, key=lambda entry: entry.date)
        yield r.page(
            "mentoring_pair.md.j2",
            r.record_page("mentoring", mid),
            meta={"title": f"{t.mentoring} · {heading}"},
            search=partial(search, r, pair),
            heading=heading,
            pair=pair,
            goals=goals,
            log=log,
        )
    by_start = sorted(data.mentoring, key=lambda mid: (data.mentoring[mid].started, mid), reverse=True)
    groups = [
        (t.active_pairs, [m for m in by_start if data.mentoring[m].status == "active"]),
        (t.finished_pairs, [m for m in by_start if data.mentoring[m].status != "active"]),
    ]
    yield r.page("mentoring_index.md.j2", r.index_page("mentoring"), meta={"title": t.mentoring}, groups=groups)


def search(r: Renderer, pair: Mentoring) -> SearchData:
    data, t = r.data, r.t
    names = [data.person_name(pair.mentor), data.person_name(pair.mentee)]
    fields = r.search_fields(
        log=search_copy_of(*(entry.note for entry in pair.log)), outcome=r.search_text(pair.outcome)
    )
    return r.search_data([("kind", t.kind_mentoring)], search_copy_of(*names), fields)


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, pair: Mentoring) -> dict[str, Any]:
    data = tools.data
    return {
        # the pair's page heading: 师傅 → 徒弟
        "title": f"{data.person_name(pair.mentor)} → {data.person_name(pair.mentee)}",
        "mentor": pair.mentor,
        "mentee": pair.mentee,
        "started": tools.day(pair.started),
        "ends": tools.day(pair.ends),
        "status": pair.status,
        **tools.skills(goal.skill for goal in pair.goals),
        "log": [tools.plain_text(entry.note) for entry in pair.log],
        "outcome": tools.text(pair.outcome),
        "cases": list(dict.fromkeys(entry.case for entry in pair.log if entry.case)),
    }


# --- kb new mentoring -----------------------------------------------------------------------


def mentoring_id(mentor: str, mentee: str, started: dt.date) -> str:
    return f"{cut_at_word(f'{mentor}-{mentee}', NEW_ID_LENGTH - 5)}-{started.year}"


def new_mentoring(
    mentor: str,
    mentee: str,
    skill: str,
    target: int,
    started: dt.date,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new mentoring pair; its comments in `language`."""
    record_id = record_id or mentoring_id(mentor, mentee, started)
    body = f"""id: {record_id}
mentor: {mentor}
mentee: {mentee}
started: {started.isoformat()}
status: active  # {words("new-mentoring-status", language)}
goals:
  - {{skill: {skill}, target: {target}}}
log: []  # {words("new-mentoring-log", language)}
"""
    return NewRecord("mentoring", record_id, body, FOLDER)


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    rng, end = s.rng, s.words.END
    for number in range(s.sizes.mentoring):
        started = end - dt.timedelta(days=rng.randrange(30, 700))
        mentors = s.active(started, veteran=True)
        mentees = [p for p in s.active(started) if p["kcs_role"] != "coach"]
        if not mentors or not mentees:
            continue
        mentor, mentee = rng.choice(mentors), rng.choice(mentees)
        skill = rng.choice(list(mentor["skills"]))
        log_day = min(end, started + dt.timedelta(days=20))
        cases = [cid for cid, solved in s.case_ids if started <= solved <= end][:1]
        yield {
            "id": f"pair-{number}-{mentor['id']}-{mentee['id']}"[:64].rstrip("-"),
            "mentor": mentor["id"],
            "mentee": mentee["id"],
            "started": started,
            "status": "active" if number % 3 else "completed",
            "goals": [{"skill": skill, "target": 3}],
            "log": [
                {
                    "date": log_day,
                    "note": "一起处理现场故障，讲解排查思路。",
                    **({"case": cases[0]} if cases else {}),
                }
            ],
            **({} if number % 3 else {"outcome": "徒弟已能独立处理同类故障。\n"}),
        }


EXAMPLE = """\
id: zhang-wei-zhao-lei-2026
mentor: zhang-wei
mentee: zhao-lei
started: 2026-03-01
ends: 2026-12-31
status: active
goals:
  - {skill: hydraulics, target: 4}
  - {skill: cnc, target: 3}
log:
  - {date: 2026-07-16, note: 一起处理液压站油温高停机, case: 20260716-hx200-al1021-oil-overheat}
  - {date: 2026-11-02, note: 复盘数控系统回零报警}
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-mentoring": ("传帮带", "mentoring"),
    "noun-mentoring": ("传帮带", "mentoring"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new mentoring` writes
    "new-mentoring-status": (
        "`active`（进行中）、`completed`（已完成）或 `stopped`（已中止）",
        "active, completed or stopped",
    ),
    "new-mentoring-log": (
        '每一条写成 `- {date: YYYY-MM-DD, note: "……", case: 案例 id}`',
        '- {date: YYYY-MM-DD, note: "...", case: <case id>}',
    ),
    "kind_mentoring": ("传帮带", "Mentoring"),
    "workbook-title-mentoring": ("传帮带", "Mentoring"),
    "reference-heading-mentoring": ("传帮带", "Mentoring pairs"),
    "reference-about-mentoring": (
        "一个文件一对传帮带师徒：老员工在真实作业中带新员工。",
        "One mentoring pair per file: a veteran teaches a newer engineer on real jobs.",
    ),
    "help-new-mentoring": ("一对传帮带师徒。", "A mentoring pair: a mentor and a mentee."),
    "help-new-mentoring-started": ("开始带徒的日期。", "When the pair started."),
    "help-new-mentoring-mentor-prompt": ("师傅（人员 id）", "Mentor (person id)"),
    "help-new-mentoring-mentor": ("师傅的人员 id。", "The mentor's person id."),
    "help-new-mentoring-mentee-prompt": ("徒弟（人员 id）", "Mentee (person id)"),
    "help-new-mentoring-mentee": ("徒弟的人员 id。", "The mentee's person id."),
    "help-new-mentoring-skill-prompt": ("要教的技能（技能 id）", "Skill to teach (skill id)"),
    "help-new-mentoring-skill": ("技能 id。", "A skill id."),
    "help-new-mentoring-target": ("目标等级 1–4。", "Target level 1-4."),
}


KIND = RecordKind(
    name="mentoring",
    folder=FOLDER,
    url_folder="mentoring",
    attribute="mentoring",
    shape=Mentoring,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    dates_in_order=(("started", "ends"),),
    activities=activities,
    links=Links(indexes=(Index("mentoring_as_mentor"), Index("mentoring_as_mentee")), link=link, place=2),
    pages=pages,
    search=Search(fields={"log": ("log", 1.5), "outcome": ("outcome", 1.5)}, data=search),
    document=Document(
        fields={
            "mentor": "keyword",
            "mentee": "keyword",
            "started": "date",
            "ends": "date",
            "status": "keyword",
            "skills": "keyword",
            "skill_names": "text",
            "log": "text",
            "outcome": "text",
            "cases": "keyword",
        },
        make=document,
        place=6,
    ),
    sheet=Sheet(place=4),
    scaffold=Scaffold(
        options=(
            Option("--mentor", "mentor", prompt=True),
            Option("--mentee", "mentee", prompt=True),
            Option("--skill", "skill", prompt=True),
            Option("--target", "target", value="level", default=3),
            Option("--started", "started", value="date"),
        ),
        make=new_mentoring,
    ),
    demo=Demo(records=demo, place=4),
)  # fmt: skip
