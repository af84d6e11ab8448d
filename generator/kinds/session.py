"""Training sessions: one dated session per file in data/sessions/, held or planned; a contest
(知识竞赛、技能比武) is a session too, and its places are awards."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from generator import codes
from generator.kinds.kind import (
    Activity,
    Citation,
    Demo,
    Document,
    Import,
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
from generator.record_text import NewRecord, quoted
from generator.search.tokens import search_copy
from generator.slug import NEW_ID_LENGTH, title_slug
from generator.vocabulary import (
    ATTACHMENTS,
    SESSION_FORMATS,
    WEB_LINK_PREFIXES,
    CaseRef,
    Day,
    Id,
    Markdown,
    PersonRef,
    ProductRef,
    Shape,
    SkillRef,
    Title,
    doc,
)

if TYPE_CHECKING:
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

FOLDER = "sessions"


class Paper(Shape):
    """The contest paper a contest session used: what `kb contest` is given to make it again."""

    seed: Annotated[int, Field(ge=0)] = doc(
        "the paper's seed (`kb contest --seed`)", "试卷的种子（`kb contest --seed`）"
    )
    questions: Annotated[int, Field(ge=1, le=500)] = doc("how many questions", "题目数量")
    products: list[ProductRef] = doc("the products its questions are about", "题目涉及的产品", default_factory=list)
    skills: list[SkillRef] = doc("the skills its questions are about", "题目涉及的技能", default_factory=list)


class Session(Shape):
    id: Id = doc("the session's id, equal to the file name", "培训的 id，与文件名相同")
    title: Title = doc("the session's title", "培训的标题")
    date: Day = doc("the day it takes or took place", "举办日期")
    hours: Annotated[float, Field(gt=0)] = doc("its length in hours", "学时")
    format: Literal[SESSION_FORMATS] = doc(  # type: ignore[valid-type]
        "`classroom`, `on-site`, `online` or `contest` (a knowledge or skills competition)",
        "`classroom`（课堂）、`on-site`（现场）、`online`（线上）或 `contest`（知识竞赛或技能比武）",
    )
    trainers: Annotated[list[PersonRef], Field(min_length=1)] = doc("the people who teach", "讲师")
    attendees: list[PersonRef] = doc(
        "the people who attended (for a planned session: those enrolled)",
        "参训人员（计划中的培训：已报名的人）",
        default_factory=list,
    )
    skills: list[SkillRef] = doc("the skills the session trains", "培训的技能", default_factory=list)
    summary: Markdown | None = doc("Markdown: what the session covered", "Markdown：内容摘要", default=None)
    cases: list[CaseRef] = doc("the cases discussed", "讨论的案例", default_factory=list)
    materials: list[Title] = doc(
        "URLs or paths under `data/attachments/`", "资料：网址或 `data/attachments/` 下的路径", default_factory=list
    )
    paper: Paper | None = doc(
        "a contest's paper: `seed`, `questions`, `products`, `skills` as given to `kb contest` (only on a contest)",
        "比赛的试卷：`kb contest` 用的 `seed`、`questions`、`products`、`skills`（只用于比赛）",
        default=None,
    )


def attachments(session: Session) -> Iterator[tuple[tuple, str]]:
    """The materials that are files in data/attachments/ (the others are web links)."""
    for index, material in enumerate(session.materials):
        if not material.startswith(WEB_LINK_PREFIXES):
            yield ("materials", index), material


def link(data: Dataset, session_id: str, session: Session) -> None:
    for trainer in session.trainers:
        data.sessions_trained[trainer].append(session_id)
    for attendee in session.attendees:
        data.sessions_attended[attendee].append(session_id)
    for skill in session.skills:
        data.sessions_by_skill[skill].append(session_id)
    for case_id in session.cases:
        data.cited_by[case_id].append(Citation("session", session_id, "discussed"))


def _in_order(data: Dataset) -> list[str]:
    return data.sessions_in_order()


# --- what the rules read (generator/validate/rules.py) ----------------------------------------


def activities(session: Session) -> Iterator[Activity]:
    for field in ("trainers", "attendees"):
        for index, person in enumerate(getattr(session, field)):
            yield (field, index), person, session.date


# --- pages and search -----------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per session, and the index: upcoming sessions, then past ones by month."""
    data = r.data
    steps_by_session: dict[str, list] = {}
    for path_id, path in data.paths.items():
        for step in path.steps:
            for sid in step.sessions:
                steps_by_session.setdefault(sid, []).append((path_id, step))
    for sid, session in data.sessions.items():
        if r.skips(r.record_page("session", sid)):
            continue
        href_page = r.record_page("session", sid)
        yield r.page(
            "session.md.j2",
            href_page,
            meta={"title": session.title},
            search=partial(search, r, session),
            s=session,
            upcoming=data.is_upcoming(sid),
            attendees=data.sorted_people(session.attendees),
            results=data.results_by_contest.get(sid, []),
            materials=_materials(r, session.materials, href_page),
            paths=steps_by_session.get(sid, []),
        )
    yield _sessions_index(r)


