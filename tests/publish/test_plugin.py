"""Plain `mkdocs build` works through the plugin, and reports record errors without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, copy_minimal, write


def mkdocs_build(data_dir, site_dir, cache_dir, language="zh"):
    env = {
        **os.environ,
        "KB_DATA": str(data_dir),
        "KB_CACHE": str(cache_dir),
        "KB_TODAY": "2026-11-28",
        "KB_LANGUAGE": language,
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_plain_mkdocs_build_renders_the_records(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    result = mkdocs_build(data_dir, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/cases/20260412-hx200-pressure-drop/index.html").is_file()
    assert (tmp_path / "cache/cases/20260412-hx200-pressure-drop.md").is_file(), "pages are materialised in the cache"


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("zh", ["记录有错误，什么都没有构建", "people/li-na.yml:3:1: error KB406: 未知的团队 `west`"]),
        (
            "en",
            ["the records have errors; nothing was built", "people/li-na.yml:3:1: error KB406: unknown team `west`"],
        ),
    ],
)
def test_plain_mkdocs_build_stops_on_record_errors_with_their_position(tmp_path, language, says):
    data_dir = copy_minimal(tmp_path / "data")
    write(
        data_dir,
        "people/li-na.yml",
        (data_dir / "people/li-na.yml").read_text(encoding="utf-8").replace("team: hotline", "team: west"),
    )
    result = mkdocs_build(data_dir, tmp_path / "site", tmp_path / "cache", language)
    assert result.returncode == 1
    assert all(words in result.stderr for words in says), result.stderr
    assert "Traceback" not in result.stderr


def test_english_site_names_nav_sections_in_english(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    assert mkdocs_build(data_dir, tmp_path / "site", tmp_path / "cache", "en").returncode == 0
    from selectolax.lexbor import LexborHTMLParser

    home = LexborHTMLParser((tmp_path / "site/index.html").read_text(encoding="utf-8"))
    tabs = [tab.text(strip=True) for tab in home.css(".md-tabs__link")]
    assert "Training" in tabs and "Guide" in tabs and "Cases" in tabs
    assert not {"培训", "指南", "案例库"} & set(tabs)


def test_cache_rewrites_only_changed_pages(tmp_path):
    from generator.page_cache import remove_stale, write_pages
    from generator.render import Page

    assert write_pages(tmp_path, [Page("a.md", "A"), Page("b/c.md", "C")]) == ["a.md", "b/c.md"]
    assert write_pages(tmp_path, [Page("a.md", "A"), Page("b/c.md", "C2")]) == ["b/c.md"]
    remove_stale(tmp_path, {"a.md"})
    assert not (tmp_path / "b/c.md").exists() and (tmp_path / "a.md").read_text() == "A"
