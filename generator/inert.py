"""Text as every writer can carry it, whatever got past validation.

Validation refuses control characters (KB111) and line breaks in single-line fields
(KB212) where they are written. The writers do not count on that: each passes the text it
writes through one of these, so that a string that somehow got through still gives a valid
file (a page, an XML feed, an iCalendar line, a JSON line) and never a traceback. The
terminal is the exception: it shows such characters as escapes (generator/report.py), so
that whoever reads a message can find them.
"""

from __future__ import annotations

import re

from generator.load.text import LINE_BREAKS

# A line end however it is written; a Windows CRLF is one.
_LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")
# What no writer passes on: C0 and C1 control characters other than tab and line breaks, DEL,
# the bidi overrides and isolates (they make text read otherwise than it is stored), lone
# surrogates (no encoder writes them) and U+FFFE/U+FFFF (no XML 1.0 character).
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """A name or title for one line: each line break and tab a space, controls dropped."""
    if text.isprintable():  # the usual text: nothing to do (controls and breaks are not printable)
        return text
    return _UNWRITABLE.sub("", _LINE_BREAK.sub(" ", text.replace("\t", " ")))


# Anything multi_line changes: every control character and line break but tab and LF.
_NOT_MULTI_LINE_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def multi_line(text: str) -> str:
    """Text that may span lines (Markdown): every line break an LF, controls dropped, tabs kept."""
    if _NOT_MULTI_LINE_TEXT.search(text) is None:  # the usual text: one scan, nothing to do
        return text
    return _UNWRITABLE.sub("", _LINE_BREAK.sub("\n", text))


# What JSON writers leave raw with ensure_ascii=False: DEL and the C1 controls, the line and
# paragraph separators (many tools that read "lines" break at them), lone surrogates (no
# UTF-8 encoder writes them) and U+FFFE/U+FFFF. In JSON text they can only stand inside a
# string, where a \u escape is the same character.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def json_escaped(dumped: str) -> str:
    """JSON text from json.dumps(..., ensure_ascii=False) with no raw control character left."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)
