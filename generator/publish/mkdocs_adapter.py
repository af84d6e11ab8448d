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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Private: MkDocs' per-page steps of a build. build() itself (the `mkdocs build` command's
# function) is public in name but not in MkDocs' documented API.
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as _mkdocs_build

# Private: the request handler that LiveReloadServer passes to its WSGI server.
from mkdocs.livereload import LiveReloadServer, _Handler
from mkdocs.structure.toc import get_toc

CHECKED_WITH = "1.6"  # MkDocs' minor version; pyproject.toml pins mkdocs>=1.6,<1.7
# An empty template in generator/theme/: MkDocs' build writes no file for a page whose
# rendering is blank, so a page given it is passed over (write_page below).
SKIP_TEMPLATE = "kb-skip.html"


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


def pass_over(page: Any) -> None:
    """Make MkDocs' build pass over a page it has read: another process writes it, or another
    part of the build (`kb build --shard`). The `template` of a page's metadata is MkDocs' own
    (documented) choice of template; that a blank rendering writes no file is _build_page's."""
    page.meta["template"] = SKIP_TEMPLATE


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
