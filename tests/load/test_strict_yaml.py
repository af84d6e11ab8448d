from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import codes
from generator.load.strict_yaml import Document, LoadError, parse_document
from generator.load.text import TextError, control_character_in_value, decode_record_bytes


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
        ("a: [1\nb: 2\n", codes.YAML_SYNTAX, 1),  # where the `[` that is never closed stands
        ("a: \x07\n", codes.CONTROL_CHARACTER, 1),
        ("a: " + "[" * 100 + "]" * 100 + "\n", codes.STRUCTURE, 1),
    ],
)
def test_refusals_have_a_code_and_line(text, code, line):
    error = refused(text)
    assert error.code is code
    assert error.position.line == line


def where(error: LoadError) -> tuple[str, int, int]:
    return error.code.code, error.position.line, error.position.column


# Written as escapes: reported at the backslash of the escape, wherever the scalar starts.
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('a: "\\x0c"\n', 1, 5),
        ('a: "\\0"\n', 1, 5),
        ('名称: 王强\n备注: "正常\\x1b[31m红色"\n', 2, 8),
        ('a: "x\\x85"\n', 1, 6),
        ('a: "\\N"\n', 1, 5),
        ('a: "\\u202e"\n', 1, 5),
        ('a: "\\u2066"\n', 1, 5),
        ('a: "\\L"\n', 1, 5),
        ('a: "\\r"\n', 1, 5),
        ('a: "\\e"\n', 1, 5),
        ('a: "\\x7F"\n', 1, 5),
        ('a: "\\U0000009b"\n', 1, 5),
        ('a: "\\\\x1b \\x1b"\n', 1, 11),  # `\\` is a backslash; the escape after it is the one refused
        ('a: "first\n  second \\f"\n', 2, 10),  # a quoted value folded over two lines
        ('a: [ok, "\\x01"]\n', 1, 10),
        ('"key\\x1b": 1\n', 1, 5),  # in a key too
        ('a: 1\r\nb: "\\x1b"\r\n', 2, 5),
    ],
)
def test_escaped_control_character_is_refused_at_its_backslash(text, line, column):
    assert where(refused(text)) == ("KB111", line, column)


# Written raw: reported at the character itself, counting lines by LF and columns in characters.
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("名称: 王强\n职务: 现场服务工程师\x00\n", 2, 12),
        ("a: 中文中文\x1b[31m\n", 1, 8),
        ("a: x\x85y\nb: [\n", 1, 5),  # YAML 1.1 reads U+0085 as a line break
        ("a: 中\u2028文\nb: [\n", 1, 5),
        ("a: x\u2029\n", 1, 5),
        ("a: x\ry\nb: 1\n", 1, 5),  # a lone CR is a line break to YAML, not to an editor
        ("a: |\n  ok\n  \u202eevil\n", 3, 3),
        ("a: 'x\x7f'\n", 1, 6),
        ("a: x\x9b\n", 1, 5),
        ("# comment \x0c\na: 1\n", 1, 11),
        ("a: 1\r\nb: 2\x01\r\n", 2, 5),
        ("a: \ufffe\n", 1, 4),
    ],
)
def test_raw_control_character_is_refused_where_it_stands(text, line, column):
    assert where(refused(text)) == ("KB111", line, column)


def test_control_character_message_names_the_character():
    assert "U+001B (escape)" in refused('a: "\\e[31m"\n').message
    assert "U+202E (right-to-left override)" in refused("a: \u202e\n").message


@pytest.mark.parametrize(
    "value",
    ["tab\there", "zero\u200dwidth\u200bjoiner", "nbsp\u00a0", "emoji \U0001f527", "中文", "\ufeff"],
)
def test_visible_and_layout_characters_are_kept(value):
    assert parse_document(f"a: '{value}'\nb: \"{value}\"\n", "x.yml").data == {"a": value, "b": value}


def test_allowed_escapes_and_crlf_line_ends_are_kept():
    text = 'a: "tab\\tnew\\nline \\u200d \\\\x1b"\r\nb: |\r\n  one\r\n  two\r\nc: 1\r\n'
    document = parse_document(text, "x.yml")
    assert document.data == {"a": "tab\tnew\nline \u200d \\x1b", "b": "one\ntwo\n", "c": 1}
    assert where(refused(text + "b: 2\r\n")) == ("KB102", 6, 1)  # later lines keep their numbers


