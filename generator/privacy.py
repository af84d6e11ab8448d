"""Personal data: customers' mobile numbers, ID-card numbers and e-mail addresses are refused.

They are refused in whatever form a person, an input method or a spreadsheet writes them:
full-width characters, digits in groups, a +86 prefix, a bare YAML number, an address with
Chinese parts or spelled out as `name at example dot com`; and wherever they are written:
every value and key of every record and of the taxonomy, and the path of each record file.

One detector, `find_personal_data(text)`, serves the records (the check in
generator/validate/privacy.py) and anyone else who must keep such data out of what they
publish or print (ticket exports, search logs, git history, the terminal). It is pure: text
in, findings out, and it imports nothing but the message catalogue and the codes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator import codes
from generator.messages import Text, text

Finding = tuple[int, int, codes.Code, Text]  # start and end offset, code, what was found (masked)


# --- The quick look -------------------------------------------------------------------------
#
# Almost every text holds no personal data, so before anything is normalised or matched each
# text gets one cheap look that all personal data passes: eleven digit-like characters with
# nothing but separators between them, an at sign, or the word `dot` or a bracketed `at`.
# The classes list every character that normalises to an ASCII digit, or to a space, dash or
# dot (or to nothing); tests/validate/test_privacy.py checks that against the whole of Unicode.

_DIGIT_LIKE = (
    "0-9\uff10-\uff19"  # ASCII and full-width
    "\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089"  # superscripts and subscripts
    "\u2460-\u2468\u24ea"  # circled ① to ⑨ and ⓪
    "\U0001d7ce-\U0001d7ff\U0001fbf0-\U0001fbf9"  # mathematical and segmented digits
)
_SEPARATOR_LIKE = (
    " \t.\\-\u00a0\u2000-\u200a\u202f\u205f\u3000"  # spaces
    "\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"  # dashes
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"  # more dashes
    "\u2024\ufe52\uff0e"  # dots
    "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # invisible
)
_DIGIT_RUN = re.compile(f"[{_DIGIT_LIKE}](?:[{_SEPARATOR_LIKE}]*+[{_DIGIT_LIKE}]){{10}}")
# In a whole file a value may be folded over lines: the line break counts as a separator there.
_DIGIT_RUN_IN_FILE = re.compile(f"[{_DIGIT_LIKE}](?:[{_SEPARATOR_LIKE}\r\n]*+[{_DIGIT_LIKE}]){{10}}")
# `at` before a closing bracket, as in [at] and (at); a plain literal first is what makes it quick.
_CLOSED_AT = re.compile(r"at[ \t\u3000]*[\])>}】〕］）｝＞]")
_CLOSED_FULL_WIDTH_AT = re.compile(r"ａｔ[ \t\u3000]*[\])>}】〕］）｝＞]")


def may_hold_personal_data(text: str) -> bool:
    """False when the text certainly holds no personal data; cheap enough for every value."""
    return _DIGIT_RUN.search(text) is not None or _may_hold_address(text)


def _may_hold_address(text: str) -> bool:
    if "@" in text or "\uff20" in text or "\ufe6b" in text:  # @, full-width and small
        return True
    lowered = text.lower()
    if "dot" in lowered or "ｄｏｔ" in lowered:
        return True
    return _CLOSED_AT.search(lowered) is not None or _CLOSED_FULL_WIDTH_AT.search(lowered) is not None


def file_may_hold_personal_data(text: str) -> bool:
    # A backslash may be an escape such as "\uff11" that writes a digit the raw text hides.
    return not text or "\\" in text or _DIGIT_RUN_IN_FILE.search(text) is not None or _may_hold_address(text)


def texts_may_hold_personal_data(texts: Iterable[str]) -> bool:
    """The quick look over all of a record's texts at once (its keys and values as read, escapes
    written out): False when none of them could hold personal data. Each text passing its own
    look passes this one too, since the look finds a part of a text, and NUL, which no record
    holds, keeps one text's digits or letters from running on into the next's."""
    return may_hold_personal_data("\x00".join(texts))


# --- Normalising ----------------------------------------------------------------------------
#
# NFKC turns full-width digits, letters and ＠ into ASCII. Dashes an input method types
# between digit groups become `-`, and invisible characters that could split a number
# are dropped. A character may normalise to several (℃ to °C) or to none, so offsets into
# the normalised text are mapped back before anything is reported.

_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff") | frozenset(
    chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


def _normal_form(character: str) -> str:
    if character in _INVISIBLE:
        return ""
    if character == "\u2212" or unicodedata.category(character) == "Pd":
        return "-"
    return unicodedata.normalize("NFKC", character)


class _NormalForms(dict):
    """Code point -> normal form, worked out the first time str.translate meets a character."""

    def __missing__(self, code: int) -> str:
        form = self[code] = _normal_form(chr(code))
        return form


_NORMAL_FORMS = _NormalForms()


def normalised(text: str) -> str:
    return text if text.isascii() else text.translate(_NORMAL_FORMS)


def _original_offset(text: str, normal_offset: int) -> int:
    """Which character of `text` the character at `normal_offset` of its normalised form came from."""
    if text.isascii():
        return normal_offset
    length = 0
    for index, character in enumerate(text):
        length += len(_NORMAL_FORMS[ord(character)])
        if length > normal_offset:
            return index
    return len(text)


# --- Patterns, matched on normalised text ---------------------------------------------------

# A number is personal data only when it stands alone. Glued to letters or digits, or to them
# by `-` or `_`, it is part of a part or serial number (HX-13812345678A, SN2026041213800);
# after `1.` it is a decimal or a version.
_BEFORE = r"(?<![0-9A-Za-z_])(?<![0-9A-Za-z][-_])(?<![0-9]\.)"
_AFTER = r"(?![0-9A-Za-z_])(?![-_][0-9A-Za-z])(?!\.[0-9])"
# Between digit groups: one space, or a dash with at most a space either side.
_SEPARATOR = r"(?:[ \t]?-[ \t]?|[ \t])"

_MOBILE_PREFIX = r"(?:\((?:\+|00)?86\)|(?:\+|00)?86)[ \t-]?"  # +86, 86, 0086, (+86)
# Eleven digits from 13x to 19x. Groups may be split anywhere as long as each group has three
# digits or more (138 1234 5678, 1381234 5678); that keeps lists of readings such as
# `15 20 25 30 35 4` out. Dots only in the usual 3-4-4 form, so IP addresses stay out.
_MOBILE_BODY = rf"(?:1[3-9][0-9](?:(?:{_SEPARATOR}(?=[0-9]{{3}}))?[0-9]){{8}}|1[3-9][0-9]\.[0-9]{{4}}\.[0-9]{{4}})"
MOBILE = re.compile(rf"{_BEFORE}(?:{_MOBILE_PREFIX})?{_MOBILE_BODY}{_AFTER}")

# ID cards: the 6-digit area code first, then the rest in any grouping; whether it is a real
# ID number (area, birth date, checksum) is decided by is_identity_number.
ID_CARD = re.compile(rf"{_BEFORE}[1-9][0-9]{{5}}(?:{_SEPARATOR}?[0-9]){{11}}{_SEPARATOR}?[0-9Xx]{_AFTER}")
OLD_ID_CARD = re.compile(rf"{_BEFORE}[1-9][0-9]{{5}}(?:{_SEPARATOR}?[0-9]){{9}}{_AFTER}")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPEN = r"[\[(<{【〔]"
_CLOSE = r"[\])>}】〕]"
# Bounded, so that a long run of Chinese text without an address is not scanned again at each
# character, and a long chain of labels is not tried at each length.
_LOCAL_PART = rf"(?:(?<![A-Za-z0-9._%+-])[A-Za-z0-9_][A-Za-z0-9._%+-]{{0,63}}|[{_CJK}]{{1,8}})"
# `at` and `dot` in any case, written out ([Aa][Tt]): JavaScript takes the patterns too (see
# browser_patterns), and not every browser reads an inline flag such as (?i:at).
_AT = rf"(?:[ \t]*@[ \t]*|[ \t]*{_OPEN}[ \t]*[Aa][Tt][ \t]*{_CLOSE}[ \t]*|[ \t]+[Aa][Tt][ \t]+)"
_DOT = rf"(?:[ \t]*\.[ \t]*|[ \t]*{_OPEN}[ \t]*[Dd][Oo][Tt][ \t]*{_CLOSE}[ \t]*|[ \t]+[Dd][Oo][Tt][ \t]+)"
_LABEL = rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?|[{_CJK}]{{1,63}})"
EMAIL = re.compile(rf"(?P<local>{_LOCAL_PART})(?P<at>{_AT})(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{1,6}})")
_DOT_SPLIT = re.compile(f"({_DOT})")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Spaced and spelled-out addresses need a top-level domain people actually use: `valve at
# station dot matrix` is English, `wang at example dot com` is an address. Words that are
# also English (`in`, `it`, `me`, `to`) are left out.
KNOWN_TLDS = _words(
    "com net org edu gov info biz io xyz top vip ltd asia mobi cc cn hk tw mo jp kr sg uk de fr ru au ca nl"
)
CHINESE_TLDS = (
    "中国", "中國", "公司", "网络", "網絡", "在线", "集团", "商城", "网址", "网店", "中文网", "手机",
    "我爱你", "香港", "台湾", "台灣", "澳门", "澳門", "新加坡", "商标", "企业", "游戏", "娱乐", "信息",
)  # fmt: skip
# `logo@2x.png` and `root@plc.local` are file names and machine logins, not addresses.
NOT_ADDRESS_ENDINGS = _words(
    "png jpg jpeg gif bmp svg webp tif tiff pdf doc docx xls xlsx ppt pptx txt log csv zip rar gz tgz "
    "mp4 mov avi mkv webm yml yaml json md html htm xml dwg dxf step stp iges igs stl bin hex dat cfg ini bak "
    "local lan internal localdomain localhost home corp intranet"
)

_PROVINCES = frozenset(
    (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46)
    + (50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91)
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_DIGITS = "10X98765432"


# --- The detector ---------------------------------------------------------------------------


def find_personal_data(text: str) -> Iterator[tuple[int, codes.Code, Text]]:
    """(offset, code, what) for each piece of personal data in a text; `what` is masked."""
    for start, _end, code, what in personal_data_in(text):
        yield start, code, what


def find_personal_data_in_value(value: Any) -> Iterator[tuple[int, codes.Code, Text]]:
    """The same for a YAML value: text, or a number looked at as its decimal text."""
    text = value_text(value)
    return find_personal_data(text) if text is not None else iter(())


def value_text(value: Any) -> str | None:
    """The text a value is looked at as: numbers as written in decimal, 13812345678 and not 1.38e10."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return str(int(value)) if value.is_integer() else repr(value)
    return None


