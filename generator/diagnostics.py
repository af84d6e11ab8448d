"""Diagnostics: one problem found in the records, with where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from generator.messages import Text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem at `file:line:column` (1-based), identified by a stable code.

    `words` is a catalogue Text (put into the reader's language when reported) or, for
    words that come from elsewhere, a plain string.
    """

    file: str
    line: int
    column: int
    code: str
    words: Text | str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def message(self) -> str:
        """The message in English (for tools and tests); `in_language` for readers."""
        return self.in_language("en")

    def in_language(self, language: str) -> str:
        return self.words.render(language) if isinstance(self.words, Text) else self.words

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


class Position(NamedTuple):
    """Where a value was written: 1-based line and column (a tuple: cheap to make and to pickle)."""

    line: int
    column: int


START = Position(1, 1)


class Report:
    """Every diagnostic of one run, kept sorted by file and line."""

    def __init__(self, diagnostics: list[Diagnostic] | None = None) -> None:
        self._items: list[Diagnostic] = list(diagnostics or [])

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.append(diagnostic)

    def extend(self, diagnostics) -> None:
        self._items.extend(diagnostics)

    @property
    def items(self) -> list[Diagnostic]:
        return sorted(set(self._items), key=Diagnostic.sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]

    def fails(self, strict: bool = False) -> bool:
        """Errors always fail; warnings fail only in strict mode."""
        return bool(self.errors) or (strict and bool(self.warnings))