def _materials(r: Renderer, materials: list[str], page: str) -> list[dict[str, str]]:
    items = []
    for material in materials:
        if material.startswith(WEB_LINK_PREFIXES):
            items.append({"url": material, "label": material})
        else:
            items.append({"url": r.attachment_url(page, material), "label": material.removeprefix(ATTACHMENTS + "/")})
    return items


def _sessions_index(r: Renderer) -> PageJob:
    data, t = r.data, r.t
    upcoming = data.upcoming_sessions()
    past = [sid for sid in data.sessions_in_order(newest_first=True) if not data.is_upcoming(sid)]
    by_month = [
        (r.fmt.month(*month), list(ids))
        for month, ids in groupby(past, key=lambda sid: (data.sessions[sid].date.year, data.sessions[sid].date.month))
    ]
    return r.page(
        "sessions_index.md.j2",
        r.index_page("session"),
        meta={"title": t.sessions},
        upcoming=upcoming,
        past_by_month=by_month,
    )


def search(r: Renderer, session: Session) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_session), ("year", str(session.date.year))]
    skills = [data.skills[s] for s in session.skills]
    filters += [("skill", name) for name in r.shown_names(skills)]
    fields = r.search_fields(summary=r.search_text(session.summary))
    hidden, names = r.hidden_words(session.title), r.other_names(*skills)
    return r.search_data(filters, search_copy(session.title), fields, hidden=hidden, other_names=names)


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, session: Session) -> dict[str, Any]:
    return {
        "title": session.title,
        "date": tools.day(session.date),
        "hours": session.hours,
        "format": session.format,
        "trainers": list(session.trainers),
        "attendees": list(session.attendees),
        **tools.skills(session.skills),
        "summary": tools.text(session.summary),
        "cases": list(session.cases),
    }


# --- kb new session -------------------------------------------------------------------------


def session_id(day: dt.date, title: str) -> str:
    prefix = f"{day:%Y-%m}"
    # `2026 年技能比武` held in 2026: the year is in the prefix already.
    words = title_slug(re.sub(rf"\b{day.year}\s*年?", " ", title), NEW_ID_LENGTH - len(prefix) - 1)
    return f"{prefix}-{words}" if words else prefix


