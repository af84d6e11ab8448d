"""The record reference: for every kind its files, its id rule and a table of its fields
(type, required or not, allowed values, meaning), read from the shapes and the kinds table.

docs/records.md and the site's /reference/ page are both rendered from it, by
templates/reference.md.j2, so the format people read is the one `kb validate` checks.
Every table row has a stable anchor (`case-symptoms`), the same in both languages, that
diagnostics link to through `reference_anchor`.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from generator.anchors import (
    core_type,
    field_anchor,
    nested_shape,
    table_anchor,
    without_none,
)
from generator.kinds import EXAMPLES, RECORD_KIND, RESERVED_IDS, SHAPES, TAXONOMY_KINDS
from generator.load.files import TAXONOMY
from generator.markdown import MAX_LINKS, MAX_NESTING
from generator.reference_terms import terms as terms_in
from generator.tickets.reference import TicketsReference, tickets_reference
from generator.vocabulary import (
    ID_PATTERN,
    Day,
    Id,
    Level,
    Markdown,
    Period,
    Ref,
    Shape,
    Title,
    Word,
    description_zh,
)

FORMAT_VERSION = "1.2"


@dataclass(frozen=True)
class FieldRow:
    name: str
    anchor: str
    type: str  # Markdown, in plain words: "list of person ids"
    required: str
    allowed: str
    meaning: str


@dataclass(frozen=True)
class FieldTable:
    anchor: str
    title: str
    rows: tuple[FieldRow, ...]


@dataclass(frozen=True)
class KindReference:
    kind: str
    anchor: str
    heading: str
    about: str
    files: str
    id_rule: str
    tables: tuple[FieldTable, ...]  # the kind's own fields first, then each nested entry's
    example: str  # a record that validates, as YAML


@dataclass(frozen=True)
class Reference:
    language: str
    title: str
    intro: str
    general: tuple[str, ...]
    kinds: tuple[KindReference, ...]
    tickets: TicketsReference  # the exports in data/tickets/: columns, not fields
    rules_heading: str
    rules: tuple[str, ...]
    columns: tuple[str, ...]
    example_heading: str
    files_label: str
    id_label: str


def record_reference(language: str) -> Reference:
    """The whole reference in one language ("en" or "zh"), in the order records.md has always used."""
    terms = terms_in(language)
    return Reference(
        language=language,
        title=terms["title"].format(version=FORMAT_VERSION),
        intro=terms["intro"],
        general=tuple(
            line.format(pattern=f"`{ID_PATTERN}`", reserved=_reserved(terms), nesting=MAX_NESTING, links=MAX_LINKS)
            for line in terms["general"]
        ),
        kinds=tuple(_kind_reference(kind, terms) for kind in SHAPES),
        tickets=tickets_reference(language),
        rules_heading=terms["rules_heading"],
        rules=tuple(terms["rules"]),
        columns=tuple(terms[name] for name in ("field", "type", "required", "allowed", "meaning")),
        example_heading=terms["example"],
        files_label=terms["files_label"],
        id_label=terms["id_label"],
    )


def _kind_reference(kind: str, terms: dict[str, Any]) -> KindReference:
    example = EXAMPLES[kind]
    return KindReference(
        kind=kind,
        anchor=kind,
        heading=terms["heading"][kind],
        about=terms["about"][kind],
        files=_files(kind, terms),
        id_rule=_id_rule(kind, yaml.safe_load(example), terms),
        tables=tuple(_tables(kind, SHAPES[kind], (), terms)),
        example=example,
    )


def _files(kind: str, terms: dict[str, Any]) -> str:
    if kind == TAXONOMY:
        lists = terms["sep"].join(f"`{entry.folder}`" for entry in TAXONOMY_KINDS)
        return terms["files_taxonomy"].format(file=f"`data/{TAXONOMY}.yml`", lists=lists)
    record_kind = RECORD_KIND[kind]
    if record_kind.file:
        return terms["files_one"].format(file=f"`data/{record_kind.file}.yml`")
    if record_kind.sub_folders:
        return terms["files_sub_folders"].format(files=f"`data/{record_kind.folder}/**/<id>.yml`")
    return terms["files"].format(files=f"`data/{record_kind.folder}/<id>.yml`")


def _id_rule(kind: str, example: dict, terms: dict[str, Any]) -> str:
    if kind == TAXONOMY:
        first = next(iter(example.values()))[0]["id"]
        return terms["id_taxonomy"].format(id=f"`{first}`")
    if RECORD_KIND[kind].file:  # its entries have ids: the first list's first entry is the example
        first = next(iter(example.values()))[0]["id"]
        return terms["id_one_file"].format(id=f"`{first}`")
    path = f"`data/{RECORD_KIND[kind].folder}/{example['id']}.yml`"
    return terms["id_record"].format(id=f"`{example['id']}`", path=path)


def _tables(kind: str, shape: type[Shape], path: tuple[str, ...], terms: dict[str, Any]) -> typing.Iterator[FieldTable]:
    title = terms["fields"] if not path else terms["entry_of"].format(field=f"`{'.'.join(path)}`")
    rows = tuple(_row(kind, path + (name,), info, shape, terms) for name, info in shape.model_fields.items())
    yield FieldTable(table_anchor(kind, path), title, rows)
    for name, info in shape.model_fields.items():
        nested = nested_shape(info.annotation)
        if nested is not None:
            yield from _tables(kind, nested, path + (name,), terms)


def _row(kind: str, path: tuple[str, ...], info: FieldInfo, shape: type[Shape], terms: dict[str, Any]) -> FieldRow:
    hint = typing.get_type_hints(shape, include_extras=True)[path[-1]]
    type_words, allowed = _describe(hint, kind, path, terms)
    default = _default(info)
    if default is not None:
        allowed.append(terms["default"].format(value=f"`{default}`"))
    return FieldRow(
        name=path[-1],
        anchor=field_anchor(kind, path),
        type=type_words,
        required=_required(kind, path, info, terms),
        allowed=terms["allowed_sep"].join(allowed),
        meaning=description_zh(info) if terms["language"] == "zh" else str(info.description),
    )


def _required(kind: str, path: tuple[str, ...], info: FieldInfo, terms: dict[str, Any]) -> str:
    if info.is_required():
        return terms["yes"]
    record_kind = RECORD_KIND.get(kind)
    if record_kind is not None and record_kind.required_when is not None and len(path) == 1:
        # a field some values of another field need (a case's environment in every state but wip)
        deciding, needs = record_kind.required_when
        values = typing.get_args(record_kind.shape.model_fields[deciding].annotation)
        states = [value for value in values if path[0] in needs.get(value, ())]
        others = [value for value in values if value not in states]
        if states and len(others) < len(states):
            return terms["yes_unless"].format(states=_one_of(others, terms))
        if states:
            return terms["yes_when"].format(states=_one_of(states, terms))
    return terms["no"]


def _describe(hint: Any, kind: str, path: tuple[str, ...], terms: dict[str, Any]) -> tuple[str, list[str]]:
    """(the type in plain words, the allowed values) of a field's type hint."""
    hint = without_none(hint)
    named = next((name for named_type, name in _NAMED_TYPES if hint == named_type), None)
    if named is not None:
        return terms[named], [terms[f"{named}_allowed"]] if f"{named}_allowed" in terms else []
    ref = next((item.kind for item in typing.get_args(hint)[1:] if isinstance(item, Ref)), None)
    if ref is not None:
        return terms["ref"].format(kind=terms["kinds"][ref]), [terms["ref_allowed"][ref]]
    base, limits = core_type(hint), _limits(hint)
    origin = typing.get_origin(base)
    if origin is Literal:
        return terms["choice"], [terms["sep"].join(f"`{value}`" for value in typing.get_args(base))]
    if isinstance(base, type) and issubclass(base, Shape):
        return terms["entry"].format(anchor=table_anchor(kind, path)), []
    if origin is list:
        allowed = [terms["at_least_one"]] if limits.get("min_length") else []
        item = typing.get_args(base)[0]
        if nested_shape(item) is not None:
            return terms["entries"].format(anchor=table_anchor(kind, path)), allowed
        item_words, item_allowed = _describe(item, kind, path, terms)
        if terms["language"] == "zh" and item_words[-1:].isascii():
            item_words += " "  # 人员 id 列表, as Chinese typesetting spaces a Latin word
        return terms["list"].format(item=item_words), allowed + item_allowed
    if origin is dict:
        (key_words, key_allowed), (value_words, value_allowed) = (
            _describe(arg, kind, path, terms) for arg in typing.get_args(base)
        )
        return terms["map"].format(key=key_words, value=value_words), key_allowed + value_allowed
    if base is bool:  # before int: a bool is an int to Python
        return terms["boolean"], [terms["boolean_allowed"]]
    if base in (int, float):
        bounds = [f"{_BOUNDS[name]} {value:g}" for name, value in limits.items() if name in _BOUNDS]
        return terms["integer" if base is int else "number"], bounds
    raise ValueError(f"the reference has no words for the type {hint!r} of {kind}.{'.'.join(path)}")


