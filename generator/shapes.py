"""The record shapes: the one source of truth for fields, types and enums.

The validator parses records with these models and the editor schemas are generated
from them, so records.md, `kb validate` and autocompletion cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.markdown import attachment_references

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PERIOD_PATTERN = r"^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$"
_DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Anything that shows on a page: not a space of any kind (the ideographic space U+3000 that
# Chinese input methods type included) and not a zero-width character.
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")

CASE_STATES = ("wip", "not-validated", "validated", "archived")
ROLES = ("field-service", "technical-support")
KCS_ROLES = ("candidate", "contributor", "publisher", "coach")
VALIDATING_ROLES = ("publisher", "coach")
MENTORING_STATUSES = ("active", "completed", "stopped")
SESSION_FORMATS = ("classroom", "on-site", "online", "contest")
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
Title = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]
Markdown = Annotated[str, Field(min_length=1, description="Markdown text"), AfterValidator(_not_blank)]
Level = Annotated[
    int, Field(ge=1, le=4, description="1 learning, 2 works with help, 3 independent, 4 can teach others")
]


class Shape(BaseModel):
    """Strict: unknown fields are errors, and YAML's guesses are not silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Entry(Shape):
    id: Id
    name: Title
    name_en: Title | None = None


class SkillEntry(Entry):
    description: Markdown | None = None


class Taxonomy(Shape):
    products: list[Entry] = Field(default_factory=list)
    skills: list[SkillEntry] = Field(default_factory=list)
    teams: list[Entry] = Field(default_factory=list)
    awards: list[Entry] = Field(default_factory=list)


class Person(Shape):
    id: Id
    name: Title
    name_en: Title | None = None
    team: TeamRef
    role: Literal[ROLES]  # type: ignore[valid-type]
    title: Title | None = None
    joined: Day
    left: Day | None = None
    skills: dict[SkillRef, Level] = Field(default_factory=dict, description="skill id to level 1-4")
    kcs_role: Literal[KCS_ROLES] = "contributor"  # type: ignore[valid-type]


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

    id: Id
    title: Title
    state: Literal[CASE_STATES]  # type: ignore[valid-type]
    products: Annotated[list[ProductRef], Field(min_length=1)]
    skills: list[SkillRef] = Field(default_factory=list)
    tags: list[Word] = Field(default_factory=list)
    aka: list[Word] = Field(default_factory=list)
    symptoms: Markdown
    environment: Markdown | None = None
    cause: Markdown | None = None
    resolution: Markdown | None = None
    authors: Annotated[list[PersonRef], Field(min_length=1)]
    validated_by: PersonRef | None = None
    solved_on: Day
    hours_to_resolve: Annotated[float, Field(ge=0)] | None = None
    customer: Title | None = None
    team: TeamRef | None = None
    related: list[CaseRef] = Field(default_factory=list)
    review_by: Day | None = None
    attachments: list[Title] = Field(default_factory=list)


class Goal(Shape):
    skill: SkillRef
    target: Level


class LogEntry(Shape):
    date: Day
    note: Markdown
    case: CaseRef | None = None


class Mentoring(Shape):
    id: Id
    mentor: PersonRef
    mentee: PersonRef
    started: Day
    ends: Day | None = None
    status: Literal[MENTORING_STATUSES]  # type: ignore[valid-type]
    goals: Annotated[list[Goal], Field(min_length=1)]
    log: list[LogEntry] = Field(default_factory=list)
    outcome: Markdown | None = None


class Session(Shape):
    id: Id
    title: Title
    date: Day
    hours: Annotated[float, Field(gt=0)]
    format: Literal[SESSION_FORMATS]  # type: ignore[valid-type]
    trainers: Annotated[list[PersonRef], Field(min_length=1)]
    attendees: list[PersonRef] = Field(default_factory=list)
    skills: list[SkillRef] = Field(default_factory=list)
    summary: Markdown | None = None
    cases: list[CaseRef] = Field(default_factory=list)
    materials: list[Title] = Field(default_factory=list)


class SignOff(Shape):
    person: PersonRef
    by: PersonRef
    date: Day


class Step(Shape):
    id: Id
    title: Title
    skill: SkillRef | None = None
    requires: list[StepRef] = Field(default_factory=list)
    read: list[CaseRef] = Field(default_factory=list)
    sessions: list[SessionRef] = Field(default_factory=list)
    signed_off: list[SignOff] = Field(default_factory=list)


class TrainingPath(Shape):
    id: Id
    title: Title
    for_role: Literal[ROLES] | None = None  # type: ignore[valid-type]
    summary: Markdown | None = None
    steps: Annotated[list[Step], Field(min_length=1)]
    enrolled: list[PersonRef] = Field(default_factory=list)


class Award(Shape):
    id: Id
    award: AwardKindRef
    recipients: Annotated[list[PersonRef], Field(min_length=1)]
    period: Period
    awarded_on: Day
    citation: Markdown
    evidence: list[CaseRef] = Field(default_factory=list)
    rank: Annotated[int, Field(ge=1)] | None = None
    session: SessionRef | None = None


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
    for name, hint in _hints(type(model)).items():
        value = getattr(model, name)
        if value is None:
            continue
        if _is_markdown(hint):
            yield path + (name,), value
        elif isinstance(value, Shape):
            yield from markdown_texts(value, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Shape):
                    yield from markdown_texts(item, path + (name, index))


@cache
def _hints(shape: type[Shape]) -> dict[str, Any]:
    return typing.get_type_hints(shape, include_extras=True)


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
