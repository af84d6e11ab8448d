from __future__ import annotations

import pytest

from generator import codes
from generator.load.text import MAX_FILE_BYTES, TextError, decode_record_bytes, guess_encoding


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
