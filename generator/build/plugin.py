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
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.build.fastpage import FastPage, TocSettings, convert
from generator.diagnostics import Report
from generator.pipeline import Prepared, prepare
from generator.render.feeds import site_files
from generator.render.labels import translate_label
from generator.report import as_text
from generator.search.index import Indexing, SearchIndexError
from generator.settings import DEFAULT_MAX_MENTEES, LANGUAGES, Settings

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
    show_ticket_ids = c.Type(bool, default=False)  # ticket ids on case pages (they may identify customers)


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
        self.built: BuiltSite | None = None
        self._files: Files | None = None
        self._nav: Any = None

    # configuration ----------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        # MkDocs keeps one instance of a plugin with on_startup for the whole process (every
        # build of `serve`, every build of a test run): per-build state starts empty here.
        self.fast, self.deferred, self.toc_settings = {}, set(), None
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self.settings = self.given_settings or self.settings_from_options(config)
        config.theme["language"] = self.settings.language
        config.theme.dirs.insert(0, str(THEME))  # marks the search index; everything else is the theme's own
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SEARCH_SCRIPT not in [str(script) for script in config.extra_javascript]:
            script = ExtraScriptValue(SEARCH_SCRIPT)
            script.type = "module"
            config.extra_javascript.append(script)
        return config

    def settings_from_options(self, config: Any, root: Path | None = None) -> Settings:
        """Settings from this plugin's options in mkdocs.yml (folders relative to it)."""
        root = root or self.root
        return Settings(
            data_dir=root / self.config.data_dir,
            today=_parse_today(self.config.today) or dt.date.today(),
            language=self.config.language,
            shown_root=self.config.data_dir,
            cache_dir=root / self.config.cache_dir,
            site_name=config.site_name,
            site_url=config.site_url or "",
            max_mentees=self.config.max_mentees or DEFAULT_MAX_MENTEES,
            show_ticket_ids=self.config.show_ticket_ids,
        )

    def on_startup(self, command: str, dirty: bool) -> None:
        pass  # kept so that MkDocs keeps one instance for the process (see on_config)

    # files and pages -------------------------------------------------------------

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.settings is not None
        given, self.prepared = self.prepared, None
        prepared = given or prepare(self.settings)
        if not prepared.ok:
            raise PluginError(
                "the records have errors; nothing was built:\n" + as_text(prepared.report, prepared.checked.files)
            )
        if given is None and prepared.report.warnings:
            # Plain `mkdocs build`: the advice is shown as `kb validate` shows it, as warnings,
            # but outside MkDocs' log, whose strict mode would fail the build on advice.
            print(as_text(Report(prepared.report.warnings), prepared.checked.files), file=sys.stderr)
        self.generated = set(prepared.pages)
        taken = {file.src_uri for file in files}
        for src_uri in prepared.pages:
            if src_uri in taken:
                raise PluginError(f"kb/{src_uri} clashes with a generated page; rename the hand-written file")
            files.append(File(src_uri, str(self.settings.cache_dir), config.site_dir, config.use_directory_urls))
        for asset in (STYLESHEET, SEARCH_SCRIPT):
            files.append(File(asset, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        assert prepared.dataset is not None
        data_dir = str(self.settings.data_dir)
        for src in prepared.dataset.attachments:  # only what records name; validated as inert
            files.append(File(src, data_dir, config.site_dir, config.use_directory_urls))
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
        self.built = BuiltSite(config, files, self._nav, env)
        return env

    # search --------------------------------------------------------------------

    def on_post_build(self, config: Any) -> None:
        if self.search_index == "never":
            return
        self.indexing = Indexing(Path(config.site_dir))
        if self.search_index == "now":
            self.finish_search_index()

    def finish_search_index(self) -> None:
        """Wait for Pagefind; `kb build` checks the links meanwhile."""
        indexing, self.indexing = self.indexing, None
        if indexing is not None:
            try:
                indexing.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    # plain `mkdocs serve` --------------------------------------------------------

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        assert self.settings is not None
        server.watch(str(self.settings.data_dir))
        return server


def _parse_today(today: str | dt.date | None) -> dt.date | None:
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today)
        except ValueError:
            raise PluginError(f"today: `{today}` is not a date in YYYY-MM-DD form") from None
    return today
