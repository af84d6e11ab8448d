"""Shape: each document parsed with its kind's model; pydantic's errors become diagnostics."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import codes
from generator.anchors import reference_link
from generator.diagnostics import Diagnostic
from generator.kinds import RECORD_KIND, SHAPES
from generator.load.files import SourceFile
from generator.load.strict_yaml import Document
from generator.load.text import character_name, line_break_in
from generator.messages import MESSAGES, NOTHING, Listing, Text, text
from generator.vocabulary import Shape, single_line_strings, single_line_texts

_PATH_HINTS = ("/", "\\", "..")
_KIND_OF_SHAPE = {shape: kind for kind, shape in SHAPES.items()}


def parse_record(kind: str, source: SourceFile, document: Document) -> tuple[Shape | None, list[Diagnostic]]:
    """The record's model, or the diagnostics that say why its shape is wrong."""
    if "shape" not in document.memo:
        document.memo["shape"] = _parse(kind, document)
    return document.memo["shape"]


def _parse(kind: str, document: Document) -> tuple[Shape | None, list[Diagnostic]]:
    shape = SHAPES[kind]
    refused = _refused_fields(kind, document)
    try:
        model = shape.model_validate(document.data)
    except ValidationError as error:
        problems = _without_missing_that_were_misspelt(shape, error.errors(include_url=False))
        problems = [p for p in problems if not (p["type"] == "extra_forbidden" and p["loc"] in refused)]
        return None, [*refused.values(), *(_diagnostic(shape, document, problem) for problem in problems)]
    return model, [*_state_requirements(kind, model, document), *_line_breaks(model, document)]


def _refused_fields(kind: str, document: Document) -> dict[tuple, Diagnostic]:
    """The fields the kind refuses for a reason of its own (a goal's `person`, at any depth: a
    target's `owner` too), each with its own code rather than as an unknown field: path -> its
    diagnostic."""
    record_kind = RECORD_KIND.get(kind)
    refused = record_kind.refused_fields if record_kind is not None else {}
    found = {}
    for path in _keys(document.data, ()) if refused else ():
        if path[-1] in refused:
            code, key = refused[path[-1]]
            found[path] = code.at(document.file, document.position(path), key, field=path[-1], id="")
    return found


def _keys(data: Any, path: tuple) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield path + (key,)
            yield from _keys(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _keys(value, path + (index,))


def _without_missing_that_were_misspelt(shape: type[BaseModel], problems: list[dict]) -> list[dict]:
    """A typo'd required field is one problem, not "unknown `skil`" plus "missing `skill`"."""
    misspelt = set()
    for problem in problems:
        if problem["type"] == "extra_forbidden":
            loc = problem["loc"]
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(shape, loc[:-1]), n=1, cutoff=0.6)
            misspelt.update(loc[:-1] + (name,) for name in close)
    return [p for p in problems if not (p["type"] == "missing" and p["loc"] in misspelt)]


def _state_requirements(kind: str, model: Shape, document: Document) -> Iterator[Diagnostic]:
    """The fields a record needs in its state, as its kind declares them (a validated case's resolution)."""
    record_kind = RECORD_KIND.get(kind)
    if record_kind is None or record_kind.required_when is None:
        return
    deciding, needs = record_kind.required_when
    state = getattr(model, deciding)
    # in the kind's own words where it has them (a commendation from a customer), else a case's
    key = f"{kind}-requires" if f"{kind}-requires" in MESSAGES else "shape-state-requires"
    for name in needs.get(state, ()):
        if getattr(model, name) is None:
            yield codes.STATE_REQUIRES.at(document.file, document.position((deciding,)), key, state=state, field=name)


