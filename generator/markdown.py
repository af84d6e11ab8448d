"""Markdown as records write it: one parser configuration for rendering and for checks.

CommonMark with tables and strikethrough; `html: False` turns raw HTML into text.
Every relative URL in a record's Markdown points into data/attachments/.

The parser's time grows with more than a text's length: each `[` is scanned for its `]`,
each `](` for the end of its address, each level of a list or quote is parsed again
inside the one around it. A record of 1 MiB made of such syntax (`![a](` 190,000 times,
100,000 brackets inside each other) took 20-30 s to check and more than a minute to
build. `markdown_excess` is a cheap look, linear in the text, that every Markdown field
passes before any parser sees it (generator/shapes.py): bounded nesting and a bounded
number of links and images, far above what a person writes. What passes is parsed in time
linear in its length, at worst about five times a normal text of that length (a text that
opens a block at nearly every other character: benchmarks/MARKDOWN.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

ATTACHMENTS_PREFIX = "attachments/"
MAX_LINKS = 500  # links and images in one field
MAX_NESTING = 16  # lists and quotes inside each other; `[` open at once in a paragraph
# markdown-it stops parsing a text where its blocks nest deeper than `maxNesting` (20 by
# default: a list ten levels deep lost everything after it). A list level is two levels
# of the parser's (list, item) and a quote one, so what passes MAX_NESTING stays under this.
PARSER_NESTING = 2 * MAX_NESTING + 8


@cache
def parser() -> MarkdownIt:
    options = {"html": False, "linkify": False, "typographer": False, "maxNesting": PARSER_NESTING}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


@dataclass(frozen=True)
class Excess:
    """Where a text passes one of the limits: `kind` is "blocks" (lists and quotes),
    "brackets" or "links"; `offset` is the character where it does."""

    kind: str
    offset: int
    limit: int


# Fenced code at the start of a line holds no Markdown until its closing fence, whatever
# came before; a fence inside a list or quote may end with it, so its lines are looked at.
_FENCE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
_BLOCK_MARKER = re.compile(r"[ \t]*(?:>|(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$))")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BRACKET = re.compile(r"\\.|[\[\]]")  # an escaped character, or a bracket
_LINK = re.compile(r"\]\(|\]\[")  # `](` of an inline link or image, `][` of a reference


def markdown_excess(text: str) -> Excess | None:
    """The first place where the text passes a limit, or None. Linear in the text: each
    line outside fenced code is looked at once, and only at its brackets and markers."""
    if _within_limits_at_a_glance(text):
        return None
    links = len(_LINK.findall(text))
    if links > MAX_LINKS:
        return Excess("links", _nth_link(text, MAX_LINKS), MAX_LINKS)
    fence = ""  # the fence of the code block we are in
    brackets = 0  # `[` open in the current paragraph
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if fence:
            fence = "" if _closes(line, fence) else fence
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group()
            continue
        if not line or line.isspace():
            brackets = 0  # no link spans a blank line
            continue
        depth, end = _block_depth(line)
        if depth > MAX_NESTING:
            return Excess("blocks", start + end, MAX_NESTING)
        if "[" in line or (brackets and "]" in line):
            brackets, at = _brackets_after(line, brackets)
            if at >= 0:
                return Excess("brackets", start + at, MAX_NESTING)
    return None


# Each character before a line's content adds at most two levels (a marker one, a tab four
# columns, that is two): a line must start with more than MAX_NESTING / 2 of them to pass it.
_DEEP_LINE_START = re.compile(rf"^[ \t>+*0-9.)-]{{{MAX_NESTING // 2 + 1},}}", re.MULTILINE)


def _within_limits_at_a_glance(text: str) -> bool:
    """True when the text cannot pass any limit, told from a few counts over the whole text:
    almost every text, which then needs no look line by line."""
    return (
        text.count("[") <= MAX_NESTING  # more `[` open at once needs more `[`
        and text.count("](") + text.count("][") <= MAX_LINKS
        and _DEEP_LINE_START.search(text) is None
    )


def _nth_link(text: str, count: int) -> int:
    """The offset of the link after the first `count`."""
    for number, match in enumerate(_LINK.finditer(text)):
        if number == count:
            return match.start()
    return 0


def _closes(line: str, fence: str) -> bool:
    # At any indentation: taken for closed too early, what follows is only looked at more.
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _block_depth(line: str) -> tuple[int, int]:
    """How deep the lists and quotes that this line opens or continues may nest, at most,
    and where its markers end: each marker (`>`, `-`, `1.`) is a level, and so is every
    two columns of indentation around them beyond the space a marker needs."""
    if line[0] not in " \t->+*0123456789" or _THEMATIC_BREAK.match(line):
        return 0, 0
    markers, columns, position = 0, 0, 0
    while markers <= MAX_NESTING and (match := _BLOCK_MARKER.match(line, position)):
        piece = match.group()
        columns += len(piece.expandtabs(4)) - len(piece.lstrip(" \t"))
        markers += 1
        position = match.end()
    if not markers:
        return 0, 0  # an indented line opens nothing: a paragraph goes on, or code
    rest = line[position:]
    columns += len(rest.expandtabs(4)) - len(rest.lstrip(" \t").expandtabs(4))
    return markers + max(0, columns - markers) // 2, position


def _brackets_after(line: str, open_before: int) -> tuple[int, int]:
    """`[` still open after the line, and where more than MAX_NESTING were open at once (or -1)."""
    depth = open_before
    for match in _BRACKET.finditer(line):
        bracket = match.group()
        if bracket == "[":
            depth += 1
            if depth > MAX_NESTING:
                return depth, match.start()
        elif bracket == "]":
            depth = max(0, depth - 1)
    return depth, -1


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
