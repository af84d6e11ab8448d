"""Markdown as records write it: one parser configuration for rendering and for checks.

CommonMark with tables and strikethrough; `html: False` turns raw HTML into text.
Every relative URL in a record's Markdown points into data/attachments/.
"""

from __future__ import annotations

from functools import cache, lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

ATTACHMENTS_PREFIX = "attachments/"


@cache
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


def attachment_url(token: Token) -> str | None:
    """The URL of an image or link that points into attachments/ (every relative URL does)."""
    attribute = "src" if token.type == "image" else "href" if token.type == "link_open" else None
    url = token.attrGet(attribute) if attribute else None
    if not isinstance(url, str) or not url:
        return None
    if "://" in url or url.startswith(("#", "/", "mailto:")) or ":" in url.split("/", 1)[0]:
        return None
    return unquote(url)


def attachment_references(text: str) -> list[str]:
    """The attachments that a Markdown text shows or links to, as written."""
    if "](" not in text and "]:" not in text:
        return []  # no inline link or image, no link definition: most fields; parsing is costly
    return list(_parsed_references(text))


@lru_cache(maxsize=1 << 16)
def _parsed_references(text: str) -> tuple[str, ...]:
    # Asked for by several checks and the model, and again at every `kb serve` rebuild for
    # texts that did not change: each text is parsed once.
    found = []
    for token in parser().parse(text):
        for child in token.children or []:
            url = attachment_url(child)
            if url is not None:
                found.append(url)
    return tuple(found)
