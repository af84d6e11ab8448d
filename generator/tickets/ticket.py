"""The Dataset's tickets: what the site may know of a ticket, and nothing more.

A ticket here is its dates, the person who handled it, its product and the cases it links.
Its id is kept only when the `show_ticket_ids` setting is on; otherwise no page, JSON file
or feed can show it, because the Dataset does not hold it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, MutableMapping
from dataclasses import dataclass

from generator.records import Context


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


def dataset_tickets(
    context: Context, people: Container[str], products: Container[str], cases: Container[str]
) -> tuple[Ticket, ...]:
    """The tickets of a run that validated, ordered by the day they were opened. The Dataset
    hands in the ids of its people, products and cases.

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
            parsed.engineer if parsed.engineer in people else None,
            parsed.product if parsed.product in products else None,
            tuple(case_id for case_id in parsed.cases if case_id in cases),
        )
        kept.append(((parsed.opened, parsed.closed or dt.date.max, parsed.id), ticket))
    kept.sort(key=lambda item: item[0])
    return tuple(ticket for _, ticket in kept)


def link_tickets(
    tickets: Iterable[Ticket],
    of_case: MutableMapping[str, list[Ticket]],
    of_person: MutableMapping[str, list[Ticket]],
) -> None:
    """Each case's and each person's tickets (the Dataset's lists), in the order of `tickets`."""
    for ticket in tickets:
        for case_id in ticket.cases:
            of_case.setdefault(case_id, []).append(ticket)
        if ticket.engineer:
            of_person.setdefault(ticket.engineer, []).append(ticket)
