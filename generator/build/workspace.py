"""What `kb serve` keeps between rebuilds, so that one edited record updates in seconds.

MkDocs' dirty mode rebuilds only the pages whose files changed, and the page cache is
rewritten only where content changed. What is left is to avoid redoing the whole data
folder on every save:

- files are parsed again only when their size or modification time changed;
- the edited records' own pages are rendered at once (similar cases reuse the last
  full pass), and the site reloads;
- every other page (indexes, back-links, similar cases, the search index) is brought
  up to date by a full pass in the background, which triggers one more dirty rebuild.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.cache import remove_stale, write_pages
from generator.build.prepare import Prepared, render_into
from generator.diagnostics import Diagnostic
from generator.history import NO_HISTORY, History, read_history
from generator.load import Loaded, load_file
from generator.load.files import TAXONOMY, SourceFile, discover
from generator.load.strict_yaml import Document
from generator.model import build_dataset
from generator.render import page_jobs
from generator.render.urls import record_page
from generator.repository import NO_LINKS, RepositoryLinks
from generator.validate import validate

log = logging.getLogger("mkdocs.plugins.servicekb")
BATCH = 500  # pages rendered between two writes of the background pass
TRIGGER = ".serve-refresh"  # touched in the cache folder when the background pass is done
Result = Document | Diagnostic


@dataclass
class Workspace:
    data_dir: Path
    cache_dir: Path
    language: str
    site_name: str
    today: dt.date | None
    shown_root: str
    max_mentees: int | None = None
    links: RepositoryLinks = NO_LINKS
    history: History = NO_HISTORY  # read again on every full pass, not on each quick one
    files: dict[Path, tuple[tuple[int, int], SourceFile, Result]] = field(default_factory=dict)
    similar: dict | None = None
    current: Prepared | None = None  # what the site shows now
    generation: int = 0
    index_wanted: bool = True
    background: threading.Thread | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    building: threading.Lock = field(default_factory=threading.Lock)  # held by the plugin during a build

    def refresh(self) -> Prepared:
        """Bring the page cache up to date for the records as they are now on disk."""
        found = discover(self.data_dir, self.shown_root)
        sources, problems = found.sources, found.problems
        changed = self._reload(sources)
        if self.current is not None and not changed:
            return self.current  # a rebuild for pages the background pass wrote, or for kb/
        loaded = self._loaded(sources, problems)
        first = self.current is None
        report, context = validate(
            loaded,
            self.today,
            {
                "shown_root": self.shown_root,
                "max_mentees": self.max_mentees,
                **({} if first else {"similar": self.similar}),
            },
        )
        files = loaded.count() + len(loaded.diagnostics)
        if report.errors:
            return Prepared(report, files)
        full = first or any(kind == TAXONOMY for kind, _ in changed)
        if full:
            self.history = read_history(self.data_dir)
        dataset = build_dataset(context, self.history, self.links)
        if full:
            pages = render_into(self.cache_dir, dataset, self.language, self.site_name)
            self.similar = dataset.similar
            self.index_wanted = True
            self.current = Prepared(report, files, dataset, pages)
            return self.current
        self.generation += 1
        wanted = {record_page(kind, record_id) for kind, record_id in changed}
        jobs = page_jobs(dataset, self.language, self.site_name, only=wanted)
        write_pages(self.cache_dir, [job.render() for job in jobs if job.src_uri in wanted])
        log.info("updated %s; the rest of the site follows in the background", ", ".join(sorted(wanted)))
        self._start_background(self.generation, loaded)
        pages = sorted(set(self.current.pages or []) | wanted)
        self.current = Prepared(report, files, dataset, pages, quick=True, rendered=sorted(wanted))
        return self.current

    def _reload(self, sources: list[SourceFile]) -> set[tuple[str, str]]:
        """Parse new and changed files again; return (kind, id) of the records that changed."""
        seen, changed = set(), set()
        for source in sources:
            seen.add(source.path)
            stat = source.path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
            known = self.files.get(source.path)
            if known is None or known[0] != key:
                self.files[source.path] = (key, source, load_file(source))
                changed.add((source.kind, source.stem))
        for gone in set(self.files) - seen:
            _, source, _ = self.files.pop(gone)
            changed.add((TAXONOMY, source.stem))  # a removed record changes indexes: do the full pass
        return changed

    def _loaded(self, sources: list[SourceFile], problems: list[Diagnostic]) -> Loaded:
        loaded = Loaded(
            self.data_dir, diagnostics=list(problems), attachments=discover(self.data_dir, self.shown_root).attachments
        )
        for source in sources:
            _, _, result = self.files[source.path]
            if isinstance(result, Diagnostic):
                loaded.diagnostics.append(result)
                loaded.unreadable.append(source)
            else:
                loaded.documents.setdefault(source.kind, []).append((source, result))
        return loaded

    def _start_background(self, generation: int, loaded: Loaded) -> None:
        thread = threading.Thread(target=self._full_pass, args=(generation, loaded), daemon=True)
        self.background = thread
        thread.start()

    def _full_pass(self, generation: int, loaded: Loaded) -> None:
        with self.lock:
            if generation != self.generation:
                return  # a newer edit has started its own pass
            report, context = validate(
                loaded, self.today, {"shown_root": self.shown_root, "max_mentees": self.max_mentees}
            )
            if report.errors or generation != self.generation:
                return
            self.history = read_history(self.data_dir)
            dataset = build_dataset(context, self.history, self.links)
            jobs = page_jobs(dataset, self.language, self.site_name)
            for start in range(0, len(jobs), BATCH):
                pages = [job.render() for job in jobs[start : start + BATCH]]
                if generation != self.generation:
                    return
                with self.building:  # never change a page file while MkDocs is building
                    write_pages(self.cache_dir, pages)
            with self.building:
                remove_stale(self.cache_dir, {job.src_uri for job in jobs})
            self.similar = dataset.similar
            self.current = Prepared(
                report, loaded.count() + len(loaded.diagnostics), dataset, sorted(j.src_uri for j in jobs)
            )
            self.index_wanted = True
            (self.cache_dir / TRIGGER).write_text(str(generation), encoding="utf-8")

    def take_index_request(self) -> bool:
        """True once after each full pass: the search index is rebuilt then, not on every save."""
        wanted, self.index_wanted = self.index_wanted, False
        return wanted


WORKSPACES: dict[Path, Workspace] = {}


def workspace_for(data_dir: Path, **settings) -> Workspace:
    """One workspace per data folder for the life of the `kb serve` process."""
    key = data_dir.resolve()
    if key not in WORKSPACES:
        WORKSPACES[key] = Workspace(data_dir, **settings)
    return WORKSPACES[key]
