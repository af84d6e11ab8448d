"""Bytes to text: the size cap and the UTF-8 rule, with a hint when a file is not UTF-8.

Also the rule for which characters record text may hold, and where a character of a
file's text stands (lines counted by LF only, columns in characters).
"""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

from generator import codes
from generator.diagnostics import Position
from generator.messages import Text, text

MAX_FILE_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class TextError(Exception):
    def __init__(self, code: codes.Code, position: Position, words: Text) -> None:
        super().__init__(str(words))
        self.code = code
        self.position = position
        self.words = words

    @property
    def message(self) -> str:
        return str(self.words)


def decode_record_bytes(raw: bytes, shown_name: str = "file") -> str:
    """Return the text of a record file, or raise TextError saying what is wrong."""
    if len(raw) > MAX_FILE_BYTES:
        raise TextError(
            codes.TOO_LARGE,
            Position(1, 1),
            text("load-too-large", size=f"{len(raw) / 1024 / 1024:.1f}"),
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


def _not_utf8_message(raw: bytes, shown_name: str) -> Text:
    guess = guess_encoding(raw)
    if guess is None:
        return text("load-not-utf8")
    encoding = text("encoding-gb18030") if guess == "GB18030" else text("encoding-named", name=guess)
    return text("load-not-utf8-looks-like", encoding=encoding, guess=guess, file=shown_name)


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


# Characters no record may hold. They are invisible or change how text is shown: C0 and
# C1 controls (a NUL, a terminal colour code `ESC[31m` pasted from a log), DEL, the bidi
# overrides and isolates that make text read differently from how it is stored, and the
# line and paragraph separators U+2028/U+2029 (with U+0085 and a lone CR, YAML 1.1 counts
# them as line breaks, so every later line number would be off). Surrogates and U+FFFE/
# U+FFFF are here because libyaml refuses them without a usable position. The XML feeds
# refuse most of these outright. TAB and LF are allowed wherever YAML allows them.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
# In a file, a CR is part of a Windows CRLF line end; anywhere else it is a control character.
_REFUSED_IN_FILE = re.compile(f"[{_CONTROLS}]|\r(?!\n)")
_REFUSED_IN_VALUE = re.compile(f"[{_CONTROLS}\r]")
_REFUSED_CHARACTER = re.compile(f"[{_CONTROLS}]")

_CONTROL_NAMES = {  # the characters people meet in pasted text, by their catalogue key
    "\x00": "character-nul",
    "\x07": "character-bell",
    "\x08": "character-backspace",
    "\n": "character-line-feed",
    "\x0b": "character-vertical-tab",
    "\x0c": "character-form-feed",
    "\r": "character-carriage-return",
    "\x1b": "character-escape",
    "\x7f": "character-delete",
    "\x85": "character-next-line",
    "\ufffe": "character-not-a-character",
    "\uffff": "character-not-a-character",
}


# Everything a reader, a parser or a format may take as the end of a line: LF, CR, VT, FF,
# NEL, and the Unicode line and paragraph separators. Markdown fields may hold LF; a name or
# a title holds none of them (KB212), since every writer that shows it on one line (a page's
# heading, a table cell, a feed's title, an iCalendar property) would break there.
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")


def line_break_in(value: str) -> int | None:
    """The index of the first line break of any kind in a value, if any."""
    found = _LINE_BREAK.search(value)
    return found.start() if found else None


def control_character_in_file(text: str) -> int | None:
    """The index of the first character a record file may not hold, if any."""
    # One class alone is searched several times faster than the pattern with a CR's lookahead,
    # and most files have no CR at all.
    found = (_REFUSED_IN_FILE if "\r" in text else _REFUSED_CHARACTER).search(text)
    return found.start() if found else None


def control_character_in_value(value: str) -> int | None:
    """The index of the first character a value may not hold (a CR included), if any."""
    found = _REFUSED_IN_VALUE.search(value)
    return found.start() if found else None


def character_name(character: str) -> Text:
    """`U+001B (escape)`: the code point, and a name when there is one to give."""
    code = f"U+{ord(character):04X}"
    key = _CONTROL_NAMES.get(character)
    if key:
        return text("character-named", code=code, name=text(key))
    name = unicodedata.name(character, "").lower()  # Unicode's names are English only
    return text("character-unicode", code=code, name=name) if name else text("character-bare", code=code)


def position_in_text(text: str, index: int) -> Position:
    """The 1-based line and column of character `index`; only LF ends a line."""
    line_start = text.rfind("\n", 0, index) + 1
    return Position(text.count("\n", 0, index) + 1, index - line_start + 1)
