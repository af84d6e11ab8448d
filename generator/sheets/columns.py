"""Which column is which field: a header is a field's name, the label the site shows for it
(Chinese or English), a header a team's 台账 (case log) commonly has, or what `--map` says.

This module is the one place that says how headers map: ALIASES for the headers teams
write besides the field names and labels, PASSED_OVER for the columns teams keep that
are no record field (a row number, a customer's contact, billing, notes).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.kinds import SHEET_KINDS
from generator.language import LANGUAGES
from generator.load.strict_yaml import LoadError, parse_document
from generator.load.text import TextError, decode_record_bytes
from generator.messages import Listing, Text, text, words
from generator.page_labels import LABELS, field_label
from generator.sheets.fields import IMPORTABLE, field_named, fields_of, importing
from generator.sheets.read import Cell, Sheet, cell_text

# The site's label for a field, where its key differs from the field's name.
LABEL_KEYS = {
    (kind.name, name): key for kind in SHEET_KINDS if kind.sheet for name, key in kind.sheet.label_keys.items()
}
# The header `kb export` writes for a field the site shows no label for (generator/catalogue/workbook.py).
EXPORT_HEADERS = {
    name: {language: words(f"workbook-header-{name.replace('_', '-')}", language) for language in LANGUAGES}
    for name in ("id", "name", "name_en")
}
# Headers teams write besides the field names and the site's labels (both languages); a 台账
# names the date, the model, the fault, its cause and fix and the engineer in these words.
# Each importable kind declares its own (its `Import`, generator/kinds/).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {name: dict(importing(name).aliases) for name in IMPORTABLE}
# Columns a team keeps beside the records that are no field of any kind, by why they are
# passed over. A contact column is never read at all: its cells are a customer's personal data.
PASSED_OVER: dict[str, tuple[str, ...]] = {
    "row-number": ("序号", "行号", "no", "no.", "#"),
    "contact": (
        "联系人", "客户联系人", "联系电话", "联系方式", "电话", "手机", "手机号", "客户电话", "地址", "客户地址", "邮箱", "电子邮箱",
        "contact", "phone", "e-mail", "email",
    ),
    "billing": ("是否收费", "收费", "费用", "金额", "服务费", "报价"),
    "notes": ("备注", "附注", "remarks", "notes", "note"),
}  # fmt: skip
# The sheets `kb export` writes, one per kind, in order, titled in each language (`workbook-title-<kind>`).
SHEET_TITLES = {
    kind.name: {language: words(f"workbook-title-{kind.name}", language) for language in LANGUAGES}
    for kind in SHEET_KINDS
}
# Sheet names that say which kind a sheet holds, when the headers alone leave it open.
SHEET_NAMES = {name: importing(name).sheet_names for name in IMPORTABLE}
# What a sheet must have to be taken for a kind at all.
KEY_FIELDS = {name: importing(name).key_fields for name in IMPORTABLE}
# Fields a sheet may lack because a row's value is made from another column or given by an option.
MADE_FROM = {(name, made): source for name in IMPORTABLE for made, source in importing(name).made_from.items()}
DEFAULTED = {(name, field_name) for name in IMPORTABLE for field_name in importing(name).defaulted}
HEADER_SEARCH_ROWS = 10  # a title row or two above the header is common


def _by_header(passed_over: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise(header): reason for reason, headers in passed_over.items() for header in headers}


def normalise(header: str) -> str:
    """`处理用时（小时）*` -> `处理用时`, `Solved_On:` -> `solved on`: how headers are compared."""
    text = unicodedata.normalize("NFKC", header)  # full-width letters, brackets and colons
    text = re.sub(r"[(\[【].*?[)\]】]", "", text)  # units and notes in brackets
    text = text.strip().rstrip(":*").strip()
    return re.sub(r"[\s_\-]+", " ", text).casefold()


PASSED_OVER_BY_HEADER = _by_header(PASSED_OVER)


def export_header(kind: str, name: str, language: str) -> str:
    if name in EXPORT_HEADERS:
        return EXPORT_HEADERS[name][language]
    label = field_label(LABEL_KEYS.get((kind, name), name), language)
    if label is None:
        raise KeyError(f"the field `{name}` of {kind} has no label")
    return label


def vocabulary(kind: str, mapping: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """Normalised header -> field name (None: a column to ignore without a word)."""
    known: dict[str, str | None] = {}
    for spec in fields_of(kind):
        label_key = LABEL_KEYS.get((kind, spec.name), spec.name)
        names = [spec.name, *ALIASES.get(kind, {}).get(spec.name, ())]
        names += [field_label(label_key, language) or "" for language in LABELS]
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
    passed: list[tuple[Cell, str]] = field(default_factory=list)  # columns kept beside records, and why

    def column_of(self, name: str) -> int | None:
        return next((column for column, field_name in self.fields.items() if field_name == name), None)

    def made_from(self, name: str) -> int | None:
        """The column a field's value is made from when the sheet has none for it (a title from the symptoms)."""
        source = MADE_FROM.get((self.kind, name))
        if source is None or self.column_of(name) is not None:
            return None
        return self.column_of(source)

    def missing(self) -> list[str]:
        """Required fields no column holds (an id is made when there is none, a title from the
        symptoms, and a case's state is `--state`)."""
        present = set(self.fields.values())
        return [
            spec.name
            for spec in fields_of(self.kind)
            if spec.required
            and spec.name != "id"
            and spec.name not in present
            and (self.kind, spec.name) not in DEFAULTED
            and self.made_from(spec.name) is None
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
            reason = PASSED_OVER_BY_HEADER.get(normal)
            if reason is None:
                columns.unknown.append(cell)
            else:
                columns.passed.append((cell, reason))
            continue
        target = known[normal]
        if target is None:
            columns.passed.append((cell, "map"))
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
    """The `--map` file cannot be used: each thing wrong with it."""

    def __init__(self, *problems: Text) -> None:
        self.problems = problems
        super().__init__(self.render("en"))

    def render(self, language: str) -> str:
        return text("sheet-separator").render(language).join(problem.render(language) for problem in self.problems)


def read_mapping(path: Path) -> dict:
    """The `--map` file: a small YAML of `header: field`, read as strictly as a record."""
    try:
        text_of_map = decode_record_bytes(path.read_bytes(), str(path))
        data = parse_document(text_of_map, str(path)).data
    except (TextError, LoadError) as error:
        where = f"{path}:{error.position.line}:{error.position.column}"
        raise MapError(text("sheet-map-at", where=where, problem=error.words)) from None
    except OSError as error:
        raise MapError(text("sheet-map-unreadable", path=str(path), reason=error.strerror or str(error))) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MapError(text("sheet-map-not-a-mapping", path=str(path)))
    problems: list[Text] = []
    for key, value in data.items():
        if key in IMPORTABLE and isinstance(value, dict):
            problems += _mapping_problems(path, value, [key])
        else:
            problems += _mapping_problems(path, {key: value}, list(IMPORTABLE))
    if problems:
        raise MapError(*problems)
    return data


def _mapping_problems(path: Path, entries: dict, kinds: list[str]) -> list[Text]:
    problems = []
    for header, target in entries.items():
        if target is not None and not isinstance(target, str):
            problems.append(text("sheet-map-not-a-field-name", path=str(path), header=header))
        elif isinstance(target, str) and all(field_named(kind, target) is None for kind in kinds):
            names = Listing(tuple(dict.fromkeys(f.name for kind in kinds for f in fields_of(kind))))
            words = text("sheet-map-unknown-field", path=str(path), target=target, header=header, fields=names)
            problems.append(words)
    return problems
