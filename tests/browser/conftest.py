"""A real headless Chromium (Debian's package) against built sites served on localhost."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import REPO, TESTS
from tests.publish.conftest import build_site

ARTIFACTS = REPO / "test-artifacts"
NODE_MODULES = REPO / ".cache" / "node" / "node_modules"  # installed by ./dev test (ensure_checkers)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium", pytrace=False)
    return found


def checker_file(relative: str) -> Path:
    """A file of the accessibility and HTML checkers; missing means the tests fail, never skip."""
    found = NODE_MODULES / relative
    if not found.is_file():
        pytest.fail(f"{found} is missing: run ./dev test, which installs axe-core and vnu-jar", pytrace=False)
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def demo_site(demo_build) -> Iterator[str]:
    """The demo site served on localhost; yields its base URL."""
    url, server = serve(demo_build)
    yield url
    server.shutdown()


SECOND_ORG_SHARD_PAGES = 40  # the second organisation's ~100 pages in three search shards


@pytest.fixture(scope="session")
def second_org_build(tmp_path_factory) -> Path:
    """The second organisation's site (tests/data/second-org), its index in three shards."""
    root = tmp_path_factory.mktemp("second-org")
    result = build_site(
        TESTS / "data" / "second-org", root / "site", root / "cache", shard_pages=SECOND_ORG_SHARD_PAGES
    )
    assert result.ok, (result.error, result.problems)
    assert len(result.search.shards) == 3, "the query sets search an index merged from shards"
    return root / "site"


@pytest.fixture(scope="session")
def second_org_site(second_org_build) -> Iterator[str]:
    """The second organisation's site served on localhost; yields its base URL."""
    url, server = serve(second_org_build)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def english_demo_site(tmp_path_factory) -> Iterator[str]:
    """The demo data built as an English site and served on localhost; yields its base URL."""
    root = tmp_path_factory.mktemp("english-demo")
    result = build_site(REPO / "data", root / "site", root / "cache", language="en")
    assert result.ok, (result.error, result.problems)
    url, server = serve(root / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def third_org_sites(tmp_path_factory) -> Iterator[dict[str, str]]:
    """The third organisation's site (tests/data/third-org, its glossary included) in each
    language, served on localhost: {language: base URL}."""
    root = tmp_path_factory.mktemp("third-org")
    data = TESTS / "data" / "third-org"
    urls, servers = {}, []
    for language in ("zh", "en"):
        result = build_site(data, root / f"site-{language}", root / f"cache-{language}", language=language)
        assert result.ok, (result.error, result.problems)
        urls[language], server = serve(root / f"site-{language}")
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
