"""Pinyin: what lets a word typed as pinyin, as its initials or with a homophone typo find
the case that writes it in characters.

An engineer on a phone types `fanxiang jianxi` or `fxjx` for 反向间隙 when the input method
is slow, or takes the first candidate it offers (反向间歇, 连轴器 for 联轴器). Two things
carry the sound of the words that name a case (benchmarks/SEARCH.md measures why):

- **The titles, in the index.** A record page's hidden block holds, for each pair of adjacent
  characters of its title, one *sound token*: `qp` and the codes of the pair's toneless
  syllables (反向间隙: fan xiang, xiang jian, jian xi), two symbols a syllable, in order, so that
  a run of syllables is found as a phrase of tokens, as a run of characters is found as a
  phrase of bigrams (generator/search/tokens.py). The codes are made of consonants and digits:
  no vowel, so the English stemmer leaves a token alone, and no English word is one. A token
  writes the first symbols of its two codes (which say the syllables' first letters) before
  their second ones, so that a title's initials are the start of its tokens, found by
  Pagefind's search for the words that start so: no word more in the index.
- **The shorter words, at query time** (generator/search/vocabulary.py): aka words, tags, the
  names of products and skills and the glossary's terms, each with the codes of its
  syllables. A query word that reads as pinyin or initials, or a Chinese run that holds a
  homophone, is matched against them in the browser, and the words it matches are searched as
  characters, in every field. A sound token for each pair of these words too would cost the
  index as much memory again as the titles' do, and a word for the initials of every stretch
  of a title as much again (one more word for each character of every case).

Reading: a character is read as in its context (pypinyin's phrases: 银行 yin hang, 行程 xing
cheng), which is what a person types in pinyin; where that differs from its first reading
alone, the title also has the tokens of that reading, which is how the query side reads a
Chinese query's characters (`character_table`). Every reading of every polyphonic character
(pypinyin's heteronyms) would double the tokens for readings nobody types.

The query side (assets/kb-search.js) cuts a pinyin word into syllables and codes them the
same way; a browser test keeps the two sides in step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import pairwise

from pypinyin import Style, lazy_pinyin, pinyin

from generator.search.tokens import CJK_RUN, normalise

SOUND_PREFIX = "qp"
# The symbols of a syllable's code: consonants and digits, no vowel.
CODE_SYMBOLS = "bcdfghjklmnpqrstvwxz0123456789"
# Syllables of interjections (嗯 n, 呣 m, 哼 hng) are left out: with them, most pinyin words
# would cut into syllables in many more ways (`han` as ha + n).
NOT_SYLLABLES = frozenset({"m", "n", "ng", "hm", "hng", "ê"})


def _no_reading(chars: str) -> list[str]:
    return ["-"] * len(chars)  # a character without a reading: no syllable (pypinyin wants strings)


def _syllable(reading: str | None) -> str | None:
    return reading if reading and reading.isascii() and reading.isalpha() and reading in _codes() else None


@cache
def first_reading(char: str) -> str | None:
    """A character's toneless first reading, as the query side reads it: without context."""
    return _syllable(lazy_pinyin(char, errors=_no_reading)[0])


@lru_cache(maxsize=65536)  # titles differ, but runs repeat across cases
def run_readings(run: str) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    """The syllables of a run of Chinese characters as read in context, and as read one by one."""
    alone = tuple(first_reading(char) for char in run)
    in_context = lazy_pinyin(run, errors=_no_reading)
    if len(in_context) != len(run):  # a reading for a group of characters: read them one by one
        return alone, alone
    return tuple(map(_syllable, in_context)), alone