def _line_breaks(model: Shape, document: Document) -> Iterator[Diagnostic]:
    """A line break in any text that is not Markdown (KB212), at the place it was written:
    `kb validate` finds it before a page heading, a table row, a feed or a calendar would."""
    if line_break_in("\x00".join(single_line_strings(model))) is None:
        return  # one look at every text at once; NUL is no line break, and no record holds one
    for path, value in single_line_texts(model):
        index = line_break_in(value)
        if index is not None:
            yield codes.LINE_BREAK.at(
                document.file,
                document.line_break_position(path, index),
                "shape-line-break",
                field=_field_name(path),
                character=character_name(value[index]),
            )


_MARKDOWN_LIMITS = {  # pydantic's error type (generator/shapes.py) -> code and catalogue key
    "markdown_blocks": (codes.MARKDOWN_NESTING, "shape-markdown-nesting"),
    "markdown_brackets": (codes.MARKDOWN_BRACKETS, "shape-markdown-brackets"),
    "markdown_links": (codes.MARKDOWN_LINKS, "shape-markdown-links"),
}


def _diagnostic(shape: type[BaseModel], document: Document, problem: dict[str, Any]) -> Diagnostic:
    loc = tuple(part for part in problem["loc"] if part != "[key]")
    is_key = "[key]" in problem["loc"]
    if problem["type"] in _MARKDOWN_LIMITS:
        return _markdown_excess(document, loc, problem)
    code, message = _describe(shape, loc, problem, is_key, document)
    return code.at(document.file, document.position(loc), message)


def _markdown_excess(document: Document, loc: tuple, problem: dict[str, Any]) -> Diagnostic:
    """At the line where the limit is passed (exact in a `|` block, else the field's line)."""
    code, key = _MARKDOWN_LIMITS[problem["type"]]
    context = problem["ctx"]
    where = document.text_position(loc, context["offset"])
    return code.at(document.file, where, key, field=_field_name(loc), limit=context["limit"])


def _describe(
    shape: type[BaseModel], loc: tuple, problem: dict[str, Any], is_key: bool, document: Document
) -> tuple[codes.Code, Text]:
    kind = problem["type"]
    field = _field_name(loc)
    value = problem.get("input")
    if kind == "missing":
        return codes.MISSING_FIELD, text("shape-missing-field", field=field, see=_see_reference(shape, loc))
    if kind == "extra_forbidden":
        hint = _suggestion(str(loc[-1]), _fields_at(shape, loc[:-1]))
        return codes.UNKNOWN_FIELD, text(
            "shape-unknown-field", field=loc[-1], hint=hint, see=_see_reference(shape, loc)
        )
    if value is None:
        return codes.MISSING_FIELD, text("shape-empty-value", field=field, comment=_comment_hint(document, loc))
    if kind == "blank_text":
        return codes.BLANK_TEXT, text("shape-blank-text", field=field)
    if kind in {"calendar_date", "date_format"}:
        key = "shape-not-calendar-date" if kind == "calendar_date" else "shape-date-format"
        return codes.BAD_DATE, text(key, field=field, value=problem["ctx"]["value"])
    if kind == "literal_error":
        allowed = _literal_values(problem["ctx"]["expected"])
        hint = _suggestion(str(value), allowed)
        return codes.NOT_ALLOWED_VALUE, text(
            "shape-not-allowed", field=field, value=value, allowed=Listing(tuple(allowed), "or"), hint=hint
        )
    if kind in {"string_pattern_mismatch", "string_too_long"}:  # only ids and periods have either
        return _pattern_problem(field, value, loc, is_key)
    if kind in {"string_too_short", "too_short"}:
        if isinstance(value, str):
            return codes.MISSING_FIELD, text("shape-empty-text", field=field)
        return codes.EMPTY_LIST, text("shape-empty-list", field=field)
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return codes.OUT_OF_RANGE, text("shape-out-of-range", field=field, value=value, range=_range_text(problem))
    return codes.WRONG_TYPE, _type_text(field, kind, value)


