"""Cells of a spreadsheet: every sheet of an .xlsx workbook, or the one table of a .csv file.

Values stay as the file holds them (text, numbers, dates); what they mean is decided
later, per field. Each cell keeps its address (`K14`) for messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from generator import codes
from generator.diagnostics import START, Position
from generator.load.text import guess_encoding
from generator.messages import Text, text
from generator.sheets import limits
from generator.sheets.bounds import OverLimit, check_workbook

CSV_DELIMITERS = ",;\t"
SNIFFED_CHARACTERS = 4096  # csv.Sniffer takes time that grows as the square of this on hostile text
# `_x005F_` writes an underscore where the text goes on like an escape (`_x0041_` is "A" in
# a workbook); `kb export` writes one before every such text, Excel too.
_ESCAPED_UNDERSCORE = re.compile(r"_x005[Ff]_(?=x[0-9A-Fa-f]{4}_)")


class SheetError(Exception):
    """The file cannot be read as a spreadsheet: what to say (naming the limit, if one was met), and where."""

    def __init__(
        self,
        words: Text,
        place: str | None = None,
        position: Position = START,
        code: codes.Code = codes.SHEET_UNREADABLE,
    ) -> None:
        super().__init__(words.render("en"))
        self.words, self.place, self.position, self.code = words, place, position, code


@dataclass(frozen=True)
class Formula:
    """A formula cell: never read as a value (what it last calculated is whatever the file says)."""

    text: str

    def __str__(self) -> str:
        return self.text


class Cell(NamedTuple):  # a tuple: a CSV file at the row limit makes a million of them
    row: int  # 1-based, as the spreadsheet shows them
    column: int
    value: Any

    @property
    def address(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class Sheet:
    """One table: its name in messages (`台账.xlsx:案例`, or `台账.csv` alone) and its rows."""

    file: str  # as the user typed it
    name: str | None  # the sheet's name; None for a CSV file
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return f"{self.file}:{self.name}" if self.name is not None else self.file

    def place(self, row: int, column: int) -> str:
        """Where a cell is, as messages name it: `台账.xlsx:案例!K14` (`台账.csv:K14` for CSV)."""
        address = f"{get_column_letter(column)}{row}"
        return f"{self.shown}!{address}" if self.name is not None else f"{self.file}:{address}"


def read_sheets(path: Path, shown: str) -> list[Sheet]:
    """Every sheet of the file, or SheetError saying why it cannot be read."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SheetError(text("sheet-cannot-read-file", reason=error.strerror)) from None
    if size > limits.MAX_FILE_BYTES:
        words = text("sheet-limit-file", size=limits.mib(size), limit=limits.mib(limits.MAX_FILE_BYTES))
        raise SheetError(words, code=codes.SHEET_TOO_LARGE)
    if suffix in (".xlsx", ".xlsm"):
        return _read_workbook(path, shown)
    if suffix in (".csv", ".txt"):
        return [_read_csv(path, shown)]
    if suffix == ".xls":
        raise SheetError(text("sheet-old-excel"))
    raise SheetError(text("sheet-not-a-sheet"))


def _read_workbook(path: Path, shown: str) -> list[Sheet]:
    try:
        check_workbook(path)
        # Not data_only: a formula cell must be seen as one, not as the value the file says it had.
        workbook = load_workbook(path, data_only=False, keep_links=False)
    except OverLimit as error:
        raise _over_limit(error, shown) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise SheetError(text("sheet-not-a-workbook", reason=str(error))) from None
    except (RuntimeError, NotImplementedError) as error:  # zipfile: an encrypted part, an unknown compression
        raise SheetError(text("sheet-not-a-workbook", reason=str(error))) from None
    try:
        return [_read_worksheet(worksheet, shown) for worksheet in workbook.worksheets]
    finally:
        workbook.close()


def _over_limit(error: OverLimit, shown: str) -> SheetError:
    if error.sheet is None:
        return SheetError(error.words, code=codes.SHEET_TOO_LARGE)
    if error.cell is None:
        return SheetError(error.words, f"{shown}:{error.sheet}", code=codes.SHEET_TOO_LARGE)
    row, column = error.cell
    return SheetError(
        error.words, Sheet(shown, error.sheet).place(row, column), Position(row, column), codes.SHEET_TOO_LARGE
    )


def _read_worksheet(worksheet, shown: str) -> Sheet:
    sheet = Sheet(shown, worksheet.title)
    values = {place: _value(sheet, place, cell) for place, cell in written_cells(worksheet)}
    values.update(_merged_values(worksheet, values))
    by_row: dict[int, list[Cell]] = {}
    for (row, column), value in sorted(values.items()):
        if value is not None and value != "":
            by_row.setdefault(row, []).append(Cell(row, column, value))
    sheet.rows = list(by_row.values())
    return sheet


def written_cells(worksheet) -> list[tuple[tuple[int, int], Any]]:
    """The cells the file holds, by (row, column).

    Not iter_rows(): it visits every cell of the rectangle from A1 to the last cell and makes
    the missing ones, which is billions for one cell at XFD1048576. openpyxl keeps the cells
    it read in `_cells`; their number is bounded before the file is parsed (MAX_CELLS).
    """
    return list(worksheet._cells.items())


