"""The codes page (/checks/): every code's title, example and fix in the site's language."""

from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from generator.codes import CODES
from generator.model import build_dataset
from generator.pipeline import check
from generator.render import render_site
from generator.settings import Settings
from tests.conftest import MINIMAL


def rows(html: str) -> dict[str, str]:
    page = LexborHTMLParser(html)
    return {row.attributes["id"]: row.text() for row in page.css("tr[id]")}


def test_the_codes_page_of_the_chinese_demo_site_is_chinese(demo_build):
    shown = rows((demo_build / "checks/index.html").read_text(encoding="utf-8"))
    assert set(shown) == {code.lower() for code in CODES}
    assert "YAML 语法错误" in shown["kb101"] and "YAML syntax error" not in shown["kb101"]
    assert "缺少必填字段" in shown["kb201"] and "Required field missing" not in shown["kb201"]
    assert "警告" in shown["kb701"]


def test_the_codes_page_of_an_english_site_is_english():
    checked = check(Settings(MINIMAL, dt.date(2026, 11, 28), shown_root="data"))
    [page] = [p for p in render_site(build_dataset(checked.context), "en") if p.src_uri == "checks.md"]
    assert "YAML syntax error" in page.text and "Required field missing" in page.text
    assert "YAML 语法错误" not in page.text and "缺少必填字段" not in page.text
