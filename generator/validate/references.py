"""References: every id a record names exists in its kind.

Which fields name which kind is read from the shapes (`Ref` markers), so a new
reference field is checked as soon as it is declared.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from generator import codes
from generator.diagnostics import Diagnostic
from generator.messages import NOTHING, Text, text
from generator.records import Context, Record
from generator.shapes import SHAPES, Ref

ANY = "*"  # a list index or mapping key in a reference path
KEY = "<key>"  # the keys of a mapping, e.g. a person's skills

UNKNOWN = {  # kind -> code, and the catalogue key of its message
    "person": (codes.UNKNOWN_PERSON, "ref-unknown-person"),
    "case": (codes.UNKNOWN_CASE, "ref-unknown-case"),
    "session": (codes.UNKNOWN_SESSION, "ref-unknown-session"),
    "skill": (codes.UNKNOWN_SKILL, "ref-unknown-skill"),
    "product": (codes.UNKNOWN_PRODUCT, "ref-unknown-product"),
    "team": (codes.UNKNOWN_TEAM, "ref-unknown-team"),
    "award-kind": (codes.UNKNOWN_AWARD_KIND, "ref-unknown-award-kind"),
}


@cache
def reference_paths(shape: type[BaseModel]) -> tuple[tuple[tuple, str], ...]:
    """(path pattern, kind) for every field of `shape` that names another record."""
    found: list[tuple[tuple, str]] = []
    for name, info in shape.model_fields.items():
        found.extend(_paths_in(info.annotation, info.metadata, (name,)))
    return tuple(found)


def _paths_in(annotation: Any, metadata: list, prefix: tuple) -> Iterator[tuple[tuple, str]]:
    for item in metadata:
        if isinstance(item, Ref):
            yield prefix, item.kind
            return
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _paths_in(args[0], list(annotation.__metadata__), prefix)
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from _paths_in(arg, [], prefix)
    elif origin is list:
        yield from _paths_in(args[0], [], prefix + (ANY,))
    elif origin is dict:
        yield from _paths_in(args[0], [], prefix + (KEY,))
        yield from _paths_in(args[1], [], prefix + (ANY,))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for sub_path, kind in reference_paths(annotation):
            yield prefix + sub_path, kind


def named_ids(record: Record, kind: str | None = None) -> Iterator[tuple[tuple, str, str]]:
    """(path, kind, id) of every reference in a record, optionally of one kind only."""
    for pattern, target in reference_paths(SHAPES[record.kind]):
        if kind is None or target == kind:
            for path, value in _walk(record.document.data, pattern, ()):
                if isinstance(value, str):
                    yield path, target, value


def _walk(data: Any, pattern: tuple, path: tuple) -> Iterator[tuple[tuple, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == KEY and isinstance(data, dict):
        for key in data:
            yield path + (key,), key
    elif head == ANY and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _walk(item, rest, path + (index,))
    elif head == ANY and isinstance(data, dict):
        for key, item in data.items():
            yield from _walk(item, rest, path + (key,))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, path + (head,))


def ensure_references_exist(context: Context) -> Iterator[Diagnostic]:
    """Ensure every person, case, session, skill, product, team and award kind named exists."""
    for record in context.all_records():
        for path, kind, named in named_ids(record):
            if kind in UNKNOWN and not context.exists(kind, named):
                code, key = UNKNOWN[kind]
                hint = _suggestion(named, context.known_ids.get(kind, set()))
                yield code.at(record.file, record.document.position(path), key, id=named, hint=hint)


def _suggestion(named: str, known: set[str]) -> Text:
    close = difflib.get_close_matches(named, sorted(known), n=1, cutoff=0.75)
    return text("hint-did-you-mean", name=close[0]) if close else NOTHING
