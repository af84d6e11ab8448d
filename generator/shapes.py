"""The record shapes: the one source of truth for fields, types and enums.

The validator parses records with these models, and the editor schemas (`kb schema`) and
the record reference (`kb reference`: docs/records.md and the site's /reference/ page) are
generated from them, with each field's meaning in English and Chinese, so the documented
format, `kb validate` and autocompletion cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from generator.constants import CASE_STATES, ROLES, SESSION_FORMATS
from generator.markdown import attachment_references, markdown_excess

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PERIOD_PATTERN = r"^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$"
_DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Anything that shows on a page: not a space of any kind (the ideographic space U+3000 that
# Chinese input methods type included) and not a zero-width character.
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")

KCS_ROLES = ("candidate", "contributor", "publisher", "coach")
VALIDATING_ROLES = ("publisher", "coach")
MENTORING_STATUSES = ("active", "completed", "stopped")
WEB_LINK_PREFIXES = ("https://", "http://")  # a session's material is such a link or a file in data/attachments/

# Fields a case must have in each state, beyond the always-required ones.
CASE_STATE_REQUIRES: dict[str, tuple[str, ...]] = {
    "not-validated": ("environment", "resolution"),
    "validated": ("environment", "resolution", "validated_by"),
    "archived": ("environment", "resolution"),
}


def _calendar_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE_TEXT.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "calendar_date", "`{value}` is not a real calendar date", {"value": value}
            ) from None
    raise PydanticCustomError("date_format", "`{value}` is not a date in YYYY-MM-DD form", {"value": value})


def _period_text(value: Any) -> Any:
    # `period: 2026` is read by YAML as a number; a year is what the writer meant.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _word_text(value: Any) -> Any:
    # Free words such as an alarm code `401` are read by YAML as numbers.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    # `title: "   "` passes the length check but would show as nothing on the page.
    if not _VISIBLE.search(value):
        raise PydanticCustomError("blank_text", "text holds only spaces")
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]


class Ref:
    """Marks an id field as naming a record of another kind; the reference check reads it."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


PersonRef = Annotated[Id, Ref("person")]
CaseRef = Annotated[Id, Ref("case")]
SessionRef = Annotated[Id, Ref("session")]
SkillRef = Annotated[Id, Ref("skill")]
ProductRef = Annotated[Id, Ref("product")]
TeamRef = Annotated[Id, Ref("team")]
AwardKindRef = Annotated[Id, Ref("award-kind")]
StepRef = Annotated[Id, Ref("step")]
Day = Annotated[
    dt.date,
    BeforeValidator(_calendar_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_TEXT.pattern}),
]
Period = Annotated[
    str,
    BeforeValidator(_period_text),
    Field(pattern=PERIOD_PATTERN),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    ),
]
Word = Annotated[
    str,
    BeforeValidator(_word_text),
    Field(min_length=1),
    AfterValidator(_not_blank),
    WithJsonSchema({"type": ["string", "number"]}),
]


def _within_markdown_limits(value: str) -> str:
    # Before any Markdown parser sees the text: past these limits parsing it costs many
    # times its length (generator/markdown.py), and a record that fails here is never parsed.
    excess = markdown_excess(value)
    if excess is not None:
        raise PydanticCustomError(
            "markdown_" + excess.kind,
            "Markdown passes the limit of {limit}",
            {"limit": excess.limit, "offset": excess.offset},
        )
    return value


Title = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]
Markdown = Annotated[
    str,
    Field(min_length=1, description="Markdown text"),
    AfterValidator(_not_blank),
    AfterValidator(_within_markdown_limits),
]
Level = Annotated[
    int, Field(ge=1, le=4, description="1 learning, 2 works with help, 3 independent, 4 can teach others")
]


def doc(en: str, zh: str, **field: Any) -> Any:
    """A field's meaning in English (pydantic's description, shown by editors on hover)
    and Chinese (kept in the schema as `x-description-zh`); the record reference reads both."""
    return Field(description=en, json_schema_extra={"x-description-zh": zh}, **field)


def description_zh(info: FieldInfo) -> str:
    extra = info.json_schema_extra
    return str(extra.get("x-description-zh", "")) if isinstance(extra, dict) else ""


