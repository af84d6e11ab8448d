"""The one pipeline: discover → load → validate → dataset → render.

`kb validate`, `kb build`, `kb serve` and the MkDocs plugin all run these functions.
`kb serve` keeps a FileCache between runs so that files which did not change are not
read and parsed again; that cache is the only thing that differs between its runs and
a full build.

The renderer is imported where pages are rendered: `kb validate`, which renders none, starts
a second sooner without it (pypinyin's tables and the templates).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator.diagnostics import Diagnostic, Report
from generator.history import read_history
from generator.learning.movement import NO_LEVELS, LevelHistory, read_level_history
from generator.load import Document, Loaded, load_file, load_folder
from generator.load.files import Found, SourceFile, discover
from generator.model import Dataset, build_dataset
from generator.progress import progress
from generator.records import Context
from generator.search.similar import Neighbours, neighbours
from generator.settings import Settings
from generator.tickets.parse import parse_tickets
from generator.tickets.read import TicketFile, read_ticket_file
from generator.validate import parse_records, run_checks
from generator.validate.kept import Kept, keep, read_kept, validation_key

if TYPE_CHECKING:
    from generator.render.engine import Page, Tagged

Read = TypeVar("Read")
PARALLEL_FROM = 2000  # records: below this, starting processes costs more than it saves


class FileCache:
    """Parsed record files and read ticket exports by path, kept while their size and
    modification time stay the same."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[tuple[int, int], Any]] = {}
        self.read_again: list[SourceFile] = []  # the files read (again) in the last run
        self.forgotten: list[Path] = []  # the files gone since the run before
        self.similar: Neighbours | None = None  # similar cases of the last full run, for a quick one

    def start_run(self) -> None:
        self.read_again, self.forgotten = [], []

    def load(self, source: SourceFile) -> Document | Diagnostic:
        return self._cached(source, load_file)

    def read_tickets(self, source: SourceFile) -> TicketFile:
        return self._cached(source, read_ticket_file)

    def _cached(self, source: SourceFile, read: Callable[[SourceFile], Read]) -> Read:
        try:
            stat = source.path.stat()
        except OSError:
            return read(source)  # gone since discovery: let loading say so
        key = (stat.st_mtime_ns, stat.st_size)
        known = self._files.get(source.path)
        if known is None or known[0] != key:
            known = (key, read(source))
            self._files[source.path] = known
            self.read_again.append(source)
        return known[1]

    def forget_missing(self, present: set[Path]) -> None:
        for path in set(self._files) - present:
            del self._files[path]
            self.forgotten.append(path)


@dataclass
class Checked:
    """The validation of a data folder: every problem, and the records that parsed."""

    report: Report
    context: Context
    files: int


@dataclass
class Prepared:
    """A data folder rendered into the page cache, or the report that says why not."""

    checked: Checked
    dataset: Dataset | None = None
    pages: list[str] = field(default_factory=list)  # every generated page's path in the cache
    written: list[str] = field(default_factory=list)  # the pages whose file changed in this run
    tagged: dict[str, Tagged] = field(default_factory=dict)  # the pages with tags: their title and tags

    @property
    def ok(self) -> bool:
        return self.dataset is not None

    @property
    def report(self) -> Report:
        return self.checked.report


def check(settings: Settings, cache: FileCache | None = None, quick: bool = False) -> Checked:
    """Load and validate every record under the data folder.

    `quick` (a `kb serve` edit) takes the similar cases of the cache's last full run instead
    of working them out again; the full run that follows puts them right.
    """
    with _no_cycle_collection():
        return _check(settings, cache, quick)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's collector of reference cycles paused while the records are read and checked:
    they make none, and its passes over the millions of objects they do make cost a tenth of
    a validation at 10,000 records. What else made cycles meanwhile is collected after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _check(settings: Settings, cache: FileCache | None, quick: bool) -> Checked:
    if cache is not None:
        cache.start_run()
    # discover: which files are records, which are attachments, which are refused
    found = discover(settings.data_dir, settings.shown)
    # load: strict YAML with positions, from the cache where a file did not change
    with progress("Reading records", len(found.sources), enabled=settings.show_progress) as advance:
        loaded = load_folder(
            settings.data_dir,
            settings.shown,
            advance,
            found,
            cache.load if cache else load_file,
            cache.read_tickets if cache else read_ticket_file,
        )
    if cache is not None:
        cache.forget_missing({source.path for source in found.sources + found.tickets})
    similar = cache.similar if quick and cache is not None else None
    if settings.share_validation:
        return _check_once_for_all_parts(found, loaded, settings)
    checked = check_loaded(loaded, settings, similar)
    if cache is not None and not quick:
        cache.similar = checked.context.similar
    return checked


def _check_once_for_all_parts(found: Found, loaded: Loaded, settings: Settings) -> Checked:
    """A part of a `--shard` build: the checks' report and the similar cases of another part
    that checked the same records, else checked here and kept for the others."""
    key = validation_key(found, settings)
    kept = read_kept(settings.validated_dir, key)
    checked = check_loaded(loaded, settings, kept=kept)
    if kept is None:
        keep(settings.validated_dir, key, checked.report, checked.context.similar)
    return checked


