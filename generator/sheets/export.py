"""The records as a workbook for managers: one sheet per kind, with the headers `kb import`
reads, so that importing the workbook gives the same records back.

Cells hold what a person would type: names rather than ids (where the name fits one
record only), states as the site shows them (已验证), real Excel dates and numbers.
Mentoring pairs, paths and awards have nested parts; their sheets are for reading,
with the nested parts one per line, and `kb import` passes them over.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from generator.model import Dataset
from generator.names import Names
from generator.render.labels import LABELS
from generator.sheets.columns import SHEET_TITLES, export_header
from generator.sheets.fields import IMPORTABLE, Field, fields_of

SEPARATOR = "、"
DATE_FORMAT = "yyyy-mm-dd"
MAX_CELL = 32_767  # Excel's limit for the text of one cell


class CellTooLong(Exception):
    """A text no Excel cell can hold: exporting it would cut it."""


def records_of(data: Dataset, kind: str) -> dict[str, Any]:
    return {
        "case": data.cases,
        "person": data.people,
        "session": data.sessions,
        "mentoring": data.mentoring,
        "path": data.paths,
        "award": data.awards,
    }[kind]


def export_workbook(data: Dataset, language: str = "zh") -> Workbook:
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
    names = Names()
    for kind, entries in (("product", data.products), ("skill", data.skills), ("team", data.teams)):
        for entry_id, entry in entries.items():
            names.add(kind, entry_id, entry.name, entry.name_en)
    for person_id, person in data.people.items():
        names.add("person", person_id, person.name, person.name_en)
    return names


def _importable_sheet(sheet, data: Dataset, kind: str, language: str, names: Names) -> None:
    specs = fields_of(kind)
    sheet.append([export_header(kind, spec.name, language) for spec in specs])
    for record_id, record in sorted(records_of(data, kind).items()):
        values = [_cell(spec, getattr(record, spec.name), language, names) for spec in specs]
        for spec, value in zip(specs, values, strict=True):
            if isinstance(value, str) and len(value) > MAX_CELL:
                raise CellTooLong(
                    f"{kind} `{record_id}`: `{spec.name}` is longer than an Excel cell holds ({MAX_CELL:,} characters)"
                )
        sheet.append(values)
        for cell, spec in zip(sheet[sheet.max_row], specs, strict=True):
            _style(cell, spec)


def _cell(spec: Field, value: Any, language: str, names: Names) -> Any:
    if value is None or value == [] or value == {}:
        return None
    if spec.value == "levels":
        return SEPARATOR.join(f"{_named(names, 'skill', skill)} {level}" for skill, level in value.items())
    if spec.many:
        return SEPARATOR.join(str(_one(spec, item, language, names)) for item in value)
    return _one(spec, value, language, names)


def _one(spec: Field, value: Any, language: str, names: Names) -> Any:
    if spec.value == "choice":
        return LABELS[language].get(value, value)
    if spec.ref is not None and spec.ref != "case":
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
    sheet.append(
        [LABELS[language].get(name, name) if name != "id" else export_header(kind, "id", language) for name in fields]
    )
    for _, record in records:
        dumped = record.model_dump(mode="json")
        sheet.append([_readable(dumped.get(name)) for name in fields])


def _readable(value: Any) -> Any:
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            return SEPARATOR.join(str(item) for item in value)
        return "\n".join(_readable(item) if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_readable(item)}" for key, item in value.items() if _readable(item) is not None)
    if isinstance(value, str) and len(value) > MAX_CELL:
        return value[:MAX_CELL]
    return value
