"""Plan an import: read the sheets, make a record of every row, validate them together with
the data folder in memory, and decide what happens to each row. Nothing is written here.

A row with an error writes nothing. Rows that name such a row (a case by an engineer
whose own row failed) are checked again without it, until every row left is valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from generator import codes
from generator.diagnostics import START, Diagnostic, Position, Report
from generator.kinds import RECORD_KIND, RECORD_KINDS, SHAPES, TAXONOMY_KINDS
from generator.load import Loaded, load_folder
from generator.messages import Listing, Text, text
from generator.names import Names
from generator.pipeline import check_loaded
from generator.records import Context
from generator.settings import DEFAULT_MAX_MENTEES, Settings
from generator.sheets.columns import SHEET_TITLES, Columns, read_columns
from generator.sheets.fields import IMPORTABLE, NAMED_LATER, importing
from generator.sheets.ledger import DEFAULT_STATE, Ledger
from generator.sheets.placed import NotFaithful, Placed, place
from generator.sheets.read import Sheet, SheetError, cell_text, read_sheets
from generator.sheets.rows import Row, read_case_references, read_rows
from generator.sheets.values import PLACEHOLDER
from generator.sheets.write import way_out
from generator.slug import is_id

Action = Literal["create", "update", "unchanged", "failed", "held"]
# The sheets `kb export` writes for reading only (nested goals, steps and logs do not fit a cell).
READING_SHEETS = {kind: titles for kind, titles in SHEET_TITLES.items() if kind not in IMPORTABLE}
# The order rows are read in, the table's: people first, as cases and sessions name them.
KIND_ORDER = tuple(kind.name for kind in RECORD_KINDS if kind.name in IMPORTABLE)
_PLACEHOLDER_MARK = PLACEHOLDER.split("{")[0]


@dataclass(frozen=True)
class ImportRequest:
    file: Path
    shown: str  # the spreadsheet as the user named it
    data_dir: Path
    shown_root: str
    schema_dir: Path
    kind: str | None = None
    mapping: dict | None = None
    update: bool = False
    today: dt.date | None = None
    max_mentees: int | None = None
    state: str = DEFAULT_STATE  # of a case row that names none
    language: str = field(kw_only=True)  # the site's: of the words an import writes into a record (a made environment)


@dataclass
class Outcome:
    row: Row
    action: Action
    placed: Placed | None = None
    old_text: str = ""

    @property
    def shown(self) -> str:
        return self.placed.source.shown if self.placed else ""


@dataclass
class Plan:
    report: Report
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: Text | None = None  # why nothing at all is written
    problems_before: int = 0  # errors the data folder had before the import (kb validate lists them)
    sheets: list[tuple[Sheet, Columns]] = field(default_factory=list)  # the sheets read, and their columns

    def of(self, action: Action) -> list[Outcome]:
        return [o for o in self.outcomes if o.action == action]


def plan_import(request: ImportRequest) -> Plan:
    loaded = load_folder(request.data_dir, request.shown_root)
    baseline, context = _validate(request, loaded, [])
    try:
        sheets = read_sheets(request.file, request.shown)
    except SheetError as error:
        problem = error.code.at(error.place or request.shown, error.position, error.words)
        return Plan(Report([problem]), stopped=text("sheet-stopped-unreadable"))
    problems: list[Diagnostic] = []
    laid_out = _lay_out(sheets, request, problems)
    skipped = sum(1 for d in problems if d.code == codes.SHEET_SKIPPED.code)  # one per sheet passed over
    if skipped == len(sheets):
        return Plan(Report(problems), stopped=text("sheet-stopped-no-sheet"))
    rows = _read_all(laid_out, _known_names(context), _ledger(request, context))
    plan = _decide(request, loaded, context, {_where(d) for d in baseline.items}, rows, problems)
    plan.problems_before = len(baseline.errors)
    plan.sheets = laid_out
    _refuse_ways_out(request, plan)
    return plan


def _refuse_ways_out(request: ImportRequest, plan: Plan) -> None:
    """No file is written when one would leave the data folder (through a linked `cases/` ...)."""
    refused: dict[Path, Outcome] = {}  # one line per link, however many rows would pass through it
    for outcome in plan.outcomes:
        if outcome.action in ("create", "update") and outcome.placed is not None:
            link = way_out(request.data_dir, outcome.placed.source.path)
            if link is not None:
                refused.setdefault(link, outcome)
    if not refused:
        return
    for link, outcome in refused.items():
        shown_link = _shown_path(request, link)
        words = text("sheet-outside-data", path=outcome.shown, link=shown_link)
        plan.report.add(codes.IMPORT_OUTSIDE_DATA.at(outcome.shown, START, words))
    plan.stopped = text("sheet-stopped-outside")
    for outcome in plan.outcomes:
        if outcome.action in ("create", "update"):
            outcome.action = "held"


def _shown_path(request: ImportRequest, path: Path) -> str:
    try:
        relative = path.relative_to(request.data_dir).as_posix()
    except ValueError:
        return str(path)
    prefix = request.shown_root.rstrip("/") + "/" if request.shown_root.rstrip("/") else ""
    return prefix + relative


def _validate(request: ImportRequest, loaded: Loaded, placed: list[Placed]) -> tuple[Report, Context]:
    documents = {kind: list(entries) for kind, entries in loaded.documents.items()}
    replaced = {p.source.path for p in placed}
    for kind in documents:
        documents[kind] = [(s, d) for s, d in documents[kind] if s.path not in replaced]
    for item in placed:
        documents.setdefault(item.row.kind, []).append((item.source, item.document))
    combined = Loaded(loaded.data_dir, documents, list(loaded.diagnostics), list(loaded.unreadable), loaded.attachments)
    settings = Settings(
        request.data_dir,
        request.today or dt.date.today(),
        shown_root=request.shown_root,
        max_mentees=request.max_mentees or DEFAULT_MAX_MENTEES,
    )
    checked = check_loaded(combined, settings)
    return checked.report, checked.context


def _known_names(context: Context) -> Names:
    """What a cell may name a record of the data folder by: taxonomy entries, and the records
    of the importable kinds by the fields each declares (a person's names, a case's title)."""
    names = Names()
    taxonomy = context.taxonomy
    if taxonomy is not None:
        for kind in TAXONOMY_KINDS:
            for entry in getattr(taxonomy, kind.folder):
                names.add(kind.name, entry.id, entry.name, entry.name_en)
    for kind in IMPORTABLE:
        named_by = importing(kind).names
        for record in context.of(kind):
            names.add(kind, record.id, *(getattr(record.model, name) for name in named_by))
    return names


def _ledger(request: ImportRequest, context: Context) -> Ledger:
    products = context.taxonomy.products if context.taxonomy is not None else []
    english = request.language == "en"
    names = {entry.id: (entry.name_en or entry.name) if english else entry.name for entry in products}
    return Ledger(request.state, request.language, names)


def _lay_out(sheets: list[Sheet], request: ImportRequest, problems: list[Diagnostic]) -> list[tuple[Sheet, Columns]]:
    """The sheets that read as records, with their columns; the others are reported."""
    laid_out = []
    for sheet in sheets:
        columns = read_columns(sheet, request.kind, request.mapping)
        if columns is None:
            problems.append(codes.SHEET_SKIPPED.at(sheet.place(1, 1), START, _skipped_message(sheet)))
        elif _columns_usable(sheet, columns, problems, request):
            laid_out.append((sheet, columns))
    return laid_out


def _read_all(laid_out: list[tuple[Sheet, Columns]], names: Names, ledger: Ledger) -> list[Row]:
    """Every row of every sheet that reads as records, people first so that later sheets can name them."""
    rows: list[Row] = []
    for kind in KIND_ORDER:
        for sheet, columns in laid_out:
            if columns.kind != kind:
                continue
            for row in read_rows(sheet, columns, names, ledger):
                rows.append(row)
                if kind not in NAMED_LATER:
                    _name(names, row)
    _make_ids_unique(rows)
    for row in rows:
        if row.kind in NAMED_LATER:
            _name(names, row)
    for row in rows:
        read_case_references(row)
    return rows


def _name(names: Names, row: Row) -> None:
    """A row's record by the names later rows may give it."""
    names.add(row.kind, row.id, *(row.record.get(name) for name in importing(row.kind).names))


