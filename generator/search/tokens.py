"""The search copy: a text as the words the index holds, Chinese cut into character bigrams.

Pagefind segments Chinese into words, so a query that is part of a longer word
(力上 in 压力上不去), or that its segmenter splits differently, finds nothing. The
index therefore never sees the Chinese itself: a page gives Pagefind a copy of each
text field in which every run of Chinese characters is written as its overlapping
character bigrams, in order, each bigram one ASCII word that no segmenter splits and
no stemmer shortens (`qz`, three digits or letters per character, `0`). Any substring of two or
more characters is then a run of whole bigrams, and a phrase is the same bigrams at
consecutive positions, which Pagefind's exact search finds.

Every other word is kept as written: Pagefind indexes `HX-VB-220` both as `hxvb220`
and as its parts, and stems English (generator/search/fields.py, INDEX_LANGUAGE). The
text is NFKC-normalised first, so that full-width letters and digits (ＰＬＣ, ２０１)
meet their half-width forms; Chinese punctuation is left as it is, and Pagefind folds
case itself. A copy reads back into its text (`decode`), so results show the text
from the copy and the visible page need not be indexed as well.

The query side (assets/kb-search.js) cuts a query the same way and reads copies back
the same way; a browser test keeps the two in step.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from itertools import pairwise

CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# Used by similar cases (similar.py), which compares cases by their alarm codes too.
ALARM_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,4})[-_ ]?([0-9]{2,5})(?![0-9])")
TOKEN_PREFIX = "qz"
TOKEN_END = "0"  # no English suffix ends in a digit: the stemmer leaves the token whole
# A word with its inner joiners (HX-VB-220, v2.3.1, SP_ORI_OFFSET, don't), or a run of marks
# (a slash parts two codes: E-203/E-204). Marks stay separate words: Pagefind indexes nothing
# for them but counts their position, so a phrase never runs across a comma.
WORD_OR_MARKS = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]+")
TOKEN = re.compile(rf"^{TOKEN_PREFIX}([0-9a-z]{{3}})([0-9a-z]{{3}}){TOKEN_END}$")


CHAR_SYMBOLS = "0123456789abcdefghijklmnopqrstuvwxyz"
FIRST_CHAR = 0x3400  # the start of CJK_RUN: 27,648 code points, three symbols of 36 each


@cache  # a few thousand distinct characters, millions of occurrences
def encode_char(char: str) -> str:
    """Three digits or letters for one character: its place after FIRST_CHAR, in base 36.
    (Four letters in base 26 of its whole code point at first: Pagefind's memory grows with the
    length of every word it holds, some 2 MB per 1,000 cases for these two letters.)"""
    number = ord(char) - FIRST_CHAR
    symbols = []
    for _ in range(3):
        number, digit = divmod(number, 36)
        symbols.append(CHAR_SYMBOLS[digit])
    return "".join(reversed(symbols))


def decode_char(symbols: str) -> str:
    number = 0
    for symbol in symbols:
        number = number * 36 + CHAR_SYMBOLS.index(symbol)
    return chr(FIRST_CHAR + number)


# Chinese punctuation stays as written: it is never searched, and excerpts read better with it.
NOT_PUNCTUATION = re.compile(r"[^\u3001-\u303f！（），：；？]+")


def normalise(text: str) -> str:
    """Full-width letters and digits to half-width, compatibility ideographs to the unified ones."""
    return NOT_PUNCTUATION.sub(lambda part: unicodedata.normalize("NFKC", part.group()), text)


def bigrams(run: str) -> list[str]:
    """The tokens of one run of Chinese characters; a single character stays as it is."""
    if len(run) == 1:
        return [run]
    codes = [encode_char(char) for char in run]
    return [TOKEN_PREFIX + first + second + TOKEN_END for first, second in pairwise(codes)]


def search_copy(text: str) -> str:
    """The words of a text as the index holds them, in order, one space apart."""
    text = normalise(text)
    words: list[str] = []
    position = 0
    for run in CJK_RUN.finditer(text):
        words += WORD_OR_MARKS.findall(text, position, run.start())
        words += bigrams(run.group())
        position = run.end()
    words += WORD_OR_MARKS.findall(text, position)
    return " ".join(words)


def search_copy_of(*texts: str) -> str:
    """Several short texts (names, tags) as one copy; a mark between them keeps phrases apart."""
    return " ; ".join(copy for copy in map(search_copy, texts) if copy)


PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')
TAG = re.compile(r"<[^>]*>")


def plain_html(markup: str) -> str:
    """The text of some HTML, without its permalinks."""
    return html.unescape(TAG.sub(" ", PERMALINK.sub("", str(markup))))


def html_search_copy(markup: str) -> str:
    """The search copy of a page's HTML (a hand-written page, whose text is no record field),
    escaped again: the page's own text may show `<id>` or a `<script>` in a code example."""
    return html.escape(search_copy(plain_html(markup)), quote=False)


def decode(copy: str) -> str:
    """The text a search copy was made from, with a plain guess at the spaces between words."""
    pieces: list[str] = []
    kinds: list[str] = []
    previous = ""  # the last character of the bigram before, while a run goes on
    for word in copy.split():
        token = TOKEN.match(word)
        if token:
            first, second = decode_char(token.group(1)), decode_char(token.group(2))
            if first == previous and kinds and kinds[-1] == "cjk":
                pieces[-1] += second
            else:
                pieces.append(first + second)
                kinds.append("cjk")
            previous = second
            continue
        previous = ""
        pieces.append(word)
        kinds.append("cjk" if CJK_RUN.fullmatch(word) else "word" if word[0].isalnum() or word[0] == "_" else "mark")
    text = pieces[:1]
    for index in range(1, len(pieces)):
        if _spaced(pieces[index - 1], kinds[index - 1], pieces[index], kinds[index]):
            text.append(" ")
        text.append(pieces[index])
    return "".join(text)


CLOSING = set(",.;:!?)]}%、。，；：！？）」』》")
OPENING = set("([{「『《（")


def _spaced(before: str, before_kind: str, after: str, after_kind: str) -> bool:
    """A space between words and runs, none before a closing mark, after an opening one, or
    around Chinese punctuation."""
    if after_kind == "mark" and after[0] in CLOSING:
        return False
    if before_kind == "mark" and before[-1] in OPENING:
        return False
    return not (before_kind == "mark" and not before.isascii()) and not (after_kind == "mark" and not after.isascii())


# A model code after a number glued to it: 130ST-M10015 (a servo motor's frame size, then its
# series and rating). Pagefind indexes the word whole and as its parts (130st, m10015), so
# `ST-M10015` as typed would find nothing; the code alone is added to the hidden block.
GLUED_MODEL = re.compile(r"(?<![\w.-])[0-9]+([A-Za-z]+(?:[-_.]?[A-Za-z0-9]+)*)")


def model_variants(*texts: str) -> list[str]:
    """The model codes written after a number glued to them, each once: `ST-M10015` of `130ST-M10015`."""
    found: dict[str, None] = {}
    for text in texts:
        for match in GLUED_MODEL.finditer(normalise(text)):
            code = match.group(1)
            if any(char.isdigit() for char in code) and len(code) >= 3:
                found[code] = None
    return list(found)


def alarm_codes(text: str) -> list[str]:
    """Alarm codes without their separators (AL-1021 -> qqcal1021): terms for comparing cases,
    kept apart from plain words by their prefix."""
    return ["qqc" + (letters + digits).lower() for letters, digits in ALARM_CODE.findall(text)]
