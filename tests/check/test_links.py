from __future__ import annotations

import json
from pathlib import Path

from generator.check.links import check_site


def page(site: Path, relative: str, body: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


def test_good_links_pass(tmp_path):
    page(
        tmp_path,
        "index.html",
        '<a href="cases/a/">a</a><a href="cases/a/#症状">s</a><a href="#top">t</a><p id="top"></p>'
        '<img src="attachments/x.png"><a href="https://example.com/">out</a><a href="mailto:x">m</a>',
    )
    page(
        tmp_path,
        "cases/a/index.html",
        '<h2 id="症状">症状</h2><a href="../../">home</a><a href="%E7%97%87%E7%8A%B6">no</a>'
        '<a href="#%E7%97%87%E7%8A%B6">enc</a>',
    )
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments/x.png").write_bytes(b"png")
    problems = check_site(tmp_path)
    assert [(p.page, p.url) for p in problems] == [("cases/a/index.html", "%E7%97%87%E7%8A%B6")]


def test_broken_page_anchor_image_and_unsafe_links_are_found(tmp_path):
    page(
        tmp_path,
        "index.html",
        '<a href="missing/">x</a><a href="other/#nope">y</a><img src="gone.png">'
        '<a href="javascript:alert(1)">z</a><a href="../../etc/passwd">w</a>',
    )
    page(tmp_path, "other/index.html", "<p id='yes'></p>")
    problems = check_site(tmp_path)
    reasons = sorted((p.url, p.reason.key) for p in problems)
    assert reasons == [
        ("../../etc/passwd", "link-missing"),
        ("gone.png", "link-missing"),
        ("javascript:alert(1)", "link-unsafe"),
        ("missing/", "link-missing"),
        ("other/#nope", "link-anchor-missing"),
    ]
    lines = {p.url: (p.line("zh"), p.line("en")) for p in problems}
    assert lines["other/#nope"] == (
        "index.html: 错误: other/index.html 里没有锚点 `#nope`: other/#nope",
        "index.html: error: anchor #nope missing in other/index.html: other/#nope",
    )
    assert lines["javascript:alert(1)"][1] == "index.html: error: javascript: link: javascript:alert(1)"


def test_a_problem_line_shows_no_control_character_of_a_link(tmp_path):
    page(tmp_path, "index.html", '<a href="gone/\x1b[31m\rforged">x</a>')
    (problem,) = check_site(tmp_path)
    # the HTML parser reads the carriage return as a line feed; either is shown as its escape
    assert problem.line("en") == "index.html: error: link to a missing page or file: gone/\\x1b[31m\\nforged"


def test_links_under_the_published_base_path_point_into_the_site(tmp_path):
    page(tmp_path, "404.html", '<a href="/kb/cases/a/">a</a><a href="/kb/missing/">m</a>')
    page(tmp_path, "cases/a/index.html", "<p>a</p>")
    problems = check_site(tmp_path, base_path="/kb/")
    assert [p.url for p in problems] == ["/kb/missing/"]


def test_the_check_shared_out_among_processes_finds_the_same(demo_build, tmp_path, monkeypatch):
    import shutil

    from generator.check import links

    site = tmp_path / "site"
    shutil.copytree(demo_build, site)
    page = site / "people/index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", '<a href="../nowhere/">x</a></article>'), "utf-8"
    )
    alone = links.check_site(site)
    monkeypatch.setattr(links, "PARALLEL_FROM", 1)
    monkeypatch.setattr(links.os, "cpu_count", lambda: 2)
    assert links.check_site(site) == alone and [p.url for p in alone] == ["../nowhere/"]


def test_a_kept_check_parses_only_changed_pages_and_finds_what_a_fresh_one_finds(tmp_path, monkeypatch):
    import generator.check.links as links

    site, kept = tmp_path / "site", tmp_path / "kept" / "pages.json"
    page(site, "index.html", '<a href="a/#x">a</a><a href="b/">b</a>')
    page(site, "a/index.html", '<p id="x"></p>')
    page(site, "b/index.html", '<a href="../a/#x">a</a>')
    assert check_site(site, kept=kept) == []
    parsed: list[str] = []
    real_read = links._read
    monkeypatch.setattr(
        links, "_read", lambda path: parsed.append(path.relative_to(site).as_posix()) or real_read(path)
    )
    # the anchor goes from a/: both links to it break, though only a/ is parsed again
    page(site, "a/index.html", '<p id="y"></p>')
    kept_problems = check_site(site, kept=kept)
    assert parsed == ["a/index.html"]
    assert [(p.page, p.url) for p in kept_problems] == [("b/index.html", "../a/#x"), ("index.html", "a/#x")]
    monkeypatch.setattr(links, "_read", real_read)
    assert [(p.page, p.url) for p in check_site(site)] == [(p.page, p.url) for p in kept_problems]
    # the kept file holds this site's pages only: b/ removed, its hash is gone
    (site / "b/index.html").unlink()
    check_site(site, kept=kept)
    assert len(json.loads(kept.read_text(encoding="utf-8"))["pages"]) == 2


def test_a_damaged_kept_file_is_read_as_nothing_kept(tmp_path):
    site, kept = tmp_path / "site", tmp_path / "pages.json"
    page(site, "index.html", '<a href="gone/">x</a>')
    for damage in ("{", '{"format": 1, "strings": [], "pages": {"ab": [[5], []]}}', '{"format": 1, "pages": 3}', "[]"):
        kept.write_text(damage, encoding="utf-8")
        assert [p.url for p in check_site(site, kept=kept)] == ["gone/"]
