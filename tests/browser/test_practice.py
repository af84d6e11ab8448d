"""Practice sets and the reader's verdict in Chromium: a practice set answered, its progress found
in the browser's localStorage and kept over a reload, every request the pages make recorded and
none carrying an answer; the practice pages open without network (one opened before, one in a
product's saved pack); a case's verdict question sent as a request for the feedback file, only
on a site that logs readers' signals, never with a phone number in it; axe on what the script
shows (answered questions, the verdict's form)."""

from __future__ import annotations

import functools
import json
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import axe_violations
from tests.browser.test_offline import PHONE, SAVED_WITHIN_MS, Server, cut_the_network, open_online, save_pack
from tests.conftest import TESTS
from tests.publish.conftest import build_site

PRACTICE = "training/practice/products/hx-200/"


def recorded(context) -> list[dict]:
    """Every request of every page and worker of the context, as it was made."""
    requests: list[dict] = []
    context.on(
        "request",
        lambda r: requests.append(
            {"method": r.method, "url": r.url, "body": r.post_data, "worker": r.service_worker is not None}
        ),
    )
    return requests


def answer(tab, question, index: int) -> None:
    question.locator(".kb-choice").nth(index).click()


def test_a_practice_set_is_checked_here_kept_here_and_sends_nothing(browser, demo_site):
    context = browser.new_context(base_url=demo_site)
    requests = recorded(context)
    tab = context.new_page()
    tab.goto(PRACTICE, wait_until="networkidle")
    tab.wait_for_function("!document.querySelector('.kb-practice').hidden")
    questions = tab.locator(".kb-question")
    total = questions.count()
    first, second = questions.nth(0), questions.nth(1)
    first_id, second_id = first.get_attribute("data-kb-question"), second.get_attribute("data-kb-question")
    right_first, right_second = int(first.get_attribute("data-answer")), int(second.get_attribute("data-answer"))
    before = len(requests)
    answer(tab, first, (right_first + 1) % 4)
    answer(tab, second, right_second)
    letter = "ABCD"[right_first]
    assert first.locator(".kb-question-result").inner_text() == f"不对，答案是 {letter}。"
    assert second.locator(".kb-question-result").inner_text() == "答对了。"
    assert first.locator(".kb-question-answer").evaluate("details => details.open")
    assert first.locator(f'.kb-question-answer a[href$="cases/{first_id}/"]').is_visible(), "the case, linked"
    assert first.locator(".kb-choice-wrong").count() == 1 and first.locator(".kb-choice-right").count() == 1
    progress = tab.locator(".kb-practice-progress")
    assert progress.inner_text() == f"这个浏览器里的进度：已答 2/{total} 题，答对 1 题。"
    tab.wait_for_timeout(500)
    assert requests[before:] == [], "answering asks the network for nothing"
    kept = json.loads(tab.evaluate("localStorage.getItem('kb-practice')"))
    assert kept == {
        first_id: {"choice": (right_first + 1) % 4, "right": False},
        second_id: {"choice": right_second, "right": True},
    }
    screenshot(tab, "practice-answered")
    assert axe_violations(tab) == []

    tab.reload(wait_until="networkidle")
    tab.wait_for_function("!document.querySelector('.kb-practice').hidden")
    first, second = tab.locator(".kb-question").nth(0), tab.locator(".kb-question").nth(1)
    assert first.locator("input").nth((right_first + 1) % 4).is_checked()
    assert second.locator("input").nth(right_second).is_checked()
    assert first.locator(".kb-question-result").inner_text() == f"不对，答案是 {letter}。 （之前的回答）"
    assert tab.locator(".kb-practice-progress").inner_text() == f"这个浏览器里的进度：已答 2/{total} 题，答对 1 题。"

    tab.goto("training/practice/paths/new-field-engineer/", wait_until="networkidle")  # the same case in another set
    shared = tab.locator(f'[data-kb-question="{second_id}"]')
    if shared.count():
        assert shared.locator("input").nth(right_second).is_checked()
    tab.goto(PRACTICE, wait_until="networkidle")
    tab.click(".kb-practice-reset")
    assert tab.locator(".kb-practice-progress").inner_text() == f"这个浏览器里的进度：已答 0/{total} 题，答对 0 题。"
    assert json.loads(tab.evaluate("localStorage.getItem('kb-practice')")) == {}

    for request in requests:
        assert request["method"] == "GET" and request["body"] is None, request
        query = urlsplit(request["url"]).query
        assert first_id not in request["url"] and second_id not in request["url"], request
        assert "choice" not in query and "right" not in query and "kb-practice" not in query, request
    assert not [r for r in requests if "kb-feedback" in r["url"] or "kb-search-log" in r["url"]]
    context.close()


