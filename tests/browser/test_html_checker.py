"""Valid HTML: the Nu HTML Checker (vnu.jar) finds no error on any page of the built sites,
the theme's own markup included. Nothing is filtered out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.browser.conftest import checker_file
from tests.conftest import REPO, TESTS, copy_minimal
from tests.publish.conftest import build_site


def html_errors(site: Path) -> list[str]:
    java = shutil.which("java")
    if not java:
        pytest.fail("the HTML checker needs Java: apt-get install default-jre-headless", pytrace=False)
    vnu = checker_file("vnu-jar/build/dist/vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages or result.returncode == 0, result.stderr[-2000:]
    return [f"{m['url'].removeprefix('file:')}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_of_the_demo_site_is_valid_html(demo_build):
    for page in (
        "goals/index.html",
        "goals/2026-q4-east/index.html",
        "commendations/20261120-banner-xu-yang/index.html",
        "glossary/index.html",
    ):
        assert (demo_build / page).is_file(), page  # the goals, commendations and glossary are among the pages checked
    assert html_errors(demo_build) == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_page_of_another_organisation_is_valid_html(tmp_path, language):
    site = tmp_path / "site"
    assert build_site(TESTS / "data" / "second-org", site, tmp_path / "cache", language=language).ok
    assert html_errors(site) == []


def test_the_sticker_pages_and_the_sheet_of_stickers_are_valid_html(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_SITE_URL", "https://kb.example.com/")
    site = tmp_path / "site"
    data = copy_minimal(tmp_path / "data")
    assert build_site(data, site, tmp_path / "cache").ok
    assert (site / "products" / "hx-200" / "qr" / "index.html").is_file()
    sheet = site / "kb-qr-sheet"  # checked with the site's pages
    result = CliRunner().invoke(main, ["qr", "--data", str(data), "-f", str(REPO / "mkdocs.yml"), "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    assert html_errors(site) == []


def test_a_contest_paper_and_its_answer_key_are_valid_html(tmp_path):
    out = tmp_path / "contest"
    for language in ("zh", "en"):
        arguments = ["contest", "--data", str(REPO / "data"), "--seed", "5", "--session", "2026-06-skills-contest"]
        arguments += ["--out", str(out / language), "--language", language, "-f", str(REPO / "mkdocs.yml")]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.rglob("*.html")) == [
        "answers.html",
        "answers.html",
        "paper.html",
        "paper.html",
    ]
    assert html_errors(out) == []
