"""People: one engineer (or other staff member) per file in data/people/. A person who left
stays in history, as an alumnus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from generator import codes
from generator.kinds.kind import Demo, Document, Import, Option, RecordKind, Scaffold, Search, Sheet, Words
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.record_text import NewRecord, quoted
from generator.search.tokens import search_copy, search_copy_of
from generator.slug import NEW_ID_LENGTH, slugify
from generator.vocabulary import KCS_ROLES, ROLES, Day, Id, Level, Shape, SkillRef, TeamRef, Title, doc, entry_names

if TYPE_CHECKING:
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

FOLDER = "people"


class Person(Shape):
    id: Id = doc("the person's id, equal to the file name, e.g. `zhang-wei`", "人员 id，与文件名相同，如 `zhang-wei`")
    name: Title = doc("display name, e.g. `张伟`", "显示的姓名，如 `张伟`")
    name_en: Title | None = doc("English name, shown on an English site", "英文姓名，英文站点显示它", default=None)
    team: TeamRef = doc("the team the person belongs to", "所属班组")
    role: Literal[ROLES] = doc(  # type: ignore[valid-type]
        "`field-service` (on-site engineers) or `technical-support` (hotline experts, spare-parts and "
        "warehouse staff, back-office technical support)",
        "`field-service`（现场工程师）或 `technical-support`（热线专家、备件和仓库人员、后台技术支持）",
    )
    title: Title | None = doc("free text job title", "职务，自由填写", default=None)
    joined: Day = doc("the day the person joined", "入职日期")
    left: Day | None = doc(
        "the day the person left; a person who left stays in history (alumni)",
        "离职日期；离职的人留在历史记录中（离职人员）",
        default=None,
    )
    skills: dict[SkillRef, Level] = doc(
        "map of skill id to level 1–4: 1 learning, 2 works with help, 3 independent, 4 can teach others",
        "技能 id 到等级 1–4：1 学习中，2 需指导，3 能独立，4 能带人",
        default_factory=dict,
    )
    kcs_role: Literal[KCS_ROLES] = doc(  # type: ignore[valid-type]
        "`candidate`, `contributor` (default), `publisher` or `coach`: who may validate cases",
        "`candidate`、`contributor`（默认）、`publisher` 或 `coach`：决定谁可以验证案例",
        default="contributor",
    )


# --- pages and search -----------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per person, and the directory."""
    data = r.data
    upcoming = set(data.upcoming_sessions())  # a planned session is shown as planned, never as attended
    for pid, person in data.people.items():
        if r.skips(r.record_page("person", pid)):
            continue
        skills = sorted(person.skills.items(), key=lambda item: (-item[1], item[0]))
        yield r.page(
            "person.md.j2",
            r.record_page("person", pid),
            meta={"title": person.name},
            p=person,
            pid=pid,
            skills=skills,
            upcoming_ids=upcoming,
            search=partial(search, r, person),
            tickets=r.person_tickets(pid),
        )
    yield _directory(r)


def _directory(r: Renderer) -> PageJob:
    data = r.data
    current = [pid for pid in data.sorted_people() if not data.is_alumnus(pid)]
    by_team = []
    for team_id in data.teams:
        roles = [
            (role, [pid for pid in current if data.people[pid].team == team_id and data.people[pid].role == role])
            for role in ROLES
        ]
        roles = [(role, ids) for role, ids in roles if ids]
        if roles:
            by_team.append((team_id, roles))
    alumni = [pid for pid in data.sorted_people() if data.is_alumnus(pid)]
    return r.page(
        "people_index.md.j2", r.index_page("person"), meta={"title": r.t.people}, by_team=by_team, alumni=alumni
    )


def search(r: Renderer, person: Person) -> SearchData:
    data, t = r.data, r.t
    skills = [data.skills[s] for s in sorted(person.skills)]
    filters = [("kind", t.kind_person)] + [("skill", name) for name in r.shown_names(skills)]
    team = data.teams[person.team]
    fields = r.search_fields(summary=search_copy(person.title or ""), team=search_copy(r.name(team)))
    title = search_copy_of(person.name, person.name_en or "")
    return r.search_data(filters, title, fields, hidden=r.hidden_words(person.name), other_names=r.other_names(team))


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, person: Person) -> dict[str, Any]:
    return {
        "title": person.name,
        "name_en": person.name_en,
        "job_title": person.title,
        "team": person.team,
        "team_names": entry_names([tools.data.teams[person.team]]),
        "role": person.role,
        "kcs_role": person.kcs_role,
        **tools.skills(sorted(person.skills)),
        "joined": tools.day(person.joined),
        "left": tools.day(person.left),
    }


# --- kb new person --------------------------------------------------------------------------


def person_id(name: str) -> str:
    return slugify(name, NEW_ID_LENGTH)


def new_person(
    name: str, team: str, role: str, joined: dt.date, record_id: str | None = None, language: str = DEFAULT_LANGUAGE
) -> NewRecord:
    """The new person; its comments in `language`."""
    record_id = record_id or person_id(name)
    body = f"""id: {record_id}
name: {quoted(name)}
team: {team}
role: {role}  # {words("new-person-role", language)}
joined: {joined.isoformat()}
skills: {{}}  # {words("new-person-skills", language)}
kcs_role: candidate  # {words("new-person-kcs-role", language)}
"""
    return NewRecord("person", record_id, body, FOLDER)


