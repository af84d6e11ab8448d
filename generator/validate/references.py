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
from generator.kinds import RECORD_KINDS
from generator.messages import NOTHING, Text, text
from generator.records import Context, Record
from generator.shapes import SHAPES, Ref

ANY = "*"  # a list index or mapping key in a reference path
KEY = "<key>"  # the keys of a mapping, e.g. a person's skills

# kind -> code, and the catalogue key of its message: each record kind that other kinds name
# declares its own (generator/kinds/), and the taxonomy's lists are these.
UNKNOWN = {kind.name: kind.unknown for kind in RECORD_KINDS if kind.unknown is not None} | {
    "skill": (codes.UNKNOWN_SKILL, "ref-unknown-skill"),
    "product": (codes.UNKNOWN_PRODUCT, "ref-unknown-product"),
    "team": (codes.UNKNOWN_TEAM, "ref-unknown-team"),
    "award-kind": (codes.UNKNOWN_AWARD_KIND, "ref-unknown-award-kind"),
    "ticket": (codes.UNKNOWN_TICKET, "ref-unknown-ticket"),
}


@cache
def reference_paths(shape: type[BaseModel]) -> tuple[tuple[tuple, Ref], ...]:
    """(path pattern, its Ref) for every field of `shape` that names another record."""
    found: list[tuple[tuple, Ref]] = []
    for name, info in shape.model_fields.items():
        found.extend(_paths_in(info.annotation, info.metadata, (name,)))
    return tuple(found)


def _paths_in(annotation: Any, metadata: list, prefix: tuple) -> Iterator[tuple[tuple, Ref]]:
    for item in metadata:
        if isinstance(item, Ref):
            yield prefix, item
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
        for sub_path, ref in reference_paths(annotation):
            yield prefix + sub_path, ref


def named_ids(record: Record) -> Iterator[tuple[tuple, Ref, str]]:
    """(path, its Ref, id) of every reference in a record."""
    for pattern, ref in reference_paths(SHAPES[record.kind]):
        for path, value in _walk(record.document.data, pattern, ()):
            if isinstance(value, str):
                yield path, ref, value


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
    """Ensure every person, case, session, skill, product, team and award kind named exists
    (and every ticket, where data/tickets/ holds exports)."""
    for record in context.all_records():
        for path, ref, named in named_ids(record):
            if ref.kind not in UNKNOWN or context.exists(ref.kind, named) or not _checked(context, ref.kind):
                continue
            position = record.document.position(path)
            mistaken = [kind for kind in ref.instead if context.exists(kind, named)]
            if mistaken:
                code, key = ref.instead[mistaken[0]]
                yield code.at(record.file, position, key, id=named, field=path[0])
                continue
            code, key = UNKNOWN[ref.kind]
            hint = _suggestion(named, context.known_ids.get(ref.kind, set()))
            yield code.at(record.file, position, key, id=named, hint=hint)


def _checked(context: Context, kind: str) -> bool:
    # Tickets are known only from the exports: without any, a record's ticket ids cannot be checked.
    return kind != "ticket" or bool(context.known_ids.get("ticket"))


def _suggestion(named: str, known: set[str]) -> Text:
    close = difflib.get_close_matches(named, sorted(known), n=1, cutoff=0.75)
    return text("hint-did-you-mean", name=close[0]) if close else NOTHING
