"""The team glossary as search uses it: groups of terms that mean the same in this trade.

This is the interface the glossary record (data/glossary.yml, records.md) feeds: a list of
groups, each a list of terms with their kind. Until that record exists the build passes an
empty glossary; tests build groups directly.

How search applies it (measured against the alternatives in benchmarks/SEARCH.md): each
group has a *group word* (`qg` + a short hash of its id), written into the hidden block of
every page that holds any of its terms (`group_words`), and each term a *term word* (the group
word with the term's place in the group before its end), written beside it where the page
holds that term itself. The browser gets the groups' terms with their pinyin
(generator/search/vocabulary.py), and a query piece that is one of a group's terms, in
characters, English, pinyin or initials, is looked up as the group's word (what it means) and
the term's word (what was typed), which sort next to each other and so mostly come in one index
chunk: the term's own characters or words are not looked up again. Each word is in the block of
the weight of the weightiest field that holds it, so that Pagefind ranks a term in a title above
the same term in a resolution, as it ranks their characters. So a query with 冷媒 finds the cases
that write 制冷剂, at the cost of a few index words per group a case holds and one index lookup
per group a query names, where adding every other term of the group to the case would grow the
index by all of them, and adding them to the query would make it load the index chunks of each.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from generator.search.tokens import CJK_RUN

GROUP_PREFIX = "qg"
ENDINGS = "(?:s|es|ed|ing)?"
GROUP_END = "0"


class TermKind(StrEnum):
    """What a term is to its group (the fields of a glossary group)."""

    TERM = "term"  # the preferred term, the group's headword
    SYNONYM = "synonym"
    ENGLISH = "english"
    ABBREVIATION = "abbreviation"
    CUSTOMER = "customer_word"


@dataclass(frozen=True)
class Term:
    text: str
    kind: TermKind


@dataclass(frozen=True)
class Group:
    id: str
    terms: tuple[Term, ...]

    @property
    def word(self) -> str:
        """The group's word in the index: no vowel, so the English stemmer leaves it as it is,
        and a digit at its end, so that no longer word is taken for it."""
        digest = hashlib.sha256(self.id.encode("utf-8")).digest()
        return GROUP_PREFIX + "".join(GROUP_SYMBOLS[byte % len(GROUP_SYMBOLS)] for byte in digest[:6]) + GROUP_END

    def term_word(self, place: int) -> str:
        """The word of the group's term at this place (0: the first): the group's word with the
        place, in the same symbols, before its end (assets/kb-search.js `termWord`), so that it
        sorts beside the group's word, mostly in the same index chunk."""
        symbols = ""
        while True:
            place, digit = divmod(place, len(GROUP_SYMBOLS))
            symbols = GROUP_SYMBOLS[digit] + symbols
            if not place:
                break
        return self.word[: -len(GROUP_END)] + symbols + GROUP_END


GROUP_SYMBOLS = "bcdfghjklmnpqrstvwxz123456789"
Glossary = Sequence[Group]
NO_GLOSSARY: Glossary = ()


def folded(term: str) -> str:
    """A term compared without case, width or surrounding space (records.md, glossary)."""
    return " ".join(unicodedata.normalize("NFKC", term).casefold().split())


def _holds(term: str, other: str, pattern: re.Pattern) -> bool:
    """Whether `other` occurs in `term` (as it would in a text)."""
    return other.replace(" ", "") in term.replace(" ", "") and pattern.search(term) is not None


def _pattern(term: str) -> str:
    """A folded term as it occurs in a folded text: Chinese anywhere, other words whole (`plc`,
    not the start of `plcs`), any run of spaces between its words."""
    words = [re.escape(word) for word in term.split()]
    body = r"\s*".join(words) if CJK_RUN.search(term) else r"\s+".join(words)
    start = "" if CJK_RUN.match(term) else r"(?<![^\W_])"
    end = "" if CJK_RUN.match(term[-1]) else r"(?![^\W_])"
    if term[-1].isascii() and term[-1].isalpha():
        end = ENDINGS + end  # leaks, leaking: Pagefind finds an English word by its stem too
    return start + body + end


