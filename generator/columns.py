"""Terminal columns: how wide text is on a terminal, and wrapping that counts them.

A Chinese character takes two columns, a combining mark none. Python's `len` and
`textwrap` count characters and break only at spaces, which Chinese does not have, so
carets under Chinese text and Chinese help text would not line up or not wrap at all.
"""

from __future__ import annotations

import re
import unicodedata

# A break is allowed before and after any wide character, except before closing
# punctuation, which stays at the end of the line it closes.
_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
# A bracketed note (click's `[默认：data]`) is kept whole.
_TOKEN = re.compile(f"\\[[^\\]\\n]{{0,40}}\\]|[{_WIDE}]|[^\\s{_WIDE}]+|\\s+")
_NO_LINE_START = frozenset("，。；：、！？）》」』”’")


def display_width(text: str) -> int:
    """Columns a terminal gives the text."""
    return sum(char_width(char) for char in text)


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def first_columns(text: str, columns: int) -> str:
    """The longest start of `text` that fits in `columns`."""
    width = 0
    for index, char in enumerate(text):
        width += char_width(char)
        if width > columns:
            return text[:index]
    return text


def last_columns(text: str, columns: int) -> str:
    """The longest end of `text` that fits in `columns`."""
    width = 0
    for index in range(len(text) - 1, -1, -1):
        width += char_width(text[index])
        if width > columns:
            return text[index + 1 :]
    return text


def wrap_columns(text: str, columns: int) -> list[str]:
    """The text in lines of at most `columns` (a word longer than a line keeps its own line)."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            token = " "
        if line.strip() and token != " " and token not in _NO_LINE_START and display_width(line + token) > columns:
            lines.append(line.rstrip())
            line = ""
        if line or token != " ":
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines
