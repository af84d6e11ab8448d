"""The glossary kind: data/glossary.yml read as one record, its groups applied to search, and the
/glossary/ page: groups by headword (Chinese by pinyin), terms by kind, skills and products linked,
the definition, and the cases that use each term."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from generator.kinds import RECORD_KIND_OF_FILE
from generator.kinds.glossary import glossary_of
from generator.model import build_dataset
from generator.pipeline import check
from generator.render import render_site, search_words
from generator.render.feeds import api_files
from generator.settings import Settings
from generator.slug import pinyin_key
from tests.conftest import MINIMAL, TESTS, TODAY, write

THIRD_ORG = TESTS / "data" / "third-org"
PAGE = "glossary/index.md"


def dataset(folder):
    checked = check(Settings(folder, TODAY, shown_root="data"))
    assert not checked.report.errors, checked.report.errors
    return build_dataset(checked.context)


@pytest.fixture(scope="module")
def third_org():
    return dataset(THIRD_ORG)


@pytest.fixture(scope="module")
def pages(third_org) -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(third_org, "zh", "site")}


@pytest.fixture(scope="module")
def english(third_org) -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(third_org, "en", "site")}


def groups_on(page: str) -> list[tuple[str, str]]:
    """(anchor, headword) of each group, in the page's order."""
    return re.findall(r'<h2 id="([^"]+)">([^<]+)</h2>', page)


def section(page: str, headword: str) -> str:
    """The part of the page about one group."""
    start = page.index(f">{headword}</h2>")
    following = page.find("<h2 ", start)
    return page[start : following if following > 0 else len(page)]


def test_the_glossary_file_is_one_record_of_its_own_kind(third_org):
    assert list(RECORD_KIND_OF_FILE) == ["glossary"]
    written = yaml.safe_load((THIRD_ORG / "glossary.yml").read_text(encoding="utf-8"))["groups"]
    assert list(third_org.glossary) == ["glossary"]
    assert [group.id for group in glossary_of(third_org).groups] == [group["id"] for group in written]


def test_search_applies_the_groups_and_cases_carry_the_words_of_the_groups_they_name(third_org, pages):
    groups = search_words.site_glossary(third_org)
    refrigerant = next(group for group in groups if group.id == "refrigerant")
    assert [term.text for term in refrigerant.terms][:3] == ["制冷剂", "冷媒", "雪种"]
    holding = [uri for uri, text in pages.items() if uri.startswith("cases/2") and "冷媒" in text]
    assert holding and all(refrigerant.word in pages[uri] for uri in holding)
    assert search_words.site_glossary(dataset(MINIMAL)) == ()


def test_groups_are_sorted_by_their_headword_in_pinyin_with_readable_anchors(pages):
    page = pages[PAGE]
    found = groups_on(page)
    headwords = [headword for _, headword in found]
    written = yaml.safe_load((THIRD_ORG / "glossary.yml").read_text(encoding="utf-8"))["groups"]
    assert sorted(headwords) == sorted(group["term"] for group in written)
    assert headwords == sorted(headwords, key=pinyin_key)
    assert ("制冷剂", "制冷剂") in found and ("冷媒不足", "冷媒不足") in found  # the headword itself
    assert len({anchor for anchor, _ in found}) == len(found)
    for anchor, _ in found:  # the index at the top links every group
        assert f'href="#{anchor}"' in page
    assert "search_index: false" in page  # the page itself is not a search result


def test_a_group_shows_its_terms_by_kind_its_skills_and_products_and_its_definition(pages):
    refrigerant = section(pages[PAGE], "制冷剂")
    assert "<dt>同义词</dt><dd>" in refrigerant and ">冷媒</span>、<span" in refrigerant
    assert "<dt>英文</dt>" in refrigerant and ">refrigerant</span>" in refrigerant
    assert "<dt>客户的说法</dt>" in refrigerant and ">氟利昂</span>" in refrigerant
    assert 'href="../skills/refrigeration/"' in refrigerant
    assert "不同冷媒不能混充" in refrigerant  # its definition
    unit_cooler = section(pages[PAGE], "冷风机")
    assert 'href="../products/cu-20/"' in unit_cooler


def test_each_term_lists_the_cases_that_use_it_and_the_others_through_search(third_org, pages):
    refrigerant = section(pages[PAGE], "制冷剂")
    uses = re.search(r'<span class="kb-glossary-term">冷媒</span>：(.*?)</li>', refrigerant).group(1)
    listed = re.findall(r'href="\.\./cases/([^/]+)/"', uses)
    # 冷媒 written only inside a longer term (冷媒不足, 缺冷媒) is that term's, not 冷媒's
    longer = [t for t in all_terms() if "冷媒" in t and t != "冷媒"]
    writing = [cid for cid in third_org.newest_cases() if "冷媒" in without(written(third_org.cases[cid]), longer)]
    assert len(writing) > 3 and listed == writing[:3]
    more = f'<a href="../search/?q=%E5%86%B7%E5%AA%92">另外 {len(writing) - 3} 个</a>'
    assert more in uses


def all_terms() -> list[str]:
    fields = ("synonyms", "english", "abbreviations", "customer_words")
    groups = yaml.safe_load((THIRD_ORG / "glossary.yml").read_text(encoding="utf-8"))["groups"]
    return [t for g in groups for t in (g["term"], *(term for f in fields for term in g.get(f, [])))]


def written(case) -> str:
    fields = (case.symptoms, case.environment, case.cause, case.resolution)
    return "\n".join([case.title, *map(str, case.aka), *map(str, case.tags), *(text or "" for text in fields)])


def without(text: str, terms: list[str]) -> str:
    for term in sorted(terms, key=len, reverse=True):
        text = text.replace(term, "|")
    return text


def test_the_english_site_heads_a_group_with_its_english_term_and_shows_the_chinese_one(english):
    page = english[PAGE]
    headwords = [headword for _, headword in groups_on(page)]
    assert "refrigerant" in headwords and "制冷剂" not in headwords
    assert headwords == sorted(headwords, key=pinyin_key)
    refrigerant = section(page, "refrigerant")
    assert '<dt>Term</dt><dd><span class="kb-glossary-term">制冷剂</span>' in refrigerant
    assert "<dt>English</dt>" in refrigerant and ">freon</span>" in refrigerant
    assert "Cases that use these words" in page and "用到" not in page


def test_without_a_glossary_the_page_says_how_to_start_one(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    pages = {page.src_uri: page.text for page in render_site(dataset(data), "zh", "site")}
    assert "还没有术语表" in pages[PAGE] and "<h2" not in pages[PAGE]


def test_a_glossary_yaml_file_is_read_and_a_glossary_folder_is_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    write(data, "glossary.yaml", "groups:\n  - {id: oil, term: 液压油, english: [hydraulic oil]}\n")
    assert [g.id for g in glossary_of(dataset(data)).groups] == ["oil"]
    write(data, "glossary/more.yml", "groups: []\n")
    checked = check(Settings(data, TODAY, shown_root="data"))
    assert [(item.file, item.code) for item in checked.report.errors] == [("data/glossary/more.yml", "KB304")]


def test_the_api_publishes_the_glossary(third_org):
    files = {file.path: file.content for file in api_files(third_org)}
    published = yaml.safe_load(files["api/glossary.json"])
    assert published[0]["url"] == "glossary/" and len(published[0]["groups"]) == len(glossary_of(third_org).groups)
    assert yaml.safe_load(files["api/index.json"])["counts"]["glossary"] == 1