@pytest.mark.parametrize(
    ("written", "column", "read_as"),
    [
        ("1:30", 8, "90"),
        ("12:00", 8, "720"),
        ("1:30.5", 8, "90.5"),
        ("0x1F", 8, "31"),
        ("-0x1f", 8, "-31"),
        ("1_0", 8, "10"),
        ("1_000.5", 8, "1000.5"),
        ("017", 8, "15"),
        ("00", 8, "0"),
        ("01.5", 8, "1.5"),
        ("0b101", 8, "5"),
        ("+12", 8, "12"),
        (".inf", 8, "inf"),
        (".nan", 8, "nan"),
        ("0o17", 8, "15"),
        ("[E-201, 0x1F]", 16, "31"),
        ("0x_", 8, None),  # YAML's integer pattern without a digit: still a guess, never a crash
        ("-0b__", 8, None),
    ],
)
def test_number_yaml_would_guess_is_refused_with_the_fix(written, column, read_as):
    error = refused(f"id: a\nhours: {written}\n")
    assert where(error) == ("KB112", 2, column)
    assert (f"the number {read_as};" if read_as else "as a number;") in error.message
    assert "write the number plainly (1.5) or put the text in quotes" in error.message


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3", 3),
        ("-2", -2),
        ("0", 0),
        ("401", 401),
        ("3.5", 3.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("0.0", 0.0),
        ("1.0e+3", 1000.0),
        ("2026-01-15", dt.date(2026, 1, 15)),
        ("E-201", "E-201"),
        ("1e3", "1e3"),  # PyYAML reads these as the text written; they stay text
        ("0800", "0800"),
        ("v2.3.1", "v2.3.1"),
        ('"1:30"', "1:30"),
        ("'0x1F'", "0x1F"),
        ("!!int 0x1F", 31),  # an explicit tag says what was meant
    ],
)
def test_plain_numbers_dates_and_quoted_text_are_read_as_written(written, value):
    assert parse_document(f"v: {written}\n", "x.yml").data == {"v": value}


def test_keys_are_never_read_as_numbers():
    assert parse_document("1:30: a\n0x1F: b\n", "x.yml").data == {"1:30": "a", "0x1F": "b"}


def test_tab_indentation_is_explained():
    assert "YAML indents with spaces only" in refused("a:\n\tb: 1\n").message
    assert "只能用空格缩进" in refused("a:\n\tb: 1\n").words.render("zh")


def test_alias_bomb_is_refused_at_once():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    started = time.perf_counter()
    error = refused("\n".join(lines) + "\n")
    assert error.code is codes.ANCHOR_ALIAS
    assert time.perf_counter() - started < 1.0  # generous: expansion would take minutes


def assert_points_at_what_it_refuses(text: str, error: LoadError) -> None:
    """A control character is reported at the character itself or at the escape writing it."""
    lines = text.split("\n")
    assert error.position.line <= len(lines)
    line = lines[error.position.line - 1]
    character = line[error.position.column - 1]
    assert character == "\\" or control_character_in_value(character) == 0


def assert_a_document_or_a_load_error(text: str) -> None:
    try:
        document = parse_document(text, "x.yml")
    except LoadError as error:
        assert error.code.code.startswith("KB1")
        assert error.position.line >= 1
        if error.code is codes.CONTROL_CHARACTER:
            assert_points_at_what_it_refuses(text, error)
    else:
        assert isinstance(document, Document) and isinstance(document.data, dict)
        assert all(control_character_in_value(key) is None for key in document.data)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_gives_a_document_or_a_load_error(text):
    assert_a_document_or_a_load_error(text)


# Text near the edges: controls, escapes, line breaks of every kind, CJK and quotes.
edgy_text = st.text(
    st.sampled_from(list("ab中: -\"'\\\n\r\t\x00\x1b\x7f\x85\x9b\u2028\u2029\u202e\u3000\ufeffx0uNLe[")), max_size=40
)


@settings(max_examples=600, deadline=None)
@given(edgy_text)
def test_edgy_text_gives_a_document_or_a_load_error(text):
    assert_a_document_or_a_load_error(text)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=80) | edgy_text.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_a_document_or_a_text_or_load_error(raw):
    with contextlib.suppress(TextError, LoadError):
        parse_document(decode_record_bytes(raw), "x.yml")


yaml_like = st.lists(
    st.sampled_from(
        [
            "a: ",
            "- ",
            "0x",
            "0b",
            "_",
            ":",
            "+",
            ".",
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
