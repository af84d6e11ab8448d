"""What `kb import` does once its command line is read: the plan, the files written, and
every line it prints, in the language of the run."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import click
from openpyxl.utils import get_column_letter

from generator.cli.mistakes import Failure
from generator.kinds.case import CASE_STATE_REQUIRES
from generator.language import decide_language
from generator.messages import Listing, Text, text
from generator.page_labels import field_label
from generator.report import printable, render_report
from generator.schema import write_schemas
from generator.sheets.columns import LABEL_KEYS, Columns, MapError, read_mapping
from generator.sheets.fields import LEDGER_KIND
from generator.sheets.ledger import TITLE_LENGTH
from generator.sheets.plan import ImportRequest, Outcome, Plan, plan_import
from generator.sheets.read import Sheet, cell_text
from generator.sheets.write import write_inside

VERBS = {  # action -> (as done, as a dry run would do it)
    "create": ("sheet-wrote", "sheet-would-write"),
    "update": ("sheet-updated", "sheet-would-update"),
}
# What the lines of a row say of the fields made for it: its title, and a state other than --state.
NOTED = ("sheet-made-title", "sheet-made-wip")


def run_import(
    file, kind, data_dir, map_file, state, dry_run, update, output_format, schema_dir, language, max_mentees, today
) -> None:
    site_language = decide_language()  # of the words an import writes into records
    language = decide_language(language)
    try:
        mapping = read_mapping(Path(map_file)) if map_file else None
    except MapError as error:
        raise Failure(printable(error.render(language))) from None
    request = ImportRequest(
        Path(file),
        file,
        Path(data_dir),
        data_dir.rstrip("/") or ".",
        Path(schema_dir),
        kind=kind,
        mapping=mapping,
        update=update,
        today=today,
        max_mentees=max_mentees,
        state=state,
        language=site_language,
    )
    plan = plan_import(request)
    if not dry_run and not plan.stopped:
        _write(plan, Path(data_dir), Path(schema_dir), language)
    if output_format == "json":
        click.echo(_as_json(plan, dry_run, language))
    else:
        colour = output_format == "text" and sys.stdout.isatty()
        lines = _column_lines(plan, state, language) if dry_run else []
        lines.append(render_report(plan.report, output_format, 1, colour, language))
        for line in lines + _action_lines(plan, dry_run, language):
            click.echo(line)
    sys.exit(1 if plan.report.errors or plan.stopped else 0)


def _write(plan: Plan, data_dir: Path, schema_dir: Path, language: str) -> None:
    written = [o for o in plan.outcomes if o.action in ("create", "update") and o.placed is not None]
    if written:
        write_schemas(schema_dir)
    for outcome in written:
        assert outcome.placed is not None
        target = outcome.placed.source.path
        try:
            write_inside(data_dir, target, outcome.placed.text)  # plan_import refused every way out
        except OSError as error:
            words = text(
                "export-cannot-write", path=printable(str(target)), reason=printable(error.strerror or str(error))
            )
            raise Failure(words.render(language)) from None


def _column_lines(plan: Plan, state: str, language: str) -> list[str]:
    """Each sheet's columns: the field each one became, or why it was passed over; then what is made."""
    lines = []
    for sheet, columns in plan.sheets:
        kind = text(f"noun-{columns.kind}")
        lines.append(_in(text("sheet-columns-of", sheet=printable(sheet.shown), kind=kind), language))
        for _column, words in sorted(_columns_of(sheet, columns).items()):
            lines.append("  " + printable(_in(words, language)))
        lines += ["  " + printable(_in(words, language)) for words in _made_columns(sheet, columns, state)]
    return lines


def _headers(sheet: Sheet, columns: Columns) -> dict[int, str]:
    return {
        cell.column: cell_text(cell.value) for row in sheet.rows if row[0].row == columns.header_row for cell in row
    }


def _columns_of(sheet: Sheet, columns: Columns) -> dict[int, Text]:
    headers = _headers(sheet, columns)
    shown: dict[int, Text] = {}

    def named(column: int) -> dict:
        return {"column": get_column_letter(column), "header": headers.get(column, "")}

    for column, name in columns.fields.items():
        label = LABEL_KEYS.get((columns.kind, name), name)
        shown[column] = text("sheet-column-field", **named(column), field=name, label=_Label(label))
    for cell, reason in columns.passed:
        shown[cell.column] = text("sheet-column-passed", **named(cell.column), reason=text(f"sheet-passed-{reason}"))
    for cell in columns.unknown:
        reason = text("sheet-passed-unknown", kind=text(f"noun-{columns.kind}"))
        shown[cell.column] = text("sheet-column-passed", **named(cell.column), reason=reason)
    for cell, name in columns.duplicates:
        reason = text("sheet-passed-twice", field=name)
        shown[cell.column] = text("sheet-column-passed", **named(cell.column), reason=reason)
    return shown


