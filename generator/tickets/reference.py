"""The ticket exports' part of the record reference (docs/records.md, /reference/), in both
languages, read from the column table so that the page says what the reader reads."""

from __future__ import annotations

from dataclasses import dataclass

from generator.messages import numbered, words
from generator.tickets.columns import COLUMNS, FOLDER, SUFFIX
from generator.tickets.read import MAX_EXPORT_BYTES

ANCHOR = "tickets"


@dataclass(frozen=True)
class ColumnRow:
    name: str
    chinese: str
    anchor: str
    required: str
    meaning: str


@dataclass(frozen=True)
class TicketsReference:
    anchor: str
    heading: str
    about: str
    general: tuple[str, ...]
    columns_anchor: str
    columns_heading: str
    column_titles: tuple[str, ...]
    rows: tuple[ColumnRow, ...]
    rules: tuple[str, ...]
    example_heading: str
    example: str


_EXAMPLE = (
    "工单号,创建日期,客户名称,联系人,处理人,产品,关闭日期,关联案例,备注\n"
    "GD20260001,2026-07-14,某食品厂,（不读取）,张伟,HX-200 液压站,2026-07-16,20260716-hx200-al1021-oil-overheat,\n"
    "GD20260002,2026-07-20,某包装厂,（不读取）,li-na,vmc-850,,,等备件\n"
)

TERMS = "tickets-reference"  # the catalogue's keys: generator/catalogue/reference.py


def tickets_reference(language: str) -> TicketsReference:
    def term(name: str) -> str:
        return words(f"{TERMS}-{name}", language)

    limit = MAX_EXPORT_BYTES // 1024 // 1024
    rows = tuple(
        ColumnRow(
            column.name,
            column.chinese,
            f"{ANCHOR}-{column.name}",
            term("yes" if column.required else "no"),
            term(f"column-{column.name}"),
        )
        for column in COLUMNS
    )
    return TicketsReference(
        anchor=ANCHOR,
        heading=term("heading"),
        about=term("about"),
        general=tuple(
            line.format(folder=FOLDER, suffix=SUFFIX, limit=limit) for line in numbered(f"{TERMS}-general", language)
        ),
        columns_anchor=f"{ANCHOR}-columns",
        columns_heading=term("columns-heading"),
        column_titles=numbered(f"{TERMS}-column-titles", language),
        rows=rows,
        rules=numbered(f"{TERMS}-rules", language),
        example_heading=term("example"),
        example=_EXAMPLE,
    )
