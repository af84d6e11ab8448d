"""The site on a phone without network, in Chromium at a phone's width: the home page and a
product's page opened online, the product's pack saved, then the network cut twice over
(Chromium's offline switch, and the test's web server stopped: the switch does not cover the
service worker's own requests, so with the server up an offline test could pass falsely).
Then five of the product's case pages open from the phone with the notice that says so, two
of its alarm codes and two symptom phrases are found among what is saved, the search says
which products it searched, and a page outside the pack says it is not saved. On the demo
data and on the second organisation's. Then a pack's size shows before saving, it can be
removed, and a saved pack updates itself once the phone is online again and the site's copy
changed.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import screenshot, serve
from tests.conftest import REPO, TESTS, copy_minimal
from tests.publish.conftest import build_site

PHONE = {"width": 390, "height": 844}
SAVED_WITHIN_MS = 60_000


@dataclass(frozen=True)
class Trip:
    """A product to work on, what to look for on the phone, and a page the pack does not hold."""

    data: Path
    product: str
    product_name: str
    cases: tuple[str, ...]  # five of the product's cases
    searches: tuple[tuple[str, str], ...]  # (query, a case it must find): two codes, two symptom phrases
    outside: str


DEMO = Trip(
    REPO / "data",
    "hx-200",
    "HX-200 液压站",
    (
        "20250218-hx200-pressure-drop",
        "20250506-hx200-oil-overheat",
        "20250722-hx200-pump-noise",
        "20251014-hx200-solenoid-valve-no-action",
        "20260903-hx200-cylinder-creep",
    ),
    (
        ("AL-1021", "20250506-hx200-oil-overheat"),
        ("E318", "20251014-hx200-solenoid-valve-no-action"),
        ("像里面有沙子", "20250722-hx200-pump-noise"),
        ("滑块停在上面", "20260903-hx200-cylinder-creep"),
    ),
    "people/xu-yang/",
)
SECOND_ORG = Trip(
    TESTS / "data" / "second-org",
    "fm12",
    "FM12 旋转式灌装旋盖机",
    (
        "20250114-fm12-drip-after-fill",
        "20250702-fm12-capper-torque",
        "20251110-fm12-starwheel-jam",
        "20260115-fm12-cip-alarm",
        "20260512-fm12-cap-skew",
    ),
    (
        ("E-201", "20250114-fm12-drip-after-fill"),
        ("E-305", "20260115-fm12-cip-alarm"),
        ("瓶口一直滴液", "20250114-fm12-drip-after-fill"),
        ("瓶子被压扁", "20251110-fm12-starwheel-jam"),
    ),
    "people/deng-kai/",
)


class Server:
    """A built site on its own web server, which a test can stop."""

    def __init__(self, folder: Path) -> None:
        self.url, self._server = serve(folder)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answers(self) -> bool:
        try:
            urllib.request.urlopen(self.url, timeout=2)
        except (urllib.error.URLError, OSError):
            return False
        return True


def open_online(context, server: Server, product: str):
    """Home page, then the product's page; its pack saved. The service worker controls the tab."""
    tab = context.new_page()
    tab.goto(server.url, wait_until="load")
    tab.wait_for_function("navigator.serviceWorker.controller !== null", timeout=SAVED_WITHIN_MS)
    tab.goto(f"{server.url}products/{product}/", wait_until="load")
    save = tab.locator(".kb-pack-save")
    save.wait_for(state="visible", timeout=SAVED_WITHIN_MS)
    return tab


def save_pack(tab, box: str = ".kb-pack") -> str:
    """Save the pack of the box; what the box said before."""
    before = tab.inner_text(f"{box} .kb-pack-status")
    assert not tab.locator(f"{box} .kb-pack-remove").is_visible()
    tab.click(f"{box} .kb-pack-save")
    tab.wait_for_function(
        "box => document.querySelector(box + ' .kb-pack-status').textContent.startsWith('已保存在这台手机上')",
        arg=box,
        timeout=SAVED_WITHIN_MS,
    )
    assert tab.locator(f"{box} .kb-pack-remove").is_visible()
    assert not tab.locator(f"{box} .kb-pack-save").is_visible()
    return before


def cut_the_network(context, server: Server) -> None:
    context.set_offline(True)
    server.stop()
    assert not server.answers()


