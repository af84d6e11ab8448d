from __future__ import annotations

import hashlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import REPO, copy_minimal, write
from tests.publish.conftest import build_site


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def html(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def test_every_record_has_its_page_at_a_url_with_its_id(minimal_site):
    data_dir, site = minimal_site
    for kind, folder in [
        ("people", "people"),
        ("cases", "cases"),
        ("mentoring", "mentoring"),
        ("sessions", "sessions"),
        ("paths", "paths"),
        ("awards", "awards"),
    ]:
        for record in (data_dir / kind).rglob("*.yml"):
            assert (site / folder / record.stem / "index.html").is_file(), f"{folder}/{record.stem}/"
    for index in [
        "",
        "cases",
        "products",
        "skills",
        "tags",
        "years",
        "review",
        "people",
        "mentoring",
        "training",
        "sessions",
        "paths",
        "honours",
        "checks",
        "guide/writing-cases",
        "guide/adding-records",
    ]:
        assert (site / index / "index.html").is_file(), index
    assert (site / "attachments/valve.png").is_file()


def test_case_page_shows_kcs_sections_and_the_side_panel(minimal_site):
    _, site = minimal_site
    page = html(site, "cases/20260412-hx200-pressure-drop")
    headings = [h.text(strip=True) for h in page.css("article h2")]
    assert headings[:4] == ["症状¶", "环境¶", "原因¶", "解决步骤¶"]
    assert page.css_first("h2#症状") is not None, "Chinese headings keep Chinese anchors"
    panel = page.css_first("aside.kb-panel").text()
    assert "已验证" in panel and "张伟" in panel and "李娜" in panel and "6.5 小时" in panel
    links = {a.attributes["href"] for a in page.css("aside.kb-panel a")}
    assert "../../people/li-na/" in links and "../../products/hx-200/" in links
    cited = page.css_first("ul.kb-cited-by").text()
    assert "液压系统基础" in cited and "优秀服务工程师" in cited


def test_archived_case_is_visibly_marked(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    case = "cases/2026/20260412-hx200-pressure-drop.yml"
    write(data_dir, case, (data_dir / case).read_text(encoding="utf-8").replace("state: validated", "state: archived"))
    assert build_site(data_dir, tmp_path / "site", tmp_path / "cache").ok
    page = html(tmp_path / "site", "cases/20260412-hx200-pressure-drop")
    assert page.css_first(".kb-notice-archived") is not None and page.css_first(".kb-badge-archived") is not None


def test_two_builds_are_identical_byte_for_byte(tmp_path):
    data_dir = REPO / "data"
    first = build_site(data_dir, tmp_path / "one", tmp_path / "cache-one")
    second = build_site(data_dir, tmp_path / "two", tmp_path / "cache-two")
    assert first.ok and second.ok
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_invalid_records_stop_the_build_and_keep_the_previous_site(minimal_site, tmp_path):
    data_dir, site = minimal_site
    before = tree_digest(site)
    write(
        data_dir,
        "people/li-na.yml",
        (data_dir / "people/li-na.yml").read_text(encoding="utf-8").replace("team:", "teem:"),
    )
    result = build_site(data_dir, site, tmp_path / "cache")
    assert not result.ok and [d.code for d in result.prepared.report.errors] == ["KB202"]
    assert tree_digest(site) == before


def test_a_broken_link_stops_the_build_and_keeps_the_previous_site(minimal_site, tmp_path):
    data_dir, site = minimal_site
    before = tree_digest(site)
    case = "cases/2026/20260501-vmc850-spindle-alarm.yml"
    write(
        data_dir,
        case,
        (data_dir / case).read_text(encoding="utf-8").replace("开机报警 ALM 401。", "见[下文](#no-such-section)"),
    )
    result = build_site(data_dir, site, tmp_path / "cache")
    assert not result.ok and [p.url for p in result.problems] == ["#no-such-section"]
    assert tree_digest(site) == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site-")], "no half-built folder is left behind"


def test_english_setting_switches_generated_labels(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    assert build_site(data_dir, tmp_path / "site", tmp_path / "cache", language="en").ok
    page = html(tmp_path / "site", "cases/20260412-hx200-pressure-drop")
    assert [h.text(strip=True) for h in page.css("article h2")][:4] == [
        "Symptoms¶",
        "Environment¶",
        "Cause¶",
        "Resolution¶",
    ]
    assert page.css_first("html").attributes["lang"] == "en"
    checks = html(tmp_path / "site", "checks").css_first("tr#kb101").text()
    assert "YAML syntax error" in checks and "语法" not in checks


def test_no_asset_is_loaded_from_outside_the_site(minimal_site):
    _, site = minimal_site
    for page in site.rglob("*.html"):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("link[href], script[src], img[src]"):
            url = node.attributes.get("href") or node.attributes.get("src")
            assert "//" not in url, f"{page}: {url}"
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")
