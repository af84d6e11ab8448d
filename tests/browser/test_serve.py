"""`kb serve` the way an editor of records uses it: edit, break, fix, delete, add.

At every step the served site must be what a full `kb build` of the files on disk gives.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import REPO
from tests.publish.conftest import build_site

CASE = "cases/2026/20260115-hx200-accumulator-precharge.yml"
CASE_URL = "cases/20260115-hx200-accumulator-precharge/"
GONE = "cases/2025/20250618-sd3-overcurrent-on-start.yml"  # a case no record names
GONE_ID = "20250618-sd3-overcurrent-on-start"
UNRELATED = ["", "people/", "training/", "honours/", "guide/writing-cases/"]
LIVERELOAD = re.compile(rb"<script>\s*var livereload = function.*?</script>", re.DOTALL)
BANNER = re.compile(rb'<div class="kb-serve-errors".*?</div>', re.DOTALL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.monotonic() - started
    except OSError:
        return 0, b"", time.monotonic() - started


def eventually(check, limit: float = 20.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def as_built(served: bytes) -> bytes:
    """A served page without what the server adds to it (live reload, the errors banner)."""
    return BANNER.sub(b"", LIVERELOAD.sub(b"", served))


def navigation(page: bytes) -> list[str]:
    tree = LexborHTMLParser(page.decode("utf-8"))
    return [node.html for node in tree.css("nav.md-tabs, nav.md-nav--primary")]


@pytest.fixture
def served(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(REPO / "data", data_dir)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    command = [sys.executable, "-m", "generator", "serve", "--data", str(data_dir), "--today", "2026-11-28"]
    command += ["--cache-dir", str(tmp_path / "cache"), "-a", f"127.0.0.1:{port}", "--verbose"]  # each rebuild too
    server = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert eventually(lambda: get(base)[0] == 200, 120), (tmp_path / "serve.log").read_text()
        yield base, data_dir, tmp_path
    finally:
        server.terminate()
        server.wait(30)
        log.close()


def test_serve_follows_edit_break_fix_delete_add_and_matches_a_clean_build(served, demo_build, browser):
    base, data_dir, tmp_path = served
    # A clean build of the same copy (outside git, so without history, like the served one).
    start = build_site(data_dir, tmp_path / "start", tmp_path / "start-cache")
    assert start.ok, start.error
    clean_navigation = {url: navigation((tmp_path / "start" / url / "index.html").read_bytes()) for url in UNRELATED}
    log = tmp_path / "serve.log"

    def navigation_is_clean() -> bool:
        return all(navigation(get(base + url)[1]) == clean_navigation[url] for url in UNRELATED)

    # edit: the page changes, and the navigation is that of a clean build
    case = data_dir / CASE
    case.write_text(
        case.read_text(encoding="utf-8").replace("泵一会儿加载一会儿卸荷", "改过的标题：泵频繁加卸载"), "utf-8"
    )
    assert eventually(lambda: "改过的标题".encode() in get(base + CASE_URL)[1]), log.read_text()
    assert eventually(lambda: "改过的标题".encode() in get(base + "people/wu-tao/")[1]), "the author's page follows"
    assert navigation_is_clean()

    # break: every page still answers at once, with the error on it
    person = data_dir / "people/zhang-wei.yml"
    good = person.read_text(encoding="utf-8")
    person.write_text(good.replace("team: east", "teem: east"), "utf-8")
    assert eventually(lambda: b"kb-serve-errors" in get(base + "people/")[1]), log.read_text()
    for url in UNRELATED + [CASE_URL, "assets/kb.css"]:
        status, body, seconds = get(base + url)
        assert status == 200 and seconds < 1.0, (url, status, seconds)
        if not url.endswith(".css"):
            assert b"people/zhang-wei.yml:4:1" in body and b"KB202" in body
    tab = browser.new_page()
    tab.goto(base + "people/")
    banner = tab.locator(".kb-serve-errors")
    # The page may reload once, when the search index of the last good site is written.
    expect(banner).to_be_visible()
    assert "people/zhang-wei.yml" in banner.inner_text()
    banner.get_by_role("button").click()
    assert tab.locator(".kb-serve-errors").count() == 0, "the banner can be dismissed"
    tab.close()
    # in the site's language (the repository's mkdocs.yml: Chinese)
    assert log.read_text(encoding="utf-8").count("未知字段 `teem`") == 1, "said once in the terminal"

    # fix: the banner goes
    person.write_text(good, "utf-8")
    assert eventually(lambda: b"kb-serve-errors" not in get(base + "people/")[1]), log.read_text()
    assert navigation_is_clean()

    # delete: the page is gone and nothing links to it any more
    linking = [p for p in demo_build.rglob("*.html") if GONE_ID.encode() in p.read_bytes() and "cases" in p.parts]
    assert linking, "the test needs pages that link to the case"
    removed = data_dir / GONE
    kept = removed.read_text(encoding="utf-8")
    removed.unlink()
    assert eventually(lambda: get(base + f"cases/{GONE_ID}/")[0] == 404), log.read_text()
    for page in linking:
        url = page.relative_to(demo_build).parent.as_posix() + "/"
        assert GONE_ID.encode() not in get(base + url)[1], url
    assert navigation_is_clean()

    # add: a new case appears, and the index lists it
    added = data_dir / "cases/2026/20261130-sd3-overcurrent-on-start.yml"
    added.write_text(
        kept.replace(GONE_ID, "20261130-sd3-overcurrent-on-start").replace(
            "solved_on: 2025-06-18", "solved_on: 2026-11-30"
        ),
        "utf-8",
    )
    assert eventually(lambda: get(base + "cases/20261130-sd3-overcurrent-on-start/")[0] == 200), log.read_text()
    assert eventually(lambda: b"20261130-sd3-overcurrent-on-start" in get(base + "products/sd-3/")[1])
    assert navigation_is_clean()

    # the served pages are byte for byte those of a clean build of the same files
    clean = build_site(data_dir, tmp_path / "clean", tmp_path / "clean-cache")
    assert clean.ok, clean.error
    pages = UNRELATED + [
        CASE_URL,
        "people/wu-tao/",
        "people/zhang-wei/",
        "cases/",
        "cases/20261130-sd3-overcurrent-on-start/",
    ]
    for url in pages:
        expected = (tmp_path / "clean" / url / "index.html").read_bytes()
        assert as_built(get(base + url)[1]) == expected, url
    assert "Traceback" not in log.read_text(encoding="utf-8")
    # and so are the offline packs, once the background pass has made them: the added case's too
    expected_pack = (tmp_path / "clean" / "packs" / "sd-3.json").read_bytes()
    assert b"20261130-sd3-overcurrent-on-start" in expected_pack
    assert eventually(lambda: get(base + "packs/sd-3.json")[1] == expected_pack, 120), log.read_text()

    # left alone, the server rebuilds nothing: its own reading of the files is no change
    time.sleep(3)  # the background pass of the last edit, and its reload
    settled = log.read_text(encoding="utf-8").count("Detected file changes")
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("Detected file changes") == settled, "rebuilds with no edit"
