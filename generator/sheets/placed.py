"""A row's record as the file it would become, with every value placed at its cell.

The record is validated from the very text that would be written, parsed back; only
the positions are swapped for the cells', so that every problem validation finds is
reported at the cell it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.load.files import SourceFile
from generator.load.strict_yaml import Document, LoadError, parse_document
from generator.record_text import NewRecord
from generator.sheets.rows import Row
from generator.sheets.yaml_text import record_yaml


class NotFaithful(Exception):
    """The YAML written for a row would read back as something else (a bug, never a user error)."""


@dataclass
class Placed:
    row: Row
    source: SourceFile  # where the file goes
    text: str  # the whole file, schema line included
    document: Document  # its parsed text, positions at the row's cells

    def at_cell(self, diagnostic: Diagnostic) -> Diagnostic:
        """A problem validation found in this record, at the cell it came from."""
        column = diagnostic.column if diagnostic.line == self.row.number else 1  # the record as a whole: the row
        return Diagnostic(
            self.row.place(column), self.row.number, column, diagnostic.code, diagnostic.words, diagnostic.severity
        )


def place(row: Row, record: dict[str, Any], target: Path, shown: str, schema_dir: Path) -> Placed:
    text = NewRecord(row.kind, record["id"], record_yaml(row.kind, record)).text(target, schema_dir)
    try:
        document = parse_document(text, shown)
    except LoadError as error:
        raise NotFaithful(error.message) from None
    if document.data != record:
        raise NotFaithful(f"{record!r} reads back as {document.data!r}")
    document.keys = _cell_positions(row, document.data)
    document.values = {}  # block text is placed at its cell, not at a line of the file
    return Placed(row, SourceFile(row.kind, target, shown), text, document)


def _cell_positions(row: Row, data: dict[str, Any]) -> dict[tuple, tuple[int, int]]:
    """Every value's path -> (line, column), 0-based as Documents keep them: the cell's row and column.

    Fields the sheet has a column for are placed there even when the cell is empty, so that
    "missing `symptoms`" points at the empty 症状 cell.
    """
    positions: dict[tuple, tuple[int, int]] = {}
    for name in {*data, *row.columns.fields.values(), "id"}:
        cell = (row.number - 1, row.column_of(name) - 1)
        if name in data or row.columns.column_of(name) is not None or name == "id":
            positions[(name,)] = cell
        value = data.get(name)
        if isinstance(value, list):
            positions.update({(name, index): cell for index in range(len(value))})
        elif isinstance(value, dict):
            positions.update({(name, key): cell for key in value})
    return positions
