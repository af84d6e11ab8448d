"""Glossary candidates: groups of terms the cases suggest mean the same, for a person to accept
(`kb glossary-candidates`). Nothing here writes the glossary unless asked: the command prints the
groups as YAML to paste into data/glossary.yml, and with `--write`, once confirmed, appends them.

Two signs that two terms mean the same, both read from the records:

- **a case's aka words next to its title's terms**: a case's `aka` says what else its problem is
  called, so an aka word that shares a run of two or more characters with a term of the title
  (排气超温 and 排气温度过高 of `螺杆机组报 AL3002 排气温度过高停机`) is proposed with it;
- **the same alarm code in different cases**: the messages the cases give a code
  (generator/search/alarms.py), and the aka words of those cases that share a run with one.

A title's terms are its clauses, cut at punctuation, at alarm codes and numbers and at a word of
reporting (报, 显示, 提示), without a closing 停机 or 跳停. Candidates that share a term are one group;
terms the glossary already has are left out (a term belongs to one group), and so is a group
left with fewer than two terms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.kinds.glossary import Glossary, terms_of
from generator.messages import words
from generator.model import Dataset
from generator.record_text import quoted
from generator.search.alarms import CODE_WORD
from generator.search.glossary import folded
from generator.search.tokens import CJK_RUN
from generator.slug import NEW_ID_LENGTH, pinyin_key, title_slug

SHARED = 2  # characters in a row an aka word shares with a term of the title
LONGEST = 12  # characters of a term: longer is a sentence, not a term
_CLAUSES = re.compile(r"[，,。；;：:！!？?、（）()“”\"'《》\[\]\s]+|报|显示|提示")
_NUMBERS = re.compile(r"[-+]?[0-9][0-9.]*\s*(?:℃|°C|%|度|[A-Za-z]+)?")
_CLOSING = re.compile(r"(?:停机|跳停|停转)$")


@dataclass(frozen=True)
class Candidate:
    """A proposed group: its terms (the headword first) and the cases they came from."""

    terms: tuple[str, ...]
    cases: tuple[str, ...]


def title_terms(title: str) -> list[str]:
    """The clauses of a title that may be terms: `螺杆机组报 AL3002 排气温度过高停机` -> 螺杆机组, 排气温度过高."""
    plain = _NUMBERS.sub(" ", CODE_WORD.sub(" ", title))
    clauses = (_CLOSING.sub("", clause) for clause in _CLAUSES.split(plain))
    return [clause for clause in clauses if _is_term(clause)]


def _is_term(text: str) -> bool:
    return 2 <= len(text) <= LONGEST and bool(CJK_RUN.search(text))


def _shared_run(first: str, second: str) -> int:
    """The longest run of characters the two have in common."""
    longest = 0
    for start in range(len(first)):
        for end in range(start + longest + 1, len(first) + 1):
            if first[start:end] not in second:
                break
            longest = end - start
    return longest


def _closest(word: str, terms: Iterable[str], names: Iterable[str] = ()) -> str | None:
    """The term that shares the longest run (at least SHARED characters) with the word, where
    runs of the products' names count for nothing (热水机 of 空气源热泵热水机: a product, not a term)."""
    plain = _without(word, names)
    best = max(terms, key=lambda term: _shared_run(plain, _without(term, names)), default=None)
    if best is None or best == word:
        return None
    return best if _shared_run(plain, _without(best, names)) >= SHARED else None


def _without(text: str, names: Iterable[str]) -> str:
    """The text with every run of NAMED characters or more of the names cut out."""
    for name in names:
        for run in CJK_RUN.findall(name):
            for start in range(len(run) - NAMED + 1):
                for end in range(len(run), start + NAMED - 1, -1):
                    if run[start:end] in text:
                        text = text.replace(run[start:end], "|")
    return text


NAMED = 3  # characters in a row of a product's name that are the product's, not a term's


def _aka_candidates(data: Dataset) -> Iterator[Candidate]:
    for case_id, case in sorted(data.cases.items()):
        paired: dict[str, list[str]] = {}
        names = [data.products[p].name for p in case.products]
        for word in (str(aka).strip() for aka in case.aka):
            term = _closest(word, title_terms(case.title), names) if _is_term(word) else None
            if term is not None:
                paired.setdefault(term, []).append(word)
        for term, akas in paired.items():
            yield Candidate((term, *akas), (case_id,))