class Shape(BaseModel):
    """Strict: unknown fields are errors, and YAML's guesses are not silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Entry(Shape):
    id: Id = doc("the entry's id, as records name it, e.g. `hx-200`", "条目的 id，记录用它引用，如 `hx-200`")
    name: Title = doc("display name, e.g. `HX-200 液压站`", "显示名称，如 `HX-200 液压站`")
    name_en: Title | None = doc(
        "English name: an English site shows it wherever it exists",
        "英文名称：英文站点在有英文名称处显示它",
        default=None,
    )


class SkillEntry(Entry):
    description: Markdown | None = doc("Markdown: what the skill covers", "Markdown：这项技能包括什么", default=None)


class Taxonomy(Shape):
    products: list[Entry] = doc("the products the team services", "团队服务的产品", default_factory=list)
    skills: list[SkillEntry] = doc(
        "the skills people have and cases need", "人员掌握、案例需要的技能", default_factory=list
    )
    teams: list[Entry] = doc("the teams (service stations)", "班组（服务站）", default_factory=list)
    awards: list[Entry] = doc(
        "the award kinds: titles, contests, commendations", "荣誉种类：称号、竞赛、表彰", default_factory=list
    )


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


class Case(Shape):
    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"state": {"const": state}}, "required": ["state"]},
                    "then": {"required": list(fields)},
                }
                for state, fields in CASE_STATE_REQUIRES.items()
            ]
        }
    )

    id: Id = doc(
        "the case's id, equal to the file name, e.g. `20260412-hx200-pressure-drop`",
        "案例 id，与文件名相同，如 `20260412-hx200-pressure-drop`",
    )
    title: Title = doc("the problem in the customer's words", "问题，用客户的话说")
    state: Literal[CASE_STATES] = doc(  # type: ignore[valid-type]
        "`wip`, `not-validated`, `validated` or `archived`",
        "`wip`（处理中）、`not-validated`（待验证）、`validated`（已验证）或 `archived`（已归档）",
    )
    products: Annotated[list[ProductRef], Field(min_length=1)] = doc(
        "the products the problem occurred on (at least one)", "出问题的产品（至少一个）"
    )
    skills: list[SkillRef] = doc("the skills the fix needs", "解决问题需要的技能", default_factory=list)
    tags: list[Word] = doc("free words", "自由标签", default_factory=list)
    aka: list[Word] = doc(
        "other words customers and engineers use for this problem (searchable)",
        "客户和工程师对这个问题的其他说法（可搜索）",
        default_factory=list,
    )
    symptoms: Markdown = doc(
        "Markdown: what was observed, in the customer's words", "Markdown：观察到的现象，用客户的话说"
    )
    environment: Markdown | None = doc(
        "Markdown: product version, configuration, site conditions", "Markdown：产品版本、配置、现场条件", default=None
    )
    cause: Markdown | None = doc("Markdown: why the problem occurred", "Markdown：问题的原因", default=None)
    resolution: Markdown | None = doc("Markdown: the steps that fixed it", "Markdown：解决问题的步骤", default=None)
    authors: Annotated[list[PersonRef], Field(min_length=1)] = doc(
        "the people who wrote the case (at least one)", "编写案例的人（至少一人）"
    )
    validated_by: PersonRef | None = doc(
        "the person whose `kcs_role` is `publisher` or `coach`, and who is not the only author",
        "验证人：`kcs_role` 为 `publisher` 或 `coach`，且不是唯一的作者",
        default=None,
    )
    solved_on: Day = doc("the day the problem was solved", "问题解决的日期")
    hours_to_resolve: Annotated[float, Field(ge=0)] | None = doc(
        "hours it took to resolve", "解决问题所用的小时数", default=None
    )
    customer: Title | None = doc(
        "an anonymised label such as `某食品厂`; never a name, phone number or e-mail",
        "匿名的称呼，如 某食品厂；绝不写名称、电话号码或电子邮箱",
        default=None,
    )
    team: TeamRef | None = doc("the team that solved it", "解决问题的班组", default=None)
    related: list[CaseRef] = doc("other cases on a related problem", "相关问题的其他案例", default_factory=list)
    review_by: Day | None = doc(
        "date after which the case should be reviewed again", "此日期之后应重新复审本案例", default=None
    )
    attachments: list[Title] = doc(
        "paths under `data/attachments/`", "附件：`data/attachments/` 下的路径", default_factory=list
    )


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


class SignOff(Shape):
    person: PersonRef = doc("the person who completed the step", "完成这一步的人")
    by: PersonRef = doc("the person who confirms it", "确认的人")
    date: Day = doc("the day it was confirmed", "确认日期")


class Step(Shape):
    id: Id = doc("the step's id, unique within the path", "步骤 id，在本路径内唯一")
    title: Title = doc("the step's title", "步骤的标题")
    skill: SkillRef | None = doc("the skill the step builds", "这一步培养的技能", default=None)
    requires: list[StepRef] = doc(
        "steps of the same path to complete first; no cycles",
        "要先完成的本路径步骤；不能循环",
        default_factory=list,
    )
    read: list[CaseRef] = doc("cases to study", "要学习的案例", default_factory=list)
    sessions: list[SessionRef] = doc(
        "sessions; attending any of them completes the step",
        "培训场次；参加其中任一场即完成这一步",
        default_factory=list,
    )
    signed_off: list[SignOff] = doc(
        "`{person, by, date}`: the step was completed another way, confirmed by `by`",
        "`{person, by, date}`：以其他方式完成了这一步，由 `by` 确认",
        default_factory=list,
    )


class TrainingPath(Shape):
    id: Id = doc(
        "the path's id, equal to the file name, e.g. `new-field-engineer`",
        "路径 id，与文件名相同，如 `new-field-engineer`",
    )
    title: Title = doc("the path's title", "路径的标题")
    for_role: Literal[ROLES] | None = doc(  # type: ignore[valid-type]
        "the role it prepares for: `field-service` or `technical-support`",
        "适用岗位：`field-service` 或 `technical-support`",
        default=None,
    )
    summary: Markdown | None = doc("Markdown: what the path is for", "Markdown：路径简介", default=None)
    steps: Annotated[list[Step], Field(min_length=1)] = doc("the ordered list of steps", "按顺序排列的步骤")
    enrolled: list[PersonRef] = doc("the people following this path", "正在跟这条路径的人", default_factory=list)


class Award(Shape):
    id: Id = doc("the award's id, equal to the file name", "荣誉的 id，与文件名相同")
    award: AwardKindRef = doc("the award kind: an `awards` id from the taxonomy", "荣誉种类：taxonomy 中的 `awards` id")
    recipients: Annotated[list[PersonRef], Field(min_length=1)] = doc(
        "the people honoured (at least one)", "获得者（至少一人）"
    )
    period: Period = doc(
        "the period it honours: `2026`, `2026-H2`, `2026-Q3` or `2026-09`",
        "所表彰的期间：`2026`、`2026-H2`、`2026-Q3` 或 `2026-09`",
    )
    awarded_on: Day = doc("the day it was awarded", "授予日期")
    citation: Markdown = doc("Markdown: what the recipients did", "Markdown：获得者的事迹")
    evidence: list[CaseRef] = doc("cases that show the deeds", "体现事迹的案例", default_factory=list)
    rank: Annotated[int, Field(ge=1)] | None = doc("place in a contest, 1 or more", "竞赛名次，1 或以上", default=None)
    session: SessionRef | None = doc(
        "the `contest` session it was won at", "获奖的 `contest`（竞赛）场次", default=None
    )


# Record kind -> its shape, in the order records.md describes them.
SHAPES: dict[str, type[Shape]] = {
    "taxonomy": Taxonomy,
    "person": Person,
    "case": Case,
    "mentoring": Mentoring,
    "session": Session,
    "path": TrainingPath,
    "award": Award,
}


def markdown_texts(model: Shape, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every Markdown field of a record, nested steps and log entries included."""
    markdown, nested = _markdown_fields(type(model))
    for name in markdown:
        value = getattr(model, name)
        if value is not None:
            yield path + (name,), value
    for name in nested:
        value = getattr(model, name)
        if isinstance(value, Shape):
            yield from markdown_texts(value, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Shape):
                    yield from markdown_texts(item, path + (name, index))


