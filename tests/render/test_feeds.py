"""Feeds say what changed: an edited case appears again as updated; feeds per product and skill."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import defusedxml.ElementTree as ElementTree
import pytest

from generator.history import FileHistory, History
from generator.model import build_dataset
from generator.pipeline import check
from generator.render.feeds import site_files
from generator.settings import Settings
from tests.conftest import MINIMAL, REPO, TESTS, TODAY

SITE = "https://kb.example.com/"
CASE = "20260412-hx200-pressure-drop"
ATOM = "{http://www.w3.org/2005/Atom}"


def dataset(folder=MINIMAL, history=None):
    checked = check(Settings(folder, TODAY, shown_root="data"))
    return build_dataset(checked.context, history or History())


def files(data, site_url=SITE) -> dict[str, bytes]:
    return {f.path: f.content for f in site_files(data, "zh", "服务知识库", site_url)}


def rss_items(content: bytes) -> list[tuple[str, str, str]]:
    channel = ElementTree.fromstring(content).find("channel")
    return [(item.findtext("title"), item.findtext("guid"), item.findtext("pubDate")) for item in channel.iter("item")]


def test_an_edited_case_appears_again_as_updated_with_the_date():
    edited = FileHistory(dt.date(2026, 4, 12), "张伟", dt.date(2026, 6, 2), "李娜", 3)
    data = dataset(history=History("data/", {f"cases/2026/{CASE}.yml": edited}))
    items = rss_items(files(data)["feeds/cases.xml"])
    assert items[0] == (
        "液压站运行半小时后压力掉到 8 MPa · 更新 2026年6月2日",
        f"https://kb.example.com/cases/{CASE}/#updated-2026-06-02",
        "Tue, 02 Jun 2026 00:00:00 +0000",
    )
    assert items[1][1] == f"https://kb.example.com/cases/{CASE}/"  # and still once as it was first published


def test_a_case_only_created_appears_once():
    created = FileHistory(dt.date(2026, 4, 12), "张伟", dt.date(2026, 4, 12), "张伟", 1)
    data = dataset(history=History("data/", {f"cases/2026/{CASE}.yml": created}))
    assert [guid for _, guid, _ in rss_items(files(data)["feeds/cases.xml"])] == [
        f"https://kb.example.com/cases/{CASE}/"
    ]


@pytest.mark.parametrize("folder", [REPO / "data", TESTS / "data" / "second-org"])
def test_a_feed_per_product_and_per_skill_with_only_their_validated_cases(folder):
    data = dataset(folder)
    written = files(data)
    for kind, entries, by in (
        ("products", data.products, data.cases_by_product),
        ("skills", data.skills, data.cases_by_skill),
    ):
        for entry_id in entries:
            expected = {
                f"https://kb.example.com/cases/{cid}/"
                for cid in by.get(entry_id, [])
                if data.cases[cid].state == "validated"
            }
            guids = {guid for _, guid, _ in rss_items(written[f"feeds/{kind}/{entry_id}.xml"])}
            assert guids <= expected and len(guids) == min(len(expected), 30), (kind, entry_id)
            atom = ElementTree.fromstring(written[f"feeds/{kind}/{entry_id}.atom"])
            assert atom.findtext(f"{ATOM}id") == f"https://kb.example.com/feeds/{kind}/{entry_id}.atom"


def test_without_a_site_url_links_are_relative_to_the_nested_feed():
    written = files(dataset(), site_url="")
    items = rss_items(written["feeds/products/hx-200.xml"])
    assert items and all(guid.startswith("../../cases/") for _, guid, _ in items)
    assert all(guid.startswith("../cases/") for _, guid, _ in rss_items(written["feeds/cases.xml"]))


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def test_control_characters_and_line_breaks_that_got_past_validation_still_give_valid_files():
    """XML 1.0 cannot carry most C0 controls (lxml refused to write the feed, and the build
    stopped with a traceback); JSON writers leave C1 controls raw. Each text is written as
    its format can carry it: titles on one line, controls dropped in XML, escaped in JSON."""
    data = dataset(REPO / "data")
    case_id = next(cid for cid, case in data.cases.items() if case.state == "validated")
    case = data.cases[case_id]
    data.cases[case_id] = case.model_copy(update={"title": "压力\x00掉\n\n<b>x</b>\x1b[31m", "symptoms": "a\x07\x85b"})
    product = case.products[0]
    data.products[product] = data.products[product].model_copy(update={"name": "液压\x0b站\ufffe"})
    person = data.awards[data.awards_newest_first()[0]].recipients[0]
    data.people[person] = data.people[person].model_copy(update={"name": "张\u2028伟\x9b2J"})
    written = files(data)
    for path, content in written.items():
        if path.endswith(".gz"):  # the search's words and readings (generator/search/vocabulary.py)
            path, content = path.removesuffix(".gz"), gzip.decompress(content)
        text = content.decode("utf-8")
        assert not RAW_CONTROL.search(text.replace("\r\n", "\n")), path  # iCalendar ends its lines in CRLF
        if path.endswith((".xml", ".atom")):
            ElementTree.fromstring(content)
        elif path.endswith(".json"):
            json.loads(text)
    titles = [title for title, _, _ in rss_items(written["feeds/cases.xml"])]
    assert "压力掉  <b>x</b>[31m" in titles
    assert any("张 伟2J" in title for title, _, _ in rss_items(written["feeds/honours.xml"]))
    api = json.loads(written["api/cases.json"])
    assert next(c for c in api if c["id"] == case_id)["title"] == "压力\x00掉\n\n<b>x</b>\x1b[31m"


def test_a_long_text_is_summed_up_by_its_first_words_in_every_feed(tmp_path):
    # One record of short list items, within every limit, made 110 MB of feeds: each feed
    # that lists the case (all cases, its product, its skill; RSS and Atom) carried it whole.
    import re
    import shutil

    from generator.render.feeds import SUMMARY_SOURCE, SUMMARY_WORDS

    data_dir = tmp_path / "data"
    shutil.copytree(MINIMAL, data_dir)
    path = data_dir / "cases" / "2026" / f"{CASE}.yml"
    items = "".join(f"  - 第 {n} 步 <b>检查</b>\n" for n in range(SUMMARY_SOURCE // 10))
    path.write_text(re.sub(r"symptoms: \|\n(  .*\n)+", "symptoms: |\n" + items, path.read_text("utf-8")), "utf-8")
    written = files(dataset(data_dir))
    for name in ("feeds/cases.xml", "feeds/products/hx-200.atom", "feeds/skills/hydraulics.xml"):
        assert len(written[name]) < 3 * SUMMARY_WORDS + 4096, name
        assert "第 0 步 &lt;b&gt;检查&lt;/b&gt;".encode() in written[name].replace(b"&amp;", b"&"), name
        assert "…".encode() in written[name] and b"&lt;li&gt;" not in written[name]  # words, not the list
