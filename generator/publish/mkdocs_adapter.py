"""Every use of MkDocs beyond its plugin and configuration API, in one module.

`kb build` and `kb serve` drive MkDocs as a library: they run its build, and the page workers
and `kb serve` build single pages with the functions MkDocs' own build calls for each page.
Some of what that takes is private to MkDocs (a leading underscore) or undocumented, and may
change in any release: each such use is here, with why it is needed. pyproject.toml pins MkDocs
to the minor version this module was checked against (CHECKED_WITH), and
tests/publish/test_mkdocs_adapter.py checks the signatures and behaviour relied on here,
failing with this module's name when an upgrade changes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

# Private: MkDocs' per-page steps of a build. build() itself (the `mkdocs build` command's
# function) is public in name but not in MkDocs' documented API.
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as _mkdocs_build

# Private: the request handler that LiveReloadServer passes to its WSGI server.
from mkdocs.livereload import LiveReloadServer, _Handler
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

CHECKED_WITH = "1.6"  # MkDocs' minor version; pyproject.toml pins mkdocs>=1.6,<1.7
TAGS_PROPERTY = "tags"  # the front matter field the site's pages give their tags in


@dataclass
class BuiltSite:
    """What MkDocs worked out in a full build, and what building one of its pages again needs:
    the configuration, every file, the navigation and the theme's template environment."""

    config: Any
    files: Any  # mkdocs.structure.files.Files
    nav: Any  # mkdocs.structure.nav.Navigation
    env: Any  # the theme's jinja2.Environment, with every plugin's on_env done

    def documentation_pages(self) -> Sequence[Any]:
        """The pages MkDocs' build hands to each page's template (its `pages`)."""
        return self.files.documentation_pages()


def mkdocs_build(config: Any) -> None:
    """MkDocs' whole build, every plugin event in order, as `mkdocs build` runs it. Raises
    MkDocs' Abort for a strict-mode warning or a BuildError, as the command does."""
    _mkdocs_build(config)


def read_page(site: BuiltSite, page: Any) -> None:
    """Read a page's Markdown and convert it, with its events (on_pre_page, on_page_markdown,
    on_page_content), as MkDocs' build does for every page before it writes any.

    Private (mkdocs.commands.build._populate_page): `kb serve` reads again only the pages
    whose Markdown changed, into the pages of the last full build."""
    _populate_page(page, site.config, site.files)


def write_page(site: BuiltSite, page: Any, doc_files: Sequence[Any]) -> None:
    """Render a page that was read through the theme's template and write it into the site
    folder, with its events (on_page_context, on_post_page); nothing is written when the
    rendering is blank.

    Private (mkdocs.commands.build._build_page): the page workers write record pages in
    forked processes with the very configuration, navigation and environment of the build
    (so the bytes are MkDocs' own), and `kb serve` writes the pages whose Markdown changed."""
    _build_page(page, site.config, doc_files, site.nav, site.env)


# --- pages written outside MkDocs' page loop (generator/publish/page_writer.py) ---------------


class Converted(Protocol):
    """A generated page's HTML made without Python-Markdown (generator/publish/fastpage.py)."""

    html: str
    toc_tokens: list[dict]
    title: str | None  # the text of its first level-1 heading

    @property
    def anchor_ids(self) -> set[str]: ...


Convert = Callable[[str], Converted | None]  # None: the page needs Python-Markdown


def keep_out_of_loop(file: Any) -> None:
    """Keep a page out of MkDocs' page loop: neither read nor written by its build (nor by
    `mkdocs serve`'s), nor listed in the `pages` its templates get, while links to it from
    other pages still resolve. Documented: a plugin may set a File's `inclusion`. That a link
    to an excluded page is said at INFO level only (not a warning, which strict mode would
    fail) is _RelativePathTreeprocessor's."""
    file.inclusion = InclusionLevel.EXCLUDED


@contextmanager
def _included(file: Any) -> Iterator[None]:
    """A page kept out of the loop as the page of the site it is, while it is read and written
    (or its tags listed): plugins pass over an excluded page (the theme's tags plugin does)."""
    level, file.inclusion = file.inclusion, InclusionLevel.INCLUDED
    try:
        yield
    finally:
        file.inclusion = level


class ConvertedPage(Page):
    """A generated page, read and written by MkDocs' own page functions, whose Markdown is
    converted as `convert` says rather than by Python-Markdown when it has the shape of a
    generated page. What Page.render leaves on a page, it leaves: the HTML, the table of
    contents, the ids its anchors may link to and, for a page without a title in its front
    matter, the title of its first heading, which MkDocs takes from Python-Markdown's own
    rendering of that heading (undocumented: Page.render sets _title_from_render)."""

    def __init__(self, file: Any, config: Any, convert: Convert) -> None:
        super().__init__(None, file, config)
        self.convert = convert

    def render(self, config: Any, files: Any) -> None:
        assert self.markdown is not None
        converted = self.convert(self.markdown)
        if converted is None:
            super().render(config, files)
            return
        if converted.title is not None and "title" not in self.meta:
            markdown, self.markdown = self.markdown, f"# {converted.title}"
            super().render(config, files)
            self.markdown = markdown
        self.content = converted.html
        give_converted(self, converted.toc_tokens, converted.anchor_ids)