@cache  # the same few shapes, for every record of a run
def _markdown_fields(shape: type[Shape]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The shape's Markdown fields, and the fields that may hold shapes with Markdown fields."""
    hints = typing.get_type_hints(shape, include_extras=True)
    markdown = tuple(name for name, hint in hints.items() if _is_markdown(hint))
    nested = tuple(name for name, hint in hints.items() if name not in markdown and _may_hold_shapes(hint))
    return markdown, nested


def single_line_texts(model: Shape, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every text of a record that is not Markdown: names, titles, ids, tags,
    aka words, every text in a list or map, nested steps and log entries included.

    Derived from the shapes, so that a field is single-line unless it is declared Markdown:
    a new text field is covered the day it is added.
    """
    markdown, _nested = _markdown_fields(type(model))
    for name in type(model).model_fields:
        if name not in markdown:
            yield from _texts_in(getattr(model, name), path + (name,))


def _texts_in(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Shape):
        yield from single_line_texts(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_in(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in(key, path + (key,))
            yield from _texts_in(item, path + (key,))


def _may_hold_shapes(hint: Any) -> bool:
    return any(isinstance(arg, type) and issubclass(arg, Shape) for arg in _flattened(hint))


def _flattened(hint: Any) -> Iterator[Any]:
    yield hint
    for arg in typing.get_args(hint):
        yield from _flattened(arg)


def _is_markdown(hint: Any) -> bool:
    return hint == Markdown or Markdown in typing.get_args(hint)


def named_attachments(kind: str, model: Shape) -> Iterator[tuple[tuple, str, str]]:
    """(path, text at that path, name as written) of every attachment a record names:
    in `attachments`, in a session's file `materials`, and in its Markdown's images and links."""
    if kind == "case":
        for index, name in enumerate(model.attachments):
            yield ("attachments", index), name, name
    elif kind == "session":
        for index, material in enumerate(model.materials):
            if not material.startswith(WEB_LINK_PREFIXES):
                yield ("materials", index), material, material
    for path, text in markdown_texts(model):
        for name in attachment_references(text):
            yield path, text, name