def _comment_hint(document: Document, loc: tuple) -> Text:
    """A hint when the value is empty because a ` #` made the rest of its line a comment."""
    lines = document.text.splitlines()
    line = document.position(loc).line
    content = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    content = content[1:] if content.startswith("-") else content
    _, colon, value = content.partition(": ")
    return text("shape-hint-comment") if (value if colon else content).strip().startswith("#") else NOTHING


def _pattern_problem(field: str, value: Any, loc: tuple, is_key: bool) -> tuple[codes.Code, Text]:
    if loc and loc[-1] == "period" and len(loc) == 1:
        return codes.BAD_PERIOD, text("shape-bad-period", value=value)
    if loc == ("id",) and isinstance(value, str) and any(hint in value for hint in _PATH_HINTS):
        return codes.PATH_LIKE_ID, text("shape-path-like-id", value=value)
    what = text("shape-word-key" if is_key else "shape-word-id")
    return codes.BAD_ID, text("shape-bad-id", what=what, value=value, field=field)


_RANGE_KEYS = {"gt": "range-gt", "ge": "range-ge", "lt": "range-lt", "le": "range-le"}


def _range_text(problem: dict[str, Any]) -> Text:
    limits = [
        text(_RANGE_KEYS[key], limit=_number(limit)) for key, limit in problem["ctx"].items() if key in _RANGE_KEYS
    ]
    if not limits:
        return NOTHING
    words = limits[0]
    for more in limits[1:]:
        words = text("range-both", first=words, second=more)
    return words


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


_TYPE_WORDS = {  # pydantic's error type -> the catalogue key of what was expected
    "string_type": "type-text",
    "int_type": "type-whole-number",
    "float_type": "type-number",
    "list_type": "type-list",
    "dict_type": "type-key-value",
    "model_type": "type-fields",
    "model_attributes_type": "type-fields",
    "bool_type": "type-yes-no",
}


def _type_text(field: str, kind: str, value: Any) -> Text:
    expected = _TYPE_WORDS.get(kind)
    got = _value_kind(value)
    if expected is None:
        return text("shape-some-wrong-type", field=field, got=got)
    quote = expected == "type-text" and not isinstance(value, (list, dict))
    hint = text("shape-hint-quote-to-make-text") if quote else NOTHING
    return text("shape-wrong-type", field=field, expected=text(expected), got=got, hint=hint)


def _value_kind(value: Any) -> Text:
    if isinstance(value, bool):
        return text("value-yes-no", value=str(value).lower())
    if isinstance(value, (int, float)):
        return text("value-number", value=value)
    if isinstance(value, list):
        return text("value-list")
    if isinstance(value, dict):
        return text("value-mapping")
    if isinstance(value, str):
        return text("value-text", value=value[:40])
    return text("value-other", value=value)


def _field_name(loc: tuple) -> str:
    shown = ""
    for part in loc:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown or "record"


def _see_reference(shape: type[BaseModel], loc: tuple) -> Text:
    """` (see docs/records.md#case-symptoms)`: the field, or the table of fields a misspelt one belongs in."""
    return text("shape-see-reference", link=reference_link(_KIND_OF_SHAPE[shape], loc))


def _suggestion(word: str, candidates: list[str]) -> Text:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return text("hint-did-you-mean", name=close[0]) if close else NOTHING


def _literal_values(expected: str) -> list[str]:
    return [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]


def _fields_at(shape: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the model found at `loc`, for suggestions."""
    current: Any = shape
    for part in loc:
        current = _step_into(current, part)
    core = _unwrap(current)
    return list(core.model_fields) if _is_model(core) else []


def _step_into(annotation: Any, part: Any) -> Any:
    core = _unwrap(annotation)
    if _is_model(core):
        info = core.model_fields.get(part) if isinstance(part, str) else None
        return info.annotation if info else None
    if typing.get_origin(core) in (list, dict):
        return typing.get_args(core)[-1]
    return None


def _unwrap(annotation: Any) -> Any:
    """The type inside `Annotated[...]` and `X | None`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
