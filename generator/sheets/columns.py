"""Which column is which field: a header is a field's name, the label the site shows for it
(Chinese or English), a common alternative a team writes, or what `--map` says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.strict_yaml import LoadError, parse_document
from generator.load.text import TextError, decode_record_bytes
from generator.render.labels import LABELS
from generator.sheets.fields import IMPORTABLE, field_named, fields_of
from generator.sheets.read import Cell, Sheet, cell_text

# The site's label for a field, where its key differs from the field's name.
LABEL_KEYS = {("person", "title"): "person_title", ("session", "cases"): "cases_discussed"}
# The header `kb export` writes for a field the site shows no label for.
EXPORT_HEADERS = {
    "id": {"zh": "编号", "en": "ID"},
    "name": {"zh": "姓名", "en": "Name"},
    "name_en": {"zh": "英文名", "en": "Name (English)"},
}
# Headers teams write besides the field names and the site's labels (both languages).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "case": {
        "id": ("案例编号", "记录编号"),
        "title": ("问题", "案例标题"),
        "symptoms": ("现象", "故障现象", "问题描述"),
        "environment": ("设备环境", "现场环境"),
        "cause": ("故障原因", "原因分析"),
        "resolution": ("解决方法", "处理方法", "解决方案", "处理措施", "solution"),
        "authors": ("编写人", "author"),
        "solved_on": ("解决时间", "完成日期"),
        "hours_to_resolve": ("用时", "处理时长", "hours"),
        "review_by": ("复审", "下次复审"),
    },
    "person": {
        "id": ("工号",),
        "name": ("名字", "员工姓名"),
        "name_en": ("英文名字", "english name"),
        "title": ("职位", "job title"),
        "joined": ("入职日期", "入职时间"),
        "left": ("离职日期", "离职时间"),
        "kcs_role": ("kcs 角色",),
    },
    "session": {
        "id": ("场次编号",),
        "title": ("主题", "课程", "培训主题", "培训名称"),
        "date": ("培训日期", "时间"),
        "trainers": ("讲师姓名", "trainer"),
        "attendees": ("学员", "已报名", "参训人", "参加人员"),
        "summary": ("摘要", "内容"),
        "cases": ("案例", "相关案例"),
    },
}
# The sheets `kb export` writes, one per kind.
SHEET_TITLES = {
    "case": {"zh": "案例", "en": "Cases"},
    "person": {"zh": "人员", "en": "People"},
    "session": {"zh": "培训场次", "en": "Sessions"},
    "mentoring": {"zh": "传帮带", "en": "Mentoring"},
    "path": {"zh": "培养路径", "en": "Training paths"},
    "award": {"zh": "荣誉", "en": "Honours"},
}
# Sheet names that say which kind a sheet holds, when the headers alone leave it open.
SHEET_NAMES = {
    "case": ("案例", "案例库", "案例台账", "台账", "cases", "case"),
    "person": ("人员", "人员名单", "花名册", "people", "person", "staff"),
    "session": ("培训", "培训场次", "培训记录", "sessions", "session", "training"),
}
# What a sheet must have to be taken for a kind at all.
KEY_FIELDS = {"case": ("title", "symptoms"), "person": ("name",), "session": ("title", "date")}
HEADER_SEARCH_ROWS = 10  # a title row or two above the header is common


def normalise(header: str) -> str:
    """`处理用时（小时）*` -> `处理用时`, `Solved_On:` -> `solved on`: how headers are compared."""
    text = unicodedata.normalize("NFKC", header)  # full-width letters, brackets and colons
    text = re.sub(r"[(\[【].*?[)\]】]", "", text)  # units and notes in brackets
    text = text.strip().rstrip(":*").strip()
    return re.sub(r"[\s_\-]+", " ", text).casefold()


def export_header(kind: str, name: str, language: str) -> str:
    if name in EXPORT_HEADERS:
        return EXPORT_HEADERS[name][language]
    return LABELS[language][LABEL_KEYS.get((kind, name), name)]


def vocabulary(kind: str, mapping: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """Normalised header -> field name (None: a column to ignore without a word)."""
    known: dict[str, str | None] = {}
    for spec in fields_of(kind):
        label_key = LABEL_KEYS.get((kind, spec.name), spec.name)
        names = [spec.name, *ALIASES.get(kind, {}).get(spec.name, ())]
        names += [LABELS[language].get(label_key, "") for language in LABELS]
        names += list(EXPORT_HEADERS.get(spec.name, {}).values())
        for name in names:
            if name:
                known.setdefault(normalise(name), spec.name)
    for header, target in (mapping or {}).items():
        if target is None or field_named(kind, target) is not None:
            known[normalise(header)] = target
    return known


@dataclass
class Columns:
    """A sheet's header row read for one kind."""

    kind: str
    header_row: int
    fields: dict[int, str] = field(default_factory=dict)  # column -> field name
    unknown: list[Cell] = field(default_factory=list)  # header cells that name no field
    duplicates: list[tuple[Cell, str]] = field(default_factory=list)  # a second column for a field

    def column_of(self, name: str) -> int | None:
        return next((column for column, field_name in self.fields.items() if field_name == name), None)

    def missing(self) -> list[str]:
        """Required fields no column holds (an id is made when there is none)."""
        present = set(self.fields.values())
        return [
            spec.name
            for spec in fields_of(self.kind)
            if spec.required and spec.name != "id" and spec.name not in present
        ]


