"""YAML syntax errors in plain words: each usual cause, from a real broken snippet, with its
hint and a caret under the place (counted in terminal columns)."""

from __future__ import annotations

import pytest

from generator.columns import display_width
from generator.diagnostics import Report
from generator.load.strict_yaml import LoadError, parse_document
from generator.load.syntax import excerpt
from generator.report import as_text

CASES = {
    # cause: (broken text, line, column, what (key), hint (key))
    "no space after the colon": (
        "id: x\ntitle:液压站\n",
        2,
        6,
        "yaml-no-space-after-colon",
        "yaml-hint-space-after-colon",
    ),
    "a full-width colon": ("id: x\ntitle：液压站\n", 2, 6, "yaml-full-width-colon", "yaml-hint-full-width-colon"),
    "a full-width space": ("id: x\ntitle:\u3000液压站\n", 2, 6, "yaml-full-width-space", "yaml-hint-space-after-colon"),
    "a line that is no field": (
        "id: x\n液压站压力掉\nstate: wip\n",
        2,
        1,
        "yaml-not-a-field",
        "yaml-hint-continuation",
    ),
    "an unquoted colon in text": (
        "id: x\ntitle: 液压站: 压力掉\n",
        2,
        11,
        "yaml-colon-in-text",
        "yaml-hint-quote-text",
    ),
    "a colon in a list item": ("tags:\n  - 报警: E203: 压力\n", 2, 13, "yaml-colon-in-text", "yaml-hint-quote-text"),
    "a comment in a flow list": ("id: x\ntags: [压力, #3 阀]\n", 2, 12, "yaml-hash-comment", "yaml-hint-hash"),
    "a comment in a flow list, first item": (
        "tags: [#3 阀, 泵]\nstate: wip\n",
        1,
        8,
        "yaml-hash-comment",
        "yaml-hint-hash",
    ),
    "a list left open after a comma": ("tags: [压力,\n", 1, 7, "yaml-unclosed-bracket", "yaml-hint-unclosed-bracket"),
    "a tab as indentation": ("goals:\n\t- skill: a\n", 2, 1, "yaml-tab", "yaml-hint-tab"),
    "a tab among spaces": ("a:\n  b: 1\n\t c: 2\n", 3, 1, "yaml-tab", "yaml-hint-tab"),
    "an unclosed double quote": (
        'id: x\ntitle: "液压站\nstate: wip\n',
        2,
        8,
        "yaml-unclosed-quote",
        "yaml-hint-double-quote",
    ),
    "an unclosed single quote": ("id: x\ntitle: '液压站\n", 2, 8, "yaml-unclosed-quote", "yaml-hint-single-quote"),
    "a backslash in double quotes": ('path: "C:\\data\\log"\n', 1, 10, "yaml-unknown-escape", "yaml-hint-backslash"),
    "text after the closing quote": (
        'title: "液压站" 压力掉\n',
        1,
        14,
        "yaml-text-after-quote",
        "yaml-hint-quote-text",
    ),
    "an unclosed bracket": (
        "id: x\ntags: [压力, 液压\nstate: wip\n",
        2,
        7,
        "yaml-unclosed-bracket",
        "yaml-hint-unclosed-bracket",
    ),
    "an unclosed brace": (
        "goals: {skill: a\nstate: wip\n",
        1,
        8,
        "yaml-unclosed-bracket",
        "yaml-hint-unclosed-bracket",
    ),
    "a missing comma": ('tags: [a, "b" c]\n', 1, 15, "yaml-flow-separator", "yaml-hint-flow-items"),
    "text after a bracket": ("title: [AL-1021] 压力掉\n", 1, 18, "yaml-text-after-bracket", "yaml-hint-quote-text"),
    "a field indented too far": ("id: x\n  title: y\n", 2, 3, "yaml-indented-too-far", "yaml-hint-indentation"),
    "a field indented too little": ("a:\n  b: 1\n c: 2\n", 3, 2, "yaml-indentation", "yaml-hint-indentation"),
    "a block line indented too little": (
        "symptoms: |\n  压力掉\n 报警\n",
        3,
        2,
        "yaml-block-indentation",
        "yaml-hint-block",
    ),
    "a list item too far out": ("products:\n  - a\n - b\n", 3, 2, "yaml-list-item-level", "yaml-hint-list-item-level"),
    "a list item too far in": (
        "steps:\n  - id: a\n    title: b\n   - id: c\n",
        4,
        4,
        "yaml-list-item-level",
        "yaml-hint-list-item-level",
    ),
    "a list item where a field is": ("id: x\n- a\n", 2, 1, "yaml-list-item-level", "yaml-hint-list-item-level"),
    "a list item on its field's line": (
        "authors: - a\n",
        1,
        10,
        "yaml-list-on-field-line",
        "yaml-hint-list-on-field-line",
    ),
    "a field inside a list": ("authors:\n  - a\n  b: 1\n", 3, 3, "yaml-field-in-list", "yaml-hint-field-in-list"),
    "a value starting with *": ("title: *重要* 压力掉\n", 1, 8, "yaml-starts-with-indicator", "yaml-hint-quote-text"),
    "a value starting with @": ("title: @张工 处理\n", 1, 8, "yaml-starts-with-indicator", "yaml-hint-quote-text"),
}


