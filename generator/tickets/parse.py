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

from generator import codes
from generator.diagnostics import Diagnostic
from generator.load.text import character_name, control_character_in_value
from generator.messages import text
from generator.names import Resolver
from generator.records import Context, names_of
from generator.tickets.columns import CLOSED, OPENED, REQUIRED, case_ids_in, headers
from generator.tickets.parsed import ParsedTicket, TicketSet
from generator.tickets.read import TicketFile, TicketRow

# 2025-01-11, 2025/1/11 or 2025.01.11, with a time after it as exports often add; 2025年1月11日
_DATE = re.compile(
    r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)


def parse_tickets(exports: list[TicketFile], context: Context) -> tuple[TicketSet, list[Diagnostic]]:
    """The tickets whose cells are right, and the problems of the others."""
    parser = _Parser(Resolver(names_of(context)))
    parsed = TicketSet(exports=exports, resolver=parser.resolver)
    for exported in exports:
        parser.file = exported.shown
        parsed.tickets.extend(filter(None, map(parser.ticket, exported.rows)))
    return parsed, parser.problems


class _Parser:
    """Rows to tickets, remembering each distinct date, name and list of cases once parsed."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.file = ""
        self.problems: list[Diagnostic] = []
        self.dates: dict[str, dt.date | str] = {}  # a date, or the catalogue key of why it is none
        self.people: dict[str, str | None] = {}
        self.products: dict[str, str | None] = {"": None}
        self.cases: dict[str, tuple[str, ...]] = {"": ()}

    def ticket(self, row: TicketRow) -> ParsedTicket | None:
        ticket_id, opened, closed, engineer, product, cases = row.values  # in the order of COLUMNS
        if control_character_in_value("".join(row.values)) is not None:  # one look: almost no row has one
            self.problems.extend(_control_characters(self.file, row))
        if not (ticket_id and opened and engineer):
            self._missing(row)
            return None
        opened_on = self._day(row, OPENED)
        closed_on = self._day(row, CLOSED) if closed else None
        if opened_on is None or (closed and closed_on is None):
            return None
        person = self.people.get(engineer, "")
        if person == "":
            person = self.people[engineer] = self.resolver.resolve("person", engineer)
        named = self.products.get(product, "")
        if named == "":
            named = self.products[product] = self.resolver.resolve("product", product)
        linked = self.cases.get(cases)
        if linked is None:
            linked = self.cases[cases] = tuple(dict.fromkeys(case_id for _, case_id in case_ids_in(cases)))
        return ParsedTicket(self.file, row, opened_on, closed_on, person, named, linked)

    def _day(self, row: TicketRow, index: int) -> dt.date | None:
        value = row.values[index]
        day = self.dates.get(value)
        if day is None:
            day = self.dates[value] = parse_day(value)
        if isinstance(day, dt.date):
            return day
        words = text(day, column=headers(index), value=value)
        self.problems.append(codes.TICKETS_BAD_DATE.at(self.file, row.position(index), words))
        return None

    def _missing(self, row: TicketRow) -> None:
        for index in REQUIRED:
            if not row.values[index]:
                words = text("tickets-missing-value", column=headers(index))
                self.problems.append(codes.TICKETS_MISSING_COLUMN.at(self.file, row.position(index), words))
        if row.values[OPENED]:
            self._day(row, OPENED)  # a bad date too, on the same row
        if row.values[CLOSED]:
            self._day(row, CLOSED)


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
