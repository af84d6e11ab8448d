"""One record per row: each cell read for its column's field, and an id made the way
`kb new` makes one when the sheet has no id column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator import codes
from generator.load.text import character_name, control_character_in_value
from generator.messages import Text
from generator.messages import text as words_of
from generator.names import Names
from generator.sheets.columns import Columns
from generator.sheets.fields import NAMED_LATER, field_named, fields_of, importing
from generator.sheets.ledger import Ledger, complete_case
from generator.sheets.read import Cell, Formula, Sheet, cell_text
from generator.sheets.values import Problem, Reading, split

FORMULA_SHOWN = 60  # characters of a formula quoted in its message


@dataclass
class Row:
    """A sheet row read as a record of one kind."""

    sheet: Sheet
    columns: Columns
    number: int
    record: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[int, Problem]] = field(default_factory=list)  # (column, problem)
    pending: dict[str, Cell] = field(default_factory=dict)  # case references, read once every row's id is known
    reading: Reading | None = None
    made: dict[str, Text] = field(default_factory=dict)  # fields the sheet has no column for, filled (ledger.py)

    @property
    def kind(self) -> str:
        return self.columns.kind

    @property
    def id(self) -> str:
        return self.record["id"]

    def column_of(self, name: str) -> int:
        """The column a field is read or made from (the id: the title's); 1 if none."""
        found = self.columns.column_of(name) or self.columns.made_from(name)
        if found is None and name == "id":  # reported at the column it was made from
            return self.column_of(importing(self.kind).id_from)
        return found or 1

    def place(self, column: int) -> str:
        return self.sheet.place(self.number, column)


def read_rows(sheet: Sheet, columns: Columns, names: Names, ledger: Ledger) -> list[Row]:
    """Every row below the header that has a value in a column this kind reads."""
    rows = []
    for cells in sheet.rows:
        if cells[0].row <= columns.header_row:
            continue
        by_column = {cell.column: cell for cell in cells if cell.column in columns.fields}
        if not any(cell_text(cell.value).strip() for cell in by_column.values()):
            continue  # an empty or notes-only row
        rows.append(read_row(sheet, columns, cells[0].row, by_column, Reading(names), ledger))
    return rows


def read_row(
    sheet: Sheet, columns: Columns, number: int, cells: dict[int, Cell], reading: Reading, ledger: Ledger
) -> Row:
    row = Row(sheet, columns, number, reading=reading)
    for column, name in columns.fields.items():
        cell = cells.get(column)
        spec = field_named(columns.kind, name)
        if cell is None or spec is None:
            continue
        if isinstance(cell.value, Formula):
            row.problems.append((column, formula_problem(cell.value)))
            continue
        if spec.ref in NAMED_LATER:
            row.pending[name] = cell
            continue
        before = len(reading.problems)
        value = reading.value(spec, cell.value)
        row.problems += [(column, problem) for problem in reading.problems[before:]]
        refused = _control_character(value)
        if refused is not None:
            row.problems.append((column, _control_problem(name, refused)))
        if value is not None:
            row.record[name] = value
    if importing(columns.kind).ledger:
        row.made = complete_case(row.record, columns, ledger)
    if "id" not in row.record:
        row.record["id"] = made_id(columns.kind, row.record) or f"row-{number}"
    row.record = {spec.name: row.record[spec.name] for spec in fields_of(columns.kind) if spec.name in row.record}
    return row


def read_case_references(row: Row) -> None:
    """`related` and a session's `cases`, by id or title: read when the ids of every row are known."""
    reading = row.reading
    assert reading is not None
    for name, cell in row.pending.items():
        before = len(reading.problems)
        kind = field_named(row.kind, name).ref
        items = [reading.reference(kind, text) for text in split(cell.value)]
        row.problems += [(cell.column, problem) for problem in reading.problems[before:]]
        if items:
            row.record[name] = items
    row.record = {spec.name: row.record[spec.name] for spec in fields_of(row.kind) if spec.name in row.record}


def _control_character(value: Any) -> str | None:
    """The first character no record may hold (a terminal colour code pasted from a log ...)."""
    texts = value if isinstance(value, list) else [*value] if isinstance(value, dict) else [value]
    for text in texts:
        if isinstance(text, str):
            index = control_character_in_value(text)
            if index is not None:
                return text[index]
    return None


def _control_problem(name: str, character: str) -> Problem:
    return Problem(
        codes.CONTROL_CHARACTER, words_of("sheet-control-character", field=name, character=character_name(character))
    )


def formula_problem(formula: Formula) -> Problem:
    quoted = formula.text if len(formula.text) <= FORMULA_SHOWN else formula.text[:FORMULA_SHOWN] + "…"
    return Problem(codes.FORMULA_CELL, words_of("sheet-formula", formula=quoted.replace("`", "'")))


def made_id(kind: str, record: dict[str, Any]) -> str | None:
    """The id `kb new` would give the record."""
    return importing(kind).made_id(record)
