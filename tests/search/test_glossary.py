"""The glossary as search applies it: which groups a text names, each group's word in the
hidden block of the cases that name it, and the groups the query side is given."""

from __future__ import annotations

import json
import re
import shutil

from hypothesis import given
from hypothesis import strategies as st

from generator.kinds import RECORD_KIND
from generator.model import build_dataset
from generator.render.services import SiteRenderer
from generator.search.glossary import NO_GLOSSARY, Group, GroupFinder, Term, TermKind, group_words
from generator.search.pinyin import code
from generator.search.vocabulary import as_json, words_data
from tests.conftest import TESTS, check

REFRIGERANT = Group(
    "refrigerant",
    (
        Term("制冷剂", TermKind.TERM),
        Term("冷媒", TermKind.SYNONYM),
        Term("refrigerant", TermKind.ENGLISH),
        Term("氟利昂", TermKind.CUSTOMER),
    ),
)
SHORTAGE = Group(
    "refrigerant-shortage",
    (
        Term("冷媒不足", TermKind.TERM),
        Term("low refrigerant charge", TermKind.ENGLISH),
        Term("缺氟", TermKind.CUSTOMER),
    ),
)
PLC = Group("plc", (Term("可编程控制器", TermKind.TERM), Term("PLC", TermKind.ABBREVIATION)))
GLOSSARY = (REFRIGERANT, SHORTAGE, PLC)


def named(*texts: str) -> list[str]:
    return [group.id for group in GroupFinder(GLOSSARY).groups_in(texts)]


def test_a_chinese_term_is_found_anywhere_and_an_english_one_as_whole_words():
    assert named("用检漏仪查冷媒") == ["refrigerant"]
    assert named("PLC 输出点烧坏") == ["plc"] and named("PLCs 坏了") == ["plc"]
    assert named("xplc 2") == [] and named("plcx") == []
    assert named("checked the Refrigerant  lines") == ["refrigerant"]


def test_an_english_term_is_found_with_its_endings_as_pagefind_stems_them():
    assert named("two refrigerants mixed") == ["refrigerant"]


def test_a_term_inside_a_longer_one_counts_too():
    """冷媒不足 is about the refrigerant as well: a query with 制冷剂 finds it."""
    assert named("判断冷媒不足") == ["refrigerant", "refrigerant-shortage"]
    assert named("low refrigerant charge") == ["refrigerant", "refrigerant-shortage"]


def test_terms_are_compared_without_case_or_width():
    assert named("ＰＬＣ 报警") == ["plc"]


def test_a_group_word_is_stemmer_safe_and_its_own():
    words = [group.word for group in GLOSSARY]
    assert len(set(words)) == len(words)
    assert all(re.fullmatch(r"qg[bcdfghjklmnpqrstvwxz1-9]{6}0", word) for word in words)


def test_no_glossary_names_nothing():
    assert GroupFinder(NO_GLOSSARY).groups_in(["冷媒"]) == []


def test_a_case_holds_the_words_of_the_groups_it_names(tmp_path):
    folder = tmp_path / "third-org"  # without its glossary.yml, which no loader reads yet
    shutil.copytree(TESTS / "data" / "third-org", folder, ignore=shutil.ignore_patterns("glossary.yml"))
    checked = check(folder)
    assert not checked.report.errors, checked.report.errors
    data = build_dataset(checked.context)
    case = data.cases["20250113-cu20-cold-room-not-cooling"]  # writes 冷媒 and 泄漏
    search = RECORD_KIND["case"].search.data  # the case kind's own search (generator/kinds/case.py)
    with_glossary = search(SiteRenderer(data, "zh", glossary=GLOSSARY), case)
    without = search(SiteRenderer(data, "zh"), case)
    assert REFRIGERANT.word in with_glossary.hidden.split() and SHORTAGE.word in with_glossary.hidden.split()
    assert PLC.word not in with_glossary.hidden
    assert with_glossary.hidden.startswith(without.hidden) and REFRIGERANT.word not in without.hidden


def test_the_query_side_gets_each_group_with_its_terms_and_their_sound():
    data = json.loads(as_json(words_data([], GLOSSARY)))
    refrigerant = data["groups"][0]
    assert refrigerant["word"] == REFRIGERANT.word
    assert refrigerant["terms"][:2] == [
        ["制冷剂", "term", code(["zhi", "leng", "ji"])],
        ["冷媒", "synonym", code(["leng", "mei"])],
    ]
    assert refrigerant["terms"][2] == ["refrigerant", "english"]  # no Chinese: no sound
    assert ["plc", "abbreviation"] in data["groups"][2]["terms"]
    # the groups' Chinese terms are words of the site too: pinyin and initials find them
    assert ["冷媒", code(["leng", "mei"])] in data["words"]


def test_group_words_of_texts():
    assert group_words(GroupFinder(GLOSSARY), ["冷媒"]) == [REFRIGERANT.word]


def one_pattern_groups(glossary, texts) -> list[str]:
    """The groups as one pattern of every term, tried at every place, finds them: what the
    finder does faster, by looking only where a term starts."""
    from generator.search.glossary import _pattern, folded

    groups = {folded(term.text): group for group in glossary for term in group.terms}
    terms = sorted(groups, key=lambda term: (-len(term), term))
    pattern = re.compile("(?=(" + "|".join(_pattern(term) for term in terms) + "))")
    found = set()
    for text in texts:
        for match in pattern.finditer(folded(text)):
            matched = " ".join(match.group(1).split())
            for ending in ("", "s", "es", "ed", "ing"):
                term = matched[: len(matched) - len(ending)] if ending and matched.endswith(ending) else matched
                if term in groups:
                    found |= {groups[o].id for o in terms if re.search(_pattern(o), term)}
                    break
    return [group.id for group in glossary if group.id in found]


PIECES = [
    "冷媒",
    "不足",
    "制冷剂",
    "缺氟",
    "PLC",
    "plcs",
    " ",
    "，",
    "Refrigerant",
    "refrigerants",
    "low",
    "charge",
    "x",
]


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=3))
def test_the_finder_finds_what_one_pattern_of_every_term_finds(texts):
    assert [g.id for g in GroupFinder(GLOSSARY).groups_in(texts)] == one_pattern_groups(GLOSSARY, texts)