def _value(sheet: Sheet, place: tuple[int, int], cell) -> Any:
    value = cell.value
    if cell.data_type == "f":
        formula = value if isinstance(value, str) else getattr(value, "text", None)  # array formulas have a text
        return Formula(formula or "=")
    if isinstance(value, str):
        if len(value) > limits.MAX_CELL_CHARS:  # rich text in runs, each under the limit
            words = text("sheet-limit-cell-text", limit=limits.number(limits.MAX_CELL_CHARS))
            raise SheetError(words, sheet.place(*place), Position(*place), codes.SHEET_TOO_LARGE)
        return _ESCAPED_UNDERSCORE.sub("_", value)
    return value


def _merged_values(worksheet, values: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
    """A merged range shows its value in every cell it covers, so every row under it has it."""
    merged = {}
    for cells in worksheet.merged_cells.ranges:  # the cells they cover are bounded (MAX_RANGE_CELLS)
        top_left = values.get((cells.min_row, cells.min_col))
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col, cells.max_col + 1):
                merged[(row, column)] = top_left
    return merged


def _read_csv(path: Path, shown: str) -> Sheet:
    content = decode_csv(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(content[:SNIFFED_CHARACTERS], delimiters=CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    sheet = Sheet(shown, None)
    lines = _bounded_lines(content)
    reader = csv.reader(lines, dialect)
    try:
        for row, values in enumerate(reader, start=1):
            _check_csv_row(sheet, row, values)
            cells = [Cell(row, column, value) for column, value in enumerate(values, start=1) if value.strip()]
            if cells:
                sheet.rows.append(cells)
    except csv.Error as error:
        raise _csv_error(error, reader.line_num) from None
    return sheet


def _bounded_lines(content: str):
    """The lines of a CSV text, each at most MAX_LINE_CHARS long."""
    for line_number, line in enumerate(io.StringIO(content, newline=""), start=1):
        if len(line) > limits.MAX_LINE_CHARS:
            words = text("sheet-limit-csv-line", line=line_number, limit=limits.number(limits.MAX_LINE_CHARS))
            raise SheetError(words, code=codes.SHEET_TOO_LARGE)
        yield line


def _check_csv_row(sheet: Sheet, row: int, values: list[str]) -> None:
    if row > limits.MAX_ROWS:
        words = text("sheet-limit-rows", row=limits.number(row), limit=limits.number(limits.MAX_ROWS))
        raise SheetError(words, sheet.place(row, 1), Position(row, 1), codes.SHEET_TOO_LARGE)
    if len(values) > limits.MAX_COLUMNS:
        column = limits.MAX_COLUMNS + 1
        words = text(
            "sheet-limit-columns",
            column=get_column_letter(column),
            limit=limits.number(limits.MAX_COLUMNS),
            last=get_column_letter(limits.MAX_COLUMNS),
        )
        raise SheetError(words, sheet.place(row, column), Position(row, column), codes.SHEET_TOO_LARGE)
    for column, value in enumerate(values, start=1):
        if len(value) > limits.MAX_CELL_CHARS:
            words = text("sheet-limit-cell-text", limit=limits.number(limits.MAX_CELL_CHARS))
            raise SheetError(words, sheet.place(row, column), Position(row, column), codes.SHEET_TOO_LARGE)


def _csv_error(error: csv.Error, line: int) -> SheetError:
    if "field larger than field limit" in str(error):  # the csv module's own limit, above a cell's
        words = text("sheet-limit-cell-text", limit=limits.number(limits.MAX_CELL_CHARS))
        return SheetError(words, code=codes.SHEET_TOO_LARGE)
    return SheetError(text("sheet-csv-error", line=line, error=str(error)))


def decode_csv(raw: bytes) -> str:
    """UTF-8 (with or without BOM), or GBK/GB18030 as Chinese Excel saves CSV; line ends as LF."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _as_gbk(raw)
    return text.replace("\r\n", "\n")


def _as_gbk(raw: bytes) -> str:
    # The detector is unsure of short files (a GBK header row can look like Big5), so the
    # bytes are looked at directly: Chinese text in GBK is almost all GB2312 character pairs.
    if _mostly_gb2312_pairs(raw):
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            pass
    guess = guess_encoding(raw)
    looks = text("sheet-csv-looks-like", encoding=guess) if guess and guess != "GB18030" else Text("")
    raise SheetError(text("sheet-csv-encoding", looks=looks))


def _mostly_gb2312_pairs(raw: bytes) -> bool:
    """True when the bytes above ASCII come in pairs from GB2312's rows (both bytes 0xA1-0xFE),
    as Chinese characters and full-width punctuation do; Latin-1 accents followed by a letter do not."""
    common = other = index = 0
    while index < len(raw):
        lead = raw[index]
        if lead < 0x80:
            index += 1
            continue
        trail = raw[index + 1] if index + 1 < len(raw) else 0
        if lead >= 0xA1 and trail >= 0xA1:
            common += 1
        else:
            other += 1
        index += 2
    return common > 0 and common >= 9 * other


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without `.0`, dates as YYYY-MM-DD."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
