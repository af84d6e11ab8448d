"""Record text is untrusted: a hostile record builds into a site where none of it is live HTML."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import copy_minimal, write
from tests.publish.conftest import build_site

PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>[点我](javascript:alert(1))\"'><svg onload=alert(1)>"

QUOTED_PAYLOAD = PAYLOAD.replace('"', '\\"')
HOSTILE_CASE = f"""id: 20260601-hx200-hostile
title: "{QUOTED_PAYLOAD}"
state: not-validated
products: [hx-200]
tags: ["<script>alert(1)</script>", "\\"><img src=x onerror=alert(1)>"]
aka: ["<b onmouseover=alert(1)>悬停</b>"]
symptoms: |
  {PAYLOAD}
  <iframe src="https://evil.example/"></iframe>
  [数据](data:text/html;base64,PHNjcmlwdD4=)
environment: |
  <a href="javascript:alert(1)">环境</a>
resolution: |
  1. <details open ontoggle=alert(1)>x</details>
authors: [chen-hao]
solved_on: 2026-06-01
customer: "某厂<script>alert(1)</script>"
"""


def test_hostile_record_builds_into_inert_html(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    write(data_dir, "cases/2026/20260601-hx200-hostile.yml", HOSTILE_CASE)
    person = data_dir / "people/chen-hao.yml"
    write(
        data_dir,
        "people/chen-hao.yml",
        person.read_text(encoding="utf-8").replace("name: 陈浩", 'name: "陈浩<script>alert(1)</script>"')
        + "title: '\"><img src=x onerror=alert(1)>'\n",
    )
    result = build_site(data_dir, tmp_path / "site", tmp_path / "cache")
    assert result.ok, (result.error, result.problems, result.prepared.report.items if result.prepared else None)
    site = tmp_path / "site"
    case_page = (site / "cases/20260601-hx200-hostile/index.html").read_text(encoding="utf-8")
    assert "alert" in case_page, "the text is shown, as text"
    for page in site.rglob("*.html"):
        problems = live_html(page.read_text(encoding="utf-8"))
        assert problems == [], f"{page.relative_to(site)}: {problems}"


OUR_SCRIPTS = tuple(f"assets/kb-{name}.js" for name in ("search", "pages", "offline", "capture", "learning"))


def live_html(text: str) -> list[str]:
    tree = LexborHTMLParser(text)
    found = []
    for script in tree.css("script"):
        source = script.attributes.get("src") or ""
        ours = "assets/javascripts/" in source or source.endswith(OUR_SCRIPTS)
        if "alert" in script.text() or (source and not ours):
            found.append(f"script {source or script.text()[:40]}")
    for tag in ("iframe", "object", "embed", "b"):
        found += [tag for _ in tree.css(tag)]
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                found.append(f"<{node.tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                found.append(f"<{node.tag} {name}={value}>")
    for svg in tree.css("svg"):
        if "onload" in svg.html:
            found.append("svg onload")
    return found


def test_feeds_carry_sanitised_html_escaped_once(tmp_path):
    """A feed reader unescapes the XML once and renders what it finds as HTML: it must be the
    pages' own sanitised HTML, so record text such as `<script>` stays text."""
    from xml.etree import ElementTree

    data_dir = copy_minimal(tmp_path / "data")
    hostile = HOSTILE_CASE.replace("state: not-validated", "state: validated\nvalidated_by: li-na")
    write(data_dir, "cases/2026/20260601-hx200-hostile.yml", hostile)
    result = build_site(data_dir, tmp_path / "site", tmp_path / "cache")
    assert result.ok, (result.error, result.problems, result.prepared.report.items if result.prepared else None)
    rss = ElementTree.parse(tmp_path / "site/feeds/cases.xml").getroot()
    atom = ElementTree.parse(tmp_path / "site/feeds/cases.atom").getroot()
    summaries = [item.findtext("description") for item in rss.iter("item")]
    summaries += [
        entry.findtext("{http://www.w3.org/2005/Atom}summary")
        for entry in atom.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    hostile_ones = [text for text in summaries if text and "alert" in text]
    assert len(hostile_ones) == 2, summaries
    for text in hostile_ones:
        assert live_html(text) == [], text
        assert "&lt;script&gt;" in text  # shown to the reader as text
    assert atom.find(".//{http://www.w3.org/2005/Atom}summary").get("type") == "html"