def check_loaded(
    loaded: Loaded, settings: Settings, similar: Neighbours | None = None, kept: Kept | None = None
) -> Checked:
    """Validate documents already loaded (`kb import` adds the rows of a sheet to them).

    With `kept` (another part of the build checked the same records), the records' shapes
    are parsed, since the pages need them, and the report and similar cases are the kept ones.
    """
    # shapes first, then the tickets' cells (their engineers and products resolved by name
    # against the people and taxonomy just parsed), then similar cases (for the
    # near-duplicate check and the pages alike), then the registry of checks
    context, shape_problems = parse_records(loaded, settings)
    context.tickets, ticket_problems = parse_tickets(loaded.tickets, context)
    if context.tickets is not None:  # what records may name: a commendation's tickets
        context.known_ids["ticket"] = {ticket.id for ticket in context.tickets.tickets}
    if kept is not None and _names_only_cases(kept.similar, context):
        context.similar = kept.similar
        return Checked(kept.report, context, _count(loaded))
    context.similar = similar if similar is not None else neighbours({c.id: c.model for c in context.of("case")})
    problems = loaded.diagnostics + loaded.ticket_problems + shape_problems + ticket_problems
    report = Report(problems + run_checks(context))
    return Checked(report, context, _count(loaded))


def prepare(settings: Settings, cache: FileCache | None = None) -> Prepared:
    """Validate, build the Dataset and render every page into the page cache."""
    return prepare_checked(check(settings, cache), settings)


def prepare_checked(checked: Checked, settings: Settings, only: set[str] | None = None) -> Prepared:
    """The Dataset and the pages of records already checked.

    `only` (a `kb serve` edit, checked `quick`): render just these pages; the full run that
    follows renders the rest.
    """
    if checked.report.errors:
        return Prepared(checked)
    # dataset: records indexed by id with every back-link, and each file's history from git
    dataset = build_dataset(checked.context, read_history(settings.data_dir, settings.language), settings.repository)
    # the people's skill levels over time, from the history of their records (the pipeline's movement)
    levels = read_level_history(settings.data_dir, settings.language)
    # render: every page (or those asked for), written to the cache only where its content changed
    if only is not None:
        from generator.page_cache import write_pages
        from generator.render import page_jobs

        jobs = page_jobs(dataset, settings.language, settings.site_name, only, settings.site_url, levels)
        pages = [job.render() for job in jobs if job.src_uri in only]
        return Prepared(checked, dataset, sorted(only), write_pages(settings.cache_dir, pages), _tagged(pages))
    rendered = render_into(settings, dataset, levels)
    return Prepared(checked, dataset, rendered.pages, rendered.written, rendered.tagged)


@dataclass
class Rendered:
    """What rendering every page into the cache folder gave."""

    pages: list[str]  # every page's path
    written: list[str]  # the paths of those whose content changed
    tagged: dict[str, Tagged]  # the pages with tags: their title and tags


def render_into(settings: Settings, dataset: Dataset, levels: LevelHistory = NO_LEVELS) -> Rendered:
    """Render every page into the cache folder, on all cores for a large dataset."""
    from generator.page_cache import remove_stale

    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    workers = min(os.cpu_count() or 1, 4)
    records = len(dataset.cases) + len(dataset.people) + len(dataset.sessions)
    if workers < 2 or records < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        shards = [_render_shard(settings, dataset, levels, (0, 1))]
    else:
        global _SHARED
        _SHARED = (settings, dataset, levels)  # inherited by the forked workers, not pickled
        try:
            with render_pool(workers) as pool:
                shards = pool.map(_render_shared_shard, [(index, workers) for index in range(workers)])
        finally:
            _SHARED = None
    pages = sorted(uri for shard in shards for uri in shard.pages)
    written = sorted(uri for shard in shards for uri in shard.written)
    tagged = {uri: shard.tagged[uri] for shard in shards for uri in shard.tagged}
    remove_stale(settings.cache_dir, set(pages))
    return Rendered(pages, written, dict(sorted(tagged.items())))


_SHARED: tuple[Settings, Dataset, LevelHistory] | None = None


def render_pool(workers: int) -> Pool:
    """Forked processes to render in, which a SIGTERM ends whatever their parent does with it:
    a server that is stopping ignores a second one, and a pool forked then by a pass still
    running would inherit that and outlive it, its parent waiting for it at exit."""
    return multiprocessing.get_context("fork").Pool(workers, initializer=signal.signal, initargs=_DEFAULT_TERM)


_DEFAULT_TERM = (signal.SIGTERM, signal.SIG_DFL)


def _render_shared_shard(shard: tuple[int, int]) -> Rendered:
    assert _SHARED is not None
    return _render_shard(*_SHARED, shard)


def _render_shard(settings: Settings, dataset: Dataset, levels: LevelHistory, shard: tuple[int, int]) -> Rendered:
    from generator.page_cache import write_pages
    from generator.render import render_site

    pages = render_site(dataset, settings.language, settings.site_name, shard, settings.site_url, levels)
    changed = write_pages(settings.cache_dir, pages)
    return Rendered([page.src_uri for page in pages], changed, _tagged(pages))


def _tagged(pages: list[Page]) -> dict[str, Tagged]:
    return {page.src_uri: page.tagged for page in pages if page.tagged is not None}


def _names_only_cases(similar: Neighbours, context: Context) -> bool:
    # Kept by a part that read the same files, so always true; a page must never link a case
    # that is not there, whatever the file holds.
    cases = {case.id for case in context.of("case")}
    return set(similar) == cases and all(other in cases for others in similar.values() for other, _ in others)


def _count(loaded: Loaded) -> int:
    return loaded.count() + len(loaded.diagnostics)
