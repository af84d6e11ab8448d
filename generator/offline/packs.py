"""Which pages each product's offline pack holds: what a field engineer at a machine of that
product needs with no network.

A pack holds the product's page, its case pages, the code pages of the codes in its cases,
the codes index, the hand-written guide pages and the search page; generator/search/packs.py
adds the images those pages show and a search bundle that answers for them.
"""

from __future__ import annotations

from generator.model import Dataset
from generator.render.labels import taxonomy_name
from generator.render.urls import record_url
from generator.search.packs import PackPlan

SEARCH_PAGE = "search/"
CODES_INDEX = "codes/"


def plan_packs(
    data: Dataset,
    language: str,
    guide_pages: list[str],
    code_pages: dict[str, list[str]],
    practice_pages: dict[str, str] | None = None,
) -> list[PackPlan]:
    """Every product's pack, in the taxonomy's order. `guide_pages` are the hand-written
    guide pages' URLs; `code_pages` the code pages' URLs of each product (none until the
    site has code pages); `practice_pages` the URL of each product's practice set, if it has one."""
    plans = []
    for product_id, product in data.products.items():
        codes = code_pages.get(product_id, [])
        practice = (practice_pages or {}).get(product_id)
        pages = [
            record_url("product", product_id),
            *([practice] if practice else []),
            SEARCH_PAGE,
            *sorted(guide_pages),
        ]
        pages += ([CODES_INDEX] if codes else []) + sorted(codes)
        pages += [record_url("case", case_id) for case_id in sorted(data.cases_by_product.get(product_id, []))]
        plans.append(PackPlan(product_id, taxonomy_name(product, language), tuple(dict.fromkeys(pages))))
    return plans
