from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.strict_yaml import parse_document
from generator.shapes import SHAPES
from generator.validate.shape import parse_record
from tests.conftest import check, write

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"


def messages(data_dir):
    return [d.message for d in check(data_dir).report.items]


def test_unknown_field_suggests_the_nearest(data):
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace("hours_to_resolve:", "hours_to_reslove:"))
    assert messages(data) == [
        "unknown field `hours_to_reslove`; did you mean `hours_to_resolve`? (see docs/records.md#case-fields)"
    ]


def test_unknown_field_in_a_nested_shape_suggests_from_that_shape(data):
    path = "mentoring/zhang-wei-chen-hao-2026.yml"
    write(
        data,
        path,
        (data / path)
        .read_text(encoding="utf-8")
        .replace("{skill: hydraulics, target: 3}", "{skil: hydraulics, target: 3}"),
    )
    assert messages(data) == [
        "unknown field `skil`; did you mean `skill`? (see docs/records.md#mentoring-goals-fields)"
    ]


def test_missing_field_points_to_its_row_in_the_reference(data):
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace("solved_on: 2026-04-12\n", ""))
    assert messages(data) == ["missing required field `solved_on` (see docs/records.md#case-solved_on)"]


def test_bad_enum_suggests_the_nearest_value(data):
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace("state: validated", "state: validatd"))
    [message] = messages(data)
    assert "did you mean `validated`?" in message


def test_unquoted_number_where_text_is_expected_says_to_quote(data):
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace("customer: 某食品厂", "customer: 2026"))
    assert messages(data) == ["`customer` must be text, not the number `2026` (put it in quotes to make it text)"]


def test_year_period_may_be_written_unquoted(data):
    path = "awards/2026-skills-contest-first.yml"
    assert "period: 2026\n" in (data / path).read_text(encoding="utf-8")
    assert messages(data) == []


def test_empty_required_value(data):
    write(
        data,
        CASE,
        (data / CASE).read_text(encoding="utf-8").replace("title: 液压站运行半小时后压力掉到 8 MPa", "title:"),
    )
    assert messages(data) == ["`title` is empty; give it a value or remove the line"]


def test_a_value_lost_to_a_comment_says_so(data):
    original = "title: 液压站运行半小时后压力掉到 8 MPa"
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace(original, "title: #3 泵压力掉"))
    [item] = check(data).report.items
    assert item.code == "KB201" and "the ` #` on this line starts a comment" in item.message
    assert "开始了注释" in item.in_language("zh")


def codes_and_messages(data_dir):
    return [(d.code, d.line, d.message) for d in check(data_dir).report.items]


@pytest.mark.parametrize("blank", ['"   "', '"\u3000\u3000"', "'\t'", '"\u200b"', '" \\n "'])
def test_title_of_only_spaces_is_blank_text(data, blank):
    original = "title: 液压站运行半小时后压力掉到 8 MPa"
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace(original, f"title: {blank}"))
    assert codes_and_messages(data) == [("KB211", 2, "`title` holds only spaces; write the text or remove the field")]


@pytest.mark.parametrize(
    ("original", "blank", "field", "line"),
    [
        ("symptoms: |\n  运行约 30 分钟后系统压力下降，HMI 报警 E203。\n", "symptoms: |\n  \u3000\n", "symptoms", 8),
        ("tags: [压力]", "tags: [压力, '  ']", "tags[1]", 6),
        ("customer: 某食品厂", "customer: '\u3000'", "customer", 21),
    ],
)
def test_blank_markdown_words_and_optional_text_are_blank_text(data, original, blank, field, line):
    text = (data / CASE).read_text(encoding="utf-8")
    assert original in text
    write(data, CASE, text.replace(original, blank))
    assert codes_and_messages(data) == [
        ("KB211", line, f"`{field}` holds only spaces; write the text or remove the field")
    ]


def test_text_with_spaces_around_it_is_kept(data):
    original = "title: 液压站运行半小时后压力掉到 8 MPa"
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace(original, "title: '\u3000压力掉 '"))
    assert codes_and_messages(data) == []


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(SHAPES)),
    st.dictionaries(st.sampled_from(["id", "title", "state", "steps", "goals", "skills", "log", "x"]), values),
)
def test_any_mapping_gives_a_model_or_diagnostics(kind, mapping):
    from generator.load.files import SourceFile

    document = parse_document("a: 1\n", "x.yml")
    document.data = mapping
    model, problems = parse_record(kind, SourceFile(kind, __import__("pathlib").Path("x.yml"), "x.yml"), document)
    assert model is not None or problems
    assert all(problem.code.startswith("KB2") or problem.code == "KB303" for problem in problems)
