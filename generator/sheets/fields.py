"""What each field of an importable kind holds, read from the record shapes.

The shapes stay the one source of truth: a field added to a shape can be imported
and exported as soon as it is declared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from generator.kinds import IMPORT_KINDS, RECORD_KIND, SHAPES
from generator.kinds.kind import Import
from generator.messages import CATALOGUE
from generator.vocabulary import Markdown, Ref, Shape

# The kinds `kb import` reads, in the order of their sheets (each kind's `Sheet.importing`).
IMPORTABLE = tuple(kind.name for kind in IMPORT_KINDS)
# Kinds whose records other rows name only once every row's id is made (a case, named by its
# id or title in a session's `cases`, whose id may be made from its title).
NAMED_LATER = frozenset(
    kind.name for kind in IMPORT_KINDS if kind.sheet and kind.sheet.importing and kind.sheet.importing.named_later
)

# Kinds a cell names by id only, as written: no record is a ticket, so nothing has a name for one.
UNNAMED = frozenset({"ticket"})

# The kind a team's 台账 holds: its rows are completed as a 台账 leaves them (generator/sheets/ledger.py).
LEDGER_KIND = next(
    kind.name for kind in IMPORT_KINDS if kind.sheet and kind.sheet.importing and kind.sheet.importing.ledger
)

ValueKind = Literal["text", "markdown", "date", "number", "choice", "levels", "yes-no"]


@dataclass(frozen=True)
class Field:
    """One field of a record as a column sees it."""

    name: str
    value: ValueKind
    many: bool = False  # a list: several values in one cell
    ref: str | None = None  # the kind its ids name (person, product, ...)
    choices: tuple[str, ...] = ()
    required: bool = False
    kind: str = ""  # the kind of record it is a field of

    def choice_key(self, choice: str) -> str:
        """The catalogue key of a choice's label: the kind's own `<kind>-<field>-<choice>` where it
        gives one (a commendation's form `progress`, 进步表扬), else the page label of that name."""
        own = f"{self.kind}-{self.name}-{choice}"
        return own if own in CATALOGUE else choice


def importing(kind: str) -> Import:
    """How `kb import` reads a sheet of an importable kind."""
    sheet = RECORD_KIND[kind].sheet
    assert sheet is not None and sheet.importing is not None, kind
    return sheet.importing


@cache
def fields_of(kind: str) -> tuple[Field, ...]:
    """The fields of a kind in the order records.md lists them."""
    shape = SHAPES[kind]
    hints = typing.get_type_hints(shape, include_extras=True)
    # A field that is a mapping of its own (a contest session's `paper`) is no column of a sheet.
    flat = {name: info for name, info in shape.model_fields.items() if not _is_mapping(hints[name])}
    return tuple(
        dataclasses.replace(_field(name, hints[name], info.is_required()), kind=kind) for name, info in flat.items()
    )


def _is_mapping(hint: Any) -> bool:
    inner, _ = _unwrap(hint)
    return isinstance(inner, type) and issubclass(inner, Shape)


def field_named(kind: str, name: str) -> Field | None:
    return next((f for f in fields_of(kind) if f.name == name), None)


def _field(name: str, hint: Any, required: bool) -> Field:
    hint, ref = _unwrap(hint)
    if typing.get_origin(hint) is list:
        inner, inner_ref = _unwrap(typing.get_args(hint)[0])
        value, choices = _value_kind(inner)
        return Field(name, value, many=True, ref=inner_ref, choices=choices, required=required)
    if typing.get_origin(hint) is dict:
        _, key_ref = _unwrap(typing.get_args(hint)[0])
        return Field(name, "levels", ref=key_ref, required=required)
    value, choices = _value_kind(hint)
    return Field(name, value, ref=ref, choices=choices, required=required)


def _unwrap(hint: Any) -> tuple[Any, str | None]:
    """The type inside `Annotated[...]` and `X | None`, and the kind a `Ref` marker names."""
    ref = None
    while True:
        origin = typing.get_origin(hint)
        if origin is typing.Annotated:
            if hint == Markdown or Markdown in typing.get_args(hint):
                return Markdown, ref
            ref = ref or next((m.kind for m in hint.__metadata__ if isinstance(m, Ref)), None)
            hint = typing.get_args(hint)[0]
        elif origin in (typing.Union, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        else:
            return hint, ref


def _value_kind(hint: Any) -> tuple[ValueKind, tuple[str, ...]]:
    if hint is Markdown:
        return "markdown", ()
    if hint is dt.date:
        return "date", ()
    if hint is bool:
        return "yes-no", ()
    if hint in (int, float):
        return "number", ()
    if typing.get_origin(hint) is Literal:
        return "choice", tuple(typing.get_args(hint))
    return "text", ()
