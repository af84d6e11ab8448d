"""Load: a ticket export's bytes into rows of the columns that are read.

An export comes as the ticket system wrote it: UTF-8 with or without a BOM, or GBK from a
Chinese Windows; comma, semicolon or tab between cells; the columns in any order, headed
in English or Chinese, among many others. Of each row only the read columns are kept;
the other cells (customer names, phone numbers, notes) are dropped with the row, so they
never reach the Dataset. The file's text is held only while the file is read.

Every kept value remembers the line and column where it starts, so that a problem found
later (an unknown engineer) is reported at its cell.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add, itemgetter

from generator import codes
from generator.diagnostics import START, Diagnostic, Position
from generator.load.files import SourceFile
from generator.load.text import guess_encoding
from generator.messages import NOTHING, Text, text
from generator.tickets.columns import COLUMNS, REQUIRED, column_of, headers

MAX_EXPORT_BYTES = 50 * 1024 * 1024  # a year of a large team's tickets is a few MiB
DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 10  # how far to look for a header row that is not the first
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class TicketRow:
    """The read cells of one row: a value per column of COLUMNS ("" when empty or absent)."""

    line: int  # where the row starts
    values: tuple[str, ...]
    columns: tuple[int, ...]  # the 1-based character column each value starts at; 1 when absent
    lines: tuple[int, ...] | None = None  # each value's line, for a row over several lines

    def position(self, index: int, offset: int = 0) -> Position:
        """Where value `index` (or the character `offset` into it) was written."""
        line = self.lines[index] if self.lines else self.line
        return Position(line, self.columns[index] + offset)


@dataclass
class TicketFile:
    """One export: its rows and what made it, or parts of it, unreadable."""

    source: SourceFile
    rows: list[TicketRow] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return self.source.shown


class _Unreadable(Exception):
    def __init__(self, words: Text, position: Position = START) -> None:
        super().__init__(words.key)
        self.words = words
        self.position = position


def read_ticket_file(source: SourceFile) -> TicketFile:
    """Read one export; a problem becomes a diagnostic of the file, never an exception."""
    read = TicketFile(source)
    try:
        exported = decode_export(_read_capped(source))
        _read_rows(exported, read)
    except _Unreadable as error:
        read.problems.append(codes.TICKETS_UNREADABLE.at(source.shown, error.position, error.words))
    return read


def _read_capped(source: SourceFile) -> bytes:
    try:
        # Discovery refuses links; O_NOFOLLOW also refuses one swapped in after discovery.
        descriptor = os.open(source.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_EXPORT_BYTES:  # said before reading: a wrong file must not fill the memory
                raise _Unreadable(text("tickets-too-large", size=f"{size / 1024 / 1024:.0f}", limit=_limit()))
            return file.read(MAX_EXPORT_BYTES + 1)
    except OSError as error:
        raise _Unreadable(text("tickets-os-error", error=error.strerror or str(error))) from None


def _limit() -> int:
    return MAX_EXPORT_BYTES // 1024 // 1024


def decode_export(raw: bytes) -> str:
    """The text of an export: UTF-8 (a BOM is dropped), else GBK (read as GB18030, its superset)."""
    if len(raw) > MAX_EXPORT_BYTES:
        raise _Unreadable(text("tickets-too-large", size=f"{len(raw) / 1024 / 1024:.0f}", limit=_limit()))
    if raw.startswith(_UTF16_BOMS):
        raise _Unreadable(text("tickets-utf16"))
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Chinese text is almost never valid UTF-8 by chance, so UTF-8 is tried first; a file
        # that is neither would still decode as GB18030 by chance, but then its header names
        # no known column and that is reported.
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        guess = guess_encoding(raw)
        hint = text("tickets-looks-like", encoding=guess) if guess else NOTHING
        raise _Unreadable(text("tickets-encoding", guess=hint)) from None


def _read_rows(exported: str, read: TicketFile) -> None:
    # Split only where csv splits (LF, CR, CRLF), keeping the line ends csv needs; the lines
    # give each row's line number and, for the rare row with quotes, its raw text.
    lines = io.StringIO(exported, newline="").readlines()
    del exported
    delimiter = _delimiter(lines[0] if lines else "")
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None or not "".join(header).strip():
            raise _Unreadable(text("tickets-empty"))
        at = _header_columns(header, _field_starts("".join(lines[: reader.line_num]), delimiter), read, reader)
        if at is None:
            return
        layout = _Layout(at)
        keep = read.rows.append
        done = reader.line_num
        for row in reader:
            if "".join(row).strip():
                keep(layout.kept(row, done + 1, lines[done : reader.line_num], delimiter))
            done = reader.line_num
            # `row` (every cell, read or not) is let go here
    except csv.Error as error:
        raise _Unreadable(text("tickets-csv-error", error=str(error)), Position(reader.line_num, 1)) from None


def _delimiter(first_line: str) -> str:
    """The delimiter under which the header names the most read columns (a comma on a tie)."""

    def named(delimiter: str) -> int:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return len({column_of(cell) for cell in cells} - {None})

    return max(DELIMITERS, key=lambda delimiter: (named(delimiter), delimiter == ","))


def _header_columns(
    header: list[str], places: list[tuple[int, int]], read: TicketFile, reader
) -> tuple[int | None, ...] | None:
    """For each read column, its index in a row (None when the export lacks it); None when
    the header makes the rows unreadable (the problems are added to `read`)."""
    at: list[int | None] = [None] * len(COLUMNS)
    problems = read.problems
    for index, cell in enumerate(header):
        column = column_of(cell)
        if column is None:
            continue
        first = at[column]
        if first is not None:
            where = Position(1, places[index][1]) if index < len(places) else START
            words = text("tickets-duplicate-column", column=headers(column), first=first + 1, second=index + 1)
            problems.append(codes.TICKETS_UNREADABLE.at(read.shown, where, words))
        else:
            at[column] = index
    if all(index is None for index in at):
        found = _header_below(reader)
        hint = text("tickets-header-below", line=found) if found else NOTHING
        names = ", ".join(f"{c.chinese}/{c.name}" for c in COLUMNS)
        problems.append(
            codes.TICKETS_UNREADABLE.at(read.shown, START, text("tickets-no-header", columns=names, hint=hint))
        )
        return None
    for column in REQUIRED:
        if at[column] is None:
            words = text(
                "tickets-missing-column",
                column=headers(column),
                english=COLUMNS[column].name,
                chinese=COLUMNS[column].chinese,
            )
            problems.append(codes.TICKETS_MISSING_COLUMN.at(read.shown, START, words))
    return None if problems else tuple(at)


def _header_below(reader) -> int | None:
    """The line of a row among the next few that names a read column: a title line came first."""
    try:
        for _ in range(HEADER_SEARCH_ROWS):
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                return None
            if any(column_of(cell) is not None for cell in row):
                return start
    except csv.Error:
        return None
    return None


class _Layout:
    """Where a file's read columns are in its rows, to pick them out of each row quickly."""

    def __init__(self, at: tuple[int | None, ...]) -> None:
        self.at = at
        self.slots = tuple(slot for slot, index in enumerate(at) if index is not None)
        indexes = tuple(index for index in at if index is not None)
        self.widest = max(indexes)
        self.complete = len(indexes) == len(at)
        self.pick = itemgetter(*indexes)  # a tuple: the required columns alone are three
        self.plus = tuple(index + 1 for index in indexes)

    def kept(self, row: list[str], line: int, raw_lines: list[str], delimiter: str) -> TicketRow:
        """The read cells of a row, cleaned, with where each starts."""
        if len(row) > self.widest and len(raw_lines) == 1 and '"' not in raw_lines[0]:
            cells = self.pick(row)
            values = tuple(map(str.strip, cells))
            if values == cells and '="' not in "".join(cells):
                # The common row: clean cells, each one delimiter after the one before.
                ends = list(accumulate(map(len, row), initial=0))
                columns = tuple(map(add, self.pick(ends), self.plus))
                values = tuple(map(sys.intern, values))  # engineers, products, dates repeat on many rows
                if self.complete:
                    return TicketRow(line, values, columns)
                return TicketRow(line, *self._spread(values, columns))
        return _kept(row, self.at, line, raw_lines, delimiter)

    def _spread(self, values: tuple[str, ...], columns: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Values and columns of the present columns in the slots of COLUMNS ("" and 1 elsewhere)."""
        all_values, all_columns = [""] * len(self.at), [1] * len(self.at)
        for slot, value, column in zip(self.slots, values, columns, strict=True):
            all_values[slot], all_columns[slot] = value, column
        return tuple(all_values), tuple(all_columns)


def _kept(row: list[str], at: tuple[int | None, ...], line: int, raw_lines: list[str], delimiter: str) -> TicketRow:
    """The read cells of any row: quoted, over several lines, short or with spaces to strip."""
    cells = len(row)
    starts = _field_starts("".join(raw_lines), delimiter)
    values, columns, value_lines = [], [], []
    for index in at:
        cell = row[index] if index is not None and index < cells else ""
        value, skipped = _clean(cell)
        values.append(sys.intern(value))
        line_offset, column = starts[index] if index is not None and index < len(starts) else (0, 1)
        columns.append(column + skipped)
        value_lines.append(line + line_offset)
    spread = None if all(number == line for number in value_lines) else tuple(value_lines)
    return TicketRow(line, tuple(values), tuple(columns), spread)


def _clean(cell: str) -> tuple[str, int]:
    """The cell's value without surrounding spaces, and how many characters came before it.

    Excel-minded systems write `="00123"` to keep leading zeros; the value is 00123.
    """
    stripped = cell.strip()
    skipped = 0 if stripped is cell or not stripped else cell.index(stripped[0])
    if stripped.startswith('="') and len(stripped) >= 3 and stripped.endswith('"'):
        return stripped[2:-1].strip(), skipped + 2
    return stripped, skipped


def _field_starts(raw: str, delimiter: str) -> list[tuple[int, int]]:
    """(line offset, 1-based column) where each field's content starts, in a row's raw text.

    Only for rows with quotes or line breaks in a cell; csv itself does not tell.
    """
    starts: list[tuple[int, int]] = []
    line, column, index, size = 0, 1, 0, len(raw)
    quoted, at_start = False, True
    while index < size:
        character = raw[index]
        if at_start:
            at_start = False
            if character == '"':
                starts.append((line, column + 1))
                quoted = True
                index, column = index + 1, column + 1
                continue
            starts.append((line, column))
        if quoted:
            if character == '"':
                if raw.startswith('""', index):
                    index, column = index + 2, column + 2
                    continue
                quoted = False
            elif character == "\n":
                line, column, index = line + 1, 1, index + 1
                continue
        elif character == delimiter:
            at_start = True
        elif character in "\r\n":
            break
        index, column = index + 1, column + 1
    if at_start:
        starts.append((line, column))  # the row ends with an empty cell
    return starts
