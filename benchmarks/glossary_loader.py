"""A throwaway reader of glossary.yml (records.md, version 1.2) for the glossary benchmark: no
validation, no messages; the glossary record's own loader replaces it."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.search.glossary import Group, Term, TermKind

KINDS = {
    "synonyms": TermKind.SYNONYM,
    "english": TermKind.ENGLISH,
    "abbreviations": TermKind.ABBREVIATION,
    "customer_words": TermKind.CUSTOMER,
}


def load_glossary(path: Path) -> list[Group]:
    groups = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
        terms = [Term(str(raw["term"]), TermKind.TERM)]
        terms += [Term(str(text), kind) for field, kind in KINDS.items() for text in raw.get(field) or []]
        groups.append(Group(raw["id"], tuple(terms)))
    return groups