def _made_id(record: dict[str, Any]) -> str | None:
    name = record.get("name")
    return person_id(name) or None if isinstance(name, str) else None


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    rng, words, used = s.rng, s.words, set()
    for number in range(s.sizes.people):
        name = rng.choice(words.SURNAMES) + "".join(rng.choice(words.GIVEN) for _ in range(rng.choice((1, 2))))
        record_id = slugify(name)
        while record_id in used:
            record_id = f"{slugify(name)}-{len(used)}"
        used.add(record_id)
        veteran = number % 6 == 0
        joined = (
            dt.date(2010 + rng.randrange(8), 1 + rng.randrange(12), 1)
            if veteran
            else dt.date(2018 + rng.randrange(6), 1 + rng.randrange(12), 1)
        )
        person = {
            "id": record_id,
            "name": name,
            "team": f"team-{number % s.sizes.teams + 1}",
            "role": "field-service" if number % 3 else "technical-support",
            "title": "高级工程师" if veteran else "服务工程师",
            "joined": joined,
            "skills": {skill: (4 if veteran else 1 + rng.randrange(3)) for skill, _ in rng.sample(words.SKILLS, 4)},
            "kcs_role": "coach" if veteran else rng.choice(["candidate", "contributor", "contributor"]),
        }
        if number % 40 == 39:
            person["left"] = dt.date(2026, 1 + rng.randrange(10), 28)
        s.people.append(person)
        yield person


EXAMPLE = """\
id: zhao-lei
name: 赵磊
name_en: Zhao Lei
team: east
role: field-service
title: 现场服务工程师
joined: 2024-07-01
skills:
  hydraulics: 3
  cnc: 2
kcs_role: contributor
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-person": ("人员", "person"),
    # what the reference check says of an id that names no person
    "ref-unknown-person": ("未知的人员 `{id}`{hint}", "unknown person `{id}`{hint}"),
    "noun-person": ("人员", "person"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new person` writes
    "new-person-role": (
        "`field-service`（现场服务）或 `technical-support`（技术支持）",
        "field-service or technical-support",
    ),
    "new-person-skills": (
        "技能 id: 等级 1-4（1 正在学，2 有人帮着能做，3 能独立做，4 能教别人）",
        "skill id: level 1-4 (1 learning, 2 works with help, 3 independent, 4 can teach)",
    ),
    "new-person-kcs-role": (
        "`candidate`、`contributor`、`publisher` 或 `coach`",
        "candidate, contributor, publisher or coach",
    ),
    "kind_person": ("人员", "Person"),
    "workbook-title-person": ("人员", "People"),
    "reference-heading-person": ("人员", "People"),
    "reference-about-person": (
        "一个文件一名工程师（或其他员工）。离职的人留在历史记录中。",
        "One engineer (or other staff member) per file. A person who left stays in history.",
    ),
    "reference-kinds-person": ("人员", "person"),
    "help-new-person": ("一名工程师或其他员工。", "An engineer or other staff member."),
    "help-new-person-joined": ("入职的日期。", "When the person joined."),
    "help-new-person-name-prompt": ("姓名", "Name"),
    "help-new-person-name": ("显示的姓名，例如 张伟。", "Display name, e.g. Zhang Wei."),
    "help-new-person-team-prompt": ("团队 id", "Team id"),
    "help-new-person-team": ("taxonomy.yml 里的团队 id。", "A teams id from taxonomy.yml."),
    "help-new-person-role-prompt": ("角色", "Role"),
    "help-new-person-role": (
        "field-service（现场服务）或 technical-support（技术支持）。",
        "field-service or technical-support.",
    ),
}


KIND = RecordKind(
    name="person",
    folder=FOLDER,
    url_folder="people",
    attribute="people",
    shape=Person,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    dates_in_order=(("joined", "left"),),
    pages=pages,
    search=Search(fields={"summary": ("summary", 2.0), "team": ("team", 2.0)}, data=search),
    document=Document(
        fields={
            "name_en": "text",
            "job_title": "text",
            "team": "keyword",
            "team_names": "text",
            "role": "keyword",
            "kcs_role": "keyword",
            "skills": "keyword",
            "skill_names": "text",
            "joined": "date",
            "left": "date",
        },
        make=document,
        place=2,
    ),
    sheet=Sheet(
        label_keys={"title": "person_title"},
        importing=Import(
            sheet_names=("人员", "人员名单", "花名册", "people", "person", "staff"),
            key_fields=("name",),
            aliases={
                "id": ("工号",),
                "name": ("名字", "员工姓名"),
                "name_en": ("英文名字", "english name"),
                "title": ("职位", "job title"),
                "joined": ("入职日期", "入职时间"),
                "left": ("离职日期", "离职时间"),
                "kcs_role": ("kcs 角色",),
            },
            made_id=_made_id,
            id_from="name",
            names=("name", "name_en"),
        ),
        place=2,
    ),
    scaffold=Scaffold(
        options=(
            Option("--name", "name", prompt=True),
            Option("--team", "team", prompt=True),
            Option("--role", "role", prompt=True, value="choice", choices=ROLES),
            Option("--joined", "joined", value="date"),
        ),
        make=new_person,
    ),
    demo=Demo(records=demo, place=1),
    unknown=(codes.UNKNOWN_PERSON, "ref-unknown-person"),
)
