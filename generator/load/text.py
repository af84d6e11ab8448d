"""Bytes to text: the size cap and the UTF-8 rule, with a hint when a file is not UTF-8."""

from __future__ import annotations

from charset_normalizer import from_bytes

from generator import codes
from generator.diagnostics import Position

MAX_FILE_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class TextError(Exception):
    def __init__(self, code: codes.Code, position: Position, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.position = position
        self.message = message


def decode_record_bytes(raw: bytes, shown_name: str = "file") -> str:
    """Return the text of a record file, or raise TextError saying what is wrong."""
    if len(raw) > MAX_FILE_BYTES:
        raise TextError(
            codes.TOO_LARGE,
            Position(1, 1),
            f"file is {len(raw) / 1024 / 1024:.1f} MiB, over the 1 MiB limit for one record",
        )
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TextError(codes.NOT_UTF8, _byte_position(raw, error.start), _not_utf8_message(raw, shown_name)) from None


def _byte_position(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return Position(before.count(b"\n") + 1, offset - line_start + 1)


def _not_utf8_message(raw: bytes, shown_name: str) -> str:
    guess = guess_encoding(raw)
    if guess is None:
        return "file is not UTF-8 text; re-save it as UTF-8"
    return (
        f"file is not UTF-8; it looks like {_CHINESE_NAMES.get(guess, guess)}. Re-save it as UTF-8, "
        f"e.g. `iconv -f {guess} -t UTF-8 {shown_name} > fixed.yml`"
    )


_CHINESE_NAMES = {"GB18030": "GBK/GB18030 (a Chinese Windows encoding)"}


def guess_encoding(raw: bytes) -> str | None:
    """Name the likely encoding in the form iconv understands (GBK rather than gb2312)."""
    best = from_bytes(raw).best()
    if best is None:
        return None
    name = best.encoding.lower()
    if name in {"gb2312", "gbk", "gb18030", "hz"}:
        return "GB18030"  # the superset of GB2312 and GBK: converting with it never loses text
    return {"big5": "BIG5", "utf_16": "UTF-16", "cp1252": "WINDOWS-1252", "latin_1": "ISO-8859-1"}.get(
        name, name.upper().replace("_", "-")
    )
