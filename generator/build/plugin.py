"""The MkDocs plugin: a thin layer that hands the generated pages to MkDocs.

Plain `mkdocs build` and `mkdocs serve` work through it: it runs the pipeline itself,
with settings made from its options in mkdocs.yml. `kb build` and `kb serve` run the
pipeline first (to report on the records before anything is built) and hand the
plugin their settings and the prepared pages.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markdown.extensions.toc import slugify
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.build.fastpage import FastPage, TocSettings, convert
from generator.build.workers import SKIP_TEMPLATE, PageWorkers, worker_count
from generator.diagnostics import Report
from generator.handwritten import in_language
from generator.messages import text
from generator.model import Dataset
from generator.pipeline import Prepared, prepare
from generator.render import search_words
from generator.render.feeds import site_files
from generator.render.labels import translate_label
from generator.render.qr import STYLESHEET as STICKER_STYLESHEET
from generator.render.search_data import page_blocks
from generator.render.urls import record_page
from generator.report import as_text
from generator.repository import RepositoryLinks, repository_links
from generator.search.client import client_settings
from generator.search.fields import NO_TITLE, SEARCH_LOG
from generator.search.index import Indexing, IndexResult, SearchIndexError
from generator.search.shards import SHARD_PAGES
from generator.settings import DEFAULT_MAX_MENTEES, LANGUAGES, Settings
from generator.theme_markup import valid_theme_markup

ANCHOR_ID = re.compile(r'\bid="([^"]+)"')
ASSETS = Path(__file__).resolve().parent.parent / "assets"
THEME = Path(__file__).resolve().parent.parent / "theme"
STYLESHEET = "assets/kb.css"
SEARCH_SCRIPT = "assets/kb-search.js"
PAGES_SCRIPT = "assets/kb-pages.js"  # wide tables' scroll hints, the honour roll's present view


class KnowledgeBaseConfig(Config):
    data_dir = c.Type(str, default="data")
    language = c.Choice(LANGUAGES, default="zh")
    cache_dir = c.Type(str, default=".cache/pages")
    today = c.Optional(c.Type((str, dt.date)))  # YAML reads an unquoted date as a date
    max_mentees = c.Optional(c.Type(int))
    # Where "Report a problem" on a record page leads: a new-issue URL or a mailto:, with {id}
    # and {title} filled in. Default: the new-issue form of a GitHub or GitLab repo_url.
    report_url = c.Optional(c.Type(str))
    site_name_en = c.Optional(c.Type(str))  # what an English site (language: en) is called
    site_description_en = c.Optional(c.Type(str))
    show_ticket_ids = c.Type(bool, default=False)  # ticket ids on case pages (they may identify customers)
    search_log = c.Type(bool, default=False)  # searches request SEARCH_LOG, for `kb search-report`
    search_shard_pages = c.Optional(c.Type(int))  # pages per search index shard (default SHARD_PAGES; README, Search)


@dataclass
class BuiltSite:
    """What MkDocs worked out in the last full build; `kb serve` rebuilds single pages with it."""

    config: Any
    files: Files
    nav: Any
    env: Any


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.given_settings: Settings | None = None  # by `kb build` / `kb serve`, for one build
        self.settings: Settings | None = None  # of the build under way
        self.prepared: Prepared | None = None  # given by `kb build` / `kb serve` to skip a second run
        # When the search index is made: "now" after the build (plain mkdocs), "later" when the
        # caller finishes it (kb build checks links meanwhile), "never" (kb serve indexes in the background).
        self.search_index = "now"
        self.root = Path.cwd()
        self.generated: set[str] = set()
        self.fast: dict[str, FastPage] = {}
        self.deferred: set[str] = set()
        self.toc_settings: TocSettings | None = None
        self.indexing: Indexing | None = None
        self.index_result: IndexResult | None = None  # of the last search index made
        self.built: BuiltSite | None = None
        self._files: Files | None = None
        self._nav: Any = None
        self.workers: PageWorkers | None = None
        self.in_workers: set[str] = set()  # the record pages that workers build in this build
        self.skipped: set[str] = set()  # record pages another part of the build writes (`--shard`)
        self.part_pages: list[str] = []  # the record pages this build writes (all, but for `--shard`)
        self.worker_peaks_mb: list[float] = []  # of the page workers of the last build
        # `kb serve` builds a few pages itself with MkDocs' page functions: no workers then.
        self.use_workers = True
        self.edit_urls: dict[str, str] = {}  # generated record page -> its record file in the web editor
        self.glossary = False  # whether the site has a glossary for search (render/search_words.py)

    # configuration ----------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        # MkDocs keeps one instance of a plugin with on_startup for the whole process (every
        # build of `serve`, every build of a test run): per-build state starts empty here.
        self.fast, self.deferred, self.toc_settings = {}, set(), None
        self.workers, self.in_workers = None, set()
        self.skipped, self.part_pages, self.worker_peaks_mb = set(), [], []
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self.settings = self.given_settings or self.settings_from_options(config)
        config.theme["language"] = self.settings.language
        config.site_name = self.settings.site_name
        if self.settings.language == "en" and self.config.site_description_en:
            config.site_description = self.config.site_description_en
        config.theme.dirs.insert(0, str(THEME))  # marks the search index; everything else is the theme's own
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SEARCH_SCRIPT not in [str(script) for script in config.extra_javascript]:
            script = ExtraScriptValue(SEARCH_SCRIPT)
            script.type = "module"
            config.extra_javascript.append(script)
        if PAGES_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(PAGES_SCRIPT))
        return config

    def settings_from_options(self, config: Any, root: Path | None = None, language: str | None = None) -> Settings:
        """Settings from this plugin's options in mkdocs.yml (folders relative to it)."""
        root = root or self.root
        language = language or self.config.language
        return Settings(
            data_dir=root / self.config.data_dir,
            today=_parse_today(self.config.today) or dt.date.today(),
            language=language,
            shown_root=self.config.data_dir,
            cache_dir=root / self.config.cache_dir,
            site_name=self.site_name(config, language),
            site_url=config.site_url or "",
            max_mentees=self.config.max_mentees or DEFAULT_MAX_MENTEES,
            repository=self.repository_links(config, root, root / self.config.data_dir),
            show_ticket_ids=self.config.show_ticket_ids,
            search_shard_pages=self.config.search_shard_pages or SHARD_PAGES,
        )

    def repository_links(self, config: Any, root: Path, data_dir: Path) -> RepositoryLinks:
        """Edit, history and report links from MkDocs' repo_url and edit_uri and our report_url."""
        data_dir, root = data_dir.resolve(), root.resolve()
        data_path = data_dir.relative_to(root).as_posix() + "/" if data_dir.is_relative_to(root) else None
        docs_dir = Path(config.docs_dir).resolve()
        docs = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else docs_dir.name
        return repository_links(config.repo_url, config.edit_uri, docs, data_path, self.config.report_url)

    def site_name(self, config: Any, language: str) -> str:
        """The site's name in its language: `site_name_en` on an English site, when given."""
        if language == "en" and self.config.site_name_en:
            return self.config.site_name_en
        return config.site_name

    def on_startup(self, command: str, dirty: bool) -> None:
        pass  # kept so that MkDocs keeps one instance for the process (see on_config)

    # files and pages -------------------------------------------------------------

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.settings is not None
        given, self.prepared = self.prepared, None
        prepared = given or prepare(self.settings)
        if not prepared.ok:
            language = self.settings.language
            report = as_text(prepared.report, prepared.checked.files, language=language)
            raise PluginError(text("plugin-records-have-errors", report=report).render(language))
        if given is None and prepared.report.warnings:
            # Plain `mkdocs build`: the advice is shown as `kb validate` shows it, as warnings,
            # but outside MkDocs' log, whose strict mode would fail the build on advice.
            advice = Report(prepared.report.warnings)
            print(as_text(advice, prepared.checked.files, language=self.settings.language), file=sys.stderr)
        self.generated = set(prepared.pages)
        files = in_language(files, self.settings.language)  # kb/en/ for an English site
        taken = {file.src_uri for file in files}
        for src_uri in prepared.pages:
            if src_uri in taken:
                raise PluginError(text("plugin-page-clash", page=src_uri).render(self.settings.language))
            files.append(File(src_uri, str(self.settings.cache_dir), config.site_dir, config.use_directory_urls))
        for asset in (STYLESHEET, SEARCH_SCRIPT, PAGES_SCRIPT, SEARCH_LOG, STICKER_STYLESHEET):
            files.append(File(asset, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        assert prepared.dataset is not None
        self.edit_urls = record_edit_urls(prepared.dataset)
        data_dir = str(self.settings.data_dir)
        for src in prepared.dataset.attachments:  # only what records name; validated as inert
            files.append(File(src, data_dir, config.site_dir, config.use_directory_urls))
        self.glossary = bool(
            search_words.site_glossary(prepared.dataset)
        )  # the search script reads it with every query
        for extra in site_files(prepared.dataset, self.settings.language, config.site_name, config.site_url or ""):
            files.append(File.generated(config, extra.path, content=extra.content))
        self._files = files
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        # mkdocs.yml names its sections in Chinese; the English site shows them in English.
        assert self.settings is not None
        for item in nav.items:
            if item.is_section and item.title:
                item.title = translate_label(item.title, self.settings.language)
        self._nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Generated pages skip Python-Markdown (see fastpage); the theme still renders them."""
        if page.file.src_uri not in self.generated:
            return markdown
        fast = convert(markdown, self._toc_settings(config))
        if fast is None:
            return markdown
        self.fast[page.file.src_uri] = fast
        return f"# {fast.title}" if fast.title and "title" not in page.meta else ""

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        fast = self.fast.pop(page.file.src_uri, None)
        if fast is None:
            return html
        page.toc = get_toc(fast.toc_tokens)
        page.present_anchor_ids = set(ANCHOR_ID.findall(fast.html))
        # MkDocs reads every page before it writes any: holding 10,000 pages' HTML until then
        # would take hundreds of MB. The HTML is made again just before the page is written.
        self.deferred.add(page.file.src_uri)
        # Nor its Markdown source (some 10 KB a record, 1 GB at 100,000 cases): nothing reads
        # it again, the page's HTML is made from its file.
        page.markdown = ""
        return ""

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        src_uri = page.file.src_uri
        if src_uri in self.generated:
            # MkDocs would point the theme's edit button at kb/<page>.md, which does not exist.
            page.edit_url = self.edit_urls.get(src_uri)
        if src_uri in self.deferred and src_uri not in self.in_workers and src_uri not in self.skipped:
            body, _ = get_data(page.file.content_string)
            fast = convert(body, self._toc_settings(config))
            assert fast is not None  # the same file converted before
            page.content = fast.html
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if page.file.src_uri in self.in_workers:
            return ""  # a worker writes it
        if page.file.src_uri in self.deferred:
            page.content = ""  # written; let it go
        return valid_theme_markup(output)

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        return valid_theme_markup(output)  # the 404 page

    def _toc_settings(self, config: Any) -> TocSettings:
        if self.toc_settings is None:
            options = (config.mdx_configs or {}).get("toc", {})
            self.toc_settings = TocSettings(
                slugify=options.get("slugify") or slugify,
                separator=options.get("separator", "-"),
                permalink=options.get("permalink", False),
                permalink_title=options.get("permalink_title", "Permanent link"),
                permalink_class=options.get("permalink_class", "headerlink"),
            )
        return self.toc_settings

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        cache: dict[tuple[str, int], Markup] = {}

        @pass_context
        def kb_nav(context: Any) -> Markup:
            # A page outside the nav marks no item active, and the nav's links depend only
            # on the page's folder: record pages in one folder share one rendering.
            url = context["page"].url
            key = (url.split("/", 1)[0], url.count("/"))
            if key not in cache:
                cache[key] = Markup(env.get_template("partials/nav.html").render(context.get_all()))
            return cache[key]

        env.globals["kb_nav"] = kb_nav
        log = SEARCH_LOG if self.config.search_log else None
        env.globals["kb_search_settings"] = client_settings(self.settings.language, log, self.glossary)
        env.globals["kb_page_blocks"] = page_blocks
        env.globals["kb_no_title"] = NO_TITLE
        self.built = BuiltSite(config, files, self._nav, env)
        if self.use_workers:
            self._start_page_workers(config, files, env)
        return env

    def _start_page_workers(self, config: Any, files: Files, env: Any) -> None:
        """Hand the record pages (generated, outside the nav) to worker processes."""
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        in_nav = {id(page) for page in self._nav.pages} if self._nav is not None else set()
        records = [f.page for f in doc_files if f.src_uri in self.generated and f.page and id(f.page) not in in_nav]
        part = self.settings.part if self.settings else None
        if part is not None:  # `kb build --shard`: the other parts write the other record pages
            for page in records:
                if not part.owns(page.file.dest_uri):
                    page.meta["template"] = SKIP_TEMPLATE
                    self.skipped.add(page.file.src_uri)
            records = [page for page in records if part.owns(page.file.dest_uri)]
        self.part_pages = sorted(page.file.dest_uri for page in records)
        count = worker_count(len(records))
        if not count:
            return
        self.workers = PageWorkers(records, config, doc_files, self._nav, env, count)
        for page in records:  # the workers have their copy; this process passes over them
            page.meta["template"] = SKIP_TEMPLATE
        self.in_workers = {page.file.src_uri for page in records}

    # search --------------------------------------------------------------------

    def on_post_build(self, config: Any) -> None:
        workers, self.workers, self.in_workers = self.workers, None, set()
        problems = workers.finish() if workers else []
        self.worker_peaks_mb = workers.peak_mb if workers else []
        if problems:
            raise PluginError("record pages could not be built:\n" + "\n".join(problems))
        if self.search_index == "never":
            return
        assert self.settings is not None
        self.indexing = Indexing(
            Path(config.site_dir),
            shard_pages=self.settings.search_shard_pages,
            cache_dir=self.settings.search_cache_dir,
            part=self.settings.part,
        )
        if self.search_index == "now":
            self.finish_search_index()

    def on_build_error(self, error: Exception) -> None:
        workers, self.workers, self.in_workers = self.workers, None, set()
        if workers is not None:
            workers.stop()

    def finish_search_index(self) -> None:
        """Wait for Pagefind; `kb build` checks the links meanwhile."""
        indexing, self.indexing = self.indexing, None
        if indexing is not None:
            try:
                self.index_result = indexing.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    # plain `mkdocs serve` --------------------------------------------------------

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        assert self.settings is not None
        server.watch(str(self.settings.data_dir))
        return server


def record_edit_urls(data: Dataset) -> dict[str, str]:
    """Each record page's file in the repository's web editor, for the theme's own edit button."""
    urls = {
        record_page(kind, record_id): data.links.edit(source) for (kind, record_id), source in data.source_files.items()
    }
    return {page: url for page, url in urls.items() if url}


def _parse_today(today: str | dt.date | None) -> dt.date | None:
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today)
        except ValueError:
            raise PluginError(f"today: `{today}` is not a date in YYYY-MM-DD form") from None
    return today
