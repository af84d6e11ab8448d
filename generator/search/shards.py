"""Which pages go into which search bundle, and the content hash of each bundle.

Pagefind holds a whole index in memory while it writes it: some 130 MB per 1,000 pages
here. The index is therefore made in shards of at most about `shard_pages` pages, each
by its own Pagefind run, and the browser merges them (assets/kb-search.js). A page's
shard is chosen by a hash of its URL, so that every shard is a random sample of the
site: Pagefind scores a word by how rare it is in its own shard (BM25), and shards that
look alike score a word alike. A page keeps its shard while the number of shards stays
the same; an edit changes one shard, and a new page one shard.

Each shard is named by a hash of what Pagefind reads of its pages, so a shard whose
pages read the same is not indexed again (generator/search/index.py keeps bundles by
name).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from generator.kinds import SEARCHED_KINDS, URL_FOLDERS

# The folders whose pages carry a search block (generator/templates/_macros.j2 for record
# pages, generator/theme/main.html for hand-written ones).
# Pages per shard: Pagefind's peak memory is about 145 MB per 1,000 dense case pages, so a
# shard of 6,000 stays under 900 MB; a query loads some index data from every shard, so
# fewer shards transfer less (benchmarks/RESULTS.md: two shards at 10,000 cases).
SHARD_PAGES = 6000
# A shard's name: the first hex digits of its content hash (_name); `kb build --merge`
# accepts no other name, as a name is also a folder.
NAME_DIGITS = 16
SHARD_NAME = re.compile(f"[0-9a-f]{{{NAME_DIGITS}}}")
INDEXED_FOLDERS = tuple(sorted({URL_FOLDERS[kind] for kind in SEARCHED_KINDS} | {"guide"}))
SEARCH_BLOCK = re.compile(r"<div\b[^>]*\bdata-pagefind-body\b[^>]*>")
DIV_TAG = re.compile(r"<(/?)div\b")
# Outside the block Pagefind still reads the language, the page's title and first heading
# (a result's title), the first image after it, and any filter, metadata or sort.
HTML_TAG = re.compile(r"<html\b[^>]*>")
TITLE = re.compile(r"<title\b.*?</title>", re.DOTALL)
FIRST_HEADING = re.compile(r"<h1\b.*?</h1>", re.DOTALL)
IMAGE = re.compile(r"<img\b[^>]*>")
PAGEFIND_ATTRIBUTE = re.compile(r"<[^>]*\bdata-pagefind-(?:meta|filter|sort|default-meta)\b[^>]*>[^<]*")
ATTRIBUTE_NAME = re.compile(r"data-pagefind-(?:meta|filter|sort|default-meta)")  # after a word boundary


@dataclass(frozen=True)
class IndexedPage:
    path: str  # relative to the site, e.g. cases/<id>/index.html
    digest: str  # of what Pagefind reads of it


@dataclass(frozen=True)
class Shard:
    name: str  # the content hash of its pages: also its folder under pagefind/
    pages: tuple[str, ...]


def indexed_pages(site_dir: Path) -> list[IndexedPage]:
    """The site's pages that have a search block, sorted by path."""
    found = []
    for folder in INDEXED_FOLDERS:
        for path in sorted((site_dir / folder).rglob("*.html")):
            digest = page_digest(path.read_text(encoding="utf-8"))
            if digest is not None:
                found.append(IndexedPage(path.relative_to(site_dir).as_posix(), digest))
    return sorted(found, key=lambda page: page.path)


def page_digest(html: str) -> str | None:
    """A hash of what Pagefind reads of a page; None for a page without a search block,
    which Pagefind leaves out of the index."""
    block = search_block(html)
    if block is None:
        return None
    start, end = block
    outside = html[:start] + html[end:]
    parts = [html[start:end]]
    parts += [match.group(0) for match in (HTML_TAG.search(html), TITLE.search(html)) if match]
    heading = FIRST_HEADING.search(html)
    if heading:
        parts.append(heading.group(0))
        image = IMAGE.search(html, heading.end())
        parts.append(image.group(0) if image else "")
    parts += pagefind_attributes(outside)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def pagefind_attributes(html: str) -> list[str]:
    """What PAGEFIND_ATTRIBUTE.findall(html) finds (each tag with a data-pagefind- filter,
    metadata or sort, and the text after it), a dozen times faster: that pattern is tried at
    every `<` and every character of its tag; here only at the attribute's name."""
    found: list[str] = []
    done = 0  # where the last one found ends: the next starts after it
    name = ATTRIBUTE_NAME.search(html)
    while name is not None:
        start, end = name.span()
        if _word_edge(html, start) and _word_edge(html, end):
            opening = html.find("<", max(html.rfind(">", done, start) + 1, done), start)
            closing = html.find(">", end)
            if opening != -1 and closing != -1:
                text_end = html.find("<", closing)
                done = text_end if text_end != -1 else len(html)
                found.append(html[opening:done])
                name = ATTRIBUTE_NAME.search(html, done)
                continue
        name = ATTRIBUTE_NAME.search(html, start + 1)
    return found


def _word_edge(html: str, at: int) -> bool:
    """Whether `\\b` matches at `at`: a word character on one side of it only."""
    before = at > 0 and (html[at - 1].isalnum() or html[at - 1] == "_")
    after = at < len(html) and (html[at].isalnum() or html[at] == "_")
    return before != after


def search_block(html: str) -> tuple[int, int] | None:
    """Where the element with data-pagefind-body starts and ends (its divs balanced)."""
    opening = SEARCH_BLOCK.search(html)
    if opening is None:
        return None
    depth = 1
    for tag in DIV_TAG.finditer(html, opening.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return opening.start(), html.index(">", tag.end()) + 1
    return opening.start(), len(html)


def shard_count(pages: int, shard_pages: int) -> int:
    return max(1, math.ceil(pages / shard_pages))


def plan_shards(pages: list[IndexedPage], shard_pages: int, settings: str) -> list[Shard]:
    """The pages in shards of about `shard_pages` each, by a hash of each page's path.

    `settings` is everything else that shapes a bundle (the Pagefind version and options):
    it goes into every shard's name.
    """
    count = shard_count(len(pages), shard_pages)
    buckets: list[list[IndexedPage]] = [[] for _ in range(count)]
    for page in pages:
        buckets[bucket(page.path, count)].append(page)
    shards = []
    for members in buckets:
        if members:
            shards.append(Shard(_name(members, settings), tuple(page.path for page in members)))
    return shards


def bucket(path: str, count: int, salt: str = "search") -> int:
    """A page's place among `count` parts: the same for the same path on any machine."""
    return int.from_bytes(hashlib.sha256(f"{salt}:{path}".encode()).digest()[:8], "big") % count


def _name(members: list[IndexedPage], settings: str) -> str:
    lines = [settings] + [f"{page.path} {page.digest}" for page in members]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:NAME_DIGITS]
