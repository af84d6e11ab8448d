"""Alarm-code pages: one page per code the cases report, with its cases per product, and
the index of codes by product (`codes/`).

Which words are codes is decided once, in the Dataset (generator/search/alarms.py); here
they become pages. Offline packs take a product's code pages from `codes_by_product`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial

from generator.kinds.case import STATES_IN_ORDER
from generator.markdown import parser
from generator.model import Dataset
from generator.render import search_data
from generator.render.engine import PageJob, Renderer
from generator.render.urls import index_page, page_dir, record_page
from generator.search.alarms import AlarmCode

CAUSE_LENGTH = 90  # characters of a cause's first sentence shown under a case
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
SENTENCE_END = re.compile(r"[。！？；]|[.!?;](?=\s|$)")


@dataclass(frozen=True)
class CodePage:
    """The page of one alarm code."""

    code: str  # the canonical code as shown: "AL-3002"
    slug: str  # the URL part: "al-3002"
    url: str  # from the site's root, with the trailing slash: "codes/al-3002/"
    src_uri: str  # the generated page: "codes/al-3002.md"
    key: str  # letters and digits in lower case, as the search folds them: "al3002"
    by_product: tuple[tuple[str, tuple[str, ...]], ...]  # (product id, its case ids: validated first, newest first)

    @property
    def products(self) -> tuple[str, ...]:
        return tuple(product for product, _ in self.by_product)


def all_code_pages(data: Dataset) -> list[CodePage]:
    """The page of every code the cases report, in code order (AL-12, AL-1021, ALM-300)."""
    order = {state: rank for rank, state in enumerate(STATES_IN_ORDER)}
    newest = {case_id: rank for rank, case_id in enumerate(data.newest_cases())}
    products = list(data.products)
    pages = []
    for code in data.alarm_codes.values():
        by_product: dict[str, list[str]] = {}
        for case_id in sorted(code.cases, key=lambda cid: (order[data.cases[cid].state], newest[cid])):
            for product in data.cases[case_id].products:
                by_product.setdefault(product, []).append(case_id)
        listed = tuple((p, tuple(by_product[p])) for p in sorted(by_product, key=products.index))
        src_uri = record_page("code", code.slug)
        pages.append(CodePage(code.code, code.slug, page_dir(src_uri), src_uri, code.key, listed))
    return pages


def codes_by_product(data: Dataset) -> dict[str, list[CodePage]]:
    """Every product (in the taxonomy's order) and the pages of the codes its cases report, in code order."""
    return pages_by_product(data, all_code_pages(data))


def pages_by_product(data: Dataset, pages: list[CodePage]) -> dict[str, list[CodePage]]:
    """Every product and the pages, of those given, of the codes its cases report."""
    found: dict[str, list[CodePage]] = {product: [] for product in data.products}
    for page in pages:
        for product in page.products:
            found[product].append(page)
    return found


def code_pages(r: Renderer, pages: list[CodePage]) -> Iterator[PageJob]:
    """The codes index and a page per code."""
    t = r.t
    yield r.page(
        "codes_index.md.j2",
        index_page("code"),
        meta={"title": t.alarm_codes},
        by_product=partial(_index_rows, r.data, pages),
    )
    for page in pages:
        if r.skips(page.src_uri):
            continue
        alarm = r.data.alarm_codes[page.key]
        yield r.page(
            "code.md.j2",
            page.src_uri,
            meta={"title": f"{t.alarm_code} {page.code}", "description": partial(_description, r, alarm)},
            code=page,
            alarm=alarm,
            causes=partial(_causes, r.data, page),
            search=partial(search_data.for_code, r, alarm, page.products),
        )


def _index_rows(data: Dataset, pages: list[CodePage]) -> list[tuple[str, list[tuple[CodePage, int, str]]]]:
    """(product, [(code page, its cases on the product, what they say it means)]) of every product:
    one without codes is listed too, so that its stickers' codes link lands on its place."""
    rows = []
    for product, found in pages_by_product(data, pages).items():
        listed = []
        for page in found:
            ids = dict(page.by_product)[product]
            messages = data.alarm_codes[page.key].messages(ids)
            listed.append((page, len(ids), messages[0] if messages else ""))
        rows.append((product, listed))
    return rows


def _description(r: Renderer, alarm: AlarmCode) -> str:
    messages = alarm.messages()
    return f"{alarm.code}: {messages[0]}" if messages else f"{r.t.alarm_code} {alarm.code}"


def _causes(data: Dataset, page: CodePage) -> dict[str, str]:
    return {case_id: cause_line(data.cases[case_id].cause) for _, ids in page.by_product for case_id in ids}


@cache  # a case is listed under each of its codes and products
def cause_line(cause: str | None) -> str:
    """The first sentence of a cause as plain text, at most CAUSE_LENGTH characters."""
    if not cause:
        return ""
    text = _inline_text(_first_block(cause))
    end = SENTENCE_END.search(text)
    if end:
        text = text[: end.end()].rstrip()
    return text if len(text) <= CAUSE_LENGTH else text[: CAUSE_LENGTH - 1].rstrip() + "…"


def _inline_text(markdown: str) -> str:
    """A short Markdown text's words as they read: marks dropped, no space where a mark was
    (**先导阀芯**磨损 reads 先导阀芯磨损), a space for a line break."""
    words: list[str] = []
    for token in _parser().parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if token.type in ("fence", "code_block"):
            words.append(token.content)
    return " ".join("".join(words).split())


@cache  # one parser for the process: making one costs more than parsing a sentence
def _parser():
    return parser()


def _first_block(markdown: str) -> str:
    """The first paragraph or list item of a Markdown text (its lines up to a blank line or the next item)."""
    lines: list[str] = []
    for line in markdown.strip().splitlines():
        if not line.strip() or (lines and LIST_ITEM.match(line)):
            break
        lines.append(line)
    return "\n".join(lines)
