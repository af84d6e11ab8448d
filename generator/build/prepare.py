"""Load, validate and render a data folder into the page cache: what every build needs first."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from generator.build.cache import remove_stale, write_pages
from generator.diagnostics import Report
from generator.history import read_history
from generator.model import Dataset, build_dataset
from generator.pipeline import check_folder
from generator.render import render_site
from generator.repository import NO_LINKS, RepositoryLinks

PARALLEL_FROM = 2000  # records: below this, starting processes costs more than it saves


@dataclass
class Prepared:
    report: Report
    files: int
    dataset: Dataset | None = None
    pages: list[str] | None = None  # the generated pages' paths in the cache
    quick: bool = False  # only the edited records' pages were rendered (kb serve); the rest follows
    rendered: list[str] | None = None  # in a quick rebuild, the pages that were rendered

    @property
    def ok(self) -> bool:
        return self.pages is not None


def prepare(
    data_dir: Path,
    language: str,
    site_name: str,
    cache_dir: Path,
    today: dt.date | None = None,
    shown_root: str | None = None,
    show_progress: bool = False,
    max_mentees: int | None = None,
    links: RepositoryLinks = NO_LINKS,
) -> Prepared:
    """Render a data folder into the cache, or return the report that says why not."""
    checked = check_folder(data_dir, shown_root, today, show_progress, max_mentees)
    if checked.report.errors:
        return Prepared(checked.report, checked.files)
    dataset = build_dataset(checked.context, read_history(data_dir), links)
    pages = render_into(cache_dir, dataset, language, site_name)
    return Prepared(checked.report, checked.files, dataset, pages)


def render_into(cache_dir: Path, dataset: Dataset, language: str, site_name: str) -> list[str]:
    """Render every page into cache_dir, on all cores for a large dataset; return the paths."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    workers = min(os.cpu_count() or 1, 4)
    records = len(dataset.cases) + len(dataset.people) + len(dataset.sessions)
    if workers < 2 or records < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        written = _render_shard(cache_dir, dataset, language, site_name, (0, 1))
    else:
        global _SHARED
        _SHARED = (cache_dir, dataset, language, site_name)  # inherited by the forked workers, not pickled
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                shards = pool.map(_render_shared_shard, [(index, workers) for index in range(workers)])
        finally:
            _SHARED = None
        written = [uri for shard in shards for uri in shard]
    pages = sorted(written)
    remove_stale(cache_dir, set(pages))
    return pages


_SHARED: tuple | None = None


def _render_shared_shard(shard: tuple[int, int]) -> list[str]:
    assert _SHARED is not None
    return _render_shard(*_SHARED, shard)


def _render_shard(
    cache_dir: Path, dataset: Dataset, language: str, site_name: str, shard: tuple[int, int]
) -> list[str]:
    pages = render_site(dataset, language, site_name, shard)
    write_pages(cache_dir, pages)
    return [page.src_uri for page in pages]
