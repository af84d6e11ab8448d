"""The Pagefind index of the built site, written to site/pagefind/ in shards.

    pagefind/shards.json        the shards, in the order the browser merges them
    pagefind/<name>/            one Pagefind bundle per shard (generator/search/shards.py)

Each shard is indexed by its own Pagefind process over a folder of links to its pages,
at most `parallel` at once, so that memory is bounded by the shard size times that
number. Bundles are kept by name in a cache folder: a shard whose pages read as before
is taken from there and not indexed again.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import ClassVar

from generator.search.canonical import canonicalise
from generator.search.fields import INDEX_LANGUAGE
from generator.search.shards import SHARD_PAGES, Shard, indexed_pages, plan_shards

BUNDLE = "pagefind"
MANIFEST = "shards.json"
MAX_PARALLEL = 4  # Pagefind runs at once, each on several threads of its own
# Every page is indexed by its hidden search block alone (templates/_macros.j2, theme/
# main.html); outside it, Pagefind still reads the h1 as a result's title, without its permalink.
EXCLUDE = [".headerlink"]
# Index words per chunk (Pagefind's default is 20,000 word positions). A query loads one
# chunk per word from every shard, and the chunk list of every shard: smaller chunks cost
# less per query up to a point (benchmarks/SEARCH.md). Pagefind reads it from the
# environment only; a version that ignores it writes its default chunks, which still work.
CHUNK_SIZE = 20000
INDEX_FORMAT = "1"  # of this module's bundles: a new one re-indexes every cached shard


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class PagefindRun:
    """One Pagefind process: its shard, how long it took and its peak resident memory."""

    shard: str
    pages: int
    seconds: float
    peak_mb: float


@dataclass
class IndexResult:
    shards: list[Shard] = field(default_factory=list)
    runs: list[PagefindRun] = field(default_factory=list)  # the shards indexed; the others came from the cache
    seconds: float = 0.0


class Indexing:
    """The site's search index, made in a thread of its own so that other work can go on beside it."""

    running: ClassVar[set[subprocess.Popen]] = set()

    def __init__(
        self,
        site_dir: Path,
        output: Path | None = None,
        shard_pages: int = SHARD_PAGES,
        cache_dir: Path | None = None,
        parallel: int | None = None,
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        self.site_dir = site_dir
        self.output = output or site_dir / BUNDLE
        self.shard_pages = shard_pages
        self.cache_dir = cache_dir
        self.parallel = parallel or min(os.cpu_count() or 1, MAX_PARALLEL)
        self.keep = keep  # which of the site's pages to index (a part of a build indexes its own); None: all
        self.result = IndexResult()
        self._error: str | None = None
        shutil.rmtree(self.output, ignore_errors=True)
        self._thread = threading.Thread(target=self._index, daemon=True)
        self._thread.start()

    def finish(self) -> IndexResult:
        """Wait for every shard, then write the bundles and their list into the site."""
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(f"Pagefind could not index the site: {self._error}")
        return self.result

    def _index(self) -> None:
        started = time.monotonic()
        temporary = None
        try:
            cache = self.cache_dir
            if cache is None:
                cache = temporary = Path(tempfile.mkdtemp(prefix="kb-search-"))
            cache.mkdir(parents=True, exist_ok=True)
            pages = [page for page in indexed_pages(self.site_dir) if self.keep is None or self.keep(page.path)]
            shards = plan_shards(pages, self.shard_pages, _settings())
            missing = [shard for shard in shards if not (cache / shard.name).is_dir()]
            with ThreadPoolExecutor(self.parallel) as pool:
                runs = list(pool.map(lambda shard: _index_shard(self.site_dir, cache, shard), missing))
            _write_bundles(self.output, cache, shards)
            _forget_others(cache, {shard.name for shard in shards})
            self.result = IndexResult(shards, runs, time.monotonic() - started)
        except (SearchIndexError, OSError) as error:
            self._error = str(error)
        finally:
            if temporary is not None:
                shutil.rmtree(temporary, ignore_errors=True)


def _settings() -> str:
    """What shapes a bundle besides its pages: a change re-indexes every shard."""
    return json.dumps([INDEX_FORMAT, metadata.version("pagefind_bin_extended"), INDEX_LANGUAGE, EXCLUDE, CHUNK_SIZE])


def _index_shard(site_dir: Path, cache: Path, shard: Shard) -> PagefindRun:
    """Index one shard's pages into cache/<name>/: links to them in a folder of their own
    (their paths, and so their URLs, as in the site), Pagefind over that folder."""
    view, output = cache / f".view-{shard.name}", cache / f".bundle-{shard.name}"
    shutil.rmtree(view, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    try:
        for page in shard.pages:
            link_file(site_dir / page, view / page)
        run = _run_pagefind(view, output, shard)
        canonicalise(output)
        os.replace(output, cache / shard.name)
        return run
    finally:
        shutil.rmtree(view, ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)


def _run_pagefind(view: Path, output: Path, shard: Shard) -> PagefindRun:
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(view),
        "--output-path",
        str(output),
        "--force-language",
        INDEX_LANGUAGE,
        "--silent",
    ]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_SIZE)}
    started = time.monotonic()
    # The package's command line rather than its service API: the command has written every
    # file when it exits, which the service does not promise when closed. Its output goes to
    # a file; while it runs, its peak resident memory is read from /proc (wait4's figure
    # would also hold the peak of this process, which the child was forked from).
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
        Indexing.running.add(process)
        peak_mb = 0.0
        try:
            while process.poll() is None:
                peak_mb = max(peak_mb, resident_mb(process.pid, "VmHWM"))
                time.sleep(0.05)
        finally:
            Indexing.running.discard(process)
        if process.returncode != 0:
            log.seek(0)
            raise SearchIndexError(log.read().decode("utf-8", "replace").strip() or f"exit code {process.returncode}")
    return PagefindRun(shard.name, len(shard.pages), time.monotonic() - started, peak_mb)


def resident_mb(pid: int | str, field: str = "VmRSS") -> float:
    """A process's resident memory (VmRSS) or its peak (VmHWM) in MB; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _write_bundles(output: Path, cache: Path, shards: list[Shard]) -> None:
    """The shards' bundles under output/, and the list the browser reads to merge them."""
    partial = output.with_name(output.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for shard in shards:
        source = cache / shard.name
        for path in sorted(source.rglob("*")):
            if path.is_file():
                link_file(path, partial / shard.name / path.relative_to(source))
    write_manifest(partial, [{"name": shard.name, "pages": len(shard.pages)} for shard in shards])
    shutil.rmtree(output, ignore_errors=True)
    os.replace(partial, output)


def write_manifest(bundle: Path, shards: list[dict]) -> None:
    """pagefind/shards.json: the shards the browser merges, the first being the main one."""
    listed = json.dumps({"shards": shards}, ensure_ascii=False, indent=1) + "\n"
    (bundle / MANIFEST).write_text(listed, encoding="utf-8")


def read_manifest(bundle: Path) -> list[dict]:
    return json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))["shards"]


def link_file(source: Path, target: Path) -> None:
    """A hard link where the file system allows one (fast, no space), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _forget_others(cache: Path, keep: set[str]) -> None:
    """Bundles of shards the site no longer has, and what killed runs left behind."""
    for entry in cache.iterdir():
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


@atexit.register
def _stop_indexing() -> None:
    """An indexer still running when `kb serve` stops has no site left to index."""
    for process in list(Indexing.running):
        process.terminate()
