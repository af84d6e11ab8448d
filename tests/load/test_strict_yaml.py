from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import codes
from generator.load.strict_yaml import Document, LoadError, parse_document


def refused(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        parse_document(text, "x.yml")
    return caught.value


def test_values_keep_their_types_and_positions():
    document = parse_document("id: a\nsolved_on: 2026-04-12\nhours: 2.5\nlist:\n  - x\n  - {k: 1}\n", "x.yml")
    assert document.data == {"id": "a", "solved_on": dt.date(2026, 4, 12), "hours": 2.5, "list": ["x", {"k": 1}]}
    assert document.position(("list", 1, "k")).line == 6
    assert document.position(("solved_on",)).line == 2
    assert document.position(("missing", "deeper")).line == 1


def test_quoted_values_stay_text():
    assert parse_document('period: "2026"\nd: "2026-01-01"\n', "x.yml").data == {"period": "2026", "d": "2026-01-01"}


def test_impossible_date_stays_text_for_validation_to_name():
    assert parse_document("d: 2026-02-30\n", "x.yml").data == {"d": "2026-02-30"}


def test_text_position_points_inside_a_literal_block():
    document = parse_document("a: 1\nsymptoms: |\n  first line\n  second 13812345678\n", "x.yml")
    offset = document.data["symptoms"].index("138")
    position = document.text_position(("symptoms",), offset)
    assert (position.line, position.column) == (4, 10)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", codes.DUPLICATE_KEY, 3),
        ("a: &x 1\nb: *x\n", codes.ANCHOR_ALIAS, 1),
        ("a: !!python/object/apply:os.system [ls]\n", codes.UNSAFE_TAG, 1),
        ("a: !!binary aGVsbG8=\n", codes.UNSAFE_TAG, 1),
        ("a: !custom x\n", codes.UNSAFE_TAG, 1),
        ("- a\n", codes.NOT_A_MAPPING, 1),
        ("just text\n", codes.NOT_A_MAPPING, 1),
        ("", codes.EMPTY_FILE, 1),
        ("# nothing\n", codes.EMPTY_FILE, 1),
        ("---\n", codes.EMPTY_FILE, 1),
        ("a: 1\n---\nb: 2\n", codes.STRUCTURE, 2),
        ("? [a]\n: 1\n", codes.KEY_NOT_TEXT, 1),
        ("a:\n\tb: 1\n", codes.YAML_SYNTAX, 2),
        ("a: [1\nb: 2\n", codes.YAML_SYNTAX, 2),
        ("a: \x07\n", codes.YAML_SYNTAX, 1),
        ("a: " + "[" * 100 + "]" * 100 + "\n", codes.STRUCTURE, 1),
    ],
)
def test_refusals_have_a_code_and_line(text, code, line):
    error = refused(text)
    assert error.code is code
    assert error.position.line == line


def test_tab_indentation_is_explained():
    assert "indent YAML with spaces" in refused("a:\n\tb: 1\n").message


def test_alias_bomb_is_refused_at_once():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    started = time.perf_counter()
    error = refused("\n".join(lines) + "\n")
    assert error.code is codes.ANCHOR_ALIAS
    assert time.perf_counter() - started < 1.0  # generous: expansion would take minutes


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_gives_a_document_or_a_load_error(text):
    try:
        document = parse_document(text, "x.yml")
    except LoadError as error:
        assert error.code.code.startswith("KB1")
        assert error.position.line >= 1
    else:
        assert isinstance(document, Document) and isinstance(document.data, dict)


yaml_like = st.lists(
    st.sampled_from(
        [
            "a: ",
            "- ",
            "  ",
            "\n",
            "&x ",
            "*x ",
            "!!str ",
            "? ",
            ": ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "|",
            ">",
            "'",
            '"',
            "#",
            "---",
            "2026-02-30",
            "1",
            "é",
            "中",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(yaml_like)
def test_yaml_like_text_gives_a_document_or_a_load_error(text):
    with contextlib.suppress(LoadError):
        parse_document(text, "x.yml")
