from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from generator.render.text import markdown_inline, plain_text, render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[x](vbscript:msgbox(1))",
    "<details open ontoggle=alert(1)>",
]


def live_problems(html: str) -> list[str]:
    tree = LexborHTMLParser(html)
    problems = [node.tag for node in tree.css("script, iframe, svg, object, embed, style, details")]
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                problems.append(f"{node.tag}[{name}]")
            if (
                name in ("href", "src")
                and value
                and value.strip().lower().startswith(("javascript:", "vbscript:", "data:"))
            ):
                problems.append(f"{node.tag}[{name}={value}]")
    return problems


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_never_becomes_live_html(text):
    assert live_problems(render_markdown(text, "../../attachments")) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(HOSTILE + ["**b**", "\n\n", "- ", "`", "[", "](", ")", "<", ">", '"', "'", " on", "="]),
        max_size=12,
    ).map("".join)
)
def test_mixtures_of_hostile_pieces_stay_inert(text):
    assert live_problems(render_markdown(text, "a")) == []


def test_markdown_is_rendered_and_headings_sit_under_the_page_sections():
    html = render_markdown("## 步骤\n\n1. 拆检\n2. 更换 `HX-PV-0231`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "a")
    assert "<h4>步骤</h4>" in html and "<ol>" in html and "<code>HX-PV-0231</code>" in html and "<table>" in html


def test_attachment_images_point_into_the_site_attachments():
    html = render_markdown(
        "![阀块](valve.png) ![b](attachments/b.png) ![c](https://example.com/c.png)", "../../attachments"
    )
    assert 'src="../../attachments/valve.png"' in html
    assert 'src="../../attachments/b.png"' in html
    assert 'src="https://example.com/c.png"' in html


def test_web_links_get_noopener():
    assert 'rel="noopener noreferrer"' in render_markdown("[手册](https://intranet.example.com/m.pdf)", "a")


def test_inline_text_for_headings_is_escaped_for_html_and_markdown():
    assert markdown_inline("[x](javascript:y) <b>*z*</b>") == "\\[x\\]\\(javascript:y\\) &lt;b&gt;\\*z\\*&lt;/b&gt;"


def test_plain_text_keeps_the_words():
    assert plain_text("- 报警 `E203`\n- **压力**低") == "报警 E203 压力 低"


def test_a_heading_from_a_title_is_one_line_without_control_characters():
    assert markdown_inline("液压站\n\n# 压力\u2028掉\x1b[31m\x07") == "液压站 \\# 压力 掉\\[31m"


def test_markdown_fields_keep_their_lines_and_lose_their_control_characters():
    html = str(render_markdown("第一行\x1b[31m\r\n\r\n第二\x07行\u2028", "a"))
    assert html == "<p>第一行[31m</p>\n<p>第二行</p>\n" and plain_text("a\x1b\nb\x00") == "a b"