def test_practice_pages_open_without_network(browser, demo_build):
    server = Server(demo_build)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = open_online(context, server, "hx-200")
        save_pack(tab)
        tab.goto(f"{server.url}training/practice/skills/hydraulics/", wait_until="load")  # opened once, online
        tab.wait_for_function("!document.querySelector('.kb-practice').hidden")
        cut_the_network(context, server)
        for page in ("training/practice/skills/hydraulics/", PRACTICE):
            tab.goto(f"{server.url}{page}", wait_until="load", timeout=SAVED_WITHIN_MS)
            tab.wait_for_function("!document.querySelector('.kb-practice').hidden")
            assert tab.locator("[data-kb-from-phone]").is_visible(), page
            unanswered = tab.locator(".kb-question:not(.kb-answered)").first.get_attribute("data-kb-question")
            question = tab.locator(f'[data-kb-question="{unanswered}"]')
            right = int(question.get_attribute("data-answer"))
            answer(tab, question, right)
            assert question.locator(".kb-question-result").inner_text() == "答对了。"
        screenshot(tab, "practice-offline")
    finally:
        context.close()


@pytest.fixture(scope="module")
def logging_site(tmp_path_factory):
    """The second organisation's site built with `search_log: true`, served on localhost."""
    root = tmp_path_factory.mktemp("logging-site")
    before = os.environ.get("KB_SEARCH_LOG")
    os.environ["KB_SEARCH_LOG"] = "true"
    try:
        result = build_site(TESTS / "data" / "second-org", root / "site", root / "cache")
    finally:
        if before is None:
            del os.environ["KB_SEARCH_LOG"]
        else:
            os.environ["KB_SEARCH_LOG"] = before
    assert result.ok, (result.error, result.problems)
    served: list[str] = []
    handler = functools.partial(_LoggingHandler, served, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", served
    server.shutdown()


class _LoggingHandler(SimpleHTTPRequestHandler):
    """Keeps each request's target, as a web server's access log does."""

    def __init__(self, served: list[str], *args, **kwargs) -> None:
        self.served = served
        super().__init__(*args, **kwargs)

    def log_request(self, code="-", size="-") -> None:
        self.served.append(self.path)


def verdicts(served: list[str]) -> list[dict[str, list[str]]]:
    """The verdicts that reached the web server, in its order."""
    return [
        parse_qs(urlsplit(path).query) for path in served if urlsplit(path).path.endswith("/assets/kb-feedback.txt")
    ]


def test_the_readers_verdict_lands_in_the_access_log_without_personal_data(browser, logging_site):
    site, requests = logging_site
    context = browser.new_context(base_url=site, viewport=PHONE)
    tab = context.new_page()
    case = "20250114-fm12-drip-after-fill"
    tab.goto(f"cases/{case}/", wait_until="networkidle")
    section = tab.locator(".kb-verdict")
    assert section.is_visible()
    section.locator('[data-verdict="no"]').click()
    remark = section.locator("input")
    assert remark.is_visible() and remark.evaluate("input => input === document.activeElement")
    assert axe_violations(tab) == []
    remark.fill("请打 138 1234 5678 或 13812345678 找我")
    section.locator('button[type="submit"]').click()
    assert section.locator(".kb-verdict-status").inner_text() == "请删掉电话号码或邮箱地址再发送。"
    remark.fill("zw＠example.com")
    section.locator('button[type="submit"]').click()
    tab.wait_for_timeout(300)
    assert verdicts(requests) == [], "a remark with a phone number or an e-mail address is never sent"
    remark.fill("我们的机器是 2019 年的老款")
    section.locator('button[type="submit"]').click()
    tab.wait_for_function("document.querySelector('.kb-verdict-status').textContent === '谢谢！已记下。'")
    assert not section.locator(".kb-verdict-buttons").is_visible() and not remark.is_visible(), "asked once"
    last = tab.evaluate(
        "() => { const bottom = (e) => e.getBoundingClientRect().bottom;"
        " return [bottom(document.querySelector('.kb-verdict')), bottom(document.querySelector('.kb-cited-by, .kb-similar'))]; }"
    )
    assert last[0] > last[1], "after the case's text and lists, on a phone too"
    tab.wait_for_timeout(300)
    assert verdicts(requests) == [{"case": [case], "v": ["no"], "r": ["我们的机器是 2019 年的老款"]}]
    screenshot(tab, "verdict-sent")

    other = "20250702-fm12-capper-torque"
    tab.goto(f"cases/{other}/", wait_until="networkidle")
    tab.locator('.kb-verdict [data-verdict="yes"]').click()
    tab.wait_for_timeout(300)
    assert verdicts(requests)[1:] == [{"case": [other], "v": ["yes"]}]

    left = "20251110-fm12-starwheel-jam"
    tab.goto(f"cases/{left}/", wait_until="networkidle")
    tab.locator('.kb-verdict [data-verdict="no"]').click()
    tab.locator("article a.kb-chip").first.click()  # left without the remark, by a link on the page
    tab.wait_for_timeout(800)
    assert verdicts(requests)[2:] == [{"case": [left], "v": ["no"]}], "the no still counts"
    context.close()


def test_a_site_that_logs_nothing_asks_nothing(browser, demo_site):
    context = browser.new_context(base_url=demo_site)
    requests = recorded(context)
    tab = context.new_page()
    tab.goto("cases/20250218-hx200-pressure-drop/", wait_until="networkidle")
    assert tab.locator(".kb-verdict").count() == 1 and not tab.locator(".kb-verdict").is_visible()
    assert not [r for r in requests if "kb-feedback" in r["url"]]
    context.close()