def personal_data_in(text: str) -> list[Finding]:
    """(start, end, code, what) of each piece of personal data, as offsets into `text`."""
    if not may_hold_personal_data(text):
        return []
    normal = normalised(text)
    found = sorted(_in_normalised(normal))
    if normal is text:
        return found
    return [
        (_original_offset(text, start), _original_offset(text, end - 1) + 1, code, what)
        for start, end, code, what in found
    ]


def _in_normalised(text: str) -> Iterator[Finding]:
    if _DIGIT_RUN.search(text):
        yield from _mobile_numbers(text)
        yield from _id_card_numbers(text)
    if _may_hold_address(text):
        yield from _email_addresses(text)


def _mobile_numbers(text: str) -> Iterator[Finding]:
    for match in MOBILE.finditer(text):
        digits = re.sub(r"[^0-9]", "", match.group())[-11:]
        yield match.start(), match.end(), codes.MOBILE_NUMBER, _what("privacy-mobile", _masked(digits))


def _id_card_numbers(text: str) -> Iterator[Finding]:
    taken: list[tuple[int, int]] = []
    for pattern in (ID_CARD, OLD_ID_CARD):
        for start, end in _matches(pattern, text, _id_number_end):
            if not any(start < other_end and other_start < end for other_start, other_end in taken):
                taken.append((start, end))
                number = re.sub(r"[^0-9Xx]", "", text[start:end]).upper()
                yield start, end, codes.ID_CARD_NUMBER, _what("privacy-id-card", _masked(number))


