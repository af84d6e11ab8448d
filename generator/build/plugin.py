"""The MkDocs plugin: a thin layer that hands the generated pages to MkDocs.

`mkdocs build` and `mkdocs serve` work through it directly; `kb build` prepares the
pages itself (to print the validator's report first) and passes them in.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
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
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.build.fastpage import FastPage, TocSettings, convert
from generator.build.prepare import Prepared, prepare
from generator.build.workspace import TRIGGER, WORKSPACES, Workspace, workspace_for
from generator.render.feeds import site_files
from generator.render.labels import LANGUAGES, translate_label
from generator.report import as_text, printable
from generator.search.client import client_settings
from generator.search.fields import SEARCH_LOG
from generator.search.index import Indexing, SearchIndexError
from generator.search.tokens import html_search_copy

log = logging.getLogger("mkdocs.plugins.servicekb")
SERVING = False  # set by on_startup: MkDocs makes a new plugin for each rebuild of `serve`
ANCHOR_ID = re.compile(r'\bid="([^"]+)"')
ASSETS = Path(__file__).resolve().parent.parent / "assets"
THEME = Path(__file__).resolve().parent.parent / "theme"
STYLESHEET = "assets/kb.css"
SEARCH_SCRIPT = "assets/kb-search.js"


class KnowledgeBaseConfig(Config):
    data_dir = c.Type(str, default="data")
    language = c.Choice(LANGUAGES, default="zh")
    cache_dir = c.Type(str, default=".cache/pages")
    today = c.Optional(c.Type((str, dt.date)))  # YAML reads an unquoted date as a date
    max_mentees = c.Optional(c.Type(int))
    search_log = c.Type(bool, default=False)  # searches request SEARCH_LOG, for `kb search-report`


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.prepared: Prepared | None = None  # set by `kb build` to skip a second validation
        self.root = Path.cwd()
        self.generated: set[str] = set()
        self.fast: dict[str, FastPage] = {}
        self.deferred: set[str] = set()
        self.toc_settings: TocSettings | None = None
        self.indexing: Indexing | None = None
        self.defer_search_index = False  # `kb build` sets it and calls finish_search_index itself

    def on_config(self, config: Any) -> Any:
        # MkDocs keeps one instance of a plugin with on_startup for the whole process (every
        # build of `serve`, every build of a test run): per-build state starts empty here.
        self.fast, self.deferred, self.toc_settings = {}, set(), None
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        config.theme["language"] = self.config.language
        config.theme.dirs.insert(0, str(THEME))  # marks the search index; everything else is the theme's own
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SEARCH_SCRIPT not in [str(script) for script in config.extra_javascript]:
            script = ExtraScriptValue(SEARCH_SCRIPT)
            script.type = "module"
            config.extra_javascript.append(script)
        return config

    @property
    def data_dir(self) -> Path:
        return self.root / self.config.data_dir

    @property
    def cache_dir(self) -> Path:
        return self.root / self.config.cache_dir

    def on_startup(self, command: str, dirty: bool) -> None:
        global SERVING
        SERVING = command == "serve"

    def on_pre_build(self, config: Any) -> None:
        if SERVING:
            self._workspace(config).building.acquire()

    def on_build_error(self, error: Exception) -> None:
        self._release_build()

    def _release_build(self) -> None:
        workspace = self._workspace_if_any()
        if SERVING and workspace is not None and workspace.building.locked():
            workspace.building.release()

    def on_files(self, files: Files, config: Any) -> Files:
        prepared = self.prepared or (self._workspace(config).refresh() if SERVING else self._prepare(config))
        self.prepared = None  # a served site prepares afresh on every rebuild
        if not prepared.ok:
            raise PluginError(
                "the records have errors; nothing was built:\n" + as_text(prepared.report, prepared.files)
            )
        for warning in prepared.report.warnings:
            log.info("%s:%s: %s %s", printable(warning.file), warning.line, warning.code, printable(warning.message))
        assert prepared.pages is not None
        self.generated = set(prepared.pages)
        taken = {file.src_uri for file in files}
        for src_uri in self._pages_to_hand_over(prepared, config):
            if src_uri in taken:
                raise PluginError(f"kb/{src_uri} clashes with a generated page; rename the hand-written file")
            files.append(File(src_uri, str(self.cache_dir), config.site_dir, config.use_directory_urls))
        for asset in (STYLESHEET, SEARCH_SCRIPT, SEARCH_LOG):
            files.append(File(asset, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        assert prepared.dataset is not None
        for src in prepared.dataset.attachments:  # only what records name; validated as inert
            files.append(File(src, str(self.data_dir), config.site_dir, config.use_directory_urls))
        if not prepared.quick:  # a quick serve rebuild keeps the feeds until the full pass
            for extra in site_files(prepared.dataset, self.config.language, config.site_name, config.site_url or ""):
                files.append(File.generated(config, extra.path, content=extra.content))
        return files

    def _pages_to_hand_over(self, prepared: Prepared, config: Any) -> list[str]:
        """All generated pages; for a quick `kb serve` rebuild only the edited records' pages
        and the pages of the nav, so that MkDocs does not look at 10,000 unchanged files."""
        assert prepared.pages is not None
        if not prepared.quick:
            return prepared.pages
        wanted = set(prepared.rendered or []) | set(_nav_pages(config.nav or []))
        return [src_uri for src_uri in prepared.pages if src_uri in wanted]

    def _workspace(self, config: Any) -> Workspace:
        return workspace_for(
            self.data_dir,
            cache_dir=self.cache_dir,
            language=self.config.language,
            site_name=config.site_name,
            today=self._today(),
            shown_root=self.config.data_dir,
            max_mentees=self.config.max_mentees,
        )

    def _prepare(self, config: Any) -> Prepared:
        return prepare(
            self.data_dir,
            self.config.language,
            config.site_name,
            self.cache_dir,
            self._today(),
            self.config.data_dir,
            max_mentees=self.config.max_mentees,
        )

    def _today(self) -> dt.date | None:
        today = self.config.today
        if isinstance(today, str):
            try:
                return dt.date.fromisoformat(today)
            except ValueError:
                raise PluginError(f"today: `{today}` is not a date in YYYY-MM-DD form") from None
        return today

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
        return ""

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        if page.file.src_uri in self.deferred:
            body, _ = get_data(page.file.content_string)
            fast = convert(body, self._toc_settings(config))
            assert fast is not None  # the same file converted before
            page.content = fast.html
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if page.file.src_uri in self.deferred:
            page.content = ""  # written; let it go
        return output

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
        env.globals["kb_search_settings"] = client_settings(self.config.language, log)
        env.filters["kb_search_copy"] = html_search_copy
        return env

    def on_post_build(self, config: Any) -> None:
        if SERVING:
            self._release_build()
            self._index_in_background(Path(config.site_dir))
            return
        self.indexing = Indexing(Path(config.site_dir))
        if not self.defer_search_index:
            self.finish_search_index()

    def _index_in_background(self, site_dir: Path) -> None:
        """While serving, search catches up in the background; pages do not wait for it."""
        workspace = self._workspace_if_any()
        if workspace is not None and not workspace.take_index_request():
            return
        threading.Thread(target=lambda: Indexing(site_dir).finish(), daemon=True).start()

    def finish_search_index(self) -> None:
        """Wait for Pagefind; `kb build` checks the links meanwhile."""
        indexing, self.indexing = self.indexing, None
        if indexing is not None:
            try:
                indexing.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        # mkdocs.yml names its sections in Chinese; the English site shows them in English.
        for item in nav.items:
            if item.is_section and item.title:
                item.title = translate_label(item.title, self.config.language)
        return nav

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        trigger = self.cache_dir / TRIGGER  # the background pass touches it when it is done
        trigger.parent.mkdir(parents=True, exist_ok=True)
        trigger.touch()
        server.watch(str(trigger))
        return server

    def _workspace_if_any(self) -> Workspace | None:
        return WORKSPACES.get(self.data_dir.resolve())


def _nav_pages(entries: Any) -> list[str]:
    """The page paths named in mkdocs.yml's nav, however nested."""
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [page for value in entries.values() for page in _nav_pages(value)]
    if isinstance(entries, list):
        return [page for entry in entries for page in _nav_pages(entry)]
    return []
