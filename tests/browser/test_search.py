"""Search in a real browser: the query set, the header box, filters, a phone, and token parity."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.search.tokens import alarm_codes, bigrams, encode_char
from tests.browser.conftest import screenshot
from tests.conftest import REPO

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TOP = 5
REQUIRED_RECALL = 0.9

TOP_URLS = """async ([query, filters]) => {
  const ranked = await window.kbSearch.rankedResults(query, filters || {});
  const data = await Promise.all(ranked.slice(0, 5).map((entry) => entry.result.data()));
  return data.map((d) => d.url);
}"""


@pytest.fixture(scope="module")
def search_tab(browser, demo_site):
    context = browser.new_context(base_url=demo_site)
    tab = context.new_page()
    tab.goto("./")
    tab.wait_for_function("window.kbSearch")
    yield tab
    context.close()


def test_query_set_finds_the_right_case_in_the_top_5(search_tab, capsys):
    assert len(QUERIES) >= 30
    misses = []
    by_kind: dict[str, list[int]] = {}
    for item in QUERIES:
        urls = search_tab.evaluate(TOP_URLS, [item["query"], None])
        found = any(f"/cases/{item['expect']}/" in url for url in urls[:TOP])
        by_kind.setdefault(item["kind"], [0, 0])
        by_kind[item["kind"]][0] += found
        by_kind[item["kind"]][1] += 1
        if not found:
            misses.append(f"{item['query']} -> {item['expect']}, got {urls}")
    recall = sum(hits for hits, _ in by_kind.values()) / len(QUERIES)
    with capsys.disabled():
        print(
            f"\nsearch recall@{TOP}: {recall:.0%} of {len(QUERIES)} queries; by kind: "
            + ", ".join(f"{kind} {hits}/{total}" for kind, (hits, total) in sorted(by_kind.items()))
        )
        for miss in misses:
            print("  missed:", miss)
    assert recall >= REQUIRED_RECALL, misses


def test_archived_case_ranks_below_a_live_one_on_the_same_words(search_tab):
    urls = search_tab.evaluate(TOP_URLS, ["主轴", None])
    archived = [i for i, u in enumerate(urls) if "spindle-orientation-fail" in u]
    live = [i for i, u in enumerate(urls) if "atc-tool-drop" in u]
    assert live and (not archived or live[0] < archived[0])


def test_filters_narrow_the_results(search_tab):
    everything = search_tab.evaluate("async q => (await window.kbSearch.rankedResults(q)).length", "压力")
    narrowed = search_tab.evaluate(
        "async q => (await window.kbSearch.rankedResults(q, {product: {any: ['HX-200 液压站']}})).length", "压力"
    )
    people = search_tab.evaluate(
        "async () => (await window.kbSearch.rankedResults('', {kind: {any: ['人员']}})).length"
    )
    assert 0 < narrowed < everything
    assert people == len(list((REPO / "data/people").glob("*.yml")))


def test_header_box_opens_with_a_shortcut_shows_highlighted_snippets_and_navigates(browser, demo_site):
    context = browser.new_context(base_url=demo_site, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto("cases/")
    tab.wait_for_function("window.kbSearch")
    assert tab.locator("button.kb-search-button").is_visible()
    tab.keyboard.press("/")
    tab.keyboard.type("油温 AL-1021")
    tab.wait_for_selector(".kb-search-result mark")
    first = tab.locator(".kb-search-result").first
    assert "AL-1021" in first.inner_text()
    screenshot(tab, "search-desktop")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/cases/20250506-hx200-oil-overheat/")
    tab.keyboard.press("Control+k")
    assert tab.locator("dialog.kb-search-dialog").evaluate("d => d.open")
    context.close()


def test_phone_shows_usable_full_screen_results(browser, demo_site):
    context = browser.new_context(
        base_url=demo_site, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    tab = context.new_page()
    tab.goto("./")
    tab.wait_for_function("window.kbSearch")
    tab.locator("button.kb-search-button").tap()
    tab.locator("dialog input").fill("掉压")
    tab.wait_for_selector(".kb-search-result")
    box = tab.locator("dialog.kb-search-dialog").bounding_box()
    assert box["width"] >= 389 and box["height"] >= 800
    result = tab.locator(".kb-search-result a").first.bounding_box()
    assert result["width"] > 300 and result["height"] >= 40, "a result is a comfortable tap target"
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(tab, "search-phone")
    context.close()


def test_search_page_filters_from_the_url(browser, demo_site):
    context = browser.new_context(base_url=demo_site)
    tab = context.new_page()
    tab.goto("search/?q=%E6%8A%A5%E8%AD%A6&kind=%E6%A1%88%E4%BE%8B&state=%E5%B7%B2%E5%BD%92%E6%A1%A3")
    tab.wait_for_selector(".kb-search-result")
    assert tab.locator("input[name=state][value='已归档']").is_checked()
    badges = tab.locator(".kb-search-result").all_inner_texts()
    assert badges and all("已归档" in text for text in badges)
    context.close()


def test_query_tokens_are_cut_like_the_index(search_tab):
    samples = ["压力上不去", "液压站报 AL-1021 油温高", "ALM 411 和 Err-31", "繁體中文測試 E203"]
    for text in samples:
        js = search_tab.evaluate("t => [window.kbSearch.queryTerms(t)]", text)[0]
        python = set(alarm_codes(text)) | set(bigrams(text))
        assert python <= set(js), text
    assert (
        search_tab.evaluate(
            "() => window.kbSearch.snippet('标题. 正文 qqzabcdabcd 压力低 qqcal1021', '压力', 90, '标题')"
        )
        == "正文 <mark>压力</mark>低"
    )
    assert encode_char("压") == "bfqp"


def query_transfer(browser, site_url: str, query: str) -> int:
    """Bytes the browser fetched to answer one query typed in the header box (network log)."""
    context = browser.new_context(base_url=site_url)
    tab = context.new_page()
    tab.goto("./")
    tab.wait_for_function("window.kbSearch")
    fetched: list[int] = []
    tab.on(
        "requestfinished",
        lambda request: fetched.append(sum(request.sizes()[k] for k in ("responseBodySize", "responseHeadersSize"))),
    )
    tab.locator("button.kb-search-button").click()
    tab.locator("dialog input").fill(query)
    tab.wait_for_selector(".kb-search-result")
    tab.wait_for_load_state("networkidle")
    context.close()
    return sum(fetched)


def test_one_query_transfers_little(browser, demo_site, capsys):
    transferred = query_transfer(browser, demo_site, "压力上不去 E203")
    with capsys.disabled():
        print(f"\none query on the demo site transferred {transferred / 1024:.0f} KiB")
    assert 0 < transferred < 300 * 1024
