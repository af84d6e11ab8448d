"""Record text to safe HTML: Markdown rendered with raw HTML off, then sanitised.

Record text comes from many hands and pasted logs. markdown-it never emits raw HTML
or `javascript:` links when `html` is off; nh3 (ammonia) then keeps only an
allowlist of tags, attributes and URL schemes, so even a bug in the first step
cannot put a script or an event handler on a page.
"""

from __future__ import annotations

import posixpath
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


def render_markdown(text: str, attachments_url: str) -> Markup:
    """Safe HTML for a Markdown field. Headings start at h3, under the page's own h2 sections.

    `attachments_url` is the relative URL of the site's attachments/ folder from the page,
    so that `![](attachments/x.png)` and `![](x.png)` both find the file.
    """
    md = parser()
    tokens = md.parse(multi_line(text))  # no control character reaches the page, whatever got past validation
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
        for child in token.children or []:
            _relocate_attachment(child, attachments_url)
    html = md.renderer.render(tokens, md.options, {})
    return Markup(sanitise(html))


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
    md = parser()
    words: list[str] = []
    for token in md.parse(multi_line(text)):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
        if token.type in ("fence", "code_block"):
            words.append(token.content)
    return " ".join(" ".join(words).split())
