"""Validate, first step: each row's cells to a ticket, as the shape step does for records.

Dates are read, required cells looked at, engineers and products given by name or id
resolved to ids (once per distinct text: an export names the same few people on every
row), and the linked case ids split. What a row names that does not exist is left for
the registry's ticket checks to report; a row whose dates or required cells are wrong is
reported here and left out, as a record of the wrong shape is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator import codes
from generator.diagnostics import Diagnostic
from generator.load.text import character_name, control_character_in_value
from generator.messages import text
from generator.names import Resolver, names_of
from generator.records import Context
from generator.tickets.columns import CASES, CLOSED, ENGINEER, OPENED, PRODUCT, REQUIRED, case_ids_in, headers
from generator.tickets.read import TicketFile, TicketRow

# 2025-01-11, 2025/1/11 or 2025.01.11, with a time after it as exports often add; 2025年1月11日
_DATE = re.compile(
    r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)


@dataclass(frozen=True, slots=True)
class ParsedTicket:
    """A row whose dates and required cells are right, with what its names resolve to."""

    file: str  # the export, as messages show it
    row: TicketRow
    opened: dt.date
    closed: dt.date | None
    engineer: str | None  # a person id; None when the cell names nobody (reported by a check)
    product: str | None  # a product id; None when empty or unknown
    cases: tuple[str, ...]  # the linked case ids as written, each once, in order

    @property
    def id(self) -> str:
        return self.row.values[0]


@dataclass
class TicketSet:
    """The tickets of every export of a run, and the names they were resolved with."""

    tickets: list[ParsedTicket] = field(default_factory=list)
    exports: list[TicketFile] = field(default_factory=list)  # every export read, each row of them
    resolver: Resolver | None = None


def parse_tickets(exports: list[TicketFile], context: Context) -> tuple[TicketSet, list[Diagnostic]]:
    """The tickets whose cells are right, and the problems of the others."""
    resolver = Resolver(names_of(context))
    parsed = TicketSet(exports=exports, resolver=resolver)
    problems: list[Diagnostic] = []
    dates: dict[str, dt.date | str] = {}  # a date, or the catalogue key of why it is none
    for exported in exports:
        for row in exported.rows:
            problems.extend(_control_characters(exported.shown, row))
            ticket = _parsed(exported.shown, row, resolver, dates, problems)
            if ticket is not None:
                parsed.tickets.append(ticket)
    return parsed, problems


def _parsed(
    file: str, row: TicketRow, resolver: Resolver, dates: dict[str, dt.date | str], problems: list[Diagnostic]
) -> ParsedTicket | None:
    values = row.values
    missing = [index for index in REQUIRED if not values[index]]
    for index in missing:
        problems.append(
            codes.TICKETS_MISSING_COLUMN.at(file, row.position(index), "tickets-missing-value", column=headers(index))
        )
    opened = _date(file, row, OPENED, dates, problems) if values[OPENED] else None
    closed = _date(file, row, CLOSED, dates, problems) if values[CLOSED] else None
    if missing or opened is None or (values[CLOSED] and closed is None):
        return None
    product = resolver.resolve("product", values[PRODUCT]) if values[PRODUCT] else None
    cases = tuple(dict.fromkeys(case_id for _, case_id in case_ids_in(values[CASES])))
    return ParsedTicket(file, row, opened, closed, resolver.resolve("person", values[ENGINEER]), product, cases)


def _date(
    file: str, row: TicketRow, index: int, dates: dict[str, dt.date | str], problems: list[Diagnostic]
) -> dt.date | None:
    value = row.values[index]
    day = dates.get(value)
    if day is None:
        day = dates[value] = parse_day(value)
    if isinstance(day, dt.date):
        return day
    problems.append(codes.TICKETS_BAD_DATE.at(file, row.position(index), day, column=headers(index), value=value))
    return None


def parse_day(value: str) -> dt.date | str:
    """The day a cell gives, or the catalogue key saying why it gives none."""
    match = _DATE.fullmatch(value)
    if match is None:
        return "tickets-bad-date"
    year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3) or match.group(5)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return "tickets-unreal-date"


def _control_characters(file: str, row: TicketRow) -> Iterator[Diagnostic]:
    for index, value in enumerate(row.values):
        found = control_character_in_value(value)
        if found is not None:
            words = text("tickets-control-character", column=headers(index), character=character_name(value[found]))
            yield codes.CONTROL_CHARACTER.at(file, row.position(index, found), words)
