"""The glossary as search applies it: which groups a text names, each group's word and each
term's in a hidden block of the pages that name them, and the groups the query side is given."""

from __future__ import annotations

import json
import re
import shutil

from hypothesis import given
from hypothesis import strategies as st

from generator.kinds import RECORD_KIND, SEARCH_FIELDS, SEARCH_MARKS
from generator.kinds.case import written_texts
from generator.model import build_dataset
from generator.render.search_data import page_blocks
from generator.render.search_words import site_glossary
from generator.render.services import SiteRenderer
from generator.search.fields import TITLE_WEIGHT
from generator.search.glossary import (
    NO_GLOSSARY,
    Group,
    GroupFinder,
    Term,
    TermKind,
    group_words,
    weighted_group_words,
)
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


def test_a_case_holds_the_words_of_the_groups_it_names_and_the_terms_it_holds(tmp_path):
    folder = tmp_path / "third-org"  # without its glossary.yml: the groups are this test's
    shutil.copytree(TESTS / "data" / "third-org", folder, ignore=shutil.ignore_patterns("glossary.yml"))
    checked = check(folder)
    assert not checked.report.errors, checked.report.errors
    data = build_dataset(checked.context)
    case = data.cases["20250113-cu20-cold-room-not-cooling"]  # writes 冷媒, 冷媒不足 and 泄漏
    search = RECORD_KIND["case"].search.data  # the case kind's own search (generator/kinds/case.py)
    with_glossary = search(SiteRenderer(data, "zh", glossary=GLOSSARY), case)
    without = search(SiteRenderer(data, "zh"), case)
    words = dict(with_glossary.glossary)
    held = " ".join(words.values()).split()
    assert REFRIGERANT.word in held and REFRIGERANT.term_word(1) in held  # 冷媒, the group's second term
    assert REFRIGERANT.term_word(0) not in held  # 制冷剂: it never writes it
    assert PLC.word not in held and not without.glossary
    assert with_glossary.hidden == without.hidden  # the title's sound, as before
    # each word at the weight of the weightiest block that holds it: 冷媒 is in its environment,
    # cause and resolution, and weighs as its cause
    cause = SEARCH_FIELDS["cause"][1]
    assert REFRIGERANT.term_word(1) in words[cause].split() and len(held) == len(set(held))
    blocks = [(mark, weight) for mark, weight, _ in with_glossary.blocks]
    assert (SEARCH_MARKS["hidden"], cause) in blocks  # a hidden block: read back, never shown


def second_org() -> SiteRenderer:
    """The second organisation's records with their glossary (灌装阀 = 灌装嘴 = filling valve, ...)."""
    checked = check(TESTS / "data" / "second-org")
    data = build_dataset(checked.context)
    return SiteRenderer(data, "zh", glossary=site_glossary(data))


def glossary_words_of(search) -> set[str]:
    return set(" ".join(words for _, words in search.glossary).split())


def test_every_page_that_writes_a_term_holds_its_words_whichever_block_writes_it():
    """So a word a query reaches by its sound (guanzhuangfa: 灌装阀) is looked up as its group's
    word and its own alone, never as its characters as well (assets/kb-search.js)."""
    r = second_org()
    valve = next(group for group in r.glossary.groups.values() if group.id == "filling-valve")
    # a case that never writes 灌装阀 but whose skill is named 灌装阀维护 (and filling valve in English)
    case = r.data.cases["20250206-fm12-level-uneven"]
    assert "灌装阀" not in " ".join(written_texts(case))
    found = RECORD_KIND["case"].search.data(r, case)
    assert dict(found.glossary)[SEARCH_FIELDS["skills"][1]].split() == [
        valve.word,
        valve.term_word(0),
        valve.term_word(3),
    ]
    # a session, whose words are read back from its blocks' copies
    session = RECORD_KIND["session"].search.data(r, r.data.sessions["2025-03-filling-valve-basics"])
    assert dict(session.glossary)[TITLE_WEIGHT].split() == [valve.word, valve.term_word(0)]  # 灌装阀拆装与密封件更换
    # a hand-written page
    blocks = page_blocks("灌装阀保养", "<p>每周检查一次灌装嘴。</p>", GroupFinder(tuple(r.glossary.groups.values())))
    hidden = [(weight, words.split()) for mark, weight, words in blocks if mark == SEARCH_MARKS["hidden"]]
    assert (TITLE_WEIGHT, [valve.word, valve.term_word(0)]) in hidden
    assert (
        SEARCH_FIELDS["text"][1],
        [valve.term_word(1)],
    ) in hidden  # 灌装嘴: its group's word is in the title's block
    assert page_blocks("灌装阀保养", "<p>x</p>") == page_blocks("灌装阀保养", "<p>x</p>", GroupFinder(NO_GLOSSARY))


def test_a_term_word_is_its_group_word_with_the_terms_place_and_sorts_beside_it():
    for group in GLOSSARY:
        words = [group.term_word(place) for place in range(40)]
        assert len(set(words)) == 40 and group.word not in words
        assert all(re.fullmatch(r"qg[bcdfghjklmnpqrstvwxz1-9]{7,8}0", word) for word in words)
        # every word that sorts between a group's words is that group's: one index chunk holds them
        others = [other.word for other in GLOSSARY if other is not group]
        low, high = min([group.word, *words]), max([group.word, *words])
        assert not [word for word in others if low <= word <= high]
    assert REFRIGERANT.term_word(0) == REFRIGERANT.word[:-1] + "b0"
    assert REFRIGERANT.term_word(29) == REFRIGERANT.word[:-1] + "cb0"


def test_weighted_words_take_the_weightiest_text_that_holds_them():
    finder = GroupFinder(GLOSSARY)
    assert weighted_group_words(finder, [(1.5, "加冷媒"), (10.0, "冷媒不足"), (6.0, "PLC 坏")]) == [
        (10.0, [REFRIGERANT.word, REFRIGERANT.term_word(1), SHORTAGE.word, SHORTAGE.term_word(0)]),
        (6.0, [PLC.word, PLC.term_word(1)]),
    ]
    assert weighted_group_words(finder, [(1.0, "无关")]) == []


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
    assert group_words(GroupFinder(GLOSSARY), ["冷媒"]) == [REFRIGERANT.word, REFRIGERANT.term_word(1)]
    # a term inside a longer one is held too, in the glossary's order
    assert group_words(GroupFinder(GLOSSARY), ["缺氟", "冷媒不足"]) == [
        REFRIGERANT.word,
        REFRIGERANT.term_word(1),
        SHORTAGE.word,
        SHORTAGE.term_word(0),
        SHORTAGE.term_word(2),
    ]


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
