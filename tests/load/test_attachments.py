"""Which attachment files may be published: inert types, recognised by name and content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load.attachments import TYPES, accepted_types, attachment_problem, normalised_name, svg_problem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PLAIN_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect width="4" height="4" fill="url(#g)"/><use href="#g"/></svg>'


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.png", PNG),
        ("scan.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
        ("manual.pdf", b"%PDF-1.4\n%..."),
        ("parts.xlsx", b"PK\x03\x04" + b"\x00" * 16),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8),
        ("trace.log", "报警 AL-1021 at 10:32\n".encode()),
        ("logs.zip", b"PK\x03\x04" + b"\x00" * 16),
        ("clip.mp4", b"\x00\x00\x00\x18ftypmp42"),
        ("drawing.svg", PLAIN_SVG),
    ],
)
def test_inert_files_of_accepted_types_are_published(tmp_path, name, content):
    assert attachment_problem(write(tmp_path, name, content)) is None


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("report.html", b"<html></html>", "`.html` files are not published"),
        ("page.htm", b"<html></html>", "`.htm`"),
        ("tool.exe", b"MZ", "`.exe`"),
        ("README", b"text", "without a type suffix"),
        ("photo.png", b"<html><script>alert(1)</script></html>", "renamed"),
        ("manual.pdf", b"<script>", "renamed"),
        ("notes.txt", b"\x00\x01binary", "not text"),
    ],
)
def test_active_or_disguised_files_are_refused(tmp_path, name, content, says):
    problem = attachment_problem(write(tmp_path, name, content))
    assert problem is not None and says in str(problem)


def test_refusal_names_the_accepted_types(tmp_path):
    problem = attachment_problem(write(tmp_path, "x.html", b""))
    assert problem is not None and str(accepted_types()) in str(problem)
    assert "图片（.png .jpg" in problem.render("zh") and "压缩包（" in problem.render("zh")


def test_the_accepted_types_name_every_suffix_in_both_languages():
    for language in ("zh", "en"):
        named = accepted_types().render(language)
        assert set(re.findall(r"\.[0-9a-z]+", named)) == set(TYPES), language


@pytest.mark.parametrize(
    "svg, says",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>', "event handler"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>', "<foreignObject>"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><rect/></a></svg>',
            "<a>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://evil.example/x.svg#a"/></svg>',
            "links outside",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>', "<image>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x"/></svg>', "<set>"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://e.example/a.css);</style></svg>',
            "<style>",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://e.example/#a)"/></svg>', "url("),
        (
            b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "not well-formed XML without a DTD",
        ),
        (b'<?xml-stylesheet href="https://e.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', "style sheet"),
        (b"<html><script>alert(1)</script></html>", "not an SVG"),
        (b"<svg", "not well-formed"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></svg>',
            "<script>",
        ),
    ],
)
def test_svg_that_is_more_than_a_drawing_is_refused(svg, says):
    problem = svg_problem(svg)
    assert problem is not None and says in str(problem)


def test_an_editors_own_metadata_in_an_svg_is_inert_and_allowed():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        b'inkscape:version="1.3"><inkscape:grid id="g"/><path d="M0 0h4" inkscape:label="pipe"/></svg>'
    )
    assert svg_problem(svg) is None


@pytest.mark.parametrize(
    "name, expected",
    [
        ("valve.png", "attachments/valve.png"),
        ("attachments/valve.png", "attachments/valve.png"),
        ("photos/2026/阀块 照片#1.jpg", "attachments/photos/2026/阀块 照片#1.jpg"),
        ("../secret.txt", None),
        ("photos/../../x", None),
        ("/etc/passwd", None),
        ("C:\\temp\\x.png", None),
        ("file:x.png", None),
        ("", None),
    ],
)
def test_names_are_kept_inside_the_attachments_folder(name, expected):
    assert normalised_name(name) == expected
