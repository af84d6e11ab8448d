"""What text from the records may be printed on a terminal: personal data masked, control
characters escaped. The report prints every message through it, and the YAML syntax
excerpt (generator/load/syntax.py) prints the offending line through it too, so that the
caret stands under what is printed.
"""

from __future__ import annotations

import unicodedata

from generator.privacy import masked_text


def shown(text: str, newlines: bool = False) -> str:
    """Text from the records as it may be printed: personal data masked (a message may quote
    a value that a check refuses), control characters escaped."""
    return printable(masked_text(text), newlines)


def printable(text: str, newlines: bool = False) -> str:
    """Text with every control character written as an escape: a file name or value from
    data/ must not move the cursor, recolour the terminal or forge a line of the report.
    With `newlines`, line breaks stay (a message may show the offending line)."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" or (newlines and ch == "\n") else _escape(ch)
        for ch in text
    )


def _escape(ch: str) -> str:
    point = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if point < 0x100 and unicodedata.category(ch) == "Cc":
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"
