"""What the search index holds of a record page: every text field's copy, and never the visible text."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from generator.search.fields import FIELDS
from generator.search.tokens import decode, search_copy

CASE = "cases/20260412-hx200-pressure-drop"


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page (its data file), by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        found[fragment["url"].strip("/")] = fragment
    return found


def test_every_text_field_of_a_case_is_a_metadata_field_of_its_page(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    meta = {name: decode(value) for name, value in fragment["meta"].items() if name.startswith("kb_")}
    assert meta["kb_aka"] == "掉压 ; 压力上不去"
    assert meta["kb_tags"] == "压力"
    assert meta["kb_symptoms"] == "运行约 30 分钟后系统压力下降，HMI 报警 E203。"
    assert meta["kb_environment"] == "HX-200，固件 v2.3.1，油温 58 ℃。"
    assert meta["kb_cause"] == "比例溢流阀先导阀芯磨损。"
    assert meta["kb_resolution"] == "更换阀芯组件 HX-PV-0231。 试机 2 小时，压力稳定。"
    assert meta["kb_products"] == "HX-200 液压站 ; HX-200 hydraulic power unit"  # name_en too
    assert meta["kb_skills"] == "液压系统"
    assert set(meta) <= set(FIELDS)
    assert fragment["meta"]["title"] == "液压站运行半小时后压力掉到 8 MPa"
    assert fragment["meta"]["products"] == "HX-200 液压站"


def test_the_page_body_is_the_title_and_no_visible_text_is_indexed(minimal_site):
    _, site = minimal_site
    fragment = fragments(site)[CASE]
    body = fragment["content"].replace("\u200b", " ").removesuffix(".")  # Pagefind ends a block with a full stop
    assert body.split() == search_copy("液压站运行半小时后压力掉到 8 MPa").split()
    page = LexborHTMLParser((site / CASE / "index.html").read_text(encoding="utf-8"))
    bodies = page.css("[data-pagefind-body]")
    assert [body.attributes.get("class") for body in bodies] == ["kb-search-data"]
    assert bodies[0].attributes.get("hidden") is not None or "hidden" in bodies[0].attributes


def test_cases_carry_their_reuse_and_date_as_a_sort_and_their_facts_as_filters(minimal_site):
    _, site = minimal_site
    page = LexborHTMLParser((site / CASE / "index.html").read_text(encoding="utf-8"))
    sort = page.css_first("[data-pagefind-sort]").attributes["data-pagefind-sort"]
    assert re.fullmatch(r"kb_order:[0-9]+20260412", sort)  # times cited, then the day it was solved
    filters = {node.attributes["data-pagefind-filter"] for node in page.css("[data-pagefind-filter]")}
    assert {"kind:案例", "state:已验证", "year:2026", "product:HX-200 液压站", "skill:液压系统"} <= filters


def test_other_records_are_found_by_their_names_and_texts(minimal_site):
    _, site = minimal_site
    pages = fragments(site)
    people = [fragment for url, fragment in pages.items() if url.startswith("people/")]
    assert people and all(fragment["content"] for fragment in people)
    sessions = [fragment for url, fragment in pages.items() if url.startswith("sessions/")]
    assert any("kb_summary" in fragment["meta"] for fragment in sessions)
