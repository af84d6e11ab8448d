"""A clean console: every page of the demo site, at desktop and phone widths, loads with no
console error, no uncaught exception and no failed request."""

from __future__ import annotations

import time

import pytest

from tests.browser.test_navigation import VIEWPORTS

QUIET_SECONDS = 0.15  # no request in flight for this long: the page's own fetches are done


def every_page(site) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
    return [p.removesuffix("index.html") for p in pages]


class Watcher:
    """Console errors, exceptions and failed requests of one tab, and whether it is quiet."""

    def __init__(self, tab) -> None:
        self.problems: list[str] = []
        self.page = ""  # the page being opened; each request is marked with the page it began on
        self.began_on: dict[object, str] = {}
        self.in_flight = 0
        self.last_activity = time.monotonic()
        tab.on("console", lambda m: self.problems.append(f"console: {m.text}") if m.type == "error" else None)
        tab.on("pageerror", lambda error: self.problems.append(f"exception: {error}"))
        tab.on("request", self._started)
        tab.on("requestfinished", self._ended)
        tab.on("requestfailed", self._failed)
        tab.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def _failed(self, request) -> None:
        # Chromium asks for the favicon once a page has loaded; with the service worker serving it
        # that is a request of its own, which the test's next page cuts short. Not a failure.
        # A request of the page before (the search page loading its index on a slow machine) is
        # cut short by opening the next one: the test left, the page did not fail.
        aborted = request.failure == "net::ERR_ABORTED"
        left_behind = aborted and self.began_on.get(request) not in (None, self.page)
        cut_short = aborted and request.url.endswith("/assets/images/favicon.png")
        if not (cut_short or left_behind):
            self.problems.append(f"failed: {request.url} {request.failure}")
        self._ended(request)

    def _started(self, request) -> None:
        self.began_on[request] = self.page
        self.in_flight += 1
        self.last_activity = time.monotonic()

    def _ended(self, _request) -> None:
        self.in_flight -= 1
        self.last_activity = time.monotonic()

    def wait_until_quiet(self, tab, limit: float = 10) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.in_flight <= 0 and time.monotonic() - self.last_activity > QUIET_SECONDS:
                return
            tab.wait_for_timeout(30)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_page_logs_an_error_or_fails_a_request(browser, demo_site, demo_build, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=demo_site)
    tab = context.new_page()
    watcher = Watcher(tab)
    found = {}
    pages = every_page(demo_build)
    assert len(pages) > 100
    for url in pages:
        watcher.page = url
        tab.goto(url, wait_until="load")
        watcher.wait_until_quiet(tab)
        if watcher.problems:
            found[url or "home"], watcher.problems = watcher.problems, []
    context.close()
    assert not found, "\n".join(f"{url}: {p}" for url, problems in found.items() for p in problems)