def _email_addresses(text: str) -> Iterator[Finding]:
    for start, end in _matches(EMAIL, text, _email_end):
        address = text[start:end]
        yield start, end, codes.EMAIL_ADDRESS, _what("privacy-email", _masked_address(address))


def _what(key: str, masked: str) -> Text:
    # `text` is a parameter name throughout the detector, so the catalogue's maker is named here once.
    return text(key, masked=masked)


def _matches(pattern: re.Pattern, text: str, end_of: Callable[[re.Match], int | None]) -> Iterator[tuple[int, int]]:
    """(start, end) of each match that `end_of` accepts (it returns the end, or None).

    A refused match is tried again one character later, so that a real number or address
    inside a longer look-alike is still found.
    """
    position = 0
    while (match := pattern.search(text, position)) is not None:
        end = end_of(match)
        if end is None:
            position = match.start() + 1
        else:
            yield match.start(), end
            position = end


def _id_number_end(match: re.Match) -> int | None:
    number = re.sub(r"[^0-9Xx]", "", match.group())
    return match.end() if is_identity_number(number) else None


def is_identity_number(number: str) -> bool:
    """A resident ID number: 18 characters with the GB 11643 checksum, or the old 15 digits,
    with a province code and a real birth date, so that serial numbers are not taken for IDs."""
    if len(number) == 18:
        birth = number[6:14]
        return _is_province(number[:2]) and _is_date(birth) and is_id_card_number(number)
    if len(number) == 15:
        return _is_province(number[:2]) and _is_date("19" + number[6:12])
    return False