class GroupFinder:
    """Which groups a text holds a term of: the longest term at each place of the text; a term
    found also counts for the terms inside it (冷媒不足 holds 冷媒).

    It reads every case of a build, so it looks at a place only when a term starts with its
    character, and there tries only those terms, longest first: one pattern of all the terms,
    tried at every place, took some 40 s at 10,000 cases with 200 terms."""

    def __init__(self, glossary: Glossary) -> None:
        groups = {folded(term.text): group for group in glossary for term in group.terms if folded(term.text)}
        terms = sorted(groups, key=lambda term: (-len(term), term))
        patterns = {term: re.compile(_pattern(term)) for term in terms}
        # each term with the terms inside it (itself first), and the groups of those
        self.inside = {term: [other for other in terms if _holds(term, other, patterns[other])] for term in terms}
        self.within = {term: list(dict.fromkeys(groups[other].id for other in self.inside[term])) for term in terms}
        self.groups = {group.id: group for group in glossary}
        # each term (folded) -> the words a page that holds it is given: its group's and its own
        self.words_of = {
            folded(term.text): (group.word, group.term_word(place))
            for group in glossary
            for place, term in enumerate(group.terms)
        }
        # those words in the glossary's order: each group's, then its terms'
        every = [word for group in glossary for word in (group.word, *map(group.term_word, range(len(group.terms))))]
        self.word_order = {word: place for place, word in enumerate(every)}
        self.starting: dict[str, list[tuple[str, re.Pattern]]] = {}  # first character -> terms, longest first
        for term in terms:
            self.starting.setdefault(term[0], []).append((term, patterns[term]))
        firsts = "".join(re.escape(first) for first in sorted(self.starting))
        self.places = re.compile(f"[{firsts}]") if terms else None

    def _matches(self, text: str) -> Iterator[str]:
        """The longest term (as the folded text writes it) at each place where one starts."""
        assert self.places is not None
        for place in self.places.finditer(text):
            at = place.start()
            for _, pattern in self.starting[text[at]]:
                match = pattern.match(text, at)
                if match:
                    yield match.group()
                    break

    def groups_in(self, texts: Iterable[str]) -> list[Group]:
        """The groups with a term in the texts, in the glossary's order, each once."""
        found = {group_id for term in self.terms_in(texts) for group_id in self.within[term]}
        return [group for group_id, group in self.groups.items() if group_id in found]

    def terms_in(self, texts: Iterable[str], inside: bool = True) -> list[str]:
        """The terms (folded) the texts hold, each once; `inside`: a term inside a longer one
        found too (冷媒 in 冷媒不足), else only the longest term at each place."""
        if self.places is None:
            return []
        found: dict[str, None] = {}
        for text in texts:
            for matched in self._matches(folded(text)):
                term = self._term_of(" ".join(matched.split()))
                if term is not None:
                    found.update(dict.fromkeys(self.inside[term] if inside else (term,)))
        return list(found)

    def _term_of(self, matched: str) -> str | None:
        """The term matched, which may carry an English ending (refrigerants)."""
        for ending in ("", "s", "es", "ed", "ing"):
            if matched.endswith(ending) and matched[: len(matched) - len(ending)] in self.within:
                return matched[: len(matched) - len(ending)]
        return None


def group_words(finder: GroupFinder, texts: Iterable[str]) -> list[str]:
    """What a page holds of the glossary: the word of each group the texts name and of each
    term they hold (a term inside a longer one too), in the glossary's order."""
    held = {word for term in finder.terms_in(texts) for word in finder.words_of[term]}
    return sorted(held, key=finder.word_order.__getitem__)


def weighted_group_words(finder: GroupFinder, texts: Iterable[tuple[float, str]]) -> list[tuple[float, list[str]]]:
    """The same words of texts that weigh differently (a page's blocks: its title, its fields),
    each at the weight of the weightiest text that holds it, so that Pagefind ranks a match of
    a term's word as it ranks a match of the term's characters in that field: (weight, words),
    the heaviest first."""
    best: dict[str, float] = {}
    for weight, text in texts:
        for word in group_words(finder, [text]):
            best[word] = max(weight, best.get(word, weight))
    by_weight: dict[float, list[str]] = {}
    for word in sorted(best, key=finder.word_order.__getitem__):
        by_weight.setdefault(best[word], []).append(word)
    return sorted(by_weight.items(), key=lambda item: -item[0])
