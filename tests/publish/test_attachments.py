"""What reaches the site from data/attachments/: only inert files that records name."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import write
from tests.publish.conftest import build_site
from tests.publish.test_build import tree_digest

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
PNG = (b"\x89PNG\r\n\x1a\n", b"\x00" * 24)


def _name_in_symptoms(data_dir, markdown: str) -> None:
    text = (data_dir / CASE).read_text(encoding="utf-8")
    write(data_dir, CASE, text.replace("HMI 报警 E203。", f"HMI 报警 E203。{markdown}"))


def test_only_named_attachments_are_published_under_names_that_resolve(minimal_site, tmp_path):
    data_dir, site = minimal_site
    (data_dir / "attachments" / "unnamed-draft.txt").write_text("not for publishing", encoding="utf-8")
    (data_dir / "attachments" / "photos").mkdir()
    (data_dir / "attachments" / "photos" / "阀块 照片#1.png").write_bytes(b"".join(PNG))
    _name_in_symptoms(data_dir, "\n\n  ![阀块](photos/阀块%20照片%231.png)")
    result = build_site(data_dir, site, tmp_path / "cache2")
    assert result.ok, (result.error, result.problems, result.prepared.report.items)
    published = sorted(p.relative_to(site).as_posix() for p in (site / "attachments").rglob("*") if p.is_file())
    assert published == ["attachments/photos/阀块 照片#1.png", "attachments/valve.png"]
    page = site / "cases/20260412-hx200-pressure-drop/index.html"
    sources = [img.attributes["src"] for img in LexborHTMLParser(page.read_text(encoding="utf-8")).css("img")]
    resolved = {(page.parent / unquote(src)).resolve() for src in sources}
    assert (site / "attachments/photos/阀块 照片#1.png").resolve() in resolved


def test_a_linked_host_file_is_refused_and_never_published(minimal_site, tmp_path):
    data_dir, site = minimal_site
    before = tree_digest(site)
    (data_dir / "attachments" / "notes.txt").symlink_to("/etc/passwd")
    _name_in_symptoms(data_dir, "见 [说明](notes.txt)")
    result = build_site(data_dir, site, tmp_path / "cache2")
    codes = sorted(d.code for d in result.prepared.report.errors)
    assert not result.ok and codes == ["KB113", "KB507"]
    assert tree_digest(site) == before
    host = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert not any(host in p.read_text(errors="ignore") for p in site.rglob("*") if p.is_file())


def test_an_active_attachment_stops_the_build(minimal_site, tmp_path):
    data_dir, site = minimal_site
    before = tree_digest(site)
    (data_dir / "attachments" / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>', encoding="utf-8"
    )
    (data_dir / "attachments" / "report.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    _name_in_symptoms(data_dir, "![图](drawing.svg) [报告](attachments/report.html)")
    result = build_site(data_dir, site, tmp_path / "cache2")
    errors = result.prepared.report.errors
    assert not result.ok and [(d.code, d.line) for d in errors] == [("KB512", 9), ("KB512", 9)]
    assert tree_digest(site) == before