def read_columns(sheet: Sheet, kind: str | None, mapping: dict | None = None) -> Columns | None:
    """The header row and the kind of a sheet (given, or told by its headers); None if neither is clear.

    The header is the first row that reads as one, so a title row above it is passed over.
    """
    kinds = [kind] if kind else list(IMPORTABLE)
    for row in sheet.rows[:HEADER_SEARCH_ROWS]:
        scored = []
        for order, candidate in enumerate(kinds):
            known = vocabulary(candidate, _mapping_for(mapping, candidate))
            matched = {known.get(normalise(cell_text(cell.value))) for cell in row} - {None}
            if len(matched) >= 2 and (kind or set(KEY_FIELDS[candidate]) <= matched):
                scored.append((len(matched), _named_for(sheet, candidate), -order, candidate))
        if scored:
            chosen = max(scored)[3]
            return _columns(chosen, row, vocabulary(chosen, _mapping_for(mapping, chosen)))
    return None


def _columns(kind: str, header: list[Cell], known: dict[str, str | None]) -> Columns:
    columns = Columns(kind, header[0].row)
    for cell in header:
        normal = normalise(cell_text(cell.value))
        if normal not in known:
            columns.unknown.append(cell)
            continue
        target = known[normal]
        if target is None:
            continue
        if target in columns.fields.values():
            columns.duplicates.append((cell, target))
        else:
            columns.fields[cell.column] = target
    return columns


def _named_for(sheet: Sheet, kind: str) -> int:
    return int(sheet.name is not None and normalise(sheet.name) in {normalise(n) for n in SHEET_NAMES[kind]})


def _mapping_for(mapping: dict | None, kind: str) -> dict[str, str | None]:
    """`--map` holds `header: field` for every kind, or per kind under `case:`, `person:`, `session:`."""
    if not mapping:
        return {}
    flat = {k: v for k, v in mapping.items() if k not in IMPORTABLE}
    return {**flat, **(mapping.get(kind) or {})}


class MapError(Exception):
    pass


def read_mapping(path: Path) -> dict:
    """The `--map` file: a small YAML of `header: field`, read as strictly as a record."""
    try:
        text = decode_record_bytes(path.read_bytes(), str(path))
        data = parse_document(text, str(path)).data
    except (TextError, LoadError) as error:
        raise MapError(f"{path}:{error.position.line}:{error.position.column}: {error.message}") from None
    except OSError as error:
        raise MapError(f"{path}: cannot read the file: {error.strerror}") from None
    problems = []
    for key, value in data.items():
        if key in IMPORTABLE and isinstance(value, dict):
            problems += _mapping_problems(value, [key])
        else:
            problems += _mapping_problems({key: value}, list(IMPORTABLE))
    if problems:
        raise MapError(f"{path}: " + "; ".join(problems))
    return data


def _mapping_problems(entries: dict, kinds: list[str]) -> list[str]:
    problems = []
    for header, target in entries.items():
        if target is not None and not isinstance(target, str):
            problems.append(f"`{header}` must map to a field name or to null (ignore the column)")
        elif isinstance(target, str) and all(field_named(kind, target) is None for kind in kinds):
            names = ", ".join(f.name for kind in kinds for f in fields_of(kind))
            problems.append(f"`{target}` (for `{header}`) is not a field of {'/'.join(kinds)}; fields: {names}")
    return problems
