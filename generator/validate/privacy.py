"""Personal data: customers' mobile numbers, ID-card numbers and e-mail addresses are refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator import codes
from generator.diagnostics import Diagnostic
from generator.validate import check
from generator.validate.context import Context

# Not glued to letters or digits on either side, so part numbers such as
# HX-13812345678A or 2026041213800 are not taken for phone numbers.
_EDGE_BEFORE = r"(?<![0-9A-Za-z])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"
MOBILE = re.compile(_EDGE_BEFORE + r"(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}" + _EDGE_AFTER)
ID_CARD = re.compile(
    _EDGE_BEFORE
    + r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
    + _EDGE_AFTER
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_DIGITS = "10X98765432"


def is_id_card_number(text: str) -> bool:
    """The GB 11643 checksum, so that 18-digit part or serial numbers are not taken for IDs."""
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK_DIGITS[total % 11] == text[17].upper()


def find_personal_data(text: str) -> Iterator[tuple[int, codes.Code, str]]:
    """(offset, code, what) for each piece of personal data in a text."""
    for match in MOBILE.finditer(text):
        yield match.start(), codes.MOBILE_NUMBER, f"a mobile phone number ({_masked(match.group())})"
    for match in ID_CARD.finditer(text):
        if is_id_card_number(match.group()):
            yield match.start(), codes.ID_CARD_NUMBER, f"an ID-card number ({_masked(match.group())})"
    for match in EMAIL.finditer(text):
        yield match.start(), codes.EMAIL_ADDRESS, f"an e-mail address ({_masked(match.group())})"


def _masked(found: str) -> str:
    # The report may be posted in CI logs: show enough to find it, not the data itself.
    return found[:3] + "…" + found[-2:] if len(found) > 6 else "…"


def texts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every text value in a record, however deep."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, path + (index,))


@check
def ensure_no_personal_data(context: Context) -> Iterator[Diagnostic]:
    """Ensure no text holds a mobile number, ID-card number or e-mail address."""
    for record in context.all_records():
        document = record.document
        if "personal_data" not in document.memo:
            document.memo["personal_data"] = list(_personal_data(record.file, document))
        yield from document.memo["personal_data"]


def _personal_data(file: str, document) -> Iterator[Diagnostic]:
    for path, text in texts(document.data):
        if not _may_hold_personal_data(text):
            continue
        for offset, code, what in find_personal_data(text):
            where = document.text_position(path, offset)
            yield code.at(file, where, f"`{path[0]}` contains {what}; customer personal data must not be recorded")


_MAYBE = re.compile(r"@|(?:[0-9][- ]?){11}")


def _may_hold_personal_data(text: str) -> bool:
    # Most values are short ids and words: one quick look before the three real patterns.
    return _MAYBE.search(text) is not None
