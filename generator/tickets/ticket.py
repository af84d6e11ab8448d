"""The Dataset's tickets: what the site may know of a ticket, and nothing more.

A ticket here is its dates, the person who handled it, its product and the cases it links.
Its id is kept only when the `show_ticket_ids` setting is on; otherwise no page, JSON file
or feed can show it, because the Dataset does not hold it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.records import Context

if TYPE_CHECKING:
    from generator.model import Dataset


@dataclass(frozen=True, slots=True)
class Ticket:
    id: str | None  # None unless `show_ticket_ids` is on
    opened: dt.date
    closed: dt.date | None  # None while the ticket is open
    engineer: str | None  # a person id
    product: str | None  # a product id
    cases: tuple[str, ...]  # ids of cases that exist, each once

    @property
    def used_on(self) -> dt.date:
        """When the ticket used its cases: the day it was closed, or opened while it is open."""
        return self.closed or self.opened


def dataset_tickets(context: Context, data: Dataset) -> tuple[Ticket, ...]:
    """The tickets of a run that validated, ordered by the day they were opened.

    Only what exists is kept (a check skipped with --skip may let an unknown name through),
    and a ticket id repeated across exports counts once, as its first row.
    """
    if context.tickets is None:
        return ()
    show_ids = context.settings.show_ticket_ids
    seen: set[str] = set()
    kept: list[tuple[tuple, Ticket]] = []
    for parsed in context.tickets.tickets:
        if parsed.id in seen:
            continue
        seen.add(parsed.id)
        ticket = Ticket(
            parsed.id if show_ids else None,
            parsed.opened,
            parsed.closed,
            parsed.engineer if parsed.engineer in data.people else None,
            parsed.product if parsed.product in data.products else None,
            tuple(case_id for case_id in parsed.cases if case_id in data.cases),
        )
        kept.append(((parsed.opened, parsed.closed or dt.date.max, parsed.id), ticket))
    kept.sort(key=lambda item: item[0])
    return tuple(ticket for _, ticket in kept)


def link_tickets(data: Dataset) -> None:
    """Each case's and each person's tickets, in the order of data.tickets."""
    for ticket in data.tickets:
        for case_id in ticket.cases:
            data.tickets_of_case[case_id].append(ticket)
        if ticket.engineer:
            data.tickets_of_person[ticket.engineer].append(ticket)