def _skipped_message(sheet: Sheet) -> Text:
    what = text("sheet-the-sheet", name=sheet.name) if sheet.name is not None else text("sheet-the-file")
    for kind, titles in READING_SHEETS.items():
        if sheet.name in titles.values():
            return text("sheet-skipped-for-reading", what=what, kind=text(f"noun-{kind}"))
    return text("sheet-skipped", what=what)


def _columns_usable(sheet: Sheet, columns: Columns, problems: list[Diagnostic], request: ImportRequest) -> bool:
    for cell in columns.unknown:
        at = sheet.place(cell.row, cell.column), _position(cell.row, cell.column)
        header = cell_text(cell.value)
        problems.append(codes.COLUMN_IGNORED.at(*at, "sheet-column-ignored", header=header, kind=_noun(columns.kind)))
    for cell, name in columns.duplicates:
        at = sheet.place(cell.row, cell.column), _position(cell.row, cell.column)
        problems.append(codes.COLUMN_IGNORED.at(*at, "sheet-column-twice", header=cell_text(cell.value), field=name))
    # A sheet of a few columns may update records that exist; a new record from it is
    # then refused row by row, for the fields it lacks.
    missing = [] if request.update else columns.missing()
    at = sheet.place(columns.header_row, 1), _position(columns.header_row, 1)
    for name in missing:
        problems.append(codes.COLUMN_MISSING.at(*at, "sheet-column-missing", field=name, kind=_noun(columns.kind)))
    unvalidated = _not_for_validated(columns, request)
    if unvalidated:
        problems.append(codes.COLUMN_MISSING.at(*at, "sheet-validated-needs", fields=Listing(tuple(unvalidated))))
    return not missing and not unvalidated


