"""Valid HTML: the Nu HTML Checker (vnu.jar) finds no error on any page of the built sites,
the theme's own markup included. Nothing is filtered out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import checker_file
from tests.build.conftest import build_site
from tests.conftest import TESTS


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
    assert html_errors(demo_build) == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_page_of_another_organisation_is_valid_html(tmp_path, language):
    site = tmp_path / "site"
    assert build_site(TESTS / "data" / "second-org", site, tmp_path / "cache", language=language).ok
    assert html_errors(site) == []