def is_id_card_number(text: str) -> bool:
    """The GB 11643 checksum, so that 18-digit part or serial numbers are not taken for IDs."""
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK_DIGITS[total % 11] == text[17].upper()


def _is_province(code: str) -> bool:
    return int(code) in _PROVINCES


def _is_date(yyyymmdd: str) -> bool:
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return 1900 <= day.year <= 2100


@dataclass(frozen=True)
class _Separator:
    """How the at sign or a dot of an address was written."""

    text: str

    @property
    def is_plain(self) -> bool:  # `@` or `.` with nothing around it
        return self.text in ("@", ".")

    @property
    def is_spelled(self) -> bool:  # ` at `, `[dot]`
        return not any(sign in self.text for sign in "@.")

    @property
    def is_bracketed(self) -> bool:
        return self.is_spelled and any(bracket in self.text for bracket in "[(<{【〔")


def _email_end(match: re.Match) -> int | None:
    """Where the address that `match` starts ends, or None when it does not pass for one.

    The pattern takes as many labels as it can (`example.com. Next` is three); the longest
    run of them that ends in a believable top-level domain is the address.
    """
    at = _Separator(match.group("at"))
    parts = _DOT_SPLIT.split(match.group("domain"))
    for last in range(len(parts) - 1, 1, -2):
        dots = [_Separator(text) for text in parts[1:last:2]]
        tld_length = _top_level_domain_length(parts[last], at, dots)
        if tld_length:
            return match.start("domain") + sum(map(len, parts[:last])) + tld_length
    return None


def _top_level_domain_length(label: str, at: _Separator, dots: list[_Separator]) -> int:
    separators = [at, *dots]
    if at.is_spelled and not at.is_bracketed and all(dot.is_plain for dot in dots):
        return 0  # "the manual at www.vendor.com" names a website
    chinese = next((tld for tld in CHINESE_TLDS if label.startswith(tld)), None)
    if chinese:
        return len(chinese)
    if not label.isascii() or not label.isalpha() or label.lower() in NOT_ADDRESS_ENDINGS:
        return 0
    if all(separator.is_plain for separator in separators):
        return len(label) if len(label) >= 2 else 0
    if all(separator.is_plain or separator.is_bracketed for separator in separators) and 2 <= len(label) <= 6:
        return len(label)
    return len(label) if label.lower() in KNOWN_TLDS else 0


def masked_text(text: str) -> str:
    """The text with each piece of personal data in it masked, for anything that is printed
    or published about the records (a message quoting a value, a search log)."""
    # Masking one piece can leave another readable that the first hid (two spelled-out
    # addresses run together: the first's domain ran on into the second), so mask until none is left.
    for _ in range(MASKING_ROUNDS):
        found = personal_data_in(text)
        if not found:
            return text
        for start, end, _code, _what in reversed(found):
            piece = text[start:end]
            masked = _masked_address(piece) if "@" in piece or "＠" in piece else _masked(piece)
            text = text[:start] + masked + text[end:]
    return text if not personal_data_in(text) else "…"


MASKING_ROUNDS = 4


def _masked(number: str) -> str:
    # The report may be posted in CI logs: show enough to find it, not the data itself.
    return number[:3] + "…" + number[-2:] if len(number) > 6 else "…"


def _masked_address(address: str) -> str:
    return address[0] + "…@…" + address[-2:]


