"""The records as a workbook for managers: one sheet per kind, with the headers `kb import`
reads, so that importing the workbook gives the same records back.

Cells hold what a person would type: names rather than ids (where the name fits one
record only), states as the site shows them (已验证), real Excel dates and numbers.
Mentoring pairs, paths and awards have nested parts; their sheets are for reading,
with the nested parts one per line, and `kb import` passes them over.

Every text is written as a text cell, whatever it starts with: openpyxl makes a formula of
a text starting with `=` (and an error cell of `#N/A`), which Excel would run on opening
(`=HYPERLINK(…)` sending the row to a web address, `=cmd|…` starting a program). A text
that starts as a formula would (`=`, `+`, `-`, `@`, a tab, or their full-width forms) is
also marked "typed with an apostrophe", so that editing the cell keeps it text. The
workbook shows exactly the record's text; a character no workbook can carry (a control
character) is refused, as validation already refuses it in every record.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

from generator.kinds import RECORD_KIND, TAXONOMY_KINDS
from generator.language import DEFAULT_LANGUAGE
from generator.load.text import character_name, control_character_in_value
from generator.messages import Text, text
from generator.model import Dataset
from generator.names import Names
from generator.page_labels import LABELS, field_label
from generator.sheets.columns import LABEL_KEYS, SHEET_TITLES, export_header
from generator.sheets.fields import IMPORTABLE, NAMED_LATER, UNNAMED, Field, fields_of, importing

SEPARATOR = "、"
DATE_FORMAT = "yyyy-mm-dd"
MAX_CELL = 32_767  # Excel's limit for the text of one cell
# What a spreadsheet program evaluates at the start of a cell (OWASP's CSV injection list),
# with the full-width forms a Chinese input method types.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# A workbook's text reads `_x0041_` as "A"; `_x005F_` before it keeps the underscore.
_LOOKS_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


class CellRefused(Exception):
    """A record's text that no cell can show exactly: too long, or holding a control character."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.render("en"))
        self.words = words


class _Unwritable(Exception):
    def __init__(self, character: str | None = None) -> None:
        super().__init__(character)
        self.character = character  # None: too long


def records_of(data: Dataset, kind: str) -> dict[str, Any]:
    return data.records[RECORD_KIND[kind].attribute]


def export_workbook(data: Dataset, language: str = DEFAULT_LANGUAGE) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    # The same records give the same workbook properties, whatever the day of the export.
    workbook.properties.created = workbook.properties.modified = dt.datetime.combine(data.today, dt.time())
    names = _names(data)
    for kind in SHEET_TITLES:
        sheet = workbook.create_sheet(SHEET_TITLES[kind][language])
        if kind in IMPORTABLE:
            _importable_sheet(sheet, data, kind, language, names)
        else:
            _reading_sheet(sheet, data, kind, language)
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    return workbook


def _names(data: Dataset) -> Names:
    """What a cell may name a record by: taxonomy entries and the importable kinds' records by their names."""
    names = Names()
    for kind in TAXONOMY_KINDS:
        for entry_id, entry in data.records[kind.attribute].items():
            names.add(kind.name, entry_id, entry.name, entry.name_en)
    for kind_name in IMPORTABLE:
        named_by = importing(kind_name).names
        for record_id, record in records_of(data, kind_name).items():
            names.add(kind_name, record_id, *(getattr(record, name) for name in named_by))
    return names


def _importable_sheet(sheet, data: Dataset, kind: str, language: str, names: Names) -> None:
    specs = fields_of(kind)
    _append(sheet, 1, [export_header(kind, spec.name, language) for spec in specs])
    for row, (record_id, record) in enumerate(sorted(records_of(data, kind).items()), start=2):
        for column, spec in enumerate(specs, start=1):
            cell = sheet.cell(row, column)
            value = _cell(spec, getattr(record, spec.name), language, names)
            try:
                put(cell, value)
            except _Unwritable as error:
                raise _refused(error, kind, record_id, spec.name) from None
            _style(cell, spec)