def refused(source: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        parse_document(source, "x.yml")
    assert caught.value.code.code == "KB101"
    return caught.value


def parts(error: LoadError) -> dict:
    return dict(error.words.args)


@pytest.mark.parametrize("cause", sorted(CASES))
def test_the_usual_cause_is_named_with_its_hint_at_its_place(cause):
    source, line, column, what, hint = CASES[cause]
    error = refused(source)
    assert (error.position.line, error.position.column) == (line, column)
    assert parts(error)["what"].key == what and parts(error)["hint"].key == hint


@pytest.mark.parametrize("cause", sorted(CASES))
def test_the_caret_stands_under_the_column_in_terminal_columns(cause):
    source, line, column, *_ = CASES[cause]
    shown_line, caret = parts(refused(source))["excerpt"].splitlines()
    assert shown_line.startswith(f"  {line} | ")
    prefix = len(f"  {line} | ")
    assert caret[:prefix] == " " * (len(str(line)) + 3) + "| "
    before = source.split("\n")[line - 1][: column - 1].replace("\t", "\\t")
    assert caret[prefix:] == " " * display_width(before) + "^"


def test_a_chinese_character_takes_two_columns():
    assert excerpt("title: 液压站: 压力掉", 7, 11).splitlines() == [
        "  7 | title: 液压站: 压力掉",
        "    |              ^",
    ]


def test_the_message_reads_in_plain_words_in_both_languages():
    error = refused("id: x\ntitle:液压站\n")
    assert error.words.render("zh") == (
        "`title:` 的冒号后面少了一个空格\n"
        "  2 | title:液压站\n"
        "    |      ^\n"
        "提示：写成 `title: 液压站`；如果冒号是文字的一部分，请给整段文字加上引号"
    )
    assert error.message == (
        "the `:` after `title` needs a space after it\n"
        "  2 | title:液压站\n"
        "    |      ^\n"
        "Hint: write `title: 液压站`; if the colon belongs to the text, put the whole text in quotes"
    )
    assert "while scanning" not in error.message and "could not find" not in error.message


def test_the_hint_quotes_the_fix_with_the_records_own_words():
    assert '`title: "液压站: 压力掉"`' in refused("title: 液压站: 压力掉\n").message
    assert "`authors:`" in refused("authors: - a\n").message


def test_in_the_text_report_the_caret_still_lines_up_under_a_chinese_line():
    error = refused("id: x\nsymptoms: 报警 E203: 压力掉\n")
    report = Report([error.code.at("data/cases/x.yml", error.position, error.words)])
    lines = as_text(report, 1).splitlines()
    assert lines[0] == "data/cases/x.yml:2:18: error KB101: 文字里有一个没加引号的 `: `，YAML 把它当成了新字段的开始"
    shown, caret = lines[1], lines[2]
    assert shown == "      2 | symptoms: 报警 E203: 压力掉"
    assert caret.index("^") == display_width("      2 | symptoms: 报警 E203")
    assert char_at_column(shown, caret.index("^")) == ":"
    assert lines[3].startswith("    提示：")


def test_a_tab_is_shown_as_an_escape_and_the_caret_stands_under_it():
    error = refused("a: 1\nb:\n\t- x\n")
    shown, caret = parts(error)["excerpt"].splitlines()
    assert shown == "  3 | \\t- x" and caret == "    | ^"


def char_at_column(shown: str, column: int) -> str:
    """The character that a terminal shows at `column` (0-based)."""
    width = 0
    for char in shown:
        if width == column:
            return char
        width += display_width(char)
    return ""


def test_a_long_line_is_cut_around_the_column():
    source = "title: " + "很长的文字" * 30 + ": 后面\n"
    shown, caret = parts(refused(source))["excerpt"].splitlines()
    assert shown.startswith("  1 | …") and display_width(shown) < 110
    assert char_at_column(shown, len(caret) - 1) == ":"


def test_personal_data_on_the_line_is_masked_and_the_caret_follows_the_masked_line():
    shown, caret = parts(refused("id: x\ncustomer: 电话 13812345678: 王工\n"))["excerpt"].splitlines()
    assert "13812345678" not in shown and "138…78" in shown
    assert char_at_column(shown, len(caret) - 1) == ":"


def test_an_unrecognised_problem_still_names_the_parsers_words_and_the_usual_causes():
    error = refused("%YAML 1.1\n")
    assert "did not find expected <document start>" in error.message
    assert parts(error)["hint"].key == "yaml-hint-usual-causes"
