"""What the search index holds of a record page: every text field's copy, and never the visible text."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from generator.kinds import SEARCH_FIELDS as FIELDS
from generator.search.fields import EVERY_PAGE, FIELD_ANCHOR, ORDER_ANCHOR, STATE_WORDS
from generator.search.tokens import decode, search_copy

CASE = "cases/20260412-hx200-pressure-drop"


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page (its data file), by URL."""
    found = {}
    for path in (site / "pagefind").glob("*/fragment/*.pf_fragment"):  # every shard's
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        found[fragment["url"].strip("/")] = fragment
    return found


def field_texts(fragment: dict) -> dict[str, str]:
    """Each field's text, read back from the page body between the fields' anchors (as the
    search page does, assets/kb-search.js `fieldTexts`)."""
    words = fragment["content"].split()
    anchors = sorted(
        (anchor for anchor in fragment["anchors"] if anchor["id"].startswith(FIELD_ANCHOR)),
        key=lambda anchor: anchor["location"],
    )
    texts = {}
    for anchor, following in zip(anchors, [*anchors[1:], None], strict=True):
        copy = words[anchor["location"] : following["location"] if following else len(words)]
        texts[anchor["id"].removeprefix(FIELD_ANCHOR)] = decode(" ".join(copy))
    return texts


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
    assert texts["products"] == "HX-200 液压站; HX-200 hydraulic power unit"  # name_en too
    assert texts["skills"] == "液压系统"
    assert set(texts) <= set(FIELDS)
    assert fragment["meta"]["title"] == "液压站运行半小时后压力掉到 8 MPa"
    assert fragment["meta"]["products"] == "HX-200 液压站"


def test_the_body_starts_with_the_title_and_no_visible_text_is_indexed(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    body = fragment["content"].split()
    title = search_copy("液压站运行半小时后压力掉到 8 MPa").split()
    assert body[: len(title) + 2] == [EVERY_PAGE, STATE_WORDS["validated"], *title]
    page = LexborHTMLParser((site / CASE / "index.html").read_text(encoding="utf-8"))
    bodies = page.css("[data-pagefind-body]")
    assert [body.attributes.get("class") for body in bodies] == ["kb-search-data"]
    assert "hidden" in bodies[0].attributes
    assert "运行约" not in fragment["content"]  # the symptoms are there as tokens only


def test_a_case_carries_its_state_reuse_and_date_and_its_facts_as_filters(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    assert fragment["content"].split()[1] == STATE_WORDS["validated"]
    order = [anchor["id"] for anchor in fragment["anchors"] if anchor["id"].startswith(ORDER_ANCHOR)]
    assert len(order) == 1 and re.fullmatch(ORDER_ANCHOR + r"[0-9]+-20260412", order[0])  # times cited, date solved
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
