"""A workbook measured before it is parsed: the zip's parts, then every part's XML read as a
stream (never as a tree), counting what openpyxl would build from it.

openpyxl trusts what a file says: a cell at XFD1048576 makes every row up to it be read,
a merged range creates a cell object for every cell it covers, a part may unpack to
gigabytes. Here nothing is kept but counts, so a hostile file of a few KB is refused in
milliseconds, with the limit it met (generator/sheets/limits.py).
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from generator.messages import Text, text
from generator.sheets import limits
from generator.sheets.limits import number

CHUNK = 64 * 1024
END_OF_DIRECTORY = b"PK\x05\x06"
MAX_DIRECTORY_BYTES = 1024 * 1024  # the zip's list of parts: some 20 KB in a real workbook
SHEET_ROWS, SHEET_COLUMNS = 1_048_576, 16_384  # a reference without rows or columns (`A:A`) means all of them
WORKBOOK, WORKBOOK_RELS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)$")


class OverLimit(Exception):
    """The workbook goes beyond a limit: the words, and where (a sheet, and a cell in it)."""

    def __init__(self, words: Text, sheet: str | None = None, cell: tuple[int, int] | None = None) -> None:
        super().__init__(words.render("en"))
        self.words, self.sheet, self.cell = words, sheet, cell


def check_workbook(path: Path) -> None:
    """Raise OverLimit if the workbook goes beyond a limit; zipfile.BadZipFile if it is no zip."""
    _check_directory(path)
    with zipfile.ZipFile(path) as archive:
        members = [member for member in archive.infolist() if not member.is_dir()]
        _check_members(members)
        titles = sheet_titles(archive)
        totals = _Totals()
        for member in members:
            scan = _Scan(titles.get(member.filename, member.filename), totals)
            _parse(archive, member, scan.start, scan.end, scan.data)


def _check_directory(path: Path) -> None:
    """The zip's own count and size of its list of parts, before zipfile reads that list."""
    with path.open("rb") as file:
        file.seek(0, 2)
        size = file.tell()
        file.seek(max(0, size - 22 - 65_535))  # the end record, and a comment of at most 64 KB after it
        tail = file.read()
    at = tail.rfind(END_OF_DIRECTORY)
    if at < 0 or at + 22 > len(tail):
        return  # no zip: zipfile says so
    *_, count, directory_bytes, _offset, _comment = struct.unpack("<4s4H2LH", tail[at : at + 22])
    if count > limits.MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise OverLimit(text("sheet-limit-members", count=number(count), limit=number(limits.MAX_MEMBERS)))


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > limits.MAX_MEMBERS:
        raise OverLimit(text("sheet-limit-members", count=number(len(members)), limit=number(limits.MAX_MEMBERS)))
    total = 0
    for member in members:
        size, packed = member.file_size, member.compress_size
        if size > limits.MAX_MEMBER_BYTES:
            limit = limits.mib(limits.MAX_MEMBER_BYTES)
            raise OverLimit(text("sheet-limit-member", part=member.filename, size=limits.mib(size), limit=limit))
        if size > limits.RATIO_FROM_BYTES and size > packed * limits.MAX_RATIO:
            ratio = number(size // max(packed, 1))
            raise OverLimit(
                text("sheet-limit-ratio", part=member.filename, ratio=ratio, limit=number(limits.MAX_RATIO))
            )
        total += size
    if total > limits.MAX_UNPACKED_BYTES:
        raise OverLimit(
            text("sheet-limit-unpacked", size=limits.mib(total), limit=limits.mib(limits.MAX_UNPACKED_BYTES))
        )


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> the sheet's title, as xl/workbook.xml names them; empty if it cannot tell."""
    names = set(archive.namelist())
    if WORKBOOK not in names or WORKBOOK_RELS not in names:
        return {}
    sheets = _attributes(archive, WORKBOOK, "sheet")
    targets = {item.get("Id"): item.get("Target", "") for item in _attributes(archive, WORKBOOK_RELS, "Relationship")}
    titles = {}
    for sheet in sheets:
        target = targets.get(next((v for k, v in sheet.items() if k.endswith(" id")), None))
        if target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            titles[part] = sheet.get("name", part)
    return titles


def _attributes(archive: zipfile.ZipFile, part: str, element: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name.rpartition(" ")[2] == element:
            found.append(attributes)

    _parse(archive, archive.getinfo(part), start)
    return found


def _parse(archive: zipfile.ZipFile, member: zipfile.ZipInfo, start, end=None, data=None) -> None:
    """Stream one part through expat; a part that is no XML (a picture) ends the reading quietly."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = _no_entities
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (expat.ExpatError, _Entities):
        return  # openpyxl reads it with defusedxml, and says what it makes of it


class _Entities(Exception):
    """An entity declaration: expanded, a few hundred bytes can become gigabytes."""


def _no_entities(*_args) -> None:
    raise _Entities


@dataclass
class _Totals:
    """What the whole workbook holds: the limits are for all sheets together."""

    cells: int = 0
    merged: int = 0
    covered: dict[str, int] = field(default_factory=lambda: {"mergeCell": 0, "hyperlink": 0})


class _Scan:
    """One part read as openpyxl would build a sheet from it."""

    def __init__(self, sheet: str, totals: _Totals) -> None:
        self.sheet, self.totals = sheet, totals
        self.row = self.column = 0
        self.in_cell = False
        self.string: int | None = None  # characters of the shared or inline string being read
        self.value: int | None = None  # characters of the value or formula being read

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "c":  # the most frequent first: this runs for every element of every part
            self._cell(attributes.get("r"))
        elif local in ("v", "f") and self.in_cell:
            self.value = 0
        elif local == "row":
            self.row = _number(attributes.get("r"), self.row + 1)
            self.column = 0
            self._check_row()
        elif local in ("si", "is"):
            self.string = 0
        elif local == "dimension":
            self._dimension(attributes.get("ref", ""))
        elif local in self.totals.covered:
            self._range(local, attributes.get("ref", ""))

    def end(self, name: str) -> None:
        local = name.rpartition(" ")[2]
        if local == "c":
            self.in_cell = False
        elif local in ("si", "is"):
            self.string = None
        elif local in ("v", "f"):
            self.value = None

    def data(self, characters: str) -> None:
        if self.string is None and self.value is None:
            return
        if self.string is not None:
            self.string += len(characters)
        if self.value is not None:
            self.value += len(characters)
        if max(self.string or 0, self.value or 0) > limits.MAX_CELL_CHARS:
            words = text("sheet-limit-cell-text", limit=number(limits.MAX_CELL_CHARS))
            raise OverLimit(words, self.sheet, (self.row, self.column) if self.in_cell else None)

    def _cell(self, reference: str | None) -> None:
        self.in_cell = True
        self.totals.cells += 1
        place = _coordinate(reference) if reference else None
        self.row, self.column = place if place else (self.row, self.column + 1)
        self._check_row()
        if self.column > limits.MAX_COLUMNS:
            words = text(
                "sheet-limit-columns",
                column=get_column_letter(min(self.column, SHEET_COLUMNS)),
                limit=number(limits.MAX_COLUMNS),
                last=get_column_letter(limits.MAX_COLUMNS),
            )
            self._refuse(words, self.column)
        if self.totals.cells > limits.MAX_CELLS:
            self._refuse(text("sheet-limit-cells", limit=number(limits.MAX_CELLS)), self.column)

    def _check_row(self) -> None:
        if self.row > limits.MAX_ROWS:
            self._refuse(text("sheet-limit-rows", row=number(self.row), limit=number(limits.MAX_ROWS)), 1)

    def _dimension(self, reference: str) -> None:
        rows, columns = _extent(reference)
        if rows > limits.MAX_ROWS or columns > limits.MAX_COLUMNS:
            words = text(
                "sheet-limit-dimension",
                ref=reference,
                rows=number(limits.MAX_ROWS),
                columns=number(limits.MAX_COLUMNS),
            )
            raise OverLimit(words, self.sheet)

    def _range(self, kind: str, reference: str) -> None:
        """A merged range, or a link over a range: openpyxl makes a cell of every cell in it."""
        if kind == "mergeCell":
            self.totals.merged += 1
            if self.totals.merged > limits.MAX_MERGED_RANGES:
                raise OverLimit(text("sheet-limit-merged", limit=number(limits.MAX_MERGED_RANGES)), self.sheet)
        area = _area(reference)
        self.totals.covered[kind] += area
        if self.totals.covered[kind] > limits.MAX_RANGE_CELLS:
            key = "sheet-limit-merged-cells" if kind == "mergeCell" else "sheet-limit-linked-cells"
            raise OverLimit(
                text(key, ref=reference, area=number(area), limit=number(limits.MAX_RANGE_CELLS)), self.sheet
            )

    def _refuse(self, words: Text, column: int) -> None:
        raise OverLimit(words, self.sheet, (self.row, max(1, min(column, SHEET_COLUMNS))))


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _coordinate(reference: str) -> tuple[int, int] | None:
    """(row, column) of a cell's reference, `K14`; None if it is none."""
    found = _CELL.match(reference)
    return (int(found.group(2)), column_index_from_string(found.group(1))) if found else None


def _bounds(reference: str) -> tuple[int, int, int, int] | None:
    """(first column, first row, last column, last row); None if it is no reference."""
    try:
        first_column, first_row, last_column, last_row = range_boundaries(reference.replace("$", ""))
    except (ValueError, TypeError):
        return None
    return first_column or 1, first_row or 1, last_column or SHEET_COLUMNS, last_row or SHEET_ROWS


def _extent(reference: str) -> tuple[int, int]:
    """The last row and column a reference reaches (a declared dimension: `A1:O120`)."""
    bounds = _bounds(reference.split(" ")[-1] if reference else "")
    return (bounds[3], bounds[2]) if bounds else (0, 0)


def _area(reference: str) -> int:
    total = 0
    for part in reference.split():  # a link may name several ranges
        bounds = _bounds(part)
        if bounds:
            total += (bounds[2] - bounds[0] + 1) * (bounds[3] - bounds[1] + 1)
    return total
