"""What the validation of the ticket exports keeps: each row whose cells are right, with
what its names resolve to. The run's Context holds them (generator/records.py); the
parser that makes them is generator/tickets/parse.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.names import Resolver
from generator.tickets.read import TicketFile, TicketRow


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
