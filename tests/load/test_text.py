from __future__ import annotations

import pytest

from generator import codes
from generator.diagnostics import Position
from generator.load.text import (
    MAX_FILE_BYTES,
    TextError,
    character_name,
    control_character_in_file,
    control_character_in_value,
    decode_record_bytes,
    guess_encoding,
    position_in_text,
)


def test_utf8_with_a_bom_is_read():
    assert decode_record_bytes("\ufeffid: a\n".encode()) == "id: a\n"


def test_gbk_file_is_refused_with_its_encoding_and_the_fix():
    raw = "id: wang\nname: 王强，现场服务工程师，负责华东区域设备维修\n".encode("gbk")
    with pytest.raises(TextError) as caught:
        decode_record_bytes(raw, "data/people/wang.yml")
    assert caught.value.code is codes.NOT_UTF8
    assert (caught.value.position.line, caught.value.position.column) == (2, 7)
    assert "GBK" in caught.value.message and "iconv -f GB18030 -t UTF-8 data/people/wang.yml" in caught.value.message


def test_guess_names_gbk_text_as_gb18030():
    assert guess_encoding("液压站压力掉到八兆帕以下，报警代码系统压力低".encode("gbk")) == "GB18030"


def test_file_over_the_cap_is_refused_before_decoding():
    with pytest.raises(TextError) as caught:
        decode_record_bytes(b"a" * (MAX_FILE_BYTES + 1))
    assert caught.value.code is codes.TOO_LARGE


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("a\x00", 1),
        ("ok\x1b[31m", 2),
        ("x\x85", 1),
        ("x\x9f", 1),
        ("x\x7f", 1),
        ("\u2028", 0),
        ("\u2029", 0),
        ("a\u202ab", 1),
        ("a\u202eb", 1),
        ("a\u2066b", 1),
        ("a\u2069b", 1),
        ("one\rtwo", 3),
        ("crlf\r\nthen lone\r", 15),
        ("\ufffe", 0),
    ],
)
def test_control_characters_in_a_file_are_found(text, index):
    assert control_character_in_file(text) == index


@pytest.mark.parametrize(
    "text",
    ["tab\tand\nlf", "windows\r\nline ends\r\n", "zwj \u200d zwsp \u200b nbsp \u00a0", "中文\u3000全角空格"],
)
def test_layout_and_invisible_but_harmless_characters_are_allowed(text):
    assert control_character_in_file(text) is None


def test_a_value_may_hold_no_cr_at_all():
    assert control_character_in_value("a\r\nb") == 1
    assert control_character_in_value("a\tb\nc") is None


def test_character_names_say_what_the_character_is():
    assert str(character_name("\x1b")) == "U+001B (escape)"
    assert str(character_name("\u202e")) == "U+202E (right-to-left override)"
    assert str(character_name("\x9b")) == "U+009B"
    assert character_name("\x1b").render("zh") == "`U+001B`（转义符）"
    assert character_name("\u202e").render("zh") == "`U+202E`（`right-to-left override`）"


@pytest.mark.parametrize(
    ("index", "line", "column"),
    [(0, 1, 1), (4, 1, 5), (6, 2, 1), (8, 2, 3), (11, 2, 6), (13, 3, 1), (14, 3, 2)],
)
def test_positions_count_lf_lines_and_characters(index, line, column):
    text = "名称: 王\n备注: x\r\n中文"  # CJK counts one column per character; CR is the end of its line
    assert position_in_text(text, index) == Position(line, column)