def _refused(error: _Unwritable, kind: str, record_id: str, name: str) -> CellRefused:
    if error.character is None:
        return CellRefused(text("export-xlsx-too-long", kind=kind, id=record_id, field=name, limit=f"{MAX_CELL:,}"))
    character = character_name(error.character)
    return CellRefused(text("export-xlsx-character", kind=kind, id=record_id, field=name, character=character))


def _append(sheet, row: int, values: list[Any], cut: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        put(sheet.cell(row, column), value, cut)


def put(cell, value: Any, cut: bool = False) -> None:
    """A value into a cell: a number, a date, or text that shows exactly as it is and runs nothing.

    `cut`: a text too long for a cell is shortened (reading sheets) rather than refused.
    """
    if not isinstance(value, str):
        cell.value = value
        return
    cell.value = inert_text(value, cut)
    cell.data_type = "s"  # openpyxl took `=…` for a formula and `#N/A` for an error
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def inert_text(value: str, cut: bool = False) -> str:
    """The text a cell holds to show `value`: underscores that would read as escapes escaped."""
    index = control_character_in_value(value)
    if index is not None:
        raise _Unwritable(value[index])
    written = _LOOKS_ESCAPED.sub("_x005F_", value)
    if len(written) > MAX_CELL and not cut:
        raise _Unwritable()
    while len(written) > MAX_CELL:  # each escape takes 6 characters more than its underscore
        value = value[: len(value) - (len(written) - MAX_CELL)]
        written = _LOOKS_ESCAPED.sub("_x005F_", value)
    return written


def _cell(spec: Field, value: Any, language: str, names: Names) -> Any:
    if value is None or value == [] or value == {}:
        return None
    if spec.value == "levels":
        return SEPARATOR.join(f"{_named(names, 'skill', skill)} {level}" for skill, level in value.items())
    if spec.many:
        return SEPARATOR.join(str(_one(spec, item, language, names)) for item in value)
    return _one(spec, value, language, names)


def _one(spec: Field, value: Any, language: str, names: Names) -> Any:
    if spec.value == "yes-no":  # only the exception is marked: `practice: false` is 否, the default no word
        return None if value else LABELS[language]["sheet_no"]
    if spec.value == "choice":
        return field_label(spec.choice_key(value), language) or value
    if spec.ref is not None and spec.ref not in NAMED_LATER | UNNAMED:  # those are written by id
        return _named(names, spec.ref, value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _named(names: Names, kind: str, record_id: str) -> str:
    """The name people know a record by, if it leads back to this record alone; the id otherwise."""
    name = names.name(kind, record_id)
    return name if names.find(kind, name).id == record_id else record_id


def _style(cell, spec: Field) -> None:
    if spec.value == "date":
        cell.number_format = DATE_FORMAT
    elif spec.value == "markdown" or spec.many:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _reading_sheet(sheet, data: Dataset, kind: str, language: str) -> None:
    """Every field as text a manager can read; nested parts (goals, steps, log) one per line."""
    records = sorted(records_of(data, kind).items())
    fields = list(next(iter(records))[1].model_dump(mode="json")) if records else []
    header = [
        field_label(LABEL_KEYS.get((kind, name), name), language) or name
        if name != "id"
        else export_header(kind, "id", language)
        for name in fields
    ]
    _append(sheet, 1, header)
    for row, (record_id, record) in enumerate(records, start=2):
        dumped = record.model_dump(mode="json")
        for column, name in enumerate(fields, start=1):
            try:
                put(sheet.cell(row, column), _readable(dumped.get(name)), cut=True)
            except _Unwritable as error:
                raise _refused(error, kind, record_id, name) from None


def _readable(value: Any) -> Any:
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            return SEPARATOR.join(str(item) for item in value)
        return "\n".join(_readable(item) if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_readable(item)}" for key, item in value.items() if _readable(item) is not None)
    return value


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as an .xlsx file, the same bytes for the same workbook: openpyxl's own save
    stamps the properties with the time of saving and each zip entry with the clock."""
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    steady = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(steady, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry))
    return steady.getvalue()
