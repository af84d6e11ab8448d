"""What each record page tells the search index: its text as search copies, filters, and what results show.

A record page's visible text is not indexed. Pagefind gets, in a hidden block, a word
every page has, the title's search copy, and then each other text field's copy in a
weighted block of its own, after an empty element that marks where the field starts
(generator/search/fields.py); a copy reads back into the text for the excerpt
(generator/search/tokens.py). A case's state is a word there too, and its reuse and
date the id of an empty element; filters and what a result shows besides its title are
metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from generator.kinds import SEARCH_FIELDS
from generator.render.text import plain_text
from generator.search.alarms import AlarmCode
from generator.search.fields import CODE_PAGE_WORD, EVERY_PAGE, FIELD_ANCHOR, ORDER_ANCHOR, TITLE_WEIGHT
from generator.search.tokens import search_copy, search_copy_of

if TYPE_CHECKING:
    from generator.render.engine import Renderer


@dataclass(frozen=True)
class SearchData:
    filters: list[tuple[str, str]]
    meta: list[tuple[str, str]]  # shown with a result besides the title (Pagefind takes it from the h1)
    title: str  # the title's search copy: the page body
    fields: list[tuple[str, str]]  # (field, search copy), empty fields left out
    state_word: str | None = None  # a case's state (or a code page's mark), as a word of its body
    order: str | None = None  # a case's place among equal matches: times cited, date solved
    title_weight: ClassVar[float] = TITLE_WEIGHT
    every_page: ClassVar[str] = EVERY_PAGE
    anchor: ClassVar[str] = FIELD_ANCHOR
    order_anchor: ClassVar[str] = ORDER_ANCHOR

    @property
    def blocks(self) -> list[tuple[str, float, str]]:
        """(field, weight, copy) of each field's block."""
        return [(name, SEARCH_FIELDS[name][1], copy) for name, copy in self.fields]


def search_fields(**copies: str) -> list[tuple[str, str]]:
    """(field, copy) of each field that has text, in the order given; every field is one a kind declares."""
    fields = [(name, copy) for name, copy in copies.items() if copy]
    assert all(name in SEARCH_FIELDS for name, _ in fields), fields
    return fields


def search_text(markdown: str | None) -> str:
    """The search copy of a Markdown field's plain text; "" for no text."""
    return search_copy(plain_text(markdown)) if markdown else ""


def for_code(r: Renderer, alarm: AlarmCode, product_ids: tuple[str, ...]) -> SearchData:
    """An alarm code's page: found by its code, canonical and in every form the cases write it,
    and by nothing else, so that it matches a query as fully as the cases with the code only
    when the query is the code (the search script then shows it first). No products' names
    shown with the result: Pagefind finds metadata words too, and a model's name (FM-12)
    would put every code of the model before the cases that hold it."""
    data, t = r.data, r.t
    filters = [("kind", t.kind_code)] + [("product", data.products[p].name) for p in product_ids]
    forms = dict.fromkeys((alarm.code, *alarm.written))
    return SearchData(filters, [], search_copy_of(*forms), [], CODE_PAGE_WORD)