def _not_for_validated(columns: Columns, request: ImportRequest) -> list[str]:
    """The columns a sheet lacks to be imported as validated: who validated each case, and its real environment."""
    if not importing(columns.kind).ledger or request.state != "validated" or request.update:
        return []
    return [name for name in ("environment", "validated_by") if columns.column_of(name) is None]


def _noun(kind: str) -> Text:
    return text(f"noun-{kind}")


def _position(row: int, column: int) -> Position:
    return Position(row, column)


def _make_ids_unique(rows: list[Row]) -> None:
    """Two rows whose made ids meet (same day, product and title start) get -2, -3 ...; ids
    written in the sheet are left as they are, and validation reports a repeated one."""
    taken: dict[str, set[str]] = {}
    for row in rows:
        used = taken.setdefault(row.kind, set())
        if row.columns.column_of("id") is None and row.id in used:
            number = 2
            while f"{row.id}-{number}" in used:
                number += 1
            row.record["id"] = f"{row.id}-{number}"
        used.add(row.id)


def _decide(
    request: ImportRequest,
    loaded: Loaded,
    context: Context,
    baseline: set[tuple],
    rows: list[Row],
    problems: list[Diagnostic],
) -> Plan:
    outcomes = [_outcome(request, context, row, problems) for row in rows]
    _refuse_shared_files(outcomes, problems)
    failed = {id(o.row) for o in outcomes if o.action == "failed"}
    candidates = [o for o in outcomes if o.placed is not None and o.action != "unchanged"]
    found: dict[int, set[Diagnostic]] = {}  # per row: what the last check that included it found
    while True:
        report, _ = _validate(request, loaded, [o.placed for o in candidates if o.placed])
        by_file = {o.placed.source.shown: o for o in candidates if o.placed}
        elsewhere: list[Diagnostic] = []
        for outcome in candidates:
            found[id(outcome.row)] = set()
        for diagnostic in report.items:
            if _where(diagnostic) in baseline:
                continue
            outcome = by_file.get(diagnostic.file)
            if outcome is None:
                elsewhere.append(diagnostic)
            elif outcome.placed is not None and not _caused_by_placeholder(diagnostic, problems, outcome.placed):
                found[id(outcome.row)].add(outcome.placed.at_cell(diagnostic))
        failing_now = {
            id(o.row) for o in candidates if id(o.row) in failed or any(d.is_error for d in found[id(o.row)])
        }
        if not failing_now:
            break
        failed |= failing_now
        candidates = [o for o in candidates if id(o.row) not in failing_now]
    for outcome in outcomes:
        if id(outcome.row) in failed:
            outcome.action = "failed"
    plan = Plan(Report([*problems, *(d for ds in found.values() for d in ds), *elsewhere]), outcomes)
    if any(d.is_error for d in elsewhere):
        plan.stopped = text("sheet-stopped-would-break")
        for outcome in plan.outcomes:
            if outcome.action in ("create", "update"):
                outcome.action = "held"
    return plan


