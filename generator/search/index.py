"""The Pagefind index of the built site, written to site/pagefind/ in shards.

    pagefind/shards.json        the shards, in the order the browser merges them
    pagefind/<name>/            one Pagefind bundle per shard (generator/search/shards.py)
    packs/                      each product's offline pack, with a bundle of its own pages
                                (generator/search/packs.py), when the build asks for packs

Each shard is indexed by its own Pagefind process over a folder of links to its pages,
at most `parallel` at once, so that memory is bounded by the shard size times that
number. Bundles are kept by name in a cache folder: a shard whose pages read as before
is taken from there and not indexed again.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import ClassVar

from generator.search.canonical import canonicalise
from generator.search.fields import INDEX_LANGUAGE
from generator.search.files import link_file, link_tree
from generator.search.kept_packs import WRITTEN, forget_others, keep, pack_key, take_kept
from generator.search.packs import PackPlan, bundle_files, bundle_shard, pages_of, stored, write_index, write_pack
from generator.search.shards import SHARD_NAME, SHARD_PAGES, Shard, indexed_pages, plan_shards
from generator.settings import Part

BUNDLE = "pagefind"
MANIFEST = "shards.json"
MAX_PARALLEL = 4  # Pagefind runs at once, each on several threads of its own
# Every page is indexed by its hidden search block alone (templates/_macros.j2, theme/
# main.html); outside it, Pagefind still reads the h1 as a result's title, without its permalink.
EXCLUDE = [".headerlink"]
# Index words per chunk (Pagefind's default is 20,000 word positions). A query loads one
# chunk per word from every shard, and the chunk list of every shard: at 10,000 cases in two
# shards, 5,000 took one query from 288 to 254 KiB (benchmarks/RESULTS.md); smaller chunks
# gain little more, as the chunk lists grow. Pagefind reads it from the environment only; a
# version that ignores it writes its default chunks, which still work.
CHUNK_SIZE = 5000
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
    packs: list[dict] = field(default_factory=list)  # each offline pack's line of packs/index.json
    pack_runs: list[PagefindRun] = field(default_factory=list)  # the packs' bundles indexed


@dataclass(frozen=True)
class PackRequest:
    """Offline packs to write beside the index: their plans, where to, and their bundles' cache."""

    plans: list[PackPlan]
    output: Path
    cache: Path


