"""The banner `kb serve` shows on every page while the records have errors: in the site's language."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Position
from generator.load.strict_yaml import LoadError, parse_document
from generator.messages import NOTHING, text
from generator.publish.serve import ServeState
from generator.publish.server import banner


def state() -> ServeState:
    unknown = Diagnostic("data/cases/a.yml", 4, 3, "KB401", text("ref-unknown-person", id="zhang-wie", hint=NOTHING))
    try:
        parse_document("id: x\ntitle:液压站\n", "data/cases/b.yml")
    except LoadError as error:
        syntax = error.code.at("data/cases/b.yml", Position(*error.position), error.words)
    return ServeState(errors=[unknown, syntax])


def test_the_banner_speaks_chinese_on_a_chinese_site():
    shown = banner(state(), "zh")
    assert "记录有错误" in shown and "关闭" in shown and "未知的人员 `zhang-wie`" in shown
    assert "The records have errors" not in shown and "unknown person" not in shown


def test_the_banner_speaks_english_on_an_english_site():
    shown = banner(state(), "en")
    assert "The records have errors" in shown and "Dismiss" in shown and "unknown person `zhang-wie`" in shown


def test_a_syntax_error_keeps_its_line_and_caret_in_a_block():
    shown = banner(state(), "zh")
    assert '<pre style="margin:0.25rem 0;white-space:pre">  2 | title:液压站\n    |      ^\n提示：' in shown
