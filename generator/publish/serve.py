"""`kb serve`: the site as a full `kb build` of the files on disk would make it, kept up
to date while people edit.

Every rebuild runs the one pipeline (generator.pipeline) with a cache of the files that
did not change, and hands its result to the MkDocs plugin as `kb build` does (BuildInputs).
Then, when the set of pages, the hand-written pages, mkdocs.yml and the attachments are as
before, the plugin builds again only the pages whose Markdown changed, by MkDocs' own page
functions with the navigation of the last full build, and writes again the files made of
the records that changed (feeds, calendars) as the build writes them; otherwise MkDocs builds
the whole site aside and it is swapped in. Either way the pages are the bytes a full build
gives. The server reads the site through a link (`current`) that a full
build moves, in one rename, to the new folder. Records with errors build nothing: the last good site stays served,
with the errors shown on every page until the file is fixed.

The terminal gets one line per rebuild: which files changed, what was built, how long it took
and how many warnings the records have (the warnings themselves only when they changed).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.diagnostics import Diagnostic, Report
from generator.kinds import RECORD_KIND
from generator.language import decide_language
from generator.messages import Listing, Text, text
from generator.pipeline import Checked, FileCache, Prepared, check, prepare, prepare_checked
from generator.publish.guard import Holder, one_build_at_a_time, os_error_message
from generator.publish.inputs import BuildInputs, SearchStep
from generator.publish.mkdocs_adapter import mkdocs_build
from generator.publish.plugin import Update
from generator.publish.site import (
    BuildRequest,
    ConfigProblem,
    SiteConfig,
    load_site_config,
    mkdocs_command,
    quiet_mkdocs,
    reproducible_dates,
)
from generator.render.urls import record_page
from generator.report import as_text, printable
from generator.search.index import BUNDLE, SearchIndexError
from generator.search.packs import PACKS

Say = Callable[[str], None]
MAX_REQUEST_PATH = 2048  # characters; no page of the site has a longer address
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
NAMED_CHANGES = 3  # files a rebuild's line names; more are counted


@dataclass
class ServeState:
    """What the served site shows now, and what is wrong with the files on disk."""

    errors: list[Diagnostic] = field(default_factory=list)
    failure: str = ""  # a build that failed for another reason than the records
    generation: int = 0  # counts successful rebuilds

    @property
    def broken(self) -> bool:
        return bool(self.errors or self.failure)


@dataclass
class _Rebuilt:
    """What a rebuild did, for its line."""

    what: Text  # what was built, or why nothing was
    warnings: int | None = None  # the records' warnings (None: not counted)
    built: bool = True  # the site changed: a new generation, and its search index
    said_later: bool = False  # an edit's line is said when the rest of the site follows it


class ServeSession:
    def __init__(self, request: BuildRequest, serve_dir: Path, say: Say, holder: Holder | None = None) -> None:
        self.request = request
        self.holder = holder or Holder.this_process("serve")
        self.serve_dir = serve_dir
        self.root = serve_dir / "current"  # what the server serves: a link to the current site
        self.say = say
        self.state = ServeState()
        self.cache = FileCache()
        self.site: SiteConfig | None = None
        self.pages: set[str] = set()
        self.inputs: tuple = ()  # what forces a full build when it changes
        self._said = ""
        self._warned = ""
        self._changed: set[str] = set()  # files changed since the last rebuild's line
        self._changes_lock = threading.Lock()  # the server's rebuilds and an edit's full pass say lines
        self._built_once = False
        self._edited_at = 0.0  # when the rebuild of the last edit started, for the line its full pass says
        self._quick_seconds = 0.0  # how long that rebuild took to update the edited pages
        self._attachments: list[str] = []  # the attachments the site publishes, as of the last full build
        self._lock = ExitStack()
        self._stopping = False
        self._indexer: threading.Thread | None = None
        self._index_wanted = threading.Event()
        # One run of the pipeline and of MkDocs' page functions at a time: an edit's quick
        # update in the server's thread, the full pass that follows it in its own.
        self._pipeline = threading.Lock()
        self._edits = 0  # counts edits; a full pass that is no longer the latest gives up
        self.trigger = serve_dir / "refresh"  # touched when a full pass is done: browsers reload
        self.language = decide_language(request.language, request.config_file)  # until MkDocs has read mkdocs.yml

    def _tell(self, key: str, **args) -> None:
        self.say(text(key, **args).render(self.language))

    # the life of a session ---------------------------------------------------

    def start(self) -> None:
        """Hold the page cache for the session, and build the site once in full."""
        self.hold()
        self.rebuild()

    def hold(self) -> None:
        """Hold the page cache for the session (ServerRunning when another server holds it)."""
        site = load_site_config(self.request)
        self.language = site.settings.language
        cache = [site.settings.cache_dir]
        self._lock.enter_context(one_build_at_a_time(cache, self.say, self.language, self.holder))
        self.serve_dir.mkdir(parents=True, exist_ok=True)
        if not self.root.exists():
            _placeholder(self.serve_dir, self.root)

    def stop(self) -> None:
        self._stopping = True  # an index being made now has no site left: nothing to say of it
        # A full pass rendering now would go on in its pool after the server said it stopped,
        # holding both cores while the server's folder is removed: its processes end here.
        for child in multiprocessing.active_children():
            child.terminate()
        self._lock.close()

    def watched(self) -> list[Path]:
        """mkdocs.yml, the data folder and the hand-written pages."""
        site = load_site_config(self.request)
        self.trigger.touch()
        paths = [self.request.config_file.resolve(), site.settings.data_dir, Path(site.config.docs_dir)]
        return [*paths, self.trigger]

    # one rebuild -------------------------------------------------------------

    def rebuild(self, changed: Sequence[str] = ()) -> None:
        """Bring the served site up to date with the files on disk (`changed`: the files whose
        change started it) and say so in one line; never raises."""
        started = time.monotonic()
        with self._changes_lock:
            self._changed.update(path for path in changed if not Path(path).is_relative_to(self.serve_dir))
        try:
            rebuilt = self._rebuild(started)
        except ConfigProblem as error:
            self._fail(error.said(self.language))
            return
        except MkDocsException as error:
            self._fail(text("build-mkdocs-failed", error=str(error)).render(self.language))
            return
        except OSError as error:
            self._fail(os_error_message(error, self.language))
            return
        if rebuilt is None:
            return
        if not rebuilt.said_later:
            self._say_rebuilt(rebuilt, time.monotonic() - started)
        if rebuilt.built:
            self.state.generation += 1
            self._said = ""
            self._index_wanted.set()
            self._start_indexer()

    def _say_rebuilt(self, rebuilt: _Rebuilt, seconds: float) -> None:
        """`[10:42:07] data/cases/x.yml 有改动：更新了 3 个页面，用时 0.4 秒，没有警告。`"""
        with self._changes_lock:
            changed, self._changed = sorted(self._changed), set()
        said = {"time": time.strftime("%H:%M:%S"), "what": rebuilt.what, "seconds": f"{seconds:.1f}"}
        said["warnings"] = _warnings(rebuilt.warnings)
        if not self._built_once:
            self._built_once = rebuilt.built
            self._tell("serve-built" if rebuilt.built else "serve-not-built", **said)
        else:
            self._tell("serve-rebuilt", files=_files(changed), **said)

    def _rebuild(self, started: float) -> _Rebuilt | None:
        site = load_site_config(self.request)
        self.language = site.settings.language
        with self._pipeline, reproducible_dates(site.settings.today):
            if self.site is not None:
                checked = check(site.settings, self.cache, quick=True)
                edited = self._edited_pages(site, checked)
                if edited is not None:
                    return self._quick_update(site, checked, edited, started)
            prepared = prepare(site.settings, self.cache)
            if not prepared.ok:
                return self._records_broken(prepared)
            was_broken = self.state.broken
            self.state.errors, self.state.failure = [], ""
            self._say_warnings(prepared)
            warnings = len(prepared.report.warnings)
            inputs = self._inputs(site, prepared)
            if self.site is None or set(prepared.pages) != self.pages or inputs != self.inputs:
                gc.unfreeze()
                self._full_build(site, prepared)
                self.site, self.pages, self.inputs = site, set(prepared.pages), inputs
                # The site's millions of objects live until the next full build: kept out of
                # the collector's way, an edit's update does not pay for walking them.
                gc.collect()
                gc.freeze()
                built = "serve-all-pages-built" if self._built_once else "serve-pages"
                return _Rebuilt(text(built, pages=len(prepared.pages)), warnings)
            self._update_pages(prepared, Update.EVERYTHING)
            if not prepared.written:
                return _Rebuilt(text("serve-fixed" if was_broken else "serve-no-page-changed"), warnings)
            return _Rebuilt(text("serve-pages-changed", pages=len(prepared.written)), warnings)

    # an edit to records that exist: their pages at once, the rest in the background ------

    def _edited_pages(self, site: SiteConfig, checked: Checked) -> set[str] | None:
        """The pages of the records edited since the last run, when nothing else changed;
        None when more than records' pages may change (added or removed files, the taxonomy,
        ticket exports, hand-written pages, mkdocs.yml, attachments)."""
        if self.cache.forgotten or checked.report.errors:
            return None
        pages = set()
        for source in self.cache.read_again:
            page = record_page(source.kind, source.stem) if source.kind in RECORD_KIND else None
            if page is None or page not in self.pages:
                return None
            pages.add(page)
        if pages and self._inputs_now(site) != self.inputs:
            return None
        return pages

    def _quick_update(self, site: SiteConfig, checked: Checked, edited: set[str], started: float) -> _Rebuilt | None:
        self.state.errors, self.state.failure = [], ""
        if not edited:
            return None  # nothing changed (a full pass done, or a save without a change)
        prepared = prepare_checked(checked, site.settings, only=edited)
        self._update_pages(prepared, Update.EDITED)
        self._edited_at, self._quick_seconds = started, time.monotonic() - started
        self._edits += 1
        threading.Thread(target=self._full_pass, args=(site, self._edits), daemon=True).start()
        return _Rebuilt(text("serve-no-page-changed"), said_later=True)

    def _full_pass(self, site: SiteConfig, edit: int) -> None:
        """After a quick update: every page brought to what a full build gives, then a reload."""
        with self._pipeline, reproducible_dates(site.settings.today):
            if edit != self._edits:
                return  # a later edit has its own pass
            checked = check(site.settings, self.cache)
            if self._stopping:
                return  # the server stopped while the records were checked: nothing to render for
            prepared = prepare_checked(checked, site.settings)
            if not prepared.ok or set(prepared.pages) != self.pages:
                return  # the server's next rebuild says so, or builds in full
            self._say_warnings(prepared)
            self._update_pages(prepared, Update.EVERYTHING)
        what = text("serve-edited-then-rest", quick=f"{self._quick_seconds:.1f}", pages=len(prepared.written))
        self._say_rebuilt(_Rebuilt(what, len(prepared.report.warnings)), time.monotonic() - self._edited_at)
        self._index_wanted.set()
        self._start_indexer()
        self.trigger.touch()

    def _records_broken(self, prepared: Prepared) -> _Rebuilt:
        self.state.errors = prepared.report.errors
        report = as_text(prepared.report, prepared.checked.files, language=self.language)
        if report != self._said:  # once per state of the files, not at every save
            self.say(report)
            self._said = report
        broken = "serve-records-broken" if self._built_once else "serve-records-broken-first"
        return _Rebuilt(text(broken, errors=len(self.state.errors)), built=False)

    def _say_warnings(self, prepared: Prepared) -> None:
        """The advice (KB7xx) as warnings, once for each state of the files."""
        warnings = prepared.report.warnings
        report = as_text(Report(warnings), prepared.checked.files, language=self.language) if warnings else ""
        if report != self._warned:
            if report:
                self.say(report)
            self._warned = report

    def _fail(self, message: str) -> None:
        self.state.failure = message
        if message != self._said:
            self.say(text("build-error").render(self.language) + message)
            self._tell("serve-last-good-site")
            self._said = message

    def _inputs(self, site: SiteConfig, prepared: Prepared) -> tuple:
        """Files whose change alters more than the pages that say so: the configuration, the
        hand-written pages (titles in the navigation) and the attachments."""
        assert prepared.dataset is not None
        self._attachments = list(prepared.dataset.attachments)
        return self._inputs_now(site)

    def _inputs_now(self, site: SiteConfig) -> tuple:
        stamps = [_stamp(self.request.config_file.resolve())]
        docs = Path(site.config.docs_dir)
        stamps += [_stamp(path) for path in sorted(docs.rglob("*")) if path.is_file()]
        stamps += [_stamp(site.settings.data_dir / name) for name in self._attachments]
        return tuple(stamps)

    # building ----------------------------------------------------------------

    def _full_build(self, site: SiteConfig, prepared: Prepared) -> None:
        """MkDocs builds the whole site in a new folder; the `current` link then moves to it."""
        previous = self.root.resolve() if self.root.is_symlink() else None
        fresh = Path(tempfile.mkdtemp(prefix="site-", dir=self.serve_dir))
        try:
            fresh.chmod(0o755)
            site.config.site_dir = str(fresh)
            with quiet_mkdocs(self.language), mkdocs_command(site.config):
                # the search index is made in the background (below), not by the build
                site.plugin.take(BuildInputs(site.settings, prepared, SearchStep.NONE))
                mkdocs_build(site.config)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        for kept in (BUNDLE, PACKS):  # search and packs work until the new ones are ready
            if previous is not None and (previous / kept).is_dir():
                os.replace(previous / kept, fresh / kept)
        _point(self.root, fresh)
        if previous is not None and previous.parent == self.serve_dir:
            shutil.rmtree(previous, ignore_errors=True)

    def _update_pages(self, prepared: Prepared, scope: Update) -> None:
        """The plugin builds again the pages whose Markdown changed, into the site of the last
        full build (Update.EDITED: those alone; the full pass brings the rest along)."""
        assert self.site is not None
        # the pages are built here one by one, with the last full build's navigation: no page workers
        self.site.plugin.take(BuildInputs(self.site.settings, prepared, SearchStep.NONE, page_workers=False))
        with quiet_mkdocs(self.language):
            self.site.plugin.update(scope)

    # the search index, in the background ---------------------------------------

    def _start_indexer(self) -> None:
        if self._indexer is not None and self._indexer.is_alive():
            return  # the running one sees the request when it is done
        self._indexer = threading.Thread(target=self._index_while_wanted, daemon=True)
        self._indexer.start()

    def _index_while_wanted(self) -> None:
        while self._index_wanted.is_set():
            self._index_wanted.clear()
            site = self.root.resolve()
            fresh, packs = site / ".pagefind-next", site / ".packs-next"
            try:
                shutil.rmtree(fresh, ignore_errors=True)
                shutil.rmtree(packs, ignore_errors=True)
                assert self.site is not None  # set by the rebuild that asked for this index
                # as the build makes it (shards whose pages did not change come from its cache),
                # into folders of its own that replace the served ones when done; started between
                # two runs of the pipeline, not from the plugin's state halfway through one
                with self._pipeline:
                    indexing = self.site.plugin.search_indexing(site, fresh, packs)
                indexing.finish()
                if self.root.resolve() != site:
                    continue  # a full build replaced the site meanwhile; it asked for its own index
                _replace_folder(fresh, site / BUNDLE)
                if packs.is_dir():
                    _replace_folder(packs, site / PACKS)
            except (SearchIndexError, OSError) as error:
                if self.root.resolve() == site and not self._stopping:
                    self._tell("serve-search-failed", error=str(error))


def _files(changed: list[str]) -> Text | str:
    """The files that changed, as the terminal shows them (relative to the folder kb runs in)."""
    if not changed:
        return text("serve-some-files")
    shown = tuple(printable(_relative(path)) for path in changed[:NAMED_CHANGES])
    if len(changed) <= NAMED_CHANGES:
        return Listing(shown)
    return text("serve-files-and-more", named=Listing(shown), more=len(changed) - len(shown))


def _relative(path: str) -> str:
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _warnings(count: int | None) -> Text:
    if count is None:
        return text("")
    return text(
        "serve-no-warnings" if count == 0 else "serve-one-warning" if count == 1 else "serve-warnings", count=count
    )


def refused_request(raw_path: str, path_info: str) -> int | None:
    """The status for a request whose path cannot name a file of the site, or None to serve it.

    `raw_path` is the target as the request line gave it, `path_info` the path the server
    decoded from it (percent escapes as Latin-1, as WSGI has it). A path too long, badly
    escaped, not UTF-8 or holding a control character (a NUL would stop the file system
    call with an exception) is a bad request; one that climbs out with `..` names no page.
    """
    path_part = raw_path.split("?", 1)[0]
    if len(raw_path) > MAX_REQUEST_PATH or _BAD_PERCENT.search(path_part):
        return 400
    try:
        path = path_info.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return 400
    if _CONTROL.search(path):
        return 400
    if ".." in path.replace("\\", "/").split("/"):
        return 404
    return None


def _replace_folder(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _point(link: Path, folder: Path) -> None:
    """Move the link to `folder` in one rename: a reader never sees no site."""
    new = link.with_name(link.name + ".new")
    new.unlink(missing_ok=True)
    new.symlink_to(folder.name, target_is_directory=True)
    os.replace(new, link)


PLACEHOLDER = """<!doctype html><html lang="zh"><meta charset="utf-8"><title>servicekb</title>
<body><p>网站尚未生成：记录有错误，修正后自动生成。 The site is not built yet: fix the records and it builds.</p></body></html>
"""


def _placeholder(serve_dir: Path, link: Path) -> None:
    """What is served before the first good build: a page that carries the errors banner."""
    folder = serve_dir / "site-none"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(PLACEHOLDER, encoding="utf-8")
    (folder / "404.html").write_text(PLACEHOLDER, encoding="utf-8")
    _point(link, folder)


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), 0, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)
