"""The MkDocs plugin: a thin layer that hands the generated pages to MkDocs.

Each build starts from one value, its BuildInputs (generator/publish/inputs.py): `kb build`
and `kb serve` run the pipeline first (to report on the records before anything is built)
and hand the plugin their inputs with `take`; plain `mkdocs build` and `mkdocs serve` work
through the plugin alone, which makes the same value from its options in mkdocs.yml.
`kb serve` then builds changed pages again with `update`, through the same steps.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markdown.extensions.toc import slugify
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from generator.diagnostics import Report
from generator.handwritten import in_language
from generator.language import DEFAULT_LANGUAGE, LANGUAGES, decide_language
from generator.learning.feedback import FEEDBACK_LOG
from generator.messages import text
from generator.model import Dataset
from generator.offline.capture import capture_data
from generator.offline.packs import plan_packs
from generator.offline.shell import CAPTURE_DATA, ICONS, WEB_MANIFEST, Shell, theme_colour, write_shell
from generator.pipeline import prepare
from generator.publish.fastpage import FastPage, TocSettings, convert
from generator.publish.html_cache import HtmlCache, fingerprint, folder_digest
from generator.publish.inputs import BuildInputs, SearchStep
from generator.publish.mkdocs_adapter import (
    BuiltSite,
    give_converted,
    keep_out_of_loop,
    list_tags,
    read_page,
    sitemap_files,
    write_page,
)
from generator.publish.page_writer import PageWriter, outside_the_nav
from generator.publish.workers import PageWorkers, worker_count
from generator.render import search_words
from generator.render.codes import codes_by_product
from generator.render.feeds import site_files
from generator.render.formats import Formats
from generator.render.labels import Labels, translate_label
from generator.render.learning_view import practice_by_product
from generator.render.qr import STYLESHEET as STICKER_STYLESHEET
from generator.render.search_data import page_blocks
from generator.render.urls import record_page
from generator.report import as_text
from generator.repository import RepositoryLinks, repository_links
from generator.search.client import client_settings
from generator.search.fields import NO_TITLE, SEARCH_LOG
from generator.search.glossary import NO_GLOSSARY, Glossary, GroupFinder
from generator.search.index import Indexing, IndexResult, PackRequest, SearchIndexError
from generator.search.packs import PACKS, PackPlan
from generator.search.shards import SHARD_PAGES
from generator.settings import DEFAULT_MAX_MENTEES, Settings
from generator.theme_markup import valid_theme_markup

ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9_]+\b")  # a name in mkdocs.yml that may be an environment variable (!ENV)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
THEME = Path(__file__).resolve().parent.parent / "theme"
STYLESHEET = "assets/kb.css"
SEARCH_SCRIPT = "assets/kb-search.js"
PAGES_SCRIPT = "assets/kb-pages.js"  # wide tables' scroll hints, the honour roll's present view
OFFLINE_SCRIPT = "assets/kb-offline.js"  # the service worker's registration, offline packs
CAPTURE_SCRIPT = "assets/kb-capture.js"  # the capture page
PRIVACY_SCRIPT = "assets/kb-privacy.js"  # personal data, as `kb validate` finds it (for the capture page)
LEARNING_SCRIPT = "assets/kb-learning.js"  # practice sets, the reader's verdict on a case
MODULES = (SEARCH_SCRIPT, OFFLINE_SCRIPT, CAPTURE_SCRIPT, LEARNING_SCRIPT)  # loaded as modules on every page
ASSET_FILES = (
    STYLESHEET,
    STICKER_STYLESHEET,
    PAGES_SCRIPT,
    PRIVACY_SCRIPT,
    SEARCH_LOG,
    FEEDBACK_LOG,
    *MODULES,
    *(icon for icon, _, _ in ICONS),
)


class KnowledgeBaseConfig(Config):
    data_dir = c.Type(str, default="data")
    language = c.Choice(LANGUAGES, default=DEFAULT_LANGUAGE)
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


class Update(Enum):
    """What `kb serve` builds again into the site of its last full build (KnowledgeBasePlugin.update)."""

    EDITED = "edited"  # the pages of the records just edited, at once
    EVERYTHING = "everything"  # every changed page, the hand-written pages, the files made of the records


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.taken: BuildInputs | None = None  # handed by `kb build` / `kb serve` for the next build or update
        self.root = Path.cwd()
        self.built: BuiltSite | None = None  # what MkDocs worked out in the last full build (`kb serve` updates it)
        self._begin(None)

    def take(self, inputs: BuildInputs) -> None:
        """The inputs of the next build (or `kb serve` update), handed once before MkDocs runs."""
        self.taken = inputs

    def _begin(self, inputs: BuildInputs | None) -> None:
        """The state of one build, all of it derived from its inputs as the build goes."""
        self.inputs = inputs
        dataset = inputs.prepared.dataset if inputs is not None else None
        self.generated: set[str] = set(inputs.prepared.pages) if inputs is not None else set()
        self.edit_urls: dict[str, str] = record_edit_urls(dataset) if dataset is not None else {}  # page -> editor
        self.pack_plans: list[PackPlan] = []  # each product's offline pack (generator/offline/packs.py)
        self.fast: dict[str, FastPage] = {}
        self.deferred: set[str] = set()
        self.toc_settings: TocSettings | None = None
        self.indexing: Indexing | None = None
        self.files: Files | None = None
        self.nav: Any = None
        self.outside: set[str] = set()  # the record pages, kept out of MkDocs' loop (page_writer.py)
        self.writer: PageWriter | None = None
        self.unwritten: list[str] = []  # the record pages this process is still to write
        self.workers: PageWorkers | None = None
        self.part_pages: list[str] = []  # the record pages this build writes (all, but for `--shard`)
        self.worker_peaks_mb: list[float] = []  # of the page workers of the build
        self.glossary: Glossary = NO_GLOSSARY  # the glossary's groups search applies (render/search_words.py)

    @property
    def settings(self) -> Settings:
        assert self.inputs is not None, "on_config has not run"
        return self.inputs.settings

    # configuration ----------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        # MkDocs keeps one instance of a plugin with on_startup for the whole process (every
        # build of `serve`, every build of a test run): each build starts from its own inputs.
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        taken, self.taken = self.taken, None
        self._begin(taken if taken is not None else self.inputs_from_options(config))
        config.theme["language"] = self.settings.language
        config.site_name = self.settings.site_name
        if self.settings.language == "en" and self.config.site_description_en:
            config.site_description = self.config.site_description_en
        config.theme.dirs.insert(0, str(THEME))  # marks the search index; everything else is the theme's own
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for name in MODULES:
            if name not in [str(script) for script in config.extra_javascript]:
                script = ExtraScriptValue(name)
                script.type = "module"
                config.extra_javascript.append(script)
        if PAGES_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(PAGES_SCRIPT))
        return config

    def inputs_from_options(self, config: Any) -> BuildInputs:
        """Plain `mkdocs build` and `mkdocs serve`: the inputs from this plugin's options, the
        records checked and rendered here. Errors stop the build; the advice is shown as
        `kb validate` shows it, as warnings, but outside MkDocs' log, whose strict mode would
        fail the build on advice."""
        settings = self.settings_from_options(config)
        prepared = prepare(settings)
        if not prepared.ok:
            report = as_text(prepared.report, prepared.checked.files, language=settings.language)
            raise PluginError(text("plugin-records-have-errors", report=report).render(settings.language))
        if prepared.report.warnings:
            advice = Report(prepared.report.warnings)
            print(as_text(advice, prepared.checked.files, language=settings.language), file=sys.stderr)
        return BuildInputs(settings, prepared, SearchStep.WAIT)

    def settings_from_options(self, config: Any, root: Path | None = None, language: str | None = None) -> Settings:
        """Settings from this plugin's options in mkdocs.yml (folders relative to it); `language`
        is the command line's, if it gives one."""
        root = root or self.root
        language = decide_language(language, plugin_option=self.config.language)
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
        assert self.inputs is not None
        settings, prepared = self.inputs.settings, self.inputs.prepared
        files = in_language(files, settings.language)  # kb/en/ for an English site
        taken = {file.src_uri for file in files}
        for src_uri in prepared.pages:
            if src_uri in taken:
                raise PluginError(text("plugin-page-clash", page=src_uri).render(settings.language))
            files.append(File(src_uri, str(settings.cache_dir), config.site_dir, config.use_directory_urls))
        if self.inputs.outside_loop:
            self.outside = set(outside_the_nav(config, prepared.pages))
            for src_uri in self.outside:
                keep_out_of_loop(files.get_file_from_path(src_uri))
        for asset in ASSET_FILES:
            files.append(File(asset, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        assert prepared.dataset is not None
        self.pack_plans = self.pack_plans_for(prepared.dataset, files)
        data_dir = str(settings.data_dir)
        for src in prepared.dataset.attachments:  # only what records name; validated as inert
            files.append(File(src, data_dir, config.site_dir, config.use_directory_urls))
        # the search script reads the glossary's groups with every query when there are any
        self.glossary = search_words.site_glossary(prepared.dataset)
        for made in self.record_files(config, prepared.dataset):
            files.append(made)
        self.files = files
        return files

    def record_files(self, config: Any, data: Dataset) -> list[File]:
        """The files besides the pages made of the records: the capture page's data, the feeds,
        calendars, the dataset as JSON and the words search reads pinyin with (generator/render/feeds.py)."""
        made = [File.generated(config, CAPTURE_DATA, content=capture_data(data, self.settings, self.root))]
        for extra in site_files(data, self.settings.language, config.site_name, config.site_url or ""):
            made.append(File.generated(config, extra.path, content=extra.content))
        return made

    def pack_plans_for(self, data: Dataset, files: Files) -> list[PackPlan]:
        """Each product's pack, with the hand-written guide pages of the site's language."""
        guide = [
            file.url
            for file in files.documentation_pages()
            if file.src_uri.startswith("guide/") and file.src_uri not in self.generated
        ]
        codes = {product: [page.url for page in pages] for product, pages in codes_by_product(data).items()}
        practice = practice_by_product(data, self.generated)  # each product's practice page, if it has one
        return plan_packs(data, self.settings.language, guide, codes, practice)

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        # mkdocs.yml names its sections in Chinese; the English site shows them in English.
        for item in nav.items:
            if item.is_section and item.title:
                item.title = translate_label(item.title, self.settings.language)
        self.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Generated pages skip Python-Markdown (see fastpage); the theme still renders them.
        A page written outside the loop is converted as it is read (mkdocs_adapter.ConvertedPage)."""
        if page.file.src_uri not in self.generated or page.file.src_uri in self.outside:
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
        give_converted(page, fast.toc_tokens, fast.anchor_ids)
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
        if src_uri in self.deferred:
            body, _ = get_data(page.file.content_string)
            fast = convert(body, self._toc_settings(config))
            assert fast is not None  # the same file converted before
            page.content = fast.html
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
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

    @event_priority(110)  # before the theme's tags plugin lists every page's tags (at 100)
    def _list_outside_tags(self, env: Any, config: Any, files: Files) -> None:
        """The tags of the pages kept out of MkDocs' loop, which it has not read."""
        assert self.inputs is not None
        tagged = self.inputs.prepared.tagged
        outside = {uri: (tagged[uri].title, tagged[uri].tags) for uri in tagged if uri in self.outside}
        list_tags(config, files, outside, self._converter(config))

    def _on_env(self, env: Any, config: Any, files: Files) -> Any:
        cache: dict[tuple[str, str, bool], Markup] = {}

        # A page outside the nav marks no item of the nav or the tabs active, and the links
        # of what does not depend on the page are the same from every page of its folder:
        # record pages in one folder share one rendering of each.
        @pass_context
        def kb_shared(context: Any, template: str) -> Markup:
            key = (template, *_folder(context["page"].url))
            if key not in cache:
                cache[key] = Markup(env.get_template(template).render(context.get_all()))
            return cache[key]

        @pass_context
        def kb_once(context: Any, block: str, caller: Callable[[], Markup]) -> Markup:
            key = (block, *_folder(context["page"].url))
            if key not in cache:
                cache[key] = caller()
            return cache[key]

        env.globals["kb_shared"] = kb_shared
        env.globals["kb_once"] = kb_once
        log = SEARCH_LOG if self.config.search_log else None
        env.globals["kb_search_settings"] = client_settings(self.settings.language, log, bool(self.glossary))
        # a hand-written page is found by the words of the glossary groups it names, as a record page
        env.globals["kb_page_blocks"] = partial(page_blocks, finder=GroupFinder(self.glossary))
        env.globals["kb_no_title"] = NO_TITLE
        env.globals["kb_offline"] = offline_settings(self.settings, self.shell(config))
        self.built = BuiltSite(config, files, self.nav, env)
        return env

    @event_priority(-100)  # once every plugin has seen the environment the pages are written with
    def _start_writer(self, env: Any, config: Any, files: Files) -> None:
        """The record pages to write, in worker processes when there are many (kb serve's
        updates write theirs one by one: `update`); the rest are written at the end of the build."""
        assert self.inputs is not None and self.built is not None
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        cache = self._html_cache(config, env, doc_files) if self.inputs.html_cache else None
        self.writer = PageWriter(self.built, doc_files, self._converter(config), cache, self.edit_urls)
        pages = sorted(self.outside)
        part = self.inputs.part
        if part is not None:  # `kb build --shard`: the other parts write the other record pages
            pages = [uri for uri in pages if part.owns(files.get_file_from_path(uri).dest_uri)]
        self.part_pages = sorted(files.get_file_from_path(uri).dest_uri for uri in pages)
        self.unwritten = pages
        count = worker_count(len(pages)) if self.inputs.page_workers else 0
        if count:
            self.workers = PageWorkers(pages, self.writer, count)
            self.unwritten = []

    on_env = CombinedEvent(_list_outside_tags, _on_env, _start_writer)

    def _html_cache(self, config: Any, env: Any, doc_files: Sequence[Any]) -> HtmlCache:
        """The record pages' HTML kept by earlier builds, for what every page of this one shares
        (generator/publish/html_cache.py): beside the page's own Markdown, place and edit link,
        that is the configuration and the environment variables it reads, the settings of the
        run, the navigation as built, the pages the templates are given, the hand-written pages,
        the settings the templates read and the day the build is dated."""
        settings = self.settings
        config_file = Path(config.config_file_path) if config.config_file_path else None
        written = config_file.read_text(encoding="utf-8") if config_file and config_file.is_file() else ""
        shared = {
            "configuration": written,
            "environment": {
                name: os.environ[name] for name in sorted(set(ENV_NAME.findall(written))) if name in os.environ
            },
            "settings": [settings.language, settings.today, settings.site_name, settings.site_url, settings.repository],
            "navigation": nav_outline(self.nav.items if self.nav is not None else []),
            "pages": [file.src_uri for file in doc_files],
            "hand-written": folder_digest(Path(config.docs_dir)),
            "templates": {name: env.globals.get(name) for name in ("kb_search_settings", "kb_offline", "kb_no_title")},
            "dated": os.environ.get("SOURCE_DATE_EPOCH"),
        }
        return HtmlCache(settings.html_cache_dir, fingerprint(shared))

    def _converter(self, config: Any) -> Callable[[str], FastPage | None]:
        """How a page written outside the loop is converted: as on_page_markdown converts one."""
        settings = self._toc_settings(config)
        return lambda markdown: convert(markdown, settings)

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        if template_name == "sitemap.xml" and self.outside and config.site_url and self.files is not None:
            # The pages kept out of MkDocs' loop in their places (without a site_url the
            # sitemap lists no page).
            context["pages"] = sitemap_files(config, self.files, self.outside)
        return context

    # search --------------------------------------------------------------------

    def on_post_build(self, config: Any) -> None:
        unwritten, self.unwritten = self.unwritten, []
        if self.writer is not None:
            self.writer.write(unwritten)
        workers, self.workers = self.workers, None
        problems = workers.finish() if workers else []
        self.worker_peaks_mb = workers.peak_mb if workers else []
        if problems:
            raise PluginError("record pages could not be built:\n" + "\n".join(problems))
        cache = self.writer.cache if self.writer is not None else None
        if cache is not None:  # the folder keeps this build's pages, no more
            cache.remove_unused(cache.used | (workers.used if workers else set()))
        site_dir = Path(config.site_dir)
        write_shell(site_dir, self.shell(config))
        assert self.inputs is not None
        if self.inputs.search is SearchStep.NONE:
            return
        self.indexing = self.search_indexing(site_dir)
        if self.inputs.search is SearchStep.WAIT:
            self.finish_search_index()

    def shell(self, config: Any) -> Shell:
        colour = theme_colour(list(config.theme.dirs), config.theme.get("palette"))
        description = config.site_description or ""
        return Shell(
            config.site_name, description, self.settings.language, config.site_url or "", self.settings.today, colour
        )

    def search_indexing(self, site_dir: Path, output: Path | None = None, packs_output: Path | None = None) -> Indexing:
        """Start the search index of a built site and its offline packs, in a process of its
        own: at the end of a build, or (`kb serve`) in the background into folders of its own
        (`output`, `packs_output`), which replace the served ones when done."""
        assert self.inputs is not None
        settings, packs = self.settings, self.pack_request(site_dir)
        if packs is not None and packs_output is not None:
            packs = replace(packs, output=packs_output)
        return Indexing(
            site_dir,
            output,
            shard_pages=settings.search_shard_pages,
            cache_dir=settings.search_cache_dir,
            part=self.inputs.part,
            packs=packs,
        )

    def pack_request(self, site_dir: Path) -> PackRequest | None:
        """The offline packs of a whole site; a part of one (`--shard`) has not every page."""
        assert self.inputs is not None
        if self.inputs.part is not None:
            return None
        return PackRequest(self.pack_plans, site_dir / PACKS, self.settings.pack_cache_dir)

    def on_build_error(self, error: Exception) -> None:
        workers, self.workers, self.unwritten = self.workers, None, []
        if workers is not None:
            workers.stop()

    def finish_search_index(self) -> IndexResult | None:
        """Wait for Pagefind (`kb build` checks the links meanwhile); None when no index was started."""
        indexing, self.indexing = self.indexing, None
        if indexing is None:
            return None
        try:
            return indexing.finish()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    # `kb serve`: pages built again into the last full build --------------------------

    def update(self, scope: Update) -> None:
        """Build again, from the inputs taken, the pages whose Markdown changed (the prepared
        pages `written`), with the navigation and templates of the last full build: the bytes
        a full build gives. Update.EVERYTHING also reads the hand-written pages again (a plugin
        may list other pages on them: the tags index), sends on_env as a build does once every
        page is read, and writes again what changed of the files made of the records."""
        taken, self.taken = self.taken, None
        assert taken is not None and taken.prepared.dataset is not None and self.built is not None
        site, everything = self.built, scope is Update.EVERYTHING
        self.inputs = taken
        if everything:  # the whole record set: what on_config and on_files derive from it
            self.generated = set(taken.prepared.pages)
            self.edit_urls = record_edit_urls(taken.prepared.dataset)
        doc_files = site.documentation_pages()
        written = [uri for uri in taken.prepared.written if uri not in self.outside]
        files = [site.files.get_file_from_path(uri) for uri in written]
        if everything:
            files += [file for file in doc_files if file.src_uri not in self.generated]
        pages = [file.page for file in files if file is not None and file.page is not None]
        for page in pages:
            read_page(site, page)
        if everything:  # as in a full build, once every page is read (the tags plugin exports tags.json here)
            site.config.plugins.on_env(site.env, config=site.config, files=site.files)
            self.unwritten = []  # the pages written below are those that changed
        for page in pages:
            write_page(site, page, doc_files)
        if self.writer is not None:
            self.writer.write(uri for uri in taken.prepared.written if uri in self.outside)
        if everything:
            self.pack_plans = self.pack_plans_for(taken.prepared.dataset, site.files)  # for the index made next
            self._write_record_files(site, taken.prepared.dataset)

    def _write_record_files(self, site: BuiltSite, data: Dataset) -> None:
        """The files made of the records, those that changed written as MkDocs' build writes them."""
        for made in self.record_files(site.config, data):
            file = site.files.get_file_from_path(made.src_uri)
            if file is None:
                site.files.append(made)
                file = made
            else:
                file.content_bytes = made.content_bytes
            target = Path(file.abs_dest_path)
            if not target.is_file() or target.read_bytes() != file.content_bytes:
                file.copy_file()

    # plain `mkdocs serve` --------------------------------------------------------

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.settings.data_dir))
        return server