def _where(diagnostic: Diagnostic) -> tuple:
    """A problem the data folder already had is the same problem even if its wording changed
    (a suggestion may now name an imported record)."""
    return diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code


def _refuse_shared_files(outcomes: list[Outcome], problems: list[Diagnostic]) -> None:
    """Two rows with the same id written in the sheet would be one file: the later one is refused."""
    first: dict[Path, Outcome] = {}
    for outcome in outcomes:
        if outcome.placed is None:
            continue
        path = outcome.placed.source.path
        if path in first:
            row, column = outcome.row, outcome.row.column_of("id")
            at = row.place(column), _position(row.number, column)
            words = text("sheet-id-used", kind=_noun(row.kind), id=row.id, row=first[path].row.number)
            problems.append(codes.DUPLICATE_ID.at(*at, words))
            outcome.action, outcome.placed = "failed", None
        else:
            first[path] = outcome


def _caused_by_placeholder(diagnostic: Diagnostic, problems: list[Diagnostic], placed: Placed) -> bool:
    """Validation's view of a value already reported here (a name that fits no one), or of a
    formula's cell (read as no value: "missing `title`" would only repeat it)."""
    if _PLACEHOLDER_MARK in diagnostic.message:
        return True
    here = placed.at_cell(diagnostic)
    return any(p.file == here.file and p.code in (here.code, codes.FORMULA_CELL.code) for p in problems)


def _outcome(request: ImportRequest, context: Context, row: Row, problems: list[Diagnostic]) -> Outcome:
    errors = [(column, p) for column, p in row.problems]
    for column, problem in errors:
        problems.append(problem.code.at(row.place(column), _position(row.number, column), problem.message))
    if not is_id(row.id):
        column = row.column_of("id")
        problems.append(codes.BAD_ID.at(row.place(column), _position(row.number, column), "sheet-bad-id", id=row.id))
        return Outcome(row, "failed")
    existing = context.index(row.kind).get(row.id)
    record = _record_for(row, existing, request.update)
    target, shown = _target(request, row, existing)
    try:
        placed = place(row, record, target, shown, request.schema_dir)
    except NotFaithful as error:
        words = text("sheet-not-yaml", error=str(error))
        problems.append(codes.WRONG_TYPE.at(row.place(1), _position(row.number, 1), words))
        return Outcome(row, "failed")
    action: Action = "failed" if errors else "create"
    if existing is not None:
        same = _same_record(row.kind, existing.model, placed.document.data)
        old_text = existing.document.text
        if same and not errors:
            return Outcome(row, "unchanged", placed, old_text)
        if not request.update:
            column = row.column_of("id")
            at = row.place(column), _position(row.number, column)
            words = text("sheet-already-exists", kind=_noun(row.kind), id=row.id, file=existing.file)
            problems.append(codes.ALREADY_EXISTS.at(*at, words))
            return Outcome(row, "failed", old_text=old_text)
        return Outcome(row, "failed" if errors else "update", placed, old_text)
    return Outcome(row, action, placed)


def _record_for(row: Row, existing, update: bool) -> dict[str, Any]:
    """The row's record; updating, the fields the sheet has no column for keep their values
    (a title, state or environment made for a row never replaces one a record has)."""
    if existing is None or not update:
        return dict(row.record)
    columns = set(row.columns.fields.values()) | {"id"}
    kept = {name: value for name, value in existing.document.data.items() if name not in columns}
    return {**kept, **{name: value for name, value in row.record.items() if name not in row.made or name not in kept}}


def _target(request: ImportRequest, row: Row, existing) -> tuple[Path, str]:
    if existing is not None:
        return existing.source.path, existing.file
    kind = RECORD_KIND[row.kind]
    folder = kind.folder
    day = row.record.get(kind.sub_folders) if kind.sub_folders else None
    if isinstance(day, dt.date):  # a case in the folder of its year
        folder = f"{folder}/{day.year}"
    relative = f"{folder}/{row.id}.yml"
    prefix = request.shown_root.rstrip("/") + "/" if request.shown_root.rstrip("/") else ""
    return request.data_dir / relative, prefix + relative


def _same_record(kind: str, model: Any, data: dict[str, Any]) -> bool:
    try:
        return SHAPES[kind].model_validate(data) == model
    except ValidationError:
        return False