def new_session(
    title: str,
    day: dt.date,
    trainer: str,
    hours: float,
    session_format: str,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new session; its comments in `language`."""
    record_id = record_id or session_id(day, title)
    body = f"""id: {record_id}
title: {quoted(title)}
date: {day.isoformat()}
hours: {hours:g}
format: {session_format}  # {words("new-session-format", language)}
trainers: [{trainer}]
attendees: []
skills: []
cases: []  # {words("new-session-cases", language)}
materials: []  # {words("new-session-materials", language)}
"""
    return NewRecord("session", record_id, body, FOLDER)


def _new(
    title: str,
    trainer: str,
    hours: float,
    session_format: str,
    date: dt.date,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    return new_session(title, date, trainer, hours, session_format, record_id, language)


def _made_id(record: dict[str, Any]) -> str | None:
    day, title = record.get("date"), record.get("title")
    if isinstance(day, dt.date) and isinstance(title, str):
        return session_id(day, title)
    return None


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    rng, words = s.rng, s.words
    for number in range(s.sizes.sessions):
        day = words.END - dt.timedelta(days=rng.randrange(-60, 3 * 365))
        skill, skill_name = rng.choice(words.SKILLS)
        trainers = s.active(day, veteran=True) or s.active(day)
        attendees = rng.sample(s.active(day), min(8, len(s.active(day))))
        past_cases = [cid for cid, solved in s.case_ids[-500:] if solved <= day][:3]
        session = {
            "id": f"{day:%Y-%m}-{skill}-{number}",
            "title": f"{skill_name}专题培训（第 {number + 1} 期）",
            "date": day,
            "hours": rng.choice([2, 3, 4, 6]),
            "format": "contest" if number % 25 == 0 else rng.choice(["classroom", "on-site", "online"]),
            "trainers": [rng.choice(trainers)["id"]],
            "attendees": [p["id"] for p in attendees],
            "skills": [skill],
            "summary": f"讲解{skill_name}的原理与常见故障，结合案例练习。\n",
            "cases": past_cases,
            "materials": [f"https://intranet.example.com/training/{skill}/{number}.pdf"],
        }
        s.sessions.append(session)
        yield session


EXAMPLE = """\
id: 2026-09-hydraulics-advanced
title: 液压进阶：冷却与油温
date: 2026-09-18
hours: 3.5
format: classroom
trainers: [zhang-wei]
attendees: [zhao-lei, chen-hao]
skills: [hydraulics]
summary: |
  冷却器的选型与保养；油温高报警的排查顺序。
cases: [20260716-hx200-al1021-oil-overheat]
materials: [https://intranet.example.com/hydraulics-advanced.pdf, valve.png]
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-session": ("培训场次", "session"),
    # what the reference check says of an id that names no session
    "ref-unknown-session": ("未知的培训场次 `{id}`{hint}", "unknown session `{id}`{hint}"),
    "noun-session": ("培训场次", "session"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new session` writes
    "new-session-format": (
        "`classroom`（课堂）、`on-site`（现场）、`online`（线上）或 `contest`（比赛）",
        "classroom, on-site, online or contest",
    ),
    "new-session-cases": ("讨论的案例 id", "case ids discussed"),
    "new-session-materials": (
        "`https` 链接，或 data/attachments/ 中的文件",
        "https links or files in data/attachments/",
    ),
    "kind_session": ("培训", "Training"),
    "workbook-title-session": ("培训场次", "Sessions"),
    "reference-heading-session": ("培训场次", "Training sessions"),
    "reference-about-session": (
        "一个文件一次培训：已举办或计划中的某一天的培训。",
        "One training session per file: a dated occurrence that took place or is planned.",
    ),
    "reference-kinds-session": ("培训场次", "session"),
    "help-new-session": ("一场培训（或一场比赛）。", "A training session (or a contest)."),
    "help-new-session-date": ("培训的日期。", "When the session takes place."),
    "help-new-session-title-prompt": ("标题", "Title"),
    "help-new-session-title": ("培训的标题。", "The session's title."),
    "help-new-session-trainer-prompt": ("讲师（人员 id）", "Trainer (person id)"),
    "help-new-session-trainer": ("讲师的人员 id。", "The trainer's person id."),
    "help-new-session-hours": ("培训的小时数。", "How many hours it takes."),
    "help-new-session-format": ("形式：课堂、现场、线上或比赛。", "Classroom, on site, online or a contest."),
}


KIND = RecordKind(
    name="session",
    folder=FOLDER,
    url_folder="sessions",
    attribute="sessions",
    shape=Session,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    attachments=attachments,
    activities=activities,
    links=Links(
        indexes=(Index("sessions_trained"), Index("sessions_attended"), Index("sessions_by_skill")),
        link=link,
        order=_in_order,
        place=3,
    ),
    pages=pages,
    search=Search(fields={"summary": ("summary", 2.0)}, data=search),
    document=Document(
        fields={
            "date": "date",
            "hours": "float",
            "format": "keyword",
            "trainers": "keyword",
            "attendees": "keyword",
            "skills": "keyword",
            "skill_names": "text",
            "summary": "text",
            "cases": "keyword",
        },
        make=document,
        place=3,
    ),
    sheet=Sheet(
        label_keys={"cases": "cases_discussed"},
        importing=Import(
            sheet_names=("培训", "培训场次", "培训记录", "sessions", "session", "training"),
            key_fields=("title", "date"),
            aliases={
                "id": ("场次编号",),
                "title": ("主题", "课程", "培训主题", "培训名称"),
                "date": ("培训日期", "时间"),
                "trainers": ("讲师姓名", "trainer"),
                "attendees": ("学员", "已报名", "参训人", "参加人员"),
                "summary": ("摘要", "内容"),
                "cases": ("案例", "相关案例"),
            },
            made_id=_made_id,
            id_from="title",
            names=("title",),
        ),
        place=3,
    ),
    scaffold=Scaffold(
        options=(
            Option("--title", "title", prompt=True),
            Option("--trainer", "trainer", prompt=True),
            Option("--hours", "hours", value="hours", default=2),
            Option("--format", "session_format", value="choice", choices=SESSION_FORMATS, default="classroom"),
            Option("--date", "date", value="date"),
        ),
        make=_new,
    ),
    demo=Demo(records=demo, place=3),
    unknown=(codes.UNKNOWN_SESSION, "ref-unknown-session"),
)
