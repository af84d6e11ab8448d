"""Diagnostics: one problem found in the records, with where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at `file:line:column` (1-based), identified by a stable code."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


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
        return sorted(set(self._items))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]

    def fails(self, strict: bool = False) -> bool:
        """Errors always fail; warnings fail only in strict mode."""
        return bool(self.errors) or (strict and bool(self.warnings))
