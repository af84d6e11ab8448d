"""Where the record reference (docs/records.md and the site's /reference/) shows a field:
every table row has a stable anchor (`case-symptoms`), the same in both languages, that
validation's messages link to. Read from the shapes, as the reference itself is
(generator/reference.py).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from generator.constants import REFERENCE_FILE
from generator.shapes import SHAPES, Shape


def reference_anchor(kind: str, field: str | tuple = ()) -> str:
    """The anchor of a field in docs/records.md and on /reference/: `case-symptoms`.

    `field` is a name or a location as diagnostics have it, list positions included
    (`("steps", 0, "signed_off", 1, "by")` -> `path-steps-signed_off-by`). A name that is no
    field there, a misspelt one, gives the table it should be in (`case-fields`).
    """
    parts = (field,) if isinstance(field, str) else tuple(part for part in field if isinstance(part, str))
    shape: type[Shape] | None = SHAPES[kind]
    walked: tuple[str, ...] = ()
    for part in parts:
        if shape is None:  # a key inside a field that holds no fields (a person's map of skills)
            break
        info = shape.model_fields.get(part)
        if info is None:
            return table_anchor(kind, walked)
        walked += (part,)
        shape = nested_shape(info.annotation)
    return field_anchor(kind, walked) if walked else table_anchor(kind, ())


def reference_link(kind: str, field: str | tuple = ()) -> str:
    """`docs/records.md#case-symptoms`: where a message sends the reader."""
    return f"{REFERENCE_FILE}#{reference_anchor(kind, field)}"


def shape_fields(shape: type[Shape], path: tuple[str, ...] = ()) -> typing.Iterator[tuple[str, ...]]:
    """The path of every field of a shape, those of nested entries included."""
    for name, info in shape.model_fields.items():
        yield path + (name,)
        nested = nested_shape(info.annotation)
        if nested is not None:
            yield from shape_fields(nested, path + (name,))


def nested_shape(annotation: Any) -> type[Shape] | None:
    """The shape of a field's entries (`steps` -> Step), or None for a field of plain values."""
    core = core_type(annotation)
    if typing.get_origin(core) is list:
        core = core_type(typing.get_args(core)[0])
    return core if isinstance(core, type) and issubclass(core, Shape) else None


def field_anchor(kind: str, path: tuple[str, ...]) -> str:
    return "-".join((kind, *path))


def table_anchor(kind: str, path: tuple[str, ...]) -> str:
    return "-".join((kind, *path, "fields"))


def without_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(arg for arg in typing.get_args(hint) if arg is not type(None))
    return hint


def core_type(hint: Any) -> Any:
    """The type inside `Annotated[...]` and `X | None`."""
    while True:
        hint = without_none(hint)
        if typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        else:
            return hint