def _code_candidates(data: Dataset) -> Iterator[Candidate]:
    for code in data.alarm_codes.values():
        if len(code.cases) < 2:
            continue
        messages = [_CLOSING.sub("", m) for m in code.messages()]
        messages = [m for m in messages if _is_term(m)]
        akas = [str(a).strip() for case_id in code.cases for a in data.cases[case_id].aka]
        akas = [word for word in akas if _is_term(word) and _closest(word, messages)]
        if len({*messages, *akas}) >= 2:
            yield Candidate(tuple(dict.fromkeys([*messages, *akas])), code.cases)


def candidates(data: Dataset, glossary: Glossary | None) -> list[Candidate]:
    """The proposed groups, each with at least two terms the glossary does not have, by headword."""
    known = {folded(text) for group in (glossary.groups if glossary else []) for _, text, _ in terms_of(group)}
    merged = _merged([*_aka_candidates(data), *_code_candidates(data)])
    found = []
    for candidate in merged:
        terms = tuple(term for term in candidate.terms if folded(term) not in known)
        if len(terms) >= 2:
            found.append(Candidate(terms, candidate.cases))
    return sorted(found, key=lambda candidate: pinyin_key(candidate.terms[0]))


def _merged(found: list[Candidate]) -> list[Candidate]:
    """Candidates that share a term (without case or width) as one, its most proposed term first."""
    groups: list[tuple[set[str], list[Candidate]]] = []
    for candidate in found:
        keys = {folded(term) for term in candidate.terms}
        joined = [group for group in groups if group[0] & keys]
        for group in joined:
            groups.remove(group)
        keys = keys.union(*(group[0] for group in joined))
        groups.append((keys, [c for group in joined for c in group[1]] + [candidate]))
    return [_one(parts) for _, parts in groups]


def _one(parts: list[Candidate]) -> Candidate:
    counts = Counter(term for part in parts for term in part.terms)
    terms: dict[str, str] = {}  # folded -> as first written
    for term in sorted(counts, key=lambda term: (-counts[term], len(term), pinyin_key(term))):
        terms.setdefault(folded(term), term)
    cases = sorted({case_id for part in parts for case_id in part.cases})
    return Candidate(tuple(terms.values()), tuple(cases))


# --- as YAML ----------------------------------------------------------------------------------


def group_ids(found: list[Candidate], taken: set[str]) -> list[str]:
    """An id for each candidate from its headword's pinyin, unique among the glossary's and each other's."""
    ids = []
    for candidate in found:
        base = title_slug(candidate.terms[0], NEW_ID_LENGTH - 3) or "group"
        made, number = base, 1
        while made in taken:
            number += 1
            made = f"{base}-{number}"
        taken.add(made)
        ids.append(made)
    return ids


def candidates_yaml(found: list[Candidate], ids: list[str], language: str, indent: str = "  ") -> str:
    """The candidates as items of `groups:`, each item indented by `indent`, with where they came from."""
    lines = []
    for candidate, group_id in zip(found, ids, strict=True):
        cases = words("listing-separator", language).join(candidate.cases)
        lines.append(f"{indent}# {words('glossary-candidates-from', language).format(cases=cases)}")
        lines.append(f"{indent}- id: {group_id}")
        lines.append(f"{indent}  term: {quoted(candidate.terms[0])}")
        lines.append(f"{indent}  synonyms: [{', '.join(quoted(term) for term in candidate.terms[1:])}]")
    return "\n".join(lines) + "\n" if lines else ""


# --- appending to data/glossary.yml -------------------------------------------------------------


class CannotAppend(Exception):
    """The glossary's text gives no place to append items of `groups:` (a flow list, `groups: []`)."""


def item_indent(text: str, first_item: tuple[int, int] | None) -> str:
    """The indentation of the items of `groups:` in the file's text, from where its first item's
    `id` was written (0-based line and column), or CannotAppend when they are not a block list."""
    if first_item is None:
        raise CannotAppend
    line, column = first_item
    lines = text.splitlines()
    indent = " " * (column - 2)
    if column < 2 or line >= len(lines) or not lines[line].startswith(indent + "- "):
        raise CannotAppend
    return indent


def appended(original: bytes, items: str) -> bytes:
    """The file's bytes as they are, then the new items (`groups:` first in a new file), in the
    file's own line ends."""
    newline = "\r\n" if b"\r\n" in original else "\n"
    added = items if original else "groups:\n" + items
    if original and not original.endswith(b"\n"):
        added = "\n" + added
    return original + added.replace("\n", newline).encode("utf-8")
