"""The Renderer the kinds' pages are given (generator/kinds/, each kind's `pages` and `search`):
the template engine, and the render layer's parts a kind's pages use, so that a kind module
needs nothing above the kinds when it runs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from markupsafe import Markup

from generator import metrics
from generator.figure_definitions import shown as figure_shown
from generator.render.charts import Series, bar_chart
from generator.render.codes import CodePage, all_code_pages, pages_by_product
from generator.render.diagram import path_diagram
from generator.render.engine import Renderer
from generator.render.qr import qr_page
from generator.render.search_data import (
    SearchData,
    hidden_words,
    other_name_texts,
    other_names,
    search_fields,
    search_text,
    shown_names,
    with_group_words,
)
from generator.render.text import plain_text
from generator.render.tickets import TicketSection, case_section, person_section
from generator.render.urls import attachment_url, index_page, record_page


class SiteRenderer(Renderer):
    """A Renderer with what the kinds' pages ask of it."""

    # where pages are: `cases/<id>.md`, `cases/index.md`, and a file a record names from a page
    record_page = staticmethod(record_page)
    index_page = staticmethod(index_page)
    attachment_url = staticmethod(attachment_url)
    qr_page = staticmethod(qr_page)  # a product's sticker page

    # text and search
    plain_text = staticmethod(plain_text)  # a Markdown field's words, without its marks
    search_text = staticmethod(search_text)  # the search copy of a Markdown field, "" for none
    search_fields = staticmethod(search_fields)  # (field, copy) of the fields that have text

    hidden_words = staticmethod(hidden_words)  # (title, *texts): its sound, codes inside longer words

    def search_data(self, *args: Any, written: dict[str, list[str]] | None = None, **kwargs: Any) -> SearchData:
        """What a page gives the search index (generator/render/search_data.py), with the words of
        the glossary groups and terms it holds; `written`: the texts of each of its blocks, by
        the block's name, if the kind has them."""
        return with_group_words(self.glossary, SearchData(*args, **kwargs), written)

    def shown_names(self, entries: Any) -> list[str]:
        """Taxonomy entries by their names in the site's language, as pages and filters show them."""
        return shown_names(self, entries)

    def other_names(self, *entries: Any) -> str:
        """The search copy of the entries' names in the site's other language (found, never shown)."""
        return other_names(self, *entries)

    def other_name_texts(self, *entries: Any) -> list[str]:
        """The entries' names in the site's other language, as written."""
        return other_name_texts(self, *entries)

    # charts in the site's style (wide and narrow, a running period pale, the numbers as a table)
    bar_chart = staticmethod(bar_chart)
    Series = Series

    def figure_shown(self, key: str, value: float | None) -> str:
        """A value of a figure of the registry (generator/figures.py) as every page writes it: `63%`."""
        return figure_shown(key, value, self.language)

    # the parts of other pages a record page shows
    def case_tickets(self, case_id: str) -> TicketSection:
        return case_section(self, case_id)

    def person_tickets(self, person_id: str) -> TicketSection:
        return person_section(self, person_id)

    def path_diagram(self, path: Any, aria_label: str) -> Markup:
        return path_diagram(path, aria_label)

    def past_review(self) -> list[str]:
        """The cases past their review date, not validated."""
        return metrics.past_review(self.data)

    @cached_property
    def code_pages(self) -> list[CodePage]:
        """The page of every alarm code the cases report."""
        return all_code_pages(self.data)

    def product_codes(self) -> dict[str, list[CodePage]]:
        """Each product's alarm code pages."""
        return pages_by_product(self.data, self.code_pages)
