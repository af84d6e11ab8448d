"""Record text to safe HTML: Markdown rendered with raw HTML off, then sanitised.

Record text comes from many hands and pasted logs. markdown-it never emits raw HTML
or `javascript:` links when `html` is off; nh3 (ammonia) then keeps only an
allowlist of tags, attributes and URL schemes, so even a bug in the first step
cannot put a script or an event handler on a page.
"""

from __future__ import annotations

import posixpath
import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import quote

import nh3
from markupsafe import Markup, escape

from generator.inert import multi_line, one_line
from generator.markdown import ATTACHMENTS_PREFIX, attachment_url, parser

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https"}
KEPT_CHARACTERS = 8 * 1024 * 1024  # of HTML and of words each, from the texts converted last


class _Recent:
    """What a conversion made of the texts it was given last, kept up to a total length.

    A case's Markdown is rendered for its page and for each feed it is in, and reduced to
    words for its search copy, its description and its summary, in calls that come close
    together; parsing is most of their cost (for 1 MiB of short list items, seconds). Bounded
    by length rather than by entries, so that a few long texts cannot hold much memory."""

    def __init__(self, convert: Callable[..., str], limit: int = KEPT_CHARACTERS) -> None:
        self._convert = convert
        self._limit = limit
        self._kept: OrderedDict[tuple[str, ...], str] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # kb serve renders in more than one thread

    def __call__(self, *key: str) -> str:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        result = self._convert(*key)
        with self._lock:
            if key not in self._kept:
                self._kept[key] = result
                self._size += len(result)
            while self._size > self._limit and len(self._kept) > 1:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped)
        return result


def render_markdown(text: str, attachments_url: str) -> Markup:
    """Safe HTML for a Markdown field. Headings start at h3, under the page's own h2 sections.

    `attachments_url` is the relative URL of the site's attachments/ folder from the page,
    so that `![](attachments/x.png)` and `![](x.png)` both find the file.
    """
    return Markup(_rendered(text, attachments_url))


def _render(text: str, attachments_url: str) -> str:
    md = parser()
    tokens = md.parse(multi_line(text))  # no control character reaches the page, whatever got past validation
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
        for child in token.children or []:
            _relocate_attachment(child, attachments_url)
    html = md.renderer.render(tokens, md.options, {})
    return sanitise(html)


_rendered = _Recent(_render)


def _relocate_attachment(token, attachments_url: str) -> None:
    url = attachment_url(token)
    if url is not None:
        attribute = "src" if token.type == "image" else "href"
        token.attrSet(attribute, posixpath.join(attachments_url, quote(url.removeprefix(ATTACHMENTS_PREFIX))))


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def html_line(text: str) -> Markup:
    """Text for HTML made in Python (a drawing's label, a chart's caption): escaped, on one line
    and without control characters, as every text a template writes (render/engine.py)."""
    return escape(one_line(str(text)))


MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|~>")


def markdown_inline(text: str) -> str:
    """Text placed into Markdown (a page heading): on one line, without control characters,
    HTML-escaped, and Markdown syntax escaped."""
    escaped = str(escape(" ".join(one_line(text).split())))
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in escaped)


def plain_text(text: str) -> str:
    """Markdown source reduced to its words, for summaries and search descriptions."""
    return _plain(text)


def _words(text: str) -> str:
    md = parser()
    words: list[str] = []
    for token in md.parse(multi_line(text)):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
        if token.type in ("fence", "code_block"):
            words.append(token.content)
    return " ".join(" ".join(words).split())


_plain = _Recent(_words)
