"""The installable site: its web app manifest, its icons, and a service worker at the site's root
that every page registers, versioned by the files it keeps."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
from pathlib import Path

import material
import pytest

from generator.offline.shell import (
    ICONS,
    SERVICE_WORKER,
    WEB_MANIFEST,
    Shell,
    base_path,
    service_worker,
    shell_files,
    theme_colour,
    web_manifest,
)
from tests.conftest import copy_minimal
from tests.publish.conftest import build_site

THEME = [str(Path(material.__file__).parent / "templates")]
ASSETS = Path(__file__).resolve().parents[2] / "generator" / "assets"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shell")
    data = copy_minimal(root / "data")
    result = build_site(data, root / "site", root / "cache")
    assert result.ok, (result.error, result.problems)
    return root / "site"


def shell(**changes) -> Shell:
    values = {
        "name": "恒力装备 · 服务知识库",
        "description": "案例库",
        "language": "zh",
        "site_url": "",
        "built": dt.date(2026, 11, 28),
        "colour": "#4051b5",
    }
    return Shell(**{**values, **changes})


def test_the_manifest_names_the_site_in_its_language_with_its_colour_and_icons():
    manifest = json.loads(web_manifest(shell()))
    assert manifest["name"] == "恒力装备 · 服务知识库"
    assert manifest["short_name"] == "服务知识库"
    assert manifest["lang"] == "zh-CN"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["theme_color"] == "#4051b5"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    assert [icon["purpose"] for icon in manifest["icons"]].count("maskable") == 1
    english = json.loads(web_manifest(shell(name="Service KB", language="en", site_url="https://kb.example.com/kb")))
    assert english["lang"] == "en"
    assert english["start_url"] == english["scope"] == "/kb/"


def test_the_base_path_is_the_sites_path_on_its_server():
    assert base_path("") == "./"
    assert base_path("https://example.com") == "/"
    assert base_path("https://example.com/teams/service/") == "/teams/service/"


@pytest.mark.parametrize(
    ("palette", "colour"),
    [
        ([{"scheme": "default", "primary": "indigo"}, {"scheme": "slate", "primary": "indigo"}], "#4051b5"),
        ({"primary": "deep purple"}, "#7e56c2"),
        ({"primary": "teal"}, "#009485"),
        (None, "#4051b5"),
        ({"primary": "white"}, "#4051b5"),  # no colour of its own to give a phone's bar
    ],
)
def test_the_theme_colour_is_the_palettes_primary_as_the_theme_defines_it(palette, colour):
    assert theme_colour(THEME, palette) == colour


def test_the_icons_are_pngs_of_their_sizes():
    for src, sizes, _purpose in ICONS:
        data = (ASSETS.parent / src.replace("assets/", "assets/", 1)).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), src
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == sizes, src


def test_every_page_links_the_manifest_and_loads_the_script_that_registers_the_worker(site):
    pages = [site / "index.html", site / "cases" / "20260412-hx200-pressure-drop" / "index.html", site / "404.html"]
    pages += [site / "guide" / "writing-cases" / "index.html", site / "capture" / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="manifest" href="[./]*manifest\.webmanifest">', html), page
        assert re.search(r'<script src="[./]*assets/kb-offline\.js" type="module">', html), page
        if page.name != "404.html":  # the server's answer for a missing page; never kept on a phone
            notice = 'class="kb-from-phone" data-kb-from-phone hidden>网络不通或太慢：此页来自手机上保存的副本（网站版本 2026年11月28日）'
            assert notice in html, page
    registering = (site / "assets" / "kb-offline.js").read_text(encoding="utf-8")
    assert 'navigator.serviceWorker.register(new URL("sw.js", siteRoot)' in registering


def test_the_worker_is_at_the_root_and_keeps_the_theme_the_scripts_and_the_offline_pages(site):
    worker = (site / SERVICE_WORKER).read_text(encoding="utf-8")
    told = json.loads(worker.split("\n", 1)[0].removeprefix("const KB = ").removesuffix(";"))
    assert told["built"] == "2026-11-28"
    assert told["missing"] == "offline/missing/"
    kept = told["shell"]
    assert {"", "offline/", "offline/missing/", "capture/", WEB_MANIFEST, "assets/kb-capture.json"} <= set(kept)
    assert {"assets/kb-search.js", "assets/kb-offline.js", "assets/kb-capture.js", "assets/kb.css"} <= set(kept)
    assert any(re.match(r"assets/javascripts/bundle\.\w+\.min\.js$", url) for url in kept)
    assert any(re.match(r"assets/stylesheets/main\.\w+\.min\.css$", url) for url in kept)
    assert not any(url.endswith(".map") or "lunr" in url for url in kept)
    for url in kept:
        assert (site / url / "index.html").is_file() if url == "" or url.endswith("/") else (site / url).is_file()


def test_the_workers_version_is_a_hash_of_what_it_keeps(site, tmp_path):
    first = service_worker(site, shell())
    assert service_worker(site, shell()) == first
    copy = tmp_path / "site"
    copy.mkdir()
    for url in shell_files(site):
        source = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        target = copy / source.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    assert service_worker(copy, shell()) == first
    stylesheet = copy / "assets" / "kb.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    changed = service_worker(copy, shell())
    version = re.compile(r'"version": "(\w+)"')
    assert version.search(changed)[1] != version.search(first)[1]