def common_characters() -> str:
    """The characters a Chinese input method offers first: GB 2312's, in its order."""
    found = []
    for first in range(0xB0, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                char = bytes((first, second)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if CJK_RUN.fullmatch(char):
                found.append(char)
    return "".join(found)


LEVEL_ONE = 3755  # GB 2312's first level: the characters in common use


@cache
def syllables() -> tuple[str, ...]:
    """Every toneless syllable of the common characters' readings, in a fixed order."""
    found = set()
    for char in common_characters():
        for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
            if reading.isascii() and reading.isalpha() and reading not in NOT_SYLLABLES:
                found.add(reading)
    return tuple(sorted(found))


# A syllable's code is the symbol of its first letter (the letter its initial is typed as: z for
# zh), then its place among that letter's syllables, the more common first. A sound token puts
# the two first symbols first (`sound_token`), so that the initials of a title are the start of
# its tokens: Pagefind finds every word that starts with what is searched, and `xxbh` finds
# 相序保护 without a word more in the index. A letter's 31st syllable and on (z, c and s have
# some 35, zh ch sh included) take a second symbol of their own: the rarest, which initials
# then do not find in a title.
LETTERS_AS_DIGITS = "aeoy"  # first letters that are no symbol (vowels, and y, which the stemmer reads as one)


@cache
def _syllable_counts() -> dict[str, int]:
    """How many common characters each syllable is the first reading of."""
    counts: dict[str, int] = {}
    for char in common_characters()[:LEVEL_ONE]:
        if reading := lazy_pinyin(char, errors=_no_reading)[0]:
            counts[reading] = counts.get(reading, 0) + 1
    return counts


@cache
def code_rows() -> dict[str, tuple[str, ...]]:
    """First symbol -> the syllables whose code starts with it, in the order of their second symbol."""
    by_letter: dict[str, list[str]] = {}
    for syllable in syllables():
        by_letter.setdefault(syllable[0], []).append(syllable)
    digits = iter(symbol for symbol in CODE_SYMBOLS if symbol.isdigit())
    first = {letter: letter if letter not in LETTERS_AS_DIGITS else next(digits) for letter in sorted(by_letter)}
    assert set(first) <= set(CODE_SYMBOLS) | set(LETTERS_AS_DIGITS), first
    count, rows = len(CODE_SYMBOLS), {}
    counts = _syllable_counts()
    for letter in sorted(by_letter):
        ordered = sorted(by_letter[letter], key=lambda syllable: (-counts.get(syllable, 0), syllable))
        rows[first[letter]] = tuple(ordered[:count])
        if ordered[count:]:
            rows[next(digits)] = tuple(ordered[count:])
    return rows


@cache
def initial_symbols() -> dict[str, str]:
    """A first letter -> the first symbol of its syllables' codes (of its common ones, for z, c, s)."""
    return {row[0][0]: first for first, row in reversed(code_rows().items())}


@cache
def _codes() -> dict[str, str]:
    return {syllable: first + CODE_SYMBOLS[i] for first, row in code_rows().items() for i, syllable in enumerate(row)}


def code(syllables_: Iterable[str]) -> str:
    """The codes of some syllables, in a row."""
    codes = _codes()
    return "".join(codes[syllable] for syllable in syllables_)


def sound_token(first: str, second: str) -> str:
    """The sound token of two syllables: the prefix, their codes' first symbols, then their second ones."""
    one, two = code([first]), code([second])
    return SOUND_PREFIX + one[0] + two[0] + one[1] + two[1]


def _read_parts(readings: tuple[str | None, ...]) -> Iterator[tuple[str, ...]]:
    """The stretches of a run with a reading for every character (one without one parts them)."""
    part: list[str] = []
    for reading in (*readings, None):
        if reading is None:
            if part:
                yield tuple(part)
            part = []
        else:
            part.append(reading)


def _tokens(readings: tuple[str | None, ...]) -> list[str]:
    return [" ".join(sound_token(a, b) for a, b in pairwise(part)) for part in _read_parts(readings) if len(part) > 1]


def sound_copy(text: str) -> str:
    """The sound tokens of a title: each stretch's in order as read in context (a mark between
    two, so that a phrase never runs from one into the next), then those of the stretches
    read otherwise one character at a time."""
    phrases: list[str] = []
    others: list[str] = []
    for run in CJK_RUN.findall(normalise(text)):
        in_context, alone = run_readings(run)
        phrases += _tokens(in_context)
        if alone != in_context:
            others += _tokens(alone)
    return " ; ".join(dict.fromkeys([*phrases, *others]))


def word_codes(word: str) -> list[str]:
    """The codes of a word's Chinese runs as read in context, and one by one where that differs:
    what the query side matches a pinyin word, initials or a homophone against."""
    found: dict[str, None] = {}
    for run in CJK_RUN.findall(normalise(word)):
        for readings in run_readings(run):
            if all(readings):
                found[code(readings)] = None  # type: ignore[arg-type]
    return list(found)


def character_table(extra: Iterable[str] = ()) -> dict[str, str]:
    """Each syllable and the characters whose first reading it is: GB 2312's common characters
    and any others given (the characters of the site's words), for reading a Chinese query."""
    table: dict[str, list[str]] = {}
    for char in dict.fromkeys([*common_characters()[:LEVEL_ONE], *sorted(set(extra))]):
        reading = first_reading(char)
        if reading and unicodedata.category(char) == "Lo":
            table.setdefault(reading, []).append(char)
    return {reading: "".join(chars) for reading, chars in sorted(table.items())}


CUTS_KEPT = 16  # ways kept for each end of a word: `xianxianxian…` cuts in 2ⁿ ways


def _cut_order(cut: tuple[str, ...]) -> tuple[int, list[int]]:
    return len(cut), [-len(syllable) for syllable in cut]


def cuts(word: str, most: int = 3) -> list[tuple[str, ...]]:
    """The ways a run of letters cuts into syllables, fewest syllables first, then longer
    syllables first (`xian` before `xi an`); at most `most`. The query side cuts the same way
    (cutsOf in assets/kb-search.js)."""
    table = _codes()
    longest = max(map(len, table))
    ends: list[list[tuple[str, ...]]] = [[] for _ in word] + [[()]]  # the cuts of word[i:]
    for start in range(len(word) - 1, -1, -1):
        found = [
            (word[start:end], *rest)
            for end in range(start + 1, min(len(word), start + longest) + 1)
            if word[start:end] in table
            for rest in ends[end]
        ]
        ends[start] = sorted(found, key=_cut_order)[:CUTS_KEPT]
    return ends[0][:most]
