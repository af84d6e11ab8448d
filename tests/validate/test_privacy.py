"""The personal-data check: every form of a mobile, ID-card number or e-mail address is refused,
in every field, key and file path; part numbers, serials, dates and plain text are not."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import privacy
from generator.privacy import (
    find_personal_data,
    find_personal_data_in_value,
    is_id_card_number,
    is_identity_number,
)
from tests.conftest import check, copy_minimal, found, write

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
PRIVACY_CODES = {"KB601", "KB602", "KB603"}


def codes_in(text: str) -> list[str]:
    return [code.code for _, code, _ in find_personal_data(text)]


def findings(text: str) -> list[tuple[int, str]]:
    return [(offset, code.code) for offset, code, _ in find_personal_data(text)]


def privacy_findings(data_dir: Path) -> list[tuple[str, int, int, str]]:
    return [
        (item.file.removeprefix("data/"), item.line, item.column, item.code)
        for item in check(data_dir).report.items
        if item.code in PRIVACY_CODES
    ]


def edit(data_dir: Path, relative: str, old: str, new: str) -> None:
    path = data_dir / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- The detector, both sides ---------------------------------------------------------------

REFUSED = [
    # mobile numbers: prefixes, groupings, full-width, dashes an input method types
    ("电话13812345678", 2, "KB601"),
    ("手机 138-1234-5678", 3, "KB601"),
    ("138 1234 5678", 0, "KB601"),
    ("138.1234.5678", 0, "KB601"),
    ("1381234 5678", 0, "KB601"),
    ("138 - 1234 - 5678", 0, "KB601"),
    ("(+86)13812345678", 0, "KB601"),
    ("（+86）13812345678", 0, "KB601"),
    ("+86 138 1234 5678", 0, "KB601"),
    ("+8613812345678", 0, "KB601"),
    ("0086 13812345678", 0, "KB601"),
    ("86-138-1234-5678", 0, "KB601"),
    ("联系 １３８１２３４５６７８", 3, "KB601"),
    ("联系 １３８－１２３４－５６７８", 3, "KB601"),
    ("联系 138–1234–5678", 3, "KB601"),
    ("Tel: 138\u200b1234\u200b5678", 5, "KB601"),
    ("call 15900001111.", 5, "KB601"),
    ("油温 58 ℃，电话 13812345678", 11, "KB601"),  # ℃ normalises to two characters
    ("客户13812345678.jpg", 2, "KB601"),
    ("长度 13812345678 mm", 3, "KB601"),  # no one measures 13,812 km in mm: a number standing alone is refused
    # ID-card numbers: checksum, groups, full-width, the old 15 digits
    ("身份证 11010519491231002X", 4, "KB602"),
    ("身份证 11010519491231002x", 4, "KB602"),
    ("110105 19491231 002X", 0, "KB602"),
    ("110105-1949-1231-002X", 0, "KB602"),
    ("１１０１０５１９４９１２３１００２Ｘ", 0, "KB602"),
    ("旧证 110105491231002", 3, "KB602"),
    ("旧证 110105 491231 002", 3, "KB602"),
    # e-mail addresses: Chinese parts, full-width, spaced and spelled out
    ("联系 wang.gong@factory.example.cn", 3, "KB603"),
    ("邮箱：wang@example.com，谢谢", 3, "KB603"),
    ("张三@例子.公司", 0, "KB603"),
    ("wang@例子.中国", 0, "KB603"),
    ("wang＠example.com", 0, "KB603"),
    ("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", 0, "KB603"),
    ("name at example dot com", 0, "KB603"),
    ("name AT example DOT com", 0, "KB603"),
    ("name [at] example [dot] com", 0, "KB603"),
    ("name(at)example(dot)com", 0, "KB603"),
    ("name [at] example.com", 0, "KB603"),
    ("name @ example . com", 0, "KB603"),
    ("见 wang@example.com. Next step", 2, "KB603"),
]


@pytest.mark.parametrize(("text", "offset", "code"), REFUSED)
def test_personal_data_is_found_at_its_offset(text, offset, code):
    assert findings(text) == [(offset, code)]


ALLOWED = [
    # part numbers and serials: digits glued to letters, or to them by a dash
    "件号 HX-13812345678A",
    "HX-13812345678",
    "SN2026041213800",
    "序列号 2026041213800138000",
    "订单 913812345678",
    "QM-FV-220",
    "轴承 6205ZZ",
    "电池 CR2032、ER14505",
    "传感器 E3Z-D61",
    "序列号 110105194912310021",  # 18 digits, wrong checksum
    "时间戳 20260412138000",
    # dates, times, versions, addresses of machines, prices
    "2026-04-12 13:80",
    "20260412",
    "v13.8.1234.5678",
    "固件 v1.3.8",
    "192.168.13.81",
    "192.168.100.12",
    "10.138.123.45",
    "报价 ¥13,812,345.00",
    "金额 13812345678.50 元",
    "长度 13812345678mm",  # glued to its unit like a part number
    "MAC 00:1B:44:11:3A:B7",
    # readings in a row are not one number
    "温度 15 20 25 30 35 40 45",
    "读数 130 102 850 101 123",
    # at signs and English words that are not addresses
    "压力 @ 16 MPa，温度@60℃",
    "check the valve at station dot matrix printer",
    "see the manual at www.vendor.com",
    "logo@2x.png",
    "root@plc.local",
    "@张工 请看一下",
    # alarm codes and plain Chinese text
    "HMI 报警 E203，ALM 401，AL-1381",
    "液压站运行半小时后压力掉到 8 MPa",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_look_alikes_are_not_personal_data(text):
    assert codes_in(text) == []


def with_check_digit(body: str) -> str:
    return body + privacy._ID_CHECK_DIGITS[sum(int(d) * w for d, w in zip(body, privacy._ID_WEIGHTS, strict=True)) % 11]


def test_id_card_needs_a_valid_checksum_area_and_birth_date():
    assert is_id_card_number("11010519491231002X")
    assert not is_id_card_number("110105194912310021")
    assert is_identity_number(with_check_digit("11010519491231002"))
    assert not is_identity_number(with_check_digit("99010519491231002"))  # no province 99
    assert not is_identity_number(with_check_digit("11010519490230002"))  # 30 February
    assert is_identity_number("110105491231002")
    assert not is_identity_number("110105491331002")  # month 13


def test_the_message_masks_what_it_found():
    [(_, _, what)] = find_personal_data("电话 +86 138 1234 5678")
    assert str(what) == "a mobile phone number (138…78)" and what.render("zh") == "手机号（138…78）"
    [(_, _, what)] = find_personal_data("wang.gong@factory.example.cn")
    assert str(what) == "an e-mail address (w…@…cn)"
    [(_, _, what)] = find_personal_data("１１０１０５１９４９１２３１００２Ｘ")
    assert str(what) == "an ID-card number (110…2X)"


@pytest.mark.parametrize(
    ("value", "code"),
    [(13812345678, "KB601"), (8613812345678, "KB601"), (110105194912310011, "KB602"), (13812345678.0, "KB601")],
)
def test_numbers_are_looked_at_as_their_decimal_text(value, code):
    assert [c.code for _, c, _ in find_personal_data_in_value(value)] == [code]


@pytest.mark.parametrize("value", [True, 6.5, 1380, dt.date(2026, 4, 12), None])
def test_other_values_hold_no_personal_data(value):
    assert list(find_personal_data_in_value(value)) == []


def test_the_quick_look_lets_through_every_character_that_normalises_to_a_digit_or_separator():
    # The quick look runs on the text as written; if it missed a character that normalises to
    # a digit or a separator, numbers written with it would never reach the patterns.
    digit = re.compile(f"[{privacy._DIGIT_LIKE}]")
    separator = re.compile(f"[{privacy._SEPARATOR_LIKE}]")
    missed = []
    for code in range(0x80, sys.maxunicode + 1):
        character = chr(code)
        form = privacy._normal_form(character)
        if len(form) == 1 and form.isascii() and form.isdigit() and not digit.match(character):
            missed.append(f"U+{code:04X} (digit)")
        elif form in ("", " ", "\t", "-", ".") and not separator.match(character):
            missed.append(f"U+{code:04X} (separator)")
    assert missed == []


# --- The same, for any variant (property tests) ---------------------------------------------

DIGITS = "0123456789"
FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})  # ! to ~ as ！ to ～
PROVINCES = sorted(privacy._PROVINCES)
SEPARATORS = [" ", "-", " - ", "\u3000", "–", "－"]


def digits(count: int) -> st.SearchStrategy[str]:
    return st.text(DIGITS, min_size=count, max_size=count)


def grouped(number: str, sizes: tuple[int, ...], separator: str) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(number[start : start + size])
        start += size
    return separator.join(parts)


@st.composite
def mobile_numbers(draw) -> tuple[str, int]:
    """(as written, as a bare number) of a mobile number."""
    number = "1" + draw(st.sampled_from("3456789")) + draw(digits(9))
    sizes = draw(st.sampled_from([(11,), (3, 4, 4), (3, 8), (7, 4), (4, 4, 3), (3, 3, 5)]))
    separator = "." if sizes == (3, 4, 4) and draw(st.booleans()) else draw(st.sampled_from(SEPARATORS))
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "86", "86-", "0086 ", "(+86)", "（+86）", "+86-"]))
    written = prefix + grouped(number, sizes, separator)
    if draw(st.booleans()):
        written = written.translate(FULL_WIDTH)
    bare = int(("86" if prefix in ("86", "+86") else "") + number)  # YAML reads +8613812345678 as a number too
    return written, bare


@st.composite
def id_card_numbers(draw) -> tuple[str, int | None]:
    area = str(draw(st.sampled_from(PROVINCES))) + draw(digits(4))
    old = draw(st.booleans())  # the 15-digit form, issued to people born in the 1900s
    born = draw(st.dates(dt.date(1920, 1, 1), dt.date(1999, 12, 31) if old else dt.date(2010, 12, 31)))
    if old:
        number = area + born.strftime("%y%m%d") + draw(digits(3))
        sizes = draw(st.sampled_from([(15,), (6, 6, 3)]))
    else:
        number = with_check_digit(area + born.strftime("%Y%m%d") + draw(digits(3)))
        number = number.lower() if draw(st.booleans()) else number
        sizes = draw(st.sampled_from([(18,), (6, 8, 4), (6, 4, 4, 4)]))
    written = grouped(number, sizes, draw(st.sampled_from([" ", "-"])))
    if draw(st.booleans()):
        written = written.translate(FULL_WIDTH)
    return written, int(number) if number.isdigit() else None


LOCAL_PARTS = ["wang", "wang.gong", "li_na", "zhang-wei88", "service+kb", "张三", "李工"]
DOMAINS = ["example", "food-factory", "mail.example", "qq"]
TLDS = ["com", "cn", "net", "org", "com.cn"]


@st.composite
def email_addresses(draw) -> tuple[str, None]:
    local = draw(st.sampled_from(LOCAL_PARTS))
    domain, tld = draw(st.sampled_from(DOMAINS)), draw(st.sampled_from(TLDS))
    at, dot = draw(
        st.sampled_from([("@", "."), ("＠", "."), (" @ ", " . "), (" at ", " dot "), (" AT ", " DOT ")])
        | st.sampled_from([("[at]", "[dot]"), (" (at) ", " (dot) "), ("[at]", "."), ("(at)", "(dot)")])
    )
    written = local + at + (domain + "." + tld).replace(".", dot)
    if at in ("@", "＠") and draw(st.booleans()):
        written = local + at + draw(st.sampled_from(["例子.中国", "例子.公司", "公司.网络"]))
    if draw(st.booleans()):
        written = written.translate(FULL_WIDTH)
    return written, None


personal_data = st.one_of(
    st.tuples(st.just("KB601"), mobile_numbers()),
    st.tuples(st.just("KB602"), id_card_numbers()),
    st.tuples(st.just("KB603"), email_addresses()),
)
BEFORE = ["", "电话", "联系人 ", "Tel: ", "手机：", "（", "备注：张工 "]
AFTER = ["", "。", "，谢谢", " 张工", "）", " "]


@settings(max_examples=300, deadline=None)
@given(personal_data, st.sampled_from(BEFORE), st.sampled_from(AFTER))
def test_every_variant_is_found_at_its_offset(item, before, after):
    code, (written, _bare) = item
    text = before + written + after
    found_here = findings(text)
    if code == "KB603" and before and "\u4e00" <= before[-1] <= "\u9fff" and written[0] >= "\u3400":
        # A Chinese local part has no edge: the address starts where the Chinese text does.
        assert [c for _, c in found_here] == [code]
    else:
        assert (len(before), code) in found_here


# Where a text can go in each kind of record of the minimal folder: (file, path, how).
# "append" adds to an existing text, "set" writes a new or replaced value, "item" adds a list item.
TEXT_FIELDS = [
    (CASE, ("title",), "append"),
    (CASE, ("symptoms",), "append"),
    (CASE, ("environment",), "append"),
    (CASE, ("cause",), "append"),
    (CASE, ("resolution",), "append"),
    (CASE, ("customer",), "append"),
    (CASE, ("tags",), "item"),
    (CASE, ("aka",), "item"),
    ("people/li-na.yml", ("name",), "append"),
    ("people/li-na.yml", ("title",), "set"),
    ("sessions/2026-03-hydraulics-basics.yml", ("title",), "append"),
    ("sessions/2026-03-hydraulics-basics.yml", ("summary",), "set"),
    ("paths/new-field-engineer.yml", ("steps", 0, "title"), "append"),
    ("paths/new-field-engineer.yml", ("summary",), "set"),
    ("awards/2026-h1-excellent-service-zhang-wei.yml", ("citation",), "append"),
    ("mentoring/zhang-wei-chen-hao-2026.yml", ("log", 0, "note"), "append"),
    ("mentoring/zhang-wei-chen-hao-2026.yml", ("outcome",), "set"),
    ("taxonomy.yml", ("products", 0, "name"), "append"),
    ("taxonomy.yml", ("skills", 0, "description"), "append"),
    ("taxonomy.yml", ("teams", 0, "name_en"), "set"),
]
# Where a bare YAML number is a valid value.
NUMBER_FIELDS = [
    (CASE, ("tags",), "item"),
    (CASE, ("aka",), "item"),
    (CASE, ("hours_to_resolve",), "set"),
    ("awards/2026-skills-contest-first.yml", ("rank",), "set"),
]


def put(data_dir: Path, where: tuple[str, tuple, str], value) -> str:
    """Write `value` into one field of one record, as YAML would dump it; the file changed."""
    relative, path, how = where
    file = data_dir / relative
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if how == "item":
        parent[key].append(value)
    elif how == "append":
        parent[key] = f"{parent[key]} {value}"
    else:
        parent[key] = value
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return relative


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(personal_data, st.sampled_from(BEFORE), st.data())
def test_every_variant_in_any_field_of_any_record_is_refused(item, before, data):
    code, (written, bare) = item
    as_number = bare is not None and data.draw(st.booleans())
    where = data.draw(st.sampled_from(NUMBER_FIELDS if as_number else TEXT_FIELDS))
    with tempfile.TemporaryDirectory() as parent:
        data_dir = copy_minimal(Path(parent) / "data")  # not tmp_path: hypothesis reruns the body
        relative = put(data_dir, where, bare if as_number else before + written)
        assert code in {c for file, _, c in found(check(data_dir)) if file == relative}


@st.composite
def part_and_serial_numbers(draw) -> str:
    letters = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=3)
    long_digits = st.integers(11, 19).flatmap(digits)
    return draw(
        st.one_of(
            st.builds(lambda p, d, s: f"{p}-{d}{s}", letters, long_digits, letters),  # HX-13812345678A
            st.builds(lambda p, d: f"{p}{d}", letters, long_digits),  # SN2026041213800
            st.builds(lambda p, d: f"{p}-{d}", letters, long_digits),  # HX-13812345678
            st.builds(lambda d, s: f"{d}{s}", long_digits, letters),  # 13812345678A
            st.builds(lambda a, b, c: f"{a}-{b}-{c}", letters, letters, digits(3)),  # QM-FV-220
            st.builds(lambda d, s: f"{d}{s}", digits(4), st.sampled_from(["ZZ", "2RS", "RS"])),  # 6205ZZ
            serials_failing_the_checksum(),
            st.builds(lambda d, t: f"{d:%Y-%m-%d} {t:%H:%M}", st.dates(), st.times()),
            st.builds(lambda d: f"{d:%Y%m%d}", st.dates()),
            st.builds(lambda *n: "v" + ".".join(map(str, n)), *[st.integers(0, 9999)] * 4),
            st.builds(lambda *n: ".".join(map(str, n)), *[st.integers(0, 255)] * 4),
            st.builds(lambda n: f"¥{n:,}.00", st.integers(10**9, 10**12)),
        )
    )


@st.composite
def serials_failing_the_checksum(draw) -> str:
    body = draw(digits(17))
    right = with_check_digit(body)[-1]
    return body + draw(st.sampled_from([d for d in DIGITS if d != right]))


@settings(max_examples=300, deadline=None)
@given(part_and_serial_numbers(), st.sampled_from(["", "件号 ", "序列号：", "型号 "]))
def test_part_and_serial_numbers_are_not_personal_data(number, before):
    assert codes_in(before + number) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(part_and_serial_numbers(), st.sampled_from(TEXT_FIELDS)), min_size=1, max_size=4))
def test_part_and_serial_numbers_in_records_are_not_refused(placed):
    with tempfile.TemporaryDirectory() as parent:
        data_dir = copy_minimal(Path(parent) / "data")
        for number, where in placed:
            put(data_dir, where, number)
        assert privacy_findings(data_dir) == []


# --- The check over a data folder: every place, at its line and column -----------------------


def test_bare_numbers_are_refused_where_they_are_written(data):
    edit(data, CASE, "tags: [压力]", "tags: [压力, 13812345678]")
    edit(data, CASE, "aka: [掉压, 压力上不去]", "aka: [掉压, 110105194912310011]")
    edit(data, CASE, "hours_to_resolve: 6.5", "hours_to_resolve: 13812345678")
    assert privacy_findings(data) == [(CASE, 6, 12, "KB601"), (CASE, 7, 11, "KB602"), (CASE, 20, 19, "KB601")]


def test_full_width_number_in_a_block_is_reported_at_its_column(data):
    edit(data, CASE, "  运行约 30 分钟后", "  油温 58 ℃，联系 １３８ １２３４ ５６７８。\n  运行约 30 分钟后")
    assert privacy_findings(data) == [(CASE, 9, 14, "KB601")]


def test_data_inside_a_plain_value_is_reported_at_its_column(data):
    edit(data, CASE, "customer: 某食品厂", "customer: 某食品厂 (wang.gong＠food-factory.example.cn)")
    assert privacy_findings(data) == [(CASE, 21, 17, "KB603")]


def test_data_in_a_folded_block_is_reported_at_its_line(data):
    edit(
        data,
        CASE,
        "cause: |\n  比例溢流阀先导阀芯磨损。",
        "cause: >\n  比例溢流阀先导阀芯磨损，\n  联系 wang at example dot com 确认。",
    )
    assert privacy_findings(data) == [(CASE, 14, 6, "KB603")]


def test_data_written_with_escapes_is_found(data):
    edit(
        data,
        CASE,
        "title: 液压站运行半小时后压力掉到 8 MPa",
        'title: "电话 \\uff11\\uff13\\uff18\\uff11\\uff12\\uff13\\uff14\\uff15\\uff16\\uff17\\uff18"',
    )
    assert privacy_findings(data) == [(CASE, 2, 1, "KB601")]  # escapes do not map to columns: the value's line


def test_taxonomy_names_and_descriptions_are_checked(data):
    edit(data, "taxonomy.yml", "泵、阀、油路的诊断与维修", "泵、阀、油路的诊断与维修，找王工 138-1234-5678")
    edit(data, "taxonomy.yml", "name: 华东服务站", "name: 华东服务站 hd＠example.com")
    assert privacy_findings(data) == [("taxonomy.yml", 5, 64, "KB601"), ("taxonomy.yml", 8, 28, "KB603")]


def test_keys_of_mappings_are_checked(data):
    edit(data, "people/li-na.yml", "skills: {hydraulics: 3}", "skills: {hydraulics: 3, '13812345678': 2}")
    assert privacy_findings(data) == [("people/li-na.yml", 6, 26, "KB601")]


def test_record_file_paths_are_checked_at_the_start_of_the_file(data):
    write(
        data,
        "people/13812345678.yml",
        'id: "13812345678"\nname: 某人\nteam: east\nrole: field-service\njoined: 2020-01-01\n',
    )
    shutil.copyfile(data / CASE, data / "cases/2026/20260412-110105194912310011.yml")
    assert privacy_findings(data) == [
        ("cases/2026/20260412-110105194912310011.yml", 1, 1, "KB602"),  # in an id, `-` joins words
        ("people/13812345678.yml", 1, 1, "KB601"),  # the file's name
        ("people/13812345678.yml", 1, 6, "KB601"),  # and its id
    ]


def test_attachment_names_are_reported_at_the_list_item(data):
    shutil.copyfile(data / "attachments/valve.png", data / "attachments/客户13812345678.png")
    edit(data, CASE, "attachments: [valve.png]", "attachments: [valve.png, 客户13812345678.png]")
    assert privacy_findings(data) == [(CASE, 25, 28, "KB601")]


def test_reports_never_show_the_data_in_full(data):
    edit(data, CASE, "customer: 某食品厂", "customer: 某食品厂 13812345678 wang.gong@food-factory.example.cn")
    messages = [item.message for item in check(data).report.items if item.code in PRIVACY_CODES]
    assert len(messages) == 2
    assert not any("13812345678" in message or "wang.gong" in message for message in messages)


def test_minimal_folder_holds_no_personal_data(data):
    assert privacy_findings(data) == []


def test_a_record_with_a_shape_error_is_still_checked_for_personal_data(data):
    person = data / "people/chen-hao.yml"
    person.write_text(
        person.read_text(encoding="utf-8") + "hobby: 13812345678\ntitle: 联系 wang@example.com\n", encoding="utf-8"
    )
    codes_found = sorted(code for _, _, code in found(check(data)))
    assert "KB202" in codes_found and "KB601" in codes_found and "KB603" in codes_found


def test_masking_leaves_no_address_that_another_one_hid():
    """Two spelled-out addresses run together: the first's domain ran on into the second, so the
    first was found only once the second was masked (hypothesis found this in a report line)."""
    from generator.privacy import masked_text, personal_data_in

    masked = masked_text("zhang at example dot comzhang at example dot com")
    assert personal_data_in(masked) == [], masked