class Indexing:
    """The site's search index, made by a process of its own so that other work (the link
    check of `kb build`, an edit under `kb serve`) goes on beside it, not behind it: reading
    and hashing every page in a thread would hold this process's interpreter lock."""

    running: ClassVar[set[subprocess.Popen]] = set()

    def __init__(
        self,
        site_dir: Path,
        output: Path | None = None,
        shard_pages: int = SHARD_PAGES,
        cache_dir: Path | None = None,
        parallel: int | None = None,
        part: Part | None = None,
        packs: PackRequest | None = None,
    ) -> None:
        self.output = output or site_dir / BUNDLE
        shutil.rmtree(self.output, ignore_errors=True)
        # part: a part of a build (`kb build --shard`) indexes the pages it owns
        asked = {
            "site": str(site_dir),
            "output": str(self.output),
            "shard_pages": shard_pages,
            "cache": str(cache_dir) if cache_dir else None,
            "parallel": parallel or min(os.cpu_count() or 1, MAX_PARALLEL),
            "part": [part.number, part.count] if part else None,
            "packs": _packs_asked(packs),
        }
        # In a file: the packs' pages alone are more than a command line may hold (10,000 cases).
        handle, told = tempfile.mkstemp(prefix="kb-index-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(asked, file, ensure_ascii=False)
        self.asked = Path(told)
        command = [sys.executable, "-m", "generator.search.index", told]
        # its own session: stopping it stops the Pagefind runs it started
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        Indexing.running.add(self.process)

    def finish(self) -> IndexResult:
        """Wait for every shard's bundle, written with their list into the site."""
        try:
            output, errors = self.process.communicate()
        finally:
            Indexing.running.discard(self.process)
            self.asked.unlink(missing_ok=True)
        answer = output.decode("utf-8", "replace").strip().splitlines()
        if self.process.returncode != 0 or not answer:
            error = errors.decode("utf-8", "replace").strip() or f"exit code {self.process.returncode}"
            raise SearchIndexError(f"Pagefind could not index the site: {error}")
        told = json.loads(answer[-1])
        if "error" in told:
            raise SearchIndexError(f"Pagefind could not index the site: {told['error']}")
        shards = [Shard(shard["name"], tuple(shard["pages"])) for shard in told["shards"]]
        runs = [PagefindRun(**run) for run in told["runs"]]
        pack_runs = [PagefindRun(**run) for run in told["pack_runs"]]
        return IndexResult(shards, runs, told["seconds"], told["packs"], pack_runs)


def _packs_asked(packs: PackRequest | None) -> dict | None:
    if packs is None:
        return None
    plans = [plan.as_json() for plan in packs.plans]
    return {"plans": plans, "output": str(packs.output), "cache": str(packs.cache)}


def index_site(
    site_dir: Path,
    output: Path,
    shard_pages: int,
    cache_dir: Path | None,
    parallel: int,
    part: Part | None,
    packs: PackRequest | None = None,
) -> IndexResult:
    """The index of the site's pages (of those `part` owns), by shards, into `output`; then
    the offline packs, when asked for."""
    started = time.monotonic()
    temporary = None
    try:
        cache = cache_dir
        if cache is None:
            cache = temporary = Path(tempfile.mkdtemp(prefix="kb-search-"))
        cache.mkdir(parents=True, exist_ok=True)
        pages = [page for page in indexed_pages(site_dir) if part is None or part.owns(page.path)]
        shards = plan_shards(pages, shard_pages, _settings())
        missing = [shard for shard in shards if not (cache / shard.name).is_dir()]
        with ThreadPoolExecutor(parallel) as pool:
            runs = list(pool.map(lambda shard: index_shard(site_dir, cache, shard), missing))
        _write_bundles(output, cache, shards)
        _forget_others(cache, {shard.name for shard in shards})
        result = IndexResult(shards, runs)
        if packs is not None:
            result.packs, result.pack_runs = index_packs(site_dir, packs, parallel)
        result.seconds = time.monotonic() - started
        return result
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def index_packs(site_dir: Path, packs: PackRequest, parallel: int) -> tuple[list[dict], list[PagefindRun]]:
    """Every offline pack into packs.output (generator/search/packs.py), each with a bundle of
    its own pages, indexed as a shard is and kept in packs.cache by content; a pack whose pages
    and files did not change is taken as the build before wrote it (generator/search/kept_packs.py)."""
    packs.cache.mkdir(parents=True, exist_ok=True)
    settings = _settings()
    partial = packs.output.with_name(packs.output.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    keys = {plan.product: pack_key(site_dir, plan, settings) for plan in packs.plans}
    taken = {plan.product: take_kept(site_dir, packs.cache, keys[plan.product], partial) for plan in packs.plans}
    planned = []
    for plan in packs.plans:
        if taken[plan.product] is None:
            files = pages_of(site_dir, plan)
            planned.append((plan, files, bundle_shard(site_dir, files, settings)))
    shards = {shard.name: shard for _, _, shard in planned if shard is not None}
    missing = [shard for shard in shards.values() if not (packs.cache / shard.name).is_dir()]
    with ThreadPoolExecutor(parallel) as pool:
        runs = list(pool.map(lambda shard: index_shard(site_dir, packs.cache, shard), missing))
    summaries = {product: kept[0] for product, kept in taken.items() if kept is not None}
    for plan, files, shard in planned:
        bundle = bundle_files(packs.cache / shard.name, plan.product) if shard is not None else []
        written = [stored(file) for file in files + bundle]
        summaries[plan.product] = write_pack(partial, plan, written)
        keep(packs.cache, keys[plan.product], partial, summaries[plan.product], written, shard and shard.name)
    write_index(partial, [summaries[plan.product] for plan in packs.plans])
    shutil.rmtree(packs.output, ignore_errors=True)
    os.replace(partial, packs.output)
    kept_shards = {kept[1] for kept in taken.values() if kept is not None and kept[1] is not None}
    _forget_others(packs.cache, set(shards) | kept_shards | {WRITTEN})
    forget_others(packs.cache, set(keys.values()))
    return [summaries[plan.product] for plan in packs.plans], runs


def main(asked: dict) -> None:
    """The indexing process (see Indexing): its result, or its error, as one line of JSON.
    `asked` is what Indexing wrote into the file named on the command line."""
    part = Part(*asked["part"]) if asked["part"] else None
    cache = Path(asked["cache"]) if asked["cache"] else None
    packs = None
    if asked["packs"]:
        plans = [PackPlan.from_json(plan) for plan in asked["packs"]["plans"]]
        packs = PackRequest(plans, Path(asked["packs"]["output"]), Path(asked["packs"]["cache"]))
    try:
        result = index_site(
            Path(asked["site"]), Path(asked["output"]), asked["shard_pages"], cache, asked["parallel"], part, packs
        )
    except (SearchIndexError, OSError) as error:
        print(json.dumps({"error": str(error)}))
        return
    shards = [{"name": shard.name, "pages": list(shard.pages)} for shard in result.shards]
    runs = [dataclasses.asdict(run) for run in result.runs]
    pack_runs = [dataclasses.asdict(run) for run in result.pack_runs]
    told = {"shards": shards, "runs": runs, "seconds": result.seconds, "packs": result.packs, "pack_runs": pack_runs}
    print(json.dumps(told, ensure_ascii=False))


def _settings() -> str:
    """What shapes a bundle besides its pages: a change re-indexes every shard."""
    return json.dumps([INDEX_FORMAT, metadata.version("pagefind_bin_extended"), INDEX_LANGUAGE, EXCLUDE, CHUNK_SIZE])


def index_shard(site_dir: Path, cache: Path, shard: Shard) -> PagefindRun:
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
        link_tree(cache / shard.name, partial / shard.name)
    write_manifest(partial, [{"name": shard.name, "pages": len(shard.pages)} for shard in shards])
    shutil.rmtree(output, ignore_errors=True)
    os.replace(partial, output)


def write_manifest(bundle: Path, shards: list[dict]) -> None:
    """pagefind/shards.json: the shards the browser merges, the first being the main one.
    A new file, never written through an existing one (which may be a link into a part)."""
    listed = json.dumps({"shards": shards}, ensure_ascii=False, indent=1) + "\n"
    with (bundle / MANIFEST).open("x", encoding="utf-8") as file:
        file.write(listed)


class ManifestError(ValueError):
    """shards.json is not what write_manifest writes; `name` is a shard name of the wrong shape."""

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name)
        self.name = name


def parse_manifest(raw: bytes) -> list[dict]:
    """The shards of a shards.json read from elsewhere (a part of a build), in exactly the shape
    write_manifest gives them: a name as _name makes it (also a folder name), a count of pages.
    ManifestError for anything else."""
    try:
        listed = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise ManifestError from None
    if not isinstance(listed, dict) or not isinstance(listed.get("shards"), list):
        raise ManifestError
    shards = []
    for shard in listed["shards"]:
        if not isinstance(shard, dict) or set(shard) != {"name", "pages"}:
            raise ManifestError
        name, pages = shard["name"], shard["pages"]
        if not isinstance(name, str) or not SHARD_NAME.fullmatch(name):
            raise ManifestError(name if isinstance(name, str) else repr(name))
        if type(pages) is not int or pages < 1:
            raise ManifestError
        shards.append({"name": name, "pages": pages})
    return shards


def _forget_others(cache: Path, keep: set[str]) -> None:
    """Bundles of shards the site no longer has, and what killed runs left behind."""
    for entry in cache.iterdir():
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


@atexit.register
def _stop_indexing() -> None:
    """An indexer still running when `kb serve` stops has no site left to index: it and
    the Pagefind runs it started (its process group) are stopped."""
    for process in list(Indexing.running):
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except OSError:
            process.terminate()


if __name__ == "__main__":
    main(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