def nav_outline(items: Sequence[Any]) -> list:
    """What a navigation shows: each item's title and address, each section's items."""
    return [[item.title, getattr(item, "url", None), nav_outline(item.children or [])] for item in items]


def _folder(url: str) -> tuple[str, bool]:
    """The folder of a page's URL (`cases` of `cases/x/` and of `cases/x.html`) and whether the
    URL is a folder: every page of a folder reaches another page by the same relative link."""
    return posixpath.dirname(url.rstrip("/")), url.endswith("/")


def record_edit_urls(data: Dataset) -> dict[str, str]:
    """Each record page's file in the repository's web editor, for the theme's own edit button."""
    urls = {
        record_page(kind, record_id): data.links.edit(source) for (kind, record_id), source in data.source_files.items()
    }
    return {page: url for page, url in urls.items() if url}


def offline_settings(settings: Settings, shell: Shell) -> dict:
    """What every page's head and top say of the site on a phone (theme/main.html): its web app
    manifest, colour and icon, and the notice, shown when a page comes from the phone, with the
    day the site was built."""
    t, fmt = Labels(settings.language), Formats(settings.language)
    return {
        "manifest": WEB_MANIFEST,
        "colour": shell.colour,
        "icon": ICONS[0][0],
        "from_phone": t.from_phone.format(date=fmt.date(settings.today)),
    }


def _parse_today(today: str | dt.date | None) -> dt.date | None:
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today)
        except ValueError:
            raise PluginError(f"today: `{today}` is not a date in YYYY-MM-DD form") from None
    return today
