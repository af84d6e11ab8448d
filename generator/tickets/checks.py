"""The registry's ticket checks: every ticket names people, products and cases that exist,
is unique across the exports, closes after it opens and holds no personal data.

An export repeats the same name on hundreds of rows: an engineer who is not in people/
would otherwise be hundreds of identical errors. Each unknown name or id is reported once
per file, at its first row and column, with how many more rows of that file name it.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.messages import NOTHING, Text, text
from generator.names import Found, Resolver
from generator.privacy import may_hold_personal_data, personal_data_in
from generator.records import Context
from generator.tickets.columns import CASES, CLOSED, ENGINEER, PRODUCT, TICKET, case_ids_in, headers
from generator.tickets.parsed import ParsedTicket

SUGGESTIONS = 100  # near misses are looked for in this many distinct unknown values per check, then no more


def _tickets(context: Context) -> list[ParsedTicket]:
    return context.tickets.tickets if context.tickets else []


def ensure_ticket_ids_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Ensure no ticket id is used twice, in one export or across them."""
    first: dict[str, ParsedTicket] = {}
    repeats: dict[tuple[str, str], list[ParsedTicket]] = defaultdict(list)  # (file, earlier file) -> rows
    for ticket in _tickets(context):
        earlier = first.setdefault(ticket.id, ticket)
        if earlier is not ticket:
            repeats[(ticket.file, earlier.file)].append(ticket)
    for rows in repeats.values():
        ticket, earlier = rows[0], first[rows[0].id]
        place = f"{earlier.file}:{earlier.row.line}"
        words = text("tickets-duplicate", value=ticket.id, place=place, more=_more(len(rows) - 1))
        yield codes.TICKETS_DUPLICATE.at(ticket.file, ticket.row.position(TICKET), words)


def ensure_ticket_engineers_exist(context: Context) -> Iterator[Diagnostic]:
    """Ensure every ticket's engineer is a person in data/people/, by id or by name."""
    yield from _unknown_names(context, "person", ENGINEER, codes.TICKETS_UNKNOWN_ENGINEER, "engineer")


def ensure_ticket_products_exist(context: Context) -> Iterator[Diagnostic]:
    """Ensure every ticket's product is a product of taxonomy.yml, by id or by name."""
    yield from _unknown_names(context, "product", PRODUCT, codes.TICKETS_UNKNOWN_PRODUCT, "product")


def _unknown_names(context: Context, kind: str, index: int, code: codes.Code, noun: str) -> Iterator[Diagnostic]:
    if context.tickets is None or context.tickets.resolver is None:
        return
    resolver = context.tickets.resolver
    if set(context.known_ids.get(kind, ())) - set(resolver.names.labels[kind]):
        return  # a record of the kind could not be read: its name is unknown, it is reported itself
    resolved = (lambda ticket: ticket.engineer) if index == ENGINEER else (lambda ticket: ticket.product)
    unknown = _first_rows(
        (ticket, ticket.row.values[index], 0)
        for ticket in _tickets(context)
        if resolved(ticket) is None and ticket.row.values[index] and not context.exists(kind, ticket.row.values[index])
    )
    for number, ((ticket, value, _offset), count) in enumerate(unknown):
        words = _name_problem(resolver, kind, noun, value, index, _more(count - 1), number < SUGGESTIONS)
        yield code.at(ticket.file, ticket.row.position(index), words)


def _name_problem(resolver: Resolver, kind: str, noun: str, value: str, index: int, more: Text, suggest: bool) -> Text:
    found: Found = resolver.find(kind, value, suggest)
    if found.ambiguous:
        candidates = ", ".join(resolver.names.described(kind, record_id) for record_id in found.ambiguous)
        return text(f"tickets-ambiguous-{noun}", column=headers(index), value=value, candidates=candidates, more=more)
    hint = text("hint-did-you-mean", name=resolver.names.name(kind, found.near[0])) if found.near else NOTHING
    return text(f"tickets-unknown-{noun}", column=headers(index), value=value, hint=hint, more=more)


def ensure_ticket_cases_exist(context: Context) -> Iterator[Diagnostic]:
    """Ensure every case a ticket links is a case in data/cases/."""
    known = context.known_ids.get("case", set())
    links = (
        (ticket, case_id, offset)
        for ticket in _tickets(context)
        if ticket.cases and not known.issuperset(ticket.cases)
        for offset, case_id in case_ids_in(ticket.row.values[CASES])
        if case_id not in known
    )
    nearest = _nearest_in(tuple(sorted(known)))
    for number, ((ticket, case_id, offset), count) in enumerate(_first_rows(links)):
        near = nearest(case_id) if number < SUGGESTIONS else None
        hint = text("hint-did-you-mean", name=near) if near else NOTHING
        words = text("tickets-unknown-case", value=case_id, hint=hint, more=_more(count - 1))
        yield codes.TICKETS_UNKNOWN_CASE.at(ticket.file, ticket.row.position(CASES, offset), words)


def _nearest_in(ids: tuple[str, ...]) -> Callable[[str], str | None]:
    @lru_cache(maxsize=1024)
    def nearest(value: str) -> str | None:
        if value.lower() in ids:
            return value.lower()  # a ticket system that writes ids in capitals
        close = difflib.get_close_matches(value, ids, n=1, cutoff=0.75)
        return close[0] if close else None

    return nearest


def ensure_tickets_close_after_they_open(context: Context) -> Iterator[Diagnostic]:
    """Ensure no ticket was closed before it was opened."""
    for ticket in _tickets(context):
        if ticket.closed is not None and ticket.closed < ticket.opened:
            words = text(
                "tickets-closed-before-opened", closed=ticket.closed.isoformat(), opened=ticket.opened.isoformat()
            )
            yield codes.DATE_ORDER.at(ticket.file, ticket.row.position(CLOSED), words)


def ensure_no_personal_data_in_tickets(context: Context) -> Iterator[Diagnostic]:
    """Ensure no read cell of a ticket export, nor an export's file name, holds personal data."""
    if context.tickets is None:
        return
    prefix = context.settings.shown + "/"
    for exported in context.tickets.exports:  # every row read, whether it made a ticket or not
        file = exported.shown
        name = file[len(prefix) :] if file.startswith(prefix) else file
        for _start, _end, code, what in personal_data_in(name.replace("-", " ").replace("_", " ")):
            yield code.at(file, START, text("tickets-personal-data-in-name", what=what))
        for row in exported.rows:
            if not may_hold_personal_data("\n".join(row.values)):
                continue  # one quick look at the row; no digit run or address spans a line break
            for index, value in enumerate(row.values):
                for start, _end, code, what in personal_data_in(value):
                    words = text("tickets-personal-data", column=headers(index), what=what)
                    yield code.at(file, row.position(index, start), words)


def _first_rows(
    found: Iterator[tuple[ParsedTicket, str, int]],
) -> list[tuple[tuple[ParsedTicket, str, int], int]]:
    """Each (file, value) once: its first (ticket, value, offset), and on how many rows it is."""
    first: dict[tuple[str, str], tuple[ParsedTicket, str, int]] = {}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for item in found:
        key = (item[0].file, item[1])
        first.setdefault(key, item)
        counts[key] += 1
    return [(first[key], counts[key]) for key in first]


def _more(count: int) -> Text:
    return text("tickets-more-rows", count=count) if count > 0 else NOTHING