class _Label(Text):
    """A field's label as the site shows it, in the language of the message around it."""

    def render(self, language: str) -> str:
        return field_label(self.key, language) or self.key


def _made_columns(sheet: Sheet, columns: Columns, state: str) -> list[Text]:
    """The fields of a case the sheet has no column for, and how each row gets them."""
    if columns.kind != LEDGER_KIND:
        return []
    made = []
    if columns.column_of("id") is None:
        made.append(text("sheet-column-made-id"))
    source = columns.made_from("title")
    if source is not None:
        header = _headers(sheet, columns).get(source, "")
        made.append(text("sheet-column-made-title", header=header, length=TITLE_LENGTH))
    if columns.column_of("state") is None:
        made.append(_state_line(columns, state))
    needs = CASE_STATE_REQUIRES.get(state, ())
    if "environment" in needs and state != "validated" and columns.column_of("environment") is None:
        made.append(text("sheet-column-made-environment"))
    return made


def _state_line(columns: Columns, state: str) -> Text:
    needs = [name for name in CASE_STATE_REQUIRES.get(state, ()) if name != "validated_by"]
    if columns.column_of("environment") is None and state != "validated":
        needs = [name for name in needs if name != "environment"]
    shown = _Label(state)
    if not needs:
        return text("sheet-column-state-plain", state=shown)
    return text("sheet-column-state", state=shown, fields=Listing(tuple(needs)))


def _action_lines(plan: Plan, dry_run: bool, language: str) -> list[str]:
    lines = []
    for outcome in plan.outcomes:
        if outcome.action in ("create", "update"):
            words = text(VERBS[outcome.action][dry_run], file=printable(outcome.shown), row=_row(outcome))
            lines.append(_in(words, language))
            lines += [
                "    " + printable(_in(note, language)) for note in outcome.row.made.values() if note.key in NOTED
            ]
        if outcome.action == "update":
            lines += _diff(outcome)
    if plan.stopped:
        lines.append(_in(text("sheet-nothing-written", reason=plan.stopped), language))
        return lines
    lines.append(_summary(plan, dry_run, language))
    if plan.problems_before:
        lines.append(_in(text("sheet-problems-before", count=plan.problems_before), language))
    return lines


def _in(words: Text, language: str) -> str:
    return words.render(language)


def _row(outcome: Outcome) -> Text:
    return text("sheet-row", sheet=printable(outcome.row.sheet.shown), row=outcome.row.number)


def _diff(outcome: Outcome) -> list[str]:
    assert outcome.placed is not None
    shown = printable(outcome.shown)
    lines = difflib.unified_diff(
        outcome.old_text.splitlines(), outcome.placed.text.splitlines(), shown, shown, lineterm=""
    )
    return ["    " + printable(line) for line in lines]


def _summary(plan: Plan, dry_run: bool, language: str) -> str:
    counts = {action: len(plan.of(action)) for action in ("create", "update", "unchanged", "failed")}
    total = len(plan.outcomes)
    rows = text("count-row" if total == 1 else "count-rows", n=total)
    key = "sheet-summary-dry" if dry_run else "sheet-summary"
    words = _in(
        text(key, rows=rows, create=counts["create"], update=counts["update"], unchanged=counts["unchanged"]), language
    )
    if counts["failed"]:
        words += _in(text("sheet-summary-failed", failed=counts["failed"]), language)
    return words + _in(text("sheet-summary-dry-end" if dry_run else "sheet-summary-end"), language)


def _as_json(plan: Plan, dry_run: bool, language: str) -> str:
    payload = json.loads(render_report(plan.report, "json", 1, False, language))
    payload["dry_run"] = dry_run
    payload["stopped"] = printable(plan.stopped.render(language)) if plan.stopped else None
    payload["columns"] = [
        {"sheet": printable(sheet.shown), "column": get_column_letter(column), "said": printable(_in(words, language))}
        for sheet, columns in plan.sheets
        for column, words in sorted(_columns_of(sheet, columns).items())
    ]
    payload["rows"] = [
        {
            "sheet": printable(outcome.row.sheet.shown),
            "row": outcome.row.number,
            "kind": outcome.row.kind,
            "id": printable(outcome.row.id),
            "file": printable(outcome.shown) or None,
            "action": outcome.action,
            "made": {name: printable(_in(note, language)) for name, note in outcome.row.made.items()},
        }
        for outcome in plan.outcomes
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2)
