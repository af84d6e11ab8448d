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
    name: str  # the English header, and how the code calls the column
    chinese: str  # the Chinese header
    required: bool
    meaning: str
    meaning_zh: str


COLUMNS: tuple[Column, ...] = (
    Column("ticket", "工单号", True, "the ticket's id in the ticket system", "工单系统中的工单号"),
    Column("opened", "创建日期", True, "the day the ticket was opened", "工单创建的日期"),
    Column(
        "closed", "关闭日期", False, "the day it was closed; empty while the ticket is open", "关闭的日期；未关闭时留空"
    ),
    Column(
        "engineer",
        "处理人",
        True,
        "the person who handled it: a person id or name (as `kb import` accepts)",
        "处理人：人员 id 或姓名（与 `kb import` 相同）",
    ),
    Column("product", "产品", False, "a product id or name", "产品 id 或名称"),
    Column(
        "cases",
        "关联案例",
        False,
        "case ids (or links to their pages) linked to the ticket, several separated by `、` `,` `;` or spaces",
        "工单关联的案例 id（或案例页面的链接），多个用 、 , ; 或空格分隔",
    ),
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
