"""Shape: each document parsed with its kind's model; pydantic's errors become diagnostics."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import codes
from generator.diagnostics import Diagnostic
from generator.load.files import SourceFile
from generator.load.strict_yaml import Document
from generator.reference import reference_link
from generator.shapes import CASE_STATE_REQUIRES, SHAPES, Shape

_PATH_HINTS = ("/", "\\", "..")
_KIND_OF_SHAPE = {shape: kind for kind, shape in SHAPES.items()}


def parse_record(kind: str, source: SourceFile, document: Document) -> tuple[Shape | None, list[Diagnostic]]:
    """The record's model, or the diagnostics that say why its shape is wrong."""
    if "shape" not in document.memo:
        document.memo["shape"] = _parse(kind, document)
    return document.memo["shape"]


def _parse(kind: str, document: Document) -> tuple[Shape | None, list[Diagnostic]]:
    shape = SHAPES[kind]
    try:
        model = shape.model_validate(document.data)
    except ValidationError as error:
        problems = _without_missing_that_were_misspelt(shape, error.errors(include_url=False))
        return None, [_diagnostic(shape, document, problem) for problem in problems]
    return model, list(_state_requirements(kind, model, document))


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
    if kind != "case":
        return
    for name in CASE_STATE_REQUIRES.get(model.state, ()):
        if getattr(model, name) is None:
            yield codes.STATE_REQUIRES.at(
                document.file, document.position(("state",)), f"a `{model.state}` case needs `{name}`"
            )


def _diagnostic(shape: type[BaseModel], document: Document, problem: dict[str, Any]) -> Diagnostic:
    loc = tuple(part for part in problem["loc"] if part != "[key]")
    is_key = "[key]" in problem["loc"]
    code, message = _describe(shape, loc, problem, is_key)
    return code.at(document.file, document.position(loc), message)


def _describe(shape: type[BaseModel], loc: tuple, problem: dict[str, Any], is_key: bool) -> tuple[codes.Code, str]:
    kind = problem["type"]
    field = _field_name(loc)
    value = problem.get("input")
    if kind == "missing":
        return codes.MISSING_FIELD, f"missing required field `{field}`{_see_reference(shape, loc)}"
    if kind == "extra_forbidden":
        suggestion = _suggestion(str(loc[-1]), _fields_at(shape, loc[:-1]))
        return codes.UNKNOWN_FIELD, f"unknown field `{loc[-1]}`{suggestion}{_see_reference(shape, loc)}"
    if value is None:
        return codes.MISSING_FIELD, f"`{field}` is empty; give it a value or remove the line"
    if kind == "blank_text":
        return codes.BLANK_TEXT, f"`{field}` holds only spaces; write the text or remove the field"
    if kind in {"calendar_date", "date_format"}:
        return codes.BAD_DATE, f"`{field}`: {problem['msg']}"
    if kind == "literal_error":
        allowed = problem["ctx"]["expected"]
        return (
            codes.NOT_ALLOWED_VALUE,
            f"`{field}` is `{value}`; allowed: {allowed}{_suggestion(str(value), _literal_values(allowed))}",
        )
    if kind in {"string_pattern_mismatch", "string_too_long"}:  # only ids and periods have either
        return _pattern_problem(field, value, loc, is_key)
    if kind in {"string_too_short", "too_short"}:
        if isinstance(value, str):
            return codes.MISSING_FIELD, f"`{field}` is empty"
        return codes.EMPTY_LIST, f"`{field}` must list at least one entry"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return codes.OUT_OF_RANGE, f"`{field}` is {value}; {_range_text(problem)}"
    return codes.WRONG_TYPE, f"`{field}` {_type_text(kind, value)}"


def _pattern_problem(field: str, value: Any, loc: tuple, is_key: bool) -> tuple[codes.Code, str]:
    if loc and loc[-1] == "period" and len(loc) == 1:
        return codes.BAD_PERIOD, f"period `{value}` is not `2026`, `2026-H2`, `2026-Q3` or `2026-09`"
    if loc == ("id",) and isinstance(value, str) and any(hint in value for hint in _PATH_HINTS):
        return codes.PATH_LIKE_ID, f"id `{value}` looks like a file path; ids are plain slugs such as `zhang-wei`"
    what = "key" if is_key else "id"
    return (
        codes.BAD_ID,
        f"{what} `{value}` in `{field}` must be lower-case ASCII letters, digits and single hyphens, at most 64 characters",
    )


def _range_text(problem: dict[str, Any]) -> str:
    ctx = problem["ctx"]
    words = {"gt": "greater than", "ge": "at least", "lt": "less than", "le": "at most"}
    return " and ".join(f"it must be {words[key]} {_number(limit)}" for key, limit in ctx.items() if key in words)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping of `key: value`",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "bool_type": "yes or no",
}


def _type_text(kind: str, value: Any) -> str:
    expected = _TYPE_WORDS.get(kind)
    got = _value_kind(value)
    if expected is None:
        return f"has a value of the wrong type ({got})"
    hint = " (put it in quotes to make it text)" if expected == "text" and not isinstance(value, (list, dict)) else ""
    return f"must be {expected}, not {got}{hint}"


def _value_kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"yes/no `{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"the text `{value[:40]}`"
    return f"`{value}`"


def _field_name(loc: tuple) -> str:
    shown = ""
    for part in loc:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown or "record"


def _see_reference(shape: type[BaseModel], loc: tuple) -> str:
    """` (see docs/records.md#case-symptoms)`: the field, or the table of fields a misspelt one belongs in."""
    return f" (see {reference_link(_KIND_OF_SHAPE[shape], loc)})"


def _suggestion(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


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
