"""The check that no record holds a customer's personal data: every value, key and file path
of every document read, with the detector of generator/privacy.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import START, Diagnostic, Position
from generator.load.strict_yaml import Document
from generator.messages import Text, text
from generator.privacy import personal_data_in, value_text
from generator.records import Context

# --- The check ------------------------------------------------------------------------------


def ensure_no_personal_data(context: Context) -> Iterator[Diagnostic]:
    """Ensure no value, key or file path holds a mobile number, ID-card number or e-mail address."""
    prefix = _shown_prefix(context)
    # Every document that could be read, its shape right or not: a record that fails on
    # one field must not keep its personal data out of the report.
    for document in context.documents:
        if "personal_data" not in document.memo:
            document.memo["personal_data"] = list(_personal_data(document, prefix))
        yield from document.memo["personal_data"]


def _shown_prefix(context: Context) -> str:
    return context.settings.shown + "/"  # how record files are shown: data/people/x.yml


def _personal_data(document: Document, prefix: str) -> Iterator[Diagnostic]:
    yield from _in_path(document.file, prefix)
    if not document.may_hold_personal_data:
        return
    source: _Source | None = None  # made for the first finding: most documents have none
    for path, value, is_key in _keys_and_values(document.data):
        text = value_text(value)
        if text is None:
            continue
        for start, end, code, what in personal_data_in(text):
            source = source or _Source.of(document)
            where = source.where(path, text[start:end], start, is_key)
            yield code.at(document.file, where, "privacy-in-value", where=_label(path, is_key), what=what)


def _label(path: tuple, is_key: bool) -> Text:
    if not is_key:
        return text("privacy-field", field=_field_name(path))
    return text("privacy-key-of", field=_field_name(path[:-1])) if len(path) > 1 else text("privacy-field-name")


def _field_name(path: tuple) -> str:
    shown = ""
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def _in_path(file: str, prefix: str) -> Iterator[Diagnostic]:
    # Only the part under data/: where the data folder itself lives is nobody's personal data.
    relative = file[len(prefix) :] if file.startswith(prefix) else file.rsplit("/", 1)[-1]
    # In an id the hyphen joins words, not the parts of a part number: 20260412-13812345678.
    words = relative.replace("-", " ").replace("_", " ")
    for _start, _end, code, what in personal_data_in(words):
        yield code.at(file, START, "privacy-in-path", what=what)


def _keys_and_values(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any, bool]]:
    """(path, value, is a key) of every key and every scalar in a document, however deep."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield path + (key,), key, True
            yield from _keys_and_values(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _keys_and_values(value, path + (index,))
    else:
        yield path, data, False


@dataclass
class _Source:
    """A document's text, to find where a piece of a value was written."""

    document: Document
    line_starts: list[int]
    spots: list[tuple[int, int]]  # (line, column) of every key and list item, 0-based, in order

    @classmethod
    def of(cls, document: Document) -> _Source:
        line_starts = [0] + [match.end() for match in re.finditer("\n", document.text)]
        return cls(document, line_starts, sorted(document.keys.values()))

    def where(self, path: tuple, found: str, offset: int, is_key: bool) -> Position:
        """The line and column of `found`, which starts at `offset` of the value at `path`."""
        document = self.document
        spot = document.values.get(path)
        if spot is not None and spot[2] == "|" and not is_key:
            return document.text_position(path, offset)  # exact for literal blocks
        start = document.keys.get(path)
        if start is None:
            return document.position(path)
        # The value (or key) is written between its own spot and the next key or item.
        begin = self._index(start)
        following = bisect_right(self.spots, start)
        end = self._index(self.spots[following]) if following < len(self.spots) else len(document.text)
        index = document.text.find(found, begin, end)
        if index < 0:  # written with escapes, or folded over lines: where the value starts
            return document.text_position(path, offset) if not is_key else document.position(path)
        line = bisect_right(self.line_starts, index) - 1
        return Position(line + 1, index - self.line_starts[line] + 1)

    def _index(self, spot: tuple[int, int]) -> int:
        line, column = spot
        return self.line_starts[line] + column if line < len(self.line_starts) else len(self.document.text)
