"""Generated pages to HTML without Python-Markdown, for speed at scale.

A generated page is Markdown headings between blocks of HTML that the renderer has
already made safe. Python-Markdown spends most of a build re-parsing those HTML
blocks only to pass them through unchanged. Here the headings are converted the way
its `toc` extension converts them (same ids, same permalinks, same table of contents)
and everything else is passed through as it is. A page that does not have that simple
shape is left to Python-Markdown; a test checks that both give the same HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import unique

HEADING = re.compile(r"^(#{1,6}) +(.+?) *$")
ANCHOR_ID = re.compile(r'id="([^"]+)"')  # after a word boundary (anchor_ids)
BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")


@dataclass(frozen=True)
class TocSettings:
    slugify: Callable[[str, str], str]
    separator: str = "-"
    permalink: str | bool = False
    permalink_title: str = "Permanent link"
    permalink_class: str = "headerlink"


@dataclass(frozen=True)
class FastPage:
    html: str
    toc_tokens: list[dict]
    title: str | None

    @property
    def anchor_ids(self) -> set[str]:
        """The ids a link may point to on the page (what MkDocs' anchor check reads)."""
        return anchor_ids(self.html)


def anchor_ids(html: str) -> set[str]:
    """Every `id="…"` that starts a word, as `\\bid="([^"]+)"` finds them, some twenty
    times faster: a pattern that starts with a word boundary is tried at every character,
    one that starts with its text only where that text is."""
    found: set[str] = set()
    match = ANCHOR_ID.search(html)
    while match is not None:
        start = match.start()
        if start == 0 or not _word_character(html[start - 1]):
            found.add(match[1])
            match = ANCHOR_ID.search(html, match.end())
        else:
            match = ANCHOR_ID.search(html, start + 1)
    return found


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what `\\w` matches


def convert(markdown: str, settings: TocSettings) -> FastPage | None:
    """The page's HTML and table of contents, or None when the page needs Python-Markdown."""
    lines = markdown.split("\n")
    out: list[str] = []
    tokens: list[dict] = []
    used_ids: set[str] = set()
    title = None
    in_pre = False
    previous_blank = True
    for line in lines:
        match = None if in_pre else HEADING.match(line)
        if match:
            if not previous_blank:
                return None  # a heading glued to the block before: let Python-Markdown decide
            level, inner = len(match[1]), BACKSLASH_ESCAPE.sub(r"\1", match[2])
            if "&" in inner or "<" in inner:
                return None  # entities and tags in a heading: Python-Markdown's own slug rules apply
            text = inner
            anchor = unique(settings.slugify(text, settings.separator), used_ids)
            out.append(_heading(level, anchor, inner, settings))
            _add_token(
                tokens,
                {"level": level, "id": anchor, "name": inner, "html": inner, "data-toc-label": "", "children": []},
            )
            if level == 1 and title is None:
                title = text
        else:
            stripped = line.strip()
            if stripped and previous_blank and not in_pre and not stripped.startswith("<"):
                return None  # a Markdown paragraph or list: not a generated block
            out.append(line)
            in_pre = _inside_pre(line, in_pre)
        previous_blank = not line.strip()
    return FastPage("\n".join(out).strip("\n"), tokens, title)


def _inside_pre(line: str, in_pre: bool) -> bool:
    opened, closed = line.rfind("<pre"), line.rfind("</pre>")
    if opened > closed:
        return True
    if closed > opened:
        return False
    return in_pre


def _heading(level: int, anchor: str, inner: str, settings: TocSettings) -> str:
    link = ""
    if settings.permalink:
        sign = "&para;" if settings.permalink is True else html.escape(str(settings.permalink))
        link = (
            f'<a class="{settings.permalink_class}" href="#{anchor}" '
            f'title="{html.escape(settings.permalink_title)}">{sign}</a>'
        )
    return f'<h{level} id="{anchor}">{inner}{link}</h{level}>'


def _add_token(tokens: list[dict], token: dict) -> None:
    """Nest like Python-Markdown's toc: a heading belongs under the last one of a higher level."""
    siblings = tokens
    while siblings and siblings[-1]["level"] < token["level"]:
        siblings = siblings[-1]["children"]
    siblings.append(token)
