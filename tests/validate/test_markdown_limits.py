"""Markdown that would cost its parser many times its length is refused before any parser
sees it (KB513-KB515), at the line where a limit is passed; what passes still renders whole.

The issue's inputs, each under the 1 MiB a record may have, made `kb validate` take 20-30 s
and `kb build` more than a minute (benchmarks/MARKDOWN.md).
"""

from __future__ import annotations

import re

import pytest

from generator.markdown import MAX_LINKS, MAX_NESTING, markdown_excess
from generator.render.text import plain_text, render_markdown
from tests.conftest import check, found

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
SYMPTOMS_LINE = 9  # `symptoms: |` is line 8 of the case; its text starts on line 9


def with_symptoms(data, text: str) -> None:
    """The case's symptoms replaced by `text`, written as a `|` block."""
    path = data / CASE
    block = "".join(f"  {line}\n" if line else "\n" for line in text.split("\n"))
    record = re.sub(r"symptoms: \|\n(  .*\n)+", lambda _: "symptoms: |\n" + block, path.read_text(encoding="utf-8"))
    path.write_text(record, encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("![a](" * 190_000, "KB515", SYMPTOMS_LINE),  # the issue's: 190,000 image openers
        ("[" * 100_000 + "a" + "]" * 100_000, "KB514", SYMPTOMS_LINE),  # and 100,000 nested brackets
        ("- " * 100_000 + "x", "KB513", SYMPTOMS_LINE),  # lists inside lists on one line
        ("> " * 100_000 + "x", "KB513", SYMPTOMS_LINE),  # quotes inside quotes
        ("正文\n\n" + "".join("  " * depth + f"- 第 {depth} 层\n" for depth in range(40)), "KB513", 27),
        ("[a\n" * 40, "KB514", SYMPTOMS_LINE + MAX_NESTING),  # brackets left open over the lines of a paragraph
    ],
)
def test_the_issues_inputs_are_refused_at_their_line(data, text, code, line):
    with_symptoms(data, text)
    problems = [problem for problem in found(check(data)) if problem[2].startswith("KB5")]
    assert problems == [(CASE, line, code)]


def test_the_message_names_the_field_and_the_limit(data):
    with_symptoms(data, "![a](valve.png)\n" * (MAX_LINKS + 1))
    [problem] = [item for item in check(data).report.items if item.code == "KB515"]
    assert problem.message.startswith("`symptoms` holds more than 500 links and images")
    assert (problem.line, problem.column) == (SYMPTOMS_LINE + MAX_LINKS, 6)  # at its `](`
    assert "`symptoms` 里的链接和图片超过了 500 个" in problem.in_language("zh")


@pytest.mark.parametrize(
    ("at_the_limit", "past_it", "kind"),
    [
        ("![a](valve.png) " * MAX_LINKS, "![a](valve.png) " * (MAX_LINKS + 1), "links"),
        ("[x][y] " * MAX_LINKS, "[x][y] " * (MAX_LINKS + 1), "links"),
        ("- " * MAX_NESTING + "x", "- " * (MAX_NESTING + 1) + "x", "blocks"),
        ("> " * MAX_NESTING + "x", "> " * (MAX_NESTING + 1) + "x", "blocks"),
        ("1. " * MAX_NESTING + "x", "1. " * (MAX_NESTING + 1) + "x", "blocks"),
        ("> - " * (MAX_NESTING // 2) + "x", "> - " * (MAX_NESTING // 2) + "> x", "blocks"),
        (
            "".join("  " * d + "- x\n" for d in range(MAX_NESTING)),
            "".join("  " * d + "- x\n" for d in range(17)),
            "blocks",
        ),
        ("[" * MAX_NESTING + "a", "[" * (MAX_NESTING + 1) + "a", "brackets"),
        ("[a" * MAX_NESTING + "\n\n" + "[a" * MAX_NESTING, "[a\n" * (MAX_NESTING + 1), "brackets"),
    ],
)
def test_each_limit_is_where_it_says(at_the_limit, past_it, kind):
    assert markdown_excess(at_the_limit) is None
    excess = markdown_excess(past_it)
    assert excess is not None and excess.kind == kind


def test_what_people_write_is_far_within_the_limits():
    texts = [
        "- - -\n" + "- " * 40 + "\n",  # thematic breaks, however long
        "```\n" + "[" * 1000 + "\n" + "> " * 1000 + "\n```\n",  # code holds no Markdown
        "~~~json\n" + "[" * 1000 + "\n~~~\n",
        "\\[" * 1000,  # escaped brackets open nothing
        "[INFO] started\n" * 2000,  # a log pasted as text
        "    " * 40 + "indented text, no list\n",
        "\t" * 30 + "text\n",
        "1985) 年的机器\n" + "数组 a[0] 和 b[1]\n" * 500,
    ]
    for text in texts:
        assert markdown_excess(text) is None, text[:40]


def test_a_fence_that_is_not_one_hides_nothing():
    # A backtick fence whose info string holds a backtick is not a fence: what follows is Markdown.
    assert markdown_excess("```a`b\n" + "[" * 100) is not None
    # Indented in a list item, a fence may end with the item: its lines are looked at.
    assert markdown_excess("- a\n\n  ```\nx\n" + "[" * 100) is not None


def test_texts_at_the_limits_render_whole():
    lists = "".join("  " * depth + f"- level {depth}\n" for depth in range(MAX_NESTING)) + "\nafter the list\n"
    html = str(render_markdown(lists, "../attachments"))
    assert html.count("<ul>") == MAX_NESTING and "level 15" in html
    assert "after the list" in html, "a list nested ten levels deep and more lost the text after it"
    quotes = str(render_markdown("> " * MAX_NESTING + "deep\n\nafter\n", "a"))
    assert quotes.count("<blockquote>") == MAX_NESTING and "deep" in quotes and "after" in quotes
    images = str(render_markdown("![a](valve.png) " * MAX_LINKS, "../../attachments"))
    assert images.count('<img src="../../attachments/valve.png"') == MAX_LINKS
    brackets = "[" * MAX_NESTING + "a" + "]" * MAX_NESTING + "(https://example.com/x)"
    assert "https://example.com/x" in str(render_markdown(brackets, "a"))
    assert plain_text("- " * MAX_NESTING + "词") == "词"


def test_a_field_in_a_nested_shape_is_limited_too(data):
    path = data / "mentoring" / "zhang-wei-chen-hao-2026.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("note: 复盘数控系统报警处理", 'note: "' + "[" * 40 + 'x"'), encoding="utf-8")
    assert [problem for problem in found(check(data)) if problem[2].startswith("KB5")] == [
        ("mentoring/zhang-wei-chen-hao-2026.yml", 11, "KB514")
    ]
