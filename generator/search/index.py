"""The Pagefind index of the built site, written to site/pagefind/."""

from __future__ import annotations

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"
# Not worth finding: permalink signs, panel labels, and lists of other records' titles,
# which would make a case match what only its neighbours are about.
EXCLUDE = [".headerlink", ".kb-panel dt", ".kb-related", ".kb-cited-by", ".kb-similar", ".kb-search-data span"]


def index_site(site_dir: Path) -> None:
    """Replace any old index with a fresh one of the site's record and hand-written pages."""
    output = site_dir / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    # Its own thread, so that a caller already inside an event loop (a test driving a browser) can build too.
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, _index(site_dir, output)).result()


async def _index(site_dir: Path, output: Path) -> None:
    config = IndexConfig(exclude_selectors=EXCLUDE, output_path=str(output))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))
        await index.write_files(output_path=str(output))
