"""The record pages, written outside MkDocs' page loop.

MkDocs' build reads every page of a site into its one process, converts each, and only then
writes any: at 10,000 cases most of a build, and at 100,000 the memory of 100,000 page
objects. The pages it is good at stay its own: the hand-written pages, those the navigation
names (the index pages), the theme's assets and templates. The generated pages outside the
navigation (cases, people, sessions … the great majority) are kept out of its loop
(mkdocs_adapter.keep_out_of_loop: never read into a page object of the main process) and
written here once MkDocs has worked out the navigation and the theme's template environment,
each with MkDocs' own page functions and the context it gives every page, one at a time, in
this process or in forked workers (generator/publish/workers.py). What MkDocs' main process
still needs of them it is given without reading them: their tags for the theme's tags plugin
(mkdocs_adapter.list_tags) and their places in the sitemap (mkdocs_adapter.sitemap_files).
tests/publish/test_page_writer.py holds the whole site to the bytes MkDocs' own loop gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.offline.shell import SHELL_PAGES
from generator.publish.html_cache import HtmlCache
from generator.publish.mkdocs_adapter import BuiltSite, Convert, write_outside_loop


def outside_the_nav(config: Any, generated: Iterable[str]) -> list[str]:
    """The generated pages that the site's `nav` does not name, but the pages of the phone's
    shell, which generator/offline/shell.py makes again from what MkDocs wrote of them. With
    no `nav`, MkDocs puts every page in the navigation: none is outside it."""
    if config.nav is None:
        return []
    named = set(_named(config.nav))
    return [src_uri for src_uri in generated if src_uri not in named and src_uri not in SHELL_PAGES]


def _named(nav: Any) -> Iterator[str]:
    """Every path a `nav` names, as MkDocs looks it up (mkdocs.structure.nav: a path, or with
    its leading `/` taken off when absolute links are relative to the docs folder)."""
    if isinstance(nav, dict):
        for value in nav.values():
            yield from _named(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _named(item)
    elif isinstance(nav, str):
        yield nav
        yield nav.lstrip("/")


class PageWriter:
    """Writes pages kept out of MkDocs' loop into the site folder, with the configuration,
    navigation and template environment of the build (`site`) and `doc_files`, the pages
    MkDocs hands each page's template; with a cache of pages' HTML, copies what it keeps."""

    def __init__(
        self,
        site: BuiltSite,
        doc_files: Sequence[Any],
        convert: Convert,
        cache: HtmlCache | None = None,
        edit_urls: Mapping[str, str] | None = None,
    ) -> None:
        self.site = site
        self.doc_files = doc_files
        self.convert = convert
        self.cache = cache
        self.edit_urls = edit_urls or {}

    def write(self, src_uris: Iterable[str]) -> None:
        for src_uri in src_uris:
            file = self.site.files.get_file_from_path(src_uri)
            if self.cache is None:
                write_outside_loop(self.site, file, self.doc_files, self.convert)
                continue
            # the page's edit link is the one the plugin gives it (on_page_context)
            key = self.cache.key(src_uri, self.edit_urls.get(src_uri), Path(file.abs_src_path).read_bytes())
            if not self.cache.copy(key, file.abs_dest_path):
                write_outside_loop(self.site, file, self.doc_files, self.convert)
                self.cache.keep(key, file.abs_dest_path)