def case_title(data: Path, case_id: str) -> str:
    (path,) = data.glob(f"cases/**/{case_id}.yml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["title"]


def search_offline(tab, url: str, query: str) -> tuple[list[str], str]:
    tab.goto(f"{url}search/?q={query}", wait_until="load")
    tab.wait_for_function(
        "query => document.getElementById('kb-search-page')?.dataset.shown === query", arg=query, timeout=30_000
    )
    links = [link.get_attribute("href") for link in tab.query_selector_all(".kb-search-result a")]
    return links, tab.inner_text(".kb-search-offline")


@pytest.mark.parametrize("trip", [DEMO, SECOND_ORG], ids=["demo", "second-org"])
def test_a_saved_pack_answers_on_the_phone_without_network(browser, demo_build, second_org_build, trip):
    site = demo_build if trip is DEMO else second_org_build
    server = Server(site)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = open_online(context, server, trip.product)
        before = save_pack(tab)
        assert "KB" in before or "MB" in before  # the size, shown before saving
        assert "已保存在这台手机上" in tab.inner_text(".kb-pack-status")
        cut_the_network(context, server)

        for case_id in trip.cases:
            response = tab.goto(f"{server.url}cases/{case_id}/", wait_until="load")
            assert response is not None and response.ok, case_id
            assert tab.locator(".kb-from-phone").is_visible(), case_id
            assert "网络不通或太慢：此页来自手机上保存的副本（网站版本 2026年11月28日）" in tab.inner_text(
                ".kb-from-phone"
            )
            assert case_title(trip.data, case_id) in tab.inner_text("article h1"), case_id
            assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"  # styled
        screenshot(tab, f"offline-case-{trip.product}")

        for query, case_id in trip.searches:
            links, scope = search_offline(tab, server.url, query)
            assert f"/cases/{case_id}/" in links, (query, links)
            assert scope == f"没有网络：仅搜索了已保存的 {trip.product_name}；其他产品没有搜索。", query
        screenshot(tab, f"offline-search-{trip.product}")

        tab.goto(f"{server.url}{trip.outside}", wait_until="load")
        assert "offline/missing/" in tab.url
        assert tab.inner_text("article h1").startswith("这个页面没有保存在手机上")
        assert f"/{trip.outside}" in tab.inner_text(".kb-missing-page")
        assert tab.locator(".kb-from-phone").is_visible()
    finally:
        context.close()
        server.stop()


def test_a_pack_can_be_removed(browser, demo_build):
    server = Server(demo_build)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = open_online(context, server, "sd-3")
        save_pack(tab)
        assert tab.evaluate("window.kbOffline.savedPacks().then(packs => packs.map(p => p.product))") == ["sd-3"]
        tab.click(".kb-pack-remove")
        tab.locator(".kb-pack-save").wait_for(state="visible", timeout=SAVED_WITHIN_MS)
        assert tab.evaluate("window.kbOffline.savedPacks()") == []
        assert tab.evaluate("caches.keys().then(names => names.filter(n => n.startsWith('kb-pack:')))") == []
        assert tab.inner_text(".kb-pack-status").startswith("下载 ")
    finally:
        context.close()
        server.stop()


def test_the_offline_page_lists_every_product_and_what_is_saved(browser, demo_build):
    server = Server(demo_build)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = open_online(context, server, "hx-200")
        save_pack(tab)
        tab.goto(f"{server.url}offline/", wait_until="load")
        boxes = tab.locator(".kb-pack")
        assert boxes.count() == 7
        tab.locator(".kb-offline-storage").wait_for(state="visible")
        assert tab.inner_text(".kb-offline-storage").startswith("这台手机上保存了 1 个产品包")
        saved = tab.locator('.kb-pack[data-product="hx-200"] .kb-pack-status')
        assert saved.inner_text().startswith("已保存在这台手机上")
        save_pack(tab, '.kb-pack[data-product="vmc-850"]')
        assert tab.inner_text(".kb-offline-storage").startswith("这台手机上保存了 2 个产品包")
        screenshot(tab, "offline-page-phone")
    finally:
        context.close()
        server.stop()


def test_a_saved_pack_updates_itself_once_online_when_the_site_changed(browser, tmp_path):
    data = copy_minimal(tmp_path / "data")
    assert build_site(data, tmp_path / "before", tmp_path / "cache").ok
    case = data / "cases" / "2026" / "20260501-vmc850-spindle-alarm.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("ALM 401", "ALM 402"), encoding="utf-8")
    assert build_site(data, tmp_path / "after", tmp_path / "cache").ok
    served = tmp_path / "served"
    served.symlink_to(tmp_path / "before", target_is_directory=True)
    server = Server(served)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = open_online(context, server, "vmc-850")
        save_pack(tab)
        hash_of = "window.kbOffline.savedPacks().then(packs => packs[0].hash)"
        saved = tab.evaluate(hash_of)
        context.set_offline(True)
        served.unlink()
        served.symlink_to(tmp_path / "after", target_is_directory=True)  # the site is built again meanwhile
        context.set_offline(False)  # the phone is online again
        changed = _manifest_hash(tmp_path / "after", "vmc-850")
        assert changed != saved
        packs = "caches.keys().then(names => names.filter(name => name.startsWith('kb-pack:')))"
        assert eventually(tab, packs, [f"kb-pack:vmc-850:{changed}"])
        assert tab.evaluate(hash_of) == changed
    finally:
        context.close()
        server.stop()
        shutil.rmtree(tmp_path / "before", ignore_errors=True)


def eventually(tab, expression: str, expected, seconds: float = SAVED_WITHIN_MS / 1000) -> bool:
    """Whether what the expression's promise gives becomes `expected` in time (Playwright's
    wait_for_function takes a promise for a true value: it does not wait for what it gives)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if tab.evaluate(expression) == expected:
            return True
        tab.wait_for_timeout(100)
    return tab.evaluate(expression) == expected


def _manifest_hash(site: Path, product: str) -> str:
    return json.loads((site / "packs" / f"{product}.json").read_text(encoding="utf-8"))["hash"]
