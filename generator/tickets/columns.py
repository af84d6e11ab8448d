"""The columns of a ticket export that are read (records.md, "tickets/*.csv"), by their
English or Chinese header. Every other column is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FOLDER = "tickets"
SUFFIX = ".csv"


@dataclass(frozen=True)
class Column:
    """A column that is read; what it means is in the catalogue (`tickets-reference-column-<name>`)."""

    name: str  # the English header, and how the code calls the column
    chinese: str  # the Chinese header
    required: bool


COLUMNS: tuple[Column, ...] = (
    Column("ticket", "工单号", True),
    Column("opened", "创建日期", True),
    Column("closed", "关闭日期", False),
    Column("engineer", "处理人", True),
    Column("product", "产品", False),
    Column("cases", "关联案例", False),
)
TICKET, OPENED, CLOSED, ENGINEER, PRODUCT, CASES = range(len(COLUMNS))  # positions in a row's values
COLUMN_OF_HEADER = {
    header: index for index, column in enumerate(COLUMNS) for header in (column.name.casefold(), column.chinese)
}
REQUIRED = tuple(index for index, column in enumerate(COLUMNS) if column.required)

# 、 and ， are what a Chinese input method types; ; and spaces come from other systems.
CASE_SEPARATORS = re.compile(r"[、,，;；\s]+")


def column_of(header: str) -> int | None:
    """Which read column a header cell names, or None for a column that is ignored."""
    cleaned = header.strip().strip("\ufeff").strip()
    return COLUMN_OF_HEADER.get(cleaned.casefold(), COLUMN_OF_HEADER.get(cleaned))


def headers(index: int) -> str:
    """关联案例 (`cases`): how a column is named in messages."""
    column = COLUMNS[index]
    return f"{column.chinese} (`{column.name}`)"


# A hotline expert pastes the page they used: https://kb.example.com/cases/<id>/ names <id>.
_CASE_PAGE = re.compile(r"/cases/([^/?#]+)")


def case_ids_in(cell: str) -> list[tuple[int, str]]:
    """(offset in the cell, id) of every case id a `cases` cell names, in order; a link to a
    case page names the case of that page."""
    found, start = [], 0
    for match in CASE_SEPARATORS.finditer(cell):
        if match.start() > start:
            found.append(_case_id(start, cell[start : match.start()]))
        start = match.end()
    if start < len(cell):
        found.append(_case_id(start, cell[start:]))
    return found


def _case_id(offset: int, word: str) -> tuple[int, str]:
    page = _CASE_PAGE.search(word) if "/" in word else None
    return (offset + page.start(1), page[1]) if page else (offset, word)