def write_outside_loop(site: BuiltSite, file: Any, doc_files: Sequence[Any], convert: Convert) -> None:
    """Read and write a page kept out of MkDocs' loop as the loop would, with its events:
    MkDocs' own reading and writing functions (read_page, write_page) on a page made here
    and let go once written. The page's template gets the context MkDocs gives every page."""
    page = ConvertedPage(file, site.config, convert)
    try:
        with _included(file):
            _populate_page(page, site.config, site.files)
            _build_page(page, site.config, doc_files, site.nav, site.env)
    finally:
        file.page = None
        # A plugin may keep the page (the tags plugin does, for its tags): not its texts.
        page.markdown = page.content = ""


class _TaggedPage:
    """What the theme's tags plugin reads of a page when it collects the page's tags (its
    on_page_markdown): its file, its front matter's tags, its URL and, when it writes
    tags.json, its title."""

    def __init__(self, file: Any, title: str | None, tags: Any) -> None:
        self.file = file
        self.meta = {TAGS_PROPERTY: tags}
        url = file.url
        self.url = "" if url in (".", "./") else url  # as Page.url
        self.title = title


def list_tags(config: Any, files: Any, tagged: Mapping[str, tuple[str | None, Any]], convert: Convert) -> None:
    """Give the theme's tags plugins the tags of pages kept out of MkDocs' loop (src_uri ->
    their front matter's title and tags), in the order of `tagged`, as if they had been read:
    the tags plugin lists every page's tags in tags.json when the `env` event starts (at
    priority 100), before any page is written. Undocumented: the plugin's on_page_markdown
    reads only these attributes of a page. A plugin that reads tags from another field of the
    front matter finds none on these pages, as it would reading them. A page without a title
    in its front matter is read here, as the loop would read it: its title is its heading's."""
    from material.plugins.tags.plugin import TagsPlugin

    plugins = [plugin for plugin in config.plugins.values() if isinstance(plugin, TagsPlugin)]
    plugins = [plugin for plugin in plugins if plugin.config.tags_name_property == TAGS_PROPERTY]
    if not plugins:
        return
    for src_uri, (title, tags) in tagged.items():
        file = files.get_file_from_path(src_uri)
        with _included(file):
            if title is None:
                _populate_page(ConvertedPage(file, config, convert), config, files)
                continue
            page = _TaggedPage(file, title, tags)
            for plugin in plugins:
                plugin.on_page_markdown("", page=page, config=config, files=files)


def sitemap_files(config: Any, files: Iterable[Any], outside: set[str]) -> Iterator[Any]:
    """The files MkDocs' sitemap.xml template lists (its `pages`: every documentation page the
    build includes), with the pages kept out of its loop in their places, each given for the
    time it is listed the Page the template reads its address and date from."""
    for file in files:
        if file.src_uri in outside:
            Page(None, file, config)
            yield file
            file.page = None
        elif file.is_documentation_page() and file.inclusion.is_included():
            yield file


def give_converted(page: Any, toc_tokens: list[dict], anchor_ids: set[str]) -> None:
    """Leave on a page converted without Python-Markdown (generator/publish/fastpage.py) what
    Page.render would: its table of contents, and the ids its anchors may link to.

    Undocumented: Page.present_anchor_ids is what MkDocs' anchor check (validate_anchor_links,
    after every page is built) reads of each page to judge links to its anchors."""
    page.toc = get_toc(toc_tokens)
    page.present_anchor_ids = anchor_ids


RequestHandler = _Handler  # kb serve's handler keeps MkDocs' (its log lines) and adds to it

# Undocumented: what MkDocs' live-reload server logs, and where. Every line goes to this logger,
# after the time ("[10:42:07] "): at INFO the address it serves, the paths it watches, each
# rebuild (detected, reloading) and each browser that connects; each request at DEBUG (200) or
# WARNING (any other status), as '"GET /x/ HTTP/1.1" code 404'; a failure at ERROR. kb serve
# filters them through logging (generator/cli/serving.py) and says some itself.
SERVER_LOGGER = "mkdocs.livereload"
SERVING = "Serving on "  # then the address: the server listens
WATCHING = "Watching paths for changes"  # then every path watched, kb serve's temporary folder among them
REQUEST_LINE = '"'  # a request line starts with the request, in quotes


def server_says(record: logging.LogRecord) -> str:
    """A line of MkDocs' server without the time in front of it."""
    return record.getMessage().split("] ", 1)[-1]


class PageServer(LiveReloadServer):
    """MkDocs' live-reload server with what `kb serve` changes in it.

    - `observer`: the file watcher that LiveReloadServer makes in __init__ (a poller), gives
      each watch() to (`schedule`) and starts in serve(); kb serve gives one that takes the
      system's notifications.
    - `served_html`: every HTML page the server sends, after MkDocs added its live-reload
      script (the private _inject_js_into_html is the one place that sees them all).
    - `serve_request`, the WSGI application that __init__ hands to the server (set_app): a
      subclass may answer a request itself before MkDocs opens a file for it.
    """

    def __init__(self, observer: Any, **options) -> None:
        super().__init__(**options)
        self.observer = observer

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return self.served_html(super()._inject_js_into_html(content, epoch))

    def served_html(self, content: bytes) -> bytes:
        return content