# The shapes' named types and the terms that describe them (an id naming another kind is a Ref).
_NAMED_TYPES = (
    (Markdown, "markdown"),
    (Title, "text"),
    (Word, "word"),
    (Day, "date"),
    (Period, "period"),
    (Level, "level"),
    (Id, "id"),
)
_BOUNDS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<"}


def _limits(hint: Any) -> dict[str, Any]:
    """`{"ge": 0}`, `{"min_length": 1}`: the constraints written on a type."""
    found: dict[str, Any] = {}
    if typing.get_origin(hint) is not typing.Annotated:
        return found
    for item in typing.get_args(hint)[1:]:
        for constraint in item.metadata if isinstance(item, FieldInfo) else [item]:
            # annotated_types' Ge, Gt, Le, Lt and MinLen each hold the one attribute they are named by
            for name in (*_BOUNDS, "min_length"):
                if getattr(constraint, name, None) is not None:
                    found[name] = getattr(constraint, name)
    return found


def _default(info: FieldInfo) -> Any:
    """A default worth telling: `contributor`, not None or an empty list."""
    if info.default is PydanticUndefined or info.default is None or info.default_factory is not None:
        return None
    if isinstance(info.default, bool):
        return "true" if info.default else "false"  # as written in YAML
    return info.default


def _one_of(states: list[str], terms: dict[str, Any]) -> str:
    quoted = [f"`{state}`" for state in states]
    return quoted[0] if len(quoted) == 1 else terms["sep"].join(quoted[:-1]) + terms["or"] + quoted[-1]


def _reserved(terms: dict[str, Any]) -> str:
    return terms["sep"].join(f"`{name}`" for name in sorted(RESERVED_IDS))
