from __future__ import annotations

import pytest

from generator.validate.privacy import find_personal_data, is_id_card_number


def codes_in(text: str) -> list[str]:
    return [code.code for _, code, _ in find_personal_data(text)]


@pytest.mark.parametrize("text", ["电话13812345678", "手机 138-1234-5678", "+86 139 1234 5678", "call 15900001111."])
def test_mobile_numbers_are_found(text):
    assert codes_in(text) == ["KB601"]


@pytest.mark.parametrize(
    "text", ["件号 HX-13812345678A", "序列号 2026041213800138000", "订单 913812345678", "固件 v1.3.8"]
)
def test_part_and_serial_numbers_are_not_phone_numbers(text):
    assert codes_in(text) == []


def test_id_card_needs_a_valid_checksum():
    assert is_id_card_number("11010519491231002X")
    assert not is_id_card_number("110105194912310021")
    assert codes_in("身份证 11010519491231002x") == ["KB602"]
    assert codes_in("序列号 110105194912310021") == []


def test_email_addresses_are_found_but_not_at_signs_alone():
    assert codes_in("联系 wang.gong@factory.example.cn") == ["KB603"]
    assert codes_in("压力 @ 16 MPa，温度@60℃") == []


def test_offsets_point_at_the_match():
    [(offset, _, _)] = find_personal_data("abc 13812345678")
    assert offset == 4