# --- For the browser ------------------------------------------------------------------------
#
# The capture page checks a new case on the phone, offline, before it is handed on
# (assets/kb-privacy.js). It is given the patterns above and the lists the detector reads,
# not a copy of them: the patterns are written in the syntax Python and JavaScript share,
# named groups `(?P<name>` being the one difference, which is translated here.

_PYTHON_ONLY = ("(?i", "(?a", "(?u", "(?x", "(?P=", "*+", "++", "?+", "}+", "\\A", "\\Z")


def browser_patterns() -> dict[str, Any]:
    """The detector's patterns and lists for assets/kb-privacy.js."""
    return {
        "mobile": _javascript(MOBILE),
        "id_card": _javascript(ID_CARD),
        "old_id_card": _javascript(OLD_ID_CARD),
        "email": _javascript(EMAIL),
        "dot_split": _javascript(_DOT_SPLIT),
        "invisible": "".join(sorted(_INVISIBLE)),
        "known_tlds": sorted(KNOWN_TLDS),
        "chinese_tlds": list(CHINESE_TLDS),  # in this order: the first that a label starts with
        "not_address_endings": sorted(NOT_ADDRESS_ENDINGS),
        "provinces": sorted(_PROVINCES),
        "id_weights": list(_ID_WEIGHTS),
        "id_check_digits": _ID_CHECK_DIGITS,
        "codes": {
            "mobile": codes.MOBILE_NUMBER.code,
            "id_card": codes.ID_CARD_NUMBER.code,
            "email": codes.EMAIL_ADDRESS.code,
        },
    }


def _javascript(pattern: re.Pattern) -> str:
    source = pattern.pattern.replace("(?P<", "(?<")
    found = [piece for piece in _PYTHON_ONLY if piece in source]
    if found or pattern.flags & ~re.UNICODE:
        raise ValueError(f"{source!r} uses syntax only Python reads: {found}")
    return source


# --- A customer named in a record: an organisation's label, never a contact ----------------
#
# A contact's name has no pattern to find, so a customer label is held to what an organisation's
# label looks like instead: it starts with 某 (某食品厂, the anonymised form) or ends in a word
# for an organisation, and it does not end in a word for a person (先生, 经理, 师傅 …), which
# 某 does not excuse (某王经理). English labels end in such a word too ("a food factory").
ORGANISATION_ENDINGS = (
    "有限公司", "公司", "集团", "工厂", "厂", "医院", "卫生院", "诊所", "中心", "站", "局", "院", "所", "学校",
    "大学", "学院", "店", "超市", "商场", "物流园", "园区", "产业园", "基地", "银行", "矿", "场", "馆", "车间",
    "酒店", "宾馆", "企业", "单位", "部", "处", "社", "队",
)  # fmt: skip
ORGANISATION_ENDINGS_EN = (
    "factory", "plant", "mill", "works", "company", "co.", "co", "ltd", "ltd.", "inc", "inc.", "group",
    "hospital", "clinic", "centre", "center", "station", "bureau", "institute", "school", "university",
    "college", "store", "shop", "supermarket", "park", "bank", "mine", "farm", "hotel", "site", "workshop",
)  # fmt: skip
PERSON_ENDINGS = (
    "先生", "女士", "小姐", "师傅", "经理", "主任", "科长", "厂长", "处长", "部长", "所长", "院长", "站长", "局长",
    "老师", "工程师", "总监", "老板", "主管", "班长", "同志", "总", "工", "姐", "哥",
)  # fmt: skip
PERSON_STARTS_EN = ("mr", "mrs", "ms", "miss", "dr")
LABEL_LENGTH = 40


def is_organisation_label(label: str) -> bool:
    """Whether a customer label reads as an anonymised organisation (某食品厂, 华东某汽车零部件有限公司,
    a food factory) rather than a person (王建国, 李经理, 某张先生, Mr Wang)."""
    words = label.strip()
    if not words or len(words) > LABEL_LENGTH or words.endswith(PERSON_ENDINGS):
        return False
    if words.startswith("某") or words.endswith(ORGANISATION_ENDINGS):
        return True
    lowered = words.lower().split()
    if lowered and lowered[0].rstrip(".") in PERSON_STARTS_EN:
        return False
    return bool(lowered) and lowered[-1] in ORGANISATION_ENDINGS_EN
