"""What the search index holds of a record page: every text field's copy, its title's sound, and
never the visible text."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from generator.kinds import SEARCH_FIELDS as FIELDS
from generator.kinds import SEARCH_MARKS
from generator.search.fields import EVERY_PAGE, MARK_SYMBOLS, NO_TITLE, ORDER_SYMBOLS, STATE_WORDS
from generator.search.pinyin import sound_copy
from generator.search.tokens import decode, search_copy
from tests.conftest import copy_minimal
from tests.publish.conftest import build_site

CASE = "cases/20260412-hx200-pressure-drop"


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page (its data file), by URL."""
    found = {}
    for path in (site / "pagefind").glob("*/fragment/*.pf_fragment"):  # every shard's
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        found[fragment["url"].strip("/")] = fragment
    return found


def blocks(fragment: dict) -> dict[str, list[str]]:
    """The words of each block of a page's body, cut at the blocks' marks (as the search page
    does, assets/kb-search.js `blocksOf`)."""
    marks = {mark: name for name, mark in SEARCH_MARKS.items()}
    found: dict[str, list[str]] = {}
    current = None
    for word in fragment["content"].split():
        if word in marks:
            current = found.setdefault(marks[word], [])
        elif current is not None:
            current.append(word)
    return found


def field_texts(fragment: dict) -> dict[str, str]:
    """Each field's text, read back from its block."""
    return {name: decode(" ".join(words)) for name, words in blocks(fragment).items() if name in FIELDS}


def test_every_text_field_of_a_case_is_a_block_of_its_page_body(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    texts = field_texts(fragment)
    assert texts["aka"] == "掉压; 压力上不去"
    assert texts["tags"] == "压力"
    assert texts["symptoms"] == "运行约 30 分钟后系统压力下降，HMI 报警 E203。"
    assert texts["environment"] == "HX-200，固件 v2.3.1，油温 58°C。"  # NFKC: ℃ is °C
    assert texts["cause"] == "比例溢流阀先导阀芯磨损。"
    assert texts["resolution"] == "更换阀芯组件 HX-PV-0231。试机 2 小时，压力稳定。"
    assert texts["products"] == "HX-200 液压站"  # one name shown: the site's language's
    assert texts["skills"] == "液压系统"
    assert set(texts) <= set(FIELDS)
    # name_en is found, in a block of its own that no excerpt is read from
    assert decode(" ".join(blocks(fragment)["names"])) == "HX-200 hydraulic power unit"
    # The title is read back from its block; Pagefind is given one with no word in it, and no
    # other metadata: it would index their words too (a result's products are its filters).
    assert decode(" ".join(blocks(fragment)["title"])) == "液压站运行半小时后压力掉到 8 MPa"
    assert fragment["meta"]["title"] == NO_TITLE and "products" not in fragment["meta"]
    assert " ".join(blocks(fragment)["hidden"]) == sound_copy("液压站运行半小时后压力掉到 8 MPa")


def test_the_body_starts_with_the_title_and_no_visible_text_is_indexed(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    body = fragment["content"].split()
    title = search_copy("液压站运行半小时后压力掉到 8 MPa").split()
    assert body[:3] == [EVERY_PAGE, STATE_WORDS["validated"], SEARCH_MARKS["order"]]
    assert body[4 : 5 + len(title)] == [SEARCH_MARKS["title"], *title]
    page = LexborHTMLParser((site / CASE / "index.html").read_text(encoding="utf-8"))
    bodies = page.css("[data-pagefind-body]")
    assert [body.attributes.get("class") for body in bodies] == ["kb-search-data"]
    assert "hidden" in bodies[0].attributes
    assert "运行约" not in fragment["content"]  # the symptoms are there as tokens only


def test_a_case_carries_its_state_reuse_and_date_and_its_facts_as_filters(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    assert fragment["content"].split()[1] == STATE_WORDS["validated"]
    symbols = blocks(fragment)["order"]
    assert len(symbols) == 1 and not re.search(r"\w", symbols[0])  # no word of the index
    order = "".join(ORDER_SYMBOLS[MARK_SYMBOLS.index(symbol)] for symbol in symbols[0])
    assert re.fullmatch(r"[0-9]+-20260412", order)  # times cited, date solved
    assert not fragment["anchors"]  # no element with an id: Pagefind keeps each as an anchor
    page = LexborHTMLParser((site / CASE / "index.html").read_text(encoding="utf-8"))
    filters = {node.attributes["data-pagefind-filter"] for node in page.css("[data-pagefind-filter]")}
    assert {"kind:案例", "state:已验证", "year:2026", "product:HX-200 液压站", "skill:液压系统"} <= filters
    wip = fragments(site)["cases/20260501-vmc850-spindle-alarm"]
    assert wip["content"].split()[1] == STATE_WORDS["wip"]


def test_other_records_are_found_by_their_names_and_texts(minimal_site):
    _, site = minimal_site
    pages = fragments(site)
    people = [fragment for url, fragment in pages.items() if url.startswith("people/")]
    assert people and all(fragment["content"] for fragment in people)
    awards = [fragment for url, fragment in pages.items() if url.startswith("awards/")]
    assert awards and all(field_texts(fragment)["citation"] for fragment in awards)
    guides = [fragment for url, fragment in pages.items() if url.startswith("guide/")]
    assert guides and all(len(field_texts(fragment)["text"]) > 100 for fragment in guides)


def test_an_english_site_shows_and_filters_by_name_en_and_finds_the_chinese_name_too(tmp_path):
    result = build_site(copy_minimal(tmp_path / "data"), tmp_path / "site", tmp_path / "cache", language="en")
    assert result.ok, (result.error, result.problems)
    fragment = fragments(tmp_path / "site")[CASE]
    texts = field_texts(fragment)
    assert texts["products"] == "HX-200 hydraulic power unit"
    assert texts["skills"] == "液压系统"  # no name_en: its one name
    assert decode(" ".join(blocks(fragment)["names"])) == "HX-200 液压站"
    page = LexborHTMLParser((tmp_path / "site" / CASE / "index.html").read_text(encoding="utf-8"))
    filters = {node.attributes["data-pagefind-filter"] for node in page.css("[data-pagefind-filter]")}
    assert {"product:HX-200 hydraulic power unit", "skill:液压系统"} <= filters
    assert not any("液压站" in value for value in filters)
    # an alarm code's page is filtered by its products' English names too
    code_filters = {
        node.attributes["data-pagefind-filter"]
        for path in (tmp_path / "site" / "codes").glob("*/index.html")
        for node in LexborHTMLParser(path.read_text(encoding="utf-8")).css("[data-pagefind-filter]")
    }
    assert "product:HX-200 hydraulic power unit" in code_filters and "product:HX-200 液压站" not in code_filters
