"""Cells of a spreadsheet: every sheet of an .xlsx workbook, or the one table of a .csv file.

Values stay as the file holds them (text, numbers, dates); what they mean is decided
later, per field. Each cell keeps its address (`K14`) for messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from generator.load.text import guess_encoding

MAX_SHEET_BYTES = 64 * 1024 * 1024  # far above any team's 台账; a cap keeps a wrong file from filling memory
CSV_DELIMITERS = ",;\t"


class SheetError(Exception):
    """The file cannot be read as a spreadsheet; the message says why and what to do."""


@dataclass(frozen=True)
class Cell:
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
        raise SheetError(f"cannot read the file: {error.strerror}") from None
    if size > MAX_SHEET_BYTES:
        raise SheetError(
            f"the file is {size / 1024 / 1024:.0f} MiB, over the {MAX_SHEET_BYTES // 1024 // 1024} MiB limit"
        )
    if suffix in (".xlsx", ".xlsm"):
        return _read_workbook(path, shown)
    if suffix in (".csv", ".txt"):
        return [_read_csv(path, shown)]
    if suffix == ".xls":
        raise SheetError("this is the old Excel format (.xls); open it in Excel or WPS and save it as .xlsx or .csv")
    raise SheetError("not a spreadsheet kb import reads; give an .xlsx or a .csv file")


def _read_workbook(path: Path, shown: str) -> list[Sheet]:
    try:
        # data_only: a formula cell gives the value Excel last calculated, not the formula.
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise SheetError(f"cannot be read as an Excel workbook ({error}); save it again as .xlsx or .csv") from None
    sheets = []
    for worksheet in workbook.worksheets:
        sheet = Sheet(shown, worksheet.title)
        merged = _merged_values(worksheet)
        for row in worksheet.iter_rows():
            cells = []
            for cell in row:
                value = merged.get((cell.row, cell.column), cell.value)
                if value is not None and value != "":
                    cells.append(Cell(cell.row, cell.column, value))
            if cells:
                sheet.rows.append(cells)
        sheets.append(sheet)
    workbook.close()
    return sheets


def _merged_values(worksheet) -> dict[tuple[int, int], Any]:
    """A merged range shows its value in every cell it covers, so every row under it has it."""
    values = {}
    for merged in worksheet.merged_cells.ranges:
        top_left = worksheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                values[(row, column)] = top_left
    return values


def _read_csv(path: Path, shown: str) -> Sheet:
    text = decode_csv(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    sheet = Sheet(shown, None)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for number, values in enumerate(reader, start=1):
            cells = [Cell(number, column, value) for column, value in enumerate(values, start=1) if value.strip()]
            if cells:
                sheet.rows.append(cells)
    except csv.Error as error:
        raise SheetError(f"line {reader.line_num}: {error}") from None
    return sheet


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
    looks = f" (it looks like {guess})" if guess and guess != "GB18030" else ""
    raise SheetError(f"the CSV file is neither UTF-8 nor GBK{looks}; save it again as CSV UTF-8")


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
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
