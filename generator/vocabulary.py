"""What record shapes are made of: the strict base shape, the field types every kind uses
(ids and references, dates, periods, titles, words, Markdown, levels), the values of the
enumerations, and `doc`, a field's meaning in English and Chinese.

Each kind's shape is declared in its own module (generator/kinds/); the validator parses
records with them, and the editor schemas (`kb schema`) and the record reference
(`kb reference`: docs/records.md and the site's /reference/ page) are generated from them,
so the documented format, `kb validate` and autocompletion cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from generator.markdown import markdown_excess
from generator.slug import ID_PATTERN

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
ATTACHMENTS = "attachments"  # the folder of data/ that records name files in


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
    """Marks an id field as naming a record of another kind; the reference check reads it.

    `instead`: kinds the id must not name, each with the code and message key the check
    reports when it does (a goal's `team` that is a person's id), rather than "unknown".
    """

    def __init__(self, kind: str, instead: dict[str, tuple[Any, str]] | None = None) -> None:
        self.kind = kind
        self.instead = instead or {}

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
    for name in _single_line_fields(type(model)):
        yield from _texts_in(getattr(model, name), path + (name,))


def single_line_strings(model: Shape, into: list[str] | None = None) -> list[str]:
    """The texts of `single_line_texts`, without their paths: quicker to collect, for a look
    at all of them at once (most records have no line break in any)."""
    into = [] if into is None else into
    for name in _single_line_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, str):  # most fields: taken here rather than in a call
            into.append(value)
        elif isinstance(value, (Shape, list, dict)):
            _strings_in(value, into)
    return into


def _strings_in(value: Any, into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, Shape):
        single_line_strings(value, into)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):  # ids and words: most lists
                into.append(item)
            else:
                _strings_in(item, into)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings_in(key, into)
            _strings_in(item, into)


@cache  # pydantic's `model_fields` is slow to ask: once per shape, not per record
def _single_line_fields(shape: type[Shape]) -> tuple[str, ...]:
    markdown, _nested = _markdown_fields(shape)
    return tuple(name for name in shape.model_fields if name not in markdown)


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


def entry_names(entries: Iterable[Any]) -> list[str]:
    """Every name of taxonomy entries, Chinese and English: a search may use either."""
    return [name for entry in entries for name in (entry.name, entry.name_en) if name]
