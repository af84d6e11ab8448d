from __future__ import annotations

import json

from generator.diagnostics import Diagnostic, Report
from generator.messages import text
from generator.report import as_github, as_json, as_text


def sample() -> Report:
    return Report(
        [
            Diagnostic("data/b.yml", 2, 1, "KB202", "unknown field `x`"),
            Diagnostic("data/a.yml", 9, 3, "KB701", "review due", "warning"),
            Diagnostic("data/a.yml", 3, 1, "KB401", "unknown person `p`, see 100%\nnext: line"),
        ]
    )


def test_text_is_sorted_by_file_and_line_with_a_count():
    lines = [line for line in as_text(sample(), 3, language="en").splitlines() if not line.startswith("    ")]
    assert lines[0].startswith("data/a.yml:3:1: error KB401:")
    assert lines[1].startswith("data/a.yml:9:3: warning KB701:")
    assert lines[2] == "data/b.yml:2:1: error KB202: unknown field `x`"
    assert lines[-1] == "2 errors, 1 warning in 3 files."


def test_the_count_is_in_the_readers_language():
    assert as_text(sample(), 3).splitlines()[-1] == "3 个文件中有 2 个错误、1 个警告。"
    assert as_text(Report(), 1) == "检查了 1 个文件，没有发现问题。"
    one = Report([Diagnostic("a", 1, 1, "KB701", "m", "warning")])
    assert as_text(one, 1, language="en").splitlines()[-1] == "0 errors, 1 warning in 1 file."


def catalogued() -> Report:
    words = text("ref-unknown-person", id="zhang-wie", hint=text("hint-did-you-mean", name="zhang-wei"))
    return Report([Diagnostic("data/cases/a.yml", 4, 3, "KB401", words)])


def test_messages_and_their_hints_are_in_the_readers_language():
    assert as_text(catalogued(), 1).splitlines()[0] == (
        "data/cases/a.yml:4:3: error KB401: 未知的人员 `zhang-wie`；是不是 `zhang-wei`？"
    )
    assert as_text(catalogued(), 1, language="en").splitlines()[0] == (
        "data/cases/a.yml:4:3: error KB401: unknown person `zhang-wie`; did you mean `zhang-wei`?"
    )
    assert "未知的人员" in as_github(catalogued(), 1) and "unknown person" in as_github(catalogued(), 1, "en")


def test_json_gives_the_readers_message_the_key_and_the_english_message():
    [item] = json.loads(as_json(catalogued(), 1))["diagnostics"]
    assert item["key"] == "ref-unknown-person"
    assert item["message"] == "未知的人员 `zhang-wie`；是不是 `zhang-wei`？"
    assert item["message_en"] == "unknown person `zhang-wie`; did you mean `zhang-wei`?"
    [item] = json.loads(as_json(catalogued(), 1, language="en"))["diagnostics"]
    assert item["message"] == item["message_en"]


def test_json_carries_every_field():
    payload = json.loads(as_json(sample(), 3))
    assert payload["errors"] == 2 and payload["warnings"] == 1
    assert payload["diagnostics"][0] == {
        "file": "data/a.yml",
        "line": 3,
        "column": 1,
        "severity": "error",
        "code": "KB401",
        "key": None,  # words that are not from the catalogue
        "message": "unknown person `p`, see 100%\nnext: line",
        "message_en": "unknown person `p`, see 100%\nnext: line",
    }


def test_github_annotations_are_escaped():
    first = as_github(sample(), 3).splitlines()[0]
    assert first == "::error file=data/a.yml,line=3,col=1,title=KB401::unknown person `p`, see 100%25%0Anext: line"
    assert as_github(sample(), 3, "en").splitlines()[-1] == "2 errors, 1 warning in 3 files."


def test_github_escapes_properties():
    report = Report([Diagnostic("data/a,b:c.yml", 1, 1, "KB101", "m")])
    assert as_github(report, 1).startswith("::error file=data/a%2Cb%3Ac.yml,")


def test_clean_report():
    assert as_text(Report(), 1, language="en") == "No problems in 1 file."
    assert not Report().fails(strict=True)
    assert Report([Diagnostic("a", 1, 1, "KB701", "m", "warning")]).fails(strict=True)


HOSTILE = Report(
    [
        Diagnostic(
            "data/people/x\ndata/fake.yml:1:1: error KB000: forged.yml",
            1,
            1,
            "KB202",
            "unknown field `\x1b]0;pwned\x07\x1b[31mred\u202e`",
        )
    ]
)


def test_file_names_and_values_cannot_forge_lines_or_drive_the_terminal():
    for rendered in (as_text(HOSTILE, 1), as_github(HOSTILE, 1), as_json(HOSTILE, 1)):
        assert "\x1b" not in rendered and "\x07" not in rendered and "\u202e" not in rendered
    text_lines = as_text(HOSTILE, 1).splitlines()
    assert len(text_lines) == 2 and text_lines[0].startswith("data/people/x\\ndata/fake.yml")
    assert "\\x1b]0;pwned\\x07\\x1b[31mred\\u202e" in text_lines[0]
    github_lines = as_github(HOSTILE, 1).splitlines()
    assert len(github_lines) == 2 and github_lines[0].startswith("::error file=data/people/x\\ndata/fake.yml%3A1")
    payload = json.loads(as_json(HOSTILE, 1))
    assert "\n" not in payload["diagnostics"][0]["file"]


def test_a_message_on_several_lines_keeps_its_lines_indented_under_the_problem():
    report = Report([Diagnostic("data/a.yml", 3, 7, "KB101", "bad YAML\n  3 | title: a: b\n    |       ^")])
    lines = as_text(report, 1).splitlines()
    assert lines[0] == "data/a.yml:3:7: error KB101: bad YAML"
    assert all(line.startswith("    ") for line in lines[1:-1]) and len(lines) == 4


def test_a_message_that_quotes_personal_data_prints_it_masked():
    report = Report(
        [Diagnostic("data/cases/a.yml", 5, 11, "KB203", "`customer` must be text, not the number `13812345678`")]
    )
    for rendered in (as_text(report, 1), as_github(report, 1), as_json(report, 1)):
        assert "13812345678" not in rendered and "138…78" in rendered
