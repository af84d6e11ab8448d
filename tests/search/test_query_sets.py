"""The second query set is fair: each phrase occurs in its expected cases and in at most five cases.

The second set (tests/browser/second_org_queries.yml) was written against a data folder
that the search was never tuned for; this test checks its phrases against the records
alone, independently of the index, so that a recall figure measured with it means what it says.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import TESTS

SECOND_ORG = TESTS / "data" / "second-org"
QUERIES = TESTS / "browser" / "second_org_queries.yml"
TEXT_FIELDS = ("title", "aka", "tags", "symptoms", "environment", "cause", "resolution")
MOST_CASES = 5
# Every field of a case and every form a query can take (the brief of the second set).
KINDS = {
    "title", "symptoms", "environment", "cause", "resolution", "aka", "tag", "code", "code-typed", "part",
    "part-typed", "parameter", "model", "substring", "english", "mixed", "product-name", "product-name-en",
    "skill-name",
}  # fmt: skip


def load(folder: Path) -> tuple[dict, dict]:
    taxonomy = yaml.safe_load((folder / "taxonomy.yml").read_text(encoding="utf-8"))
    cases = {}
    for path in sorted((folder / "cases").rglob("*.y*ml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases[case["id"]] = case
    return taxonomy, cases


def case_text(case: dict) -> str:
    parts = []
    for name in TEXT_FIELDS:
        value = case.get(name)
        parts += map(str, value) if isinstance(value, list) else [str(value or "")]
    return "\n".join(parts).lower()


def squeezed(text: str) -> str:
    """A code as it is typed any way: no case, no separators (HX-VB-220, hxvb220, HX VB 220)."""
    return re.sub(r"[\W_]+", "", text.lower())


def names(taxonomy: dict, group: str, ids: list[str]) -> list[str]:
    entries = {entry["id"]: entry for entry in taxonomy[group]}
    return [name.lower() for i in ids for name in (entries[i]["name"], entries[i].get("name_en") or "")]


def occurs(query: str, kind: str, case: dict, taxonomy: dict) -> bool:
    """The phrase is in the case as written: every word of it (a mixed query's words may stand
    apart), in squeezed form for the typed-differently kinds, in the taxonomy for names."""
    if kind in ("product-name", "product-name-en"):
        return any(query.lower() in name for name in names(taxonomy, "products", case["products"]))
    if kind == "skill-name":
        return any(query.lower() in name for name in names(taxonomy, "skills", case.get("skills", [])))
    if kind.endswith("-typed"):
        return squeezed(query) in squeezed(case_text(case))
    return all(word in case_text(case) for word in query.lower().split())


def test_the_second_set_is_large_and_covers_every_field_and_form():
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert len(queries) >= 60
    assert {item["kind"] for item in queries} == KINDS
    fields = {item["field"] for item in queries}
    assert {"title", "aka", "tags", "symptoms", "environment", "cause", "resolution", "products", "skills"} <= fields


def test_each_phrase_occurs_in_its_expected_cases_and_in_at_most_five():
    # (The demo set, tests/browser/search_queries.yml, was written otherwise: codes typed
    # without their dash and symptoms in other words, so it is not held to this.)
    taxonomy, cases = load(SECOND_ORG)
    wrong = []
    for item in yaml.safe_load(QUERIES.read_text(encoding="utf-8")):
        expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        kind = item["kind"]
        holding = {cid for cid, case in cases.items() if occurs(item["query"], kind, case, taxonomy)}
        if not set(expected) <= holding or len(holding) > MOST_CASES:
            wrong.append(f"{item['query']} ({kind}): expected {expected}, occurs in {sorted(holding)}")
    assert not wrong, "\n".join(wrong)


# The third set (tests/browser/third_org_queries.yml) was written against tests/data/third-org
# the way engineers type: each query differs from the text of its expected cases.
THIRD_ORG = TESTS / "data" / "third-org"
THIRD_QUERIES = TESTS / "browser" / "third_org_queries.yml"
THIRD_KINDS = {
    "question", "synonym", "customer-words", "homophone", "pinyin-full", "pinyin-initials", "english",
    "code-variant", "multi-field",
}  # fmt: skip
# What search finds without the glossary, which the build does not read yet (the others come
# with it); and English queries where the products' and skills' English names suffice.
WITHOUT_GLOSSARY = {"question", "homophone", "pinyin-full", "pinyin-initials", "code-variant"}


def english_names(case: dict, taxonomy: dict) -> str:
    entries = [(taxonomy["products"], case["products"]), (taxonomy["skills"], case.get("skills", []))]
    return " ".join(
        entry.get("name_en") or "" for group, ids in entries for entry in group if entry["id"] in ids
    ).lower()


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word)}s?(?![a-z])", text) is not None


def found_by_english_names(item: dict, taxonomy: dict, cases: dict) -> bool:
    """An English query that the English names of its first expected case's products and
    skills narrow to at most five cases, that one among them: found by `name_en` alone."""
    names = english_names(cases[item["expect"][0]], taxonomy)
    used = [word for word in re.findall(r"[a-z]+", item["query"].lower()) if _has_word(names, word)]
    holding = [
        case for case in cases.values() if used and all(_has_word(english_names(case, taxonomy), w) for w in used)
    ]
    return 0 < len(holding) <= MOST_CASES


def without_glossary(queries: list[dict], folder: Path = THIRD_ORG) -> list[dict]:
    """The queries of the kinds search answers without the glossary."""
    taxonomy, cases = load(folder)
    return [
        item
        for item in queries
        if item["kind"] in WITHOUT_GLOSSARY
        or (item["kind"] == "english" and found_by_english_names(item, taxonomy, cases))
    ]


def test_the_third_set_is_large_and_covers_every_kind():
    queries = yaml.safe_load(THIRD_QUERIES.read_text(encoding="utf-8"))
    assert len(queries) >= 60
    assert {item["kind"] for item in queries} == THIRD_KINDS
    assert len(without_glossary(queries)) >= 50


def test_no_third_query_is_written_in_its_expected_cases():
    """Fair: no query is a literal piece of a case it expects (title, aka words, tags and text
    fields, without case), so that a hit is never a plain substring match."""
    _, cases = load(THIRD_ORG)
    literal = []
    for item in yaml.safe_load(THIRD_QUERIES.read_text(encoding="utf-8")):
        assert all(case in cases for case in item["expect"]), item
        literal += [
            f"{item['query']} in {case}" for case in item["expect"] if item["query"].lower() in case_text(cases[case])
        ]
    assert not literal, "\n".join(literal)
