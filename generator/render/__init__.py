"""Render: a pure function from the Dataset to generated Markdown pages (no I/O)."""

from __future__ import annotations

from generator.kinds import RECORD_KINDS
from generator.language import DEFAULT_LANGUAGE
from generator.model import Dataset
from generator.render.codes import code_pages
from generator.render.engine import Page, PageJob
from generator.render.home import checks_page, home_page, search_page
from generator.render.insights import health_page, team_pages, training_figures_page
from generator.render.offline import offline_pages
from generator.render.qr import qr_pages
from generator.render.reference import reference_page
from generator.render.services import SiteRenderer

__all__ = ["Page", "render_site"]


def render_site(
    data: Dataset,
    language: str = DEFAULT_LANGUAGE,
    site_name: str = "",
    shard: tuple[int, int] = (0, 1),
    site_url: str = "",
) -> list[Page]:
    """Every generated page, sorted by path so the output never depends on dict order.

    `shard=(i, n)` renders only every n-th page from the i-th: n processes share the work.
    `site_url` (the site's absolute address) adds the products' QR sticker pages.
    """
    index, count = shard
    return [job.render() for job in page_jobs(data, language, site_name, site_url=site_url)[index::count]]


def page_jobs(
    data: Dataset, language: str, site_name: str, only: set[str] | None = None, site_url: str = ""
) -> list[PageJob]:
    """Every page to render, or, given `only`, at least those (other record pages are skipped):
    each kind's pages (generator/kinds/), then the pages of the site as a whole."""
    r = SiteRenderer(data, language, site_name, only, site_url)
    pages = [home_page(r), checks_page(r), reference_page(r), search_page(r)]
    for kind in RECORD_KINDS:
        if kind.pages is not None:
            pages += kind.pages(r)
    pages += code_pages(r, r.code_pages)
    pages += qr_pages(r)
    pages += team_pages(r)
    pages += [health_page(r), training_figures_page(r)]
    pages += offline_pages(r)
    return sorted(pages, key=lambda job: job.src_uri)
