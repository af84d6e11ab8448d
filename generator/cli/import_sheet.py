"""`kb import FILE`: records from a team's spreadsheet, each problem reported at its cell."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import click

from generator.cli.language import configured_language
from generator.cli.options import max_mentees_option, today_option
from generator.report import FORMATS, printable, render_report
from generator.schema import write_schemas
from generator.settings import LANGUAGES
from generator.sheets.columns import MapError, read_mapping
from generator.sheets.fields import IMPORTABLE
from generator.sheets.plan import ImportRequest, Outcome, Plan, plan_import
from generator.sheets.write import write_inside

VERBS = {
    "create": ("wrote", "would write"),
    "update": ("updated", "would update"),
    "unchanged": ("unchanged", "unchanged"),
}


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(IMPORTABLE), help="What the rows are [default: told by the headers].")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True),
    default="data",
    show_default=True,
    help="The folder of YAML records the rows join.",
)
@click.option(
    "--map",
    "map_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML of `header: field` for other headers.",
)
@click.option("--dry-run", is_flag=True, help="Write nothing; print what would happen.")
@click.option("--update", is_flag=True, help="Overwrite records that exist and differ (the change is shown as a diff).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for annotations in GitHub Actions.",
)
@click.option(
    "--schemas",
    "schema_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help="Folder of the JSON Schemas the new files point editors to.",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help="Language of the messages [default: the site's, from mkdocs.yml, else zh].",
)
@max_mentees_option
@today_option
def command(
    file, kind, data_dir, map_file, dry_run, update, output_format, schema_dir, language, max_mentees, today
) -> None:
    """Turn the rows of a spreadsheet (.xlsx or .csv, UTF-8 or GBK) into records.

    \b
    Headers are field names or the labels the site shows (症状, 解决日期, Solved on ...);
    other headers can be named in --map. Cells may name people, products, skills and
    teams by name or id, states in Chinese (已验证), dates as real Excel dates or text
    (2026/4/12, 2026年4月12日), and several values separated by 、 ， , ; or line breaks.

    Every row is validated with the data folder before anything is written; a row with
    an error writes nothing and is reported at its cell, e.g. `台账.xlsx:案例!K14`.
    Exits 1 when any row has an error.
    """
    try:
        mapping = read_mapping(Path(map_file)) if map_file else None
    except MapError as error:
        raise click.ClickException(printable(str(error))) from None
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
    )
    plan = plan_import(request)
    if not dry_run and not plan.stopped:
        _write(plan, Path(data_dir), Path(schema_dir))
    if output_format == "json":
        click.echo(_as_json(plan, dry_run))
    else:
        colour = output_format == "text" and sys.stdout.isatty()
        click.echo(render_report(plan.report, output_format, 1, colour, language or configured_language()))
        for line in _action_lines(plan, dry_run):
            click.echo(line)
    sys.exit(1 if plan.report.errors or plan.stopped else 0)


def _write(plan: Plan, data_dir: Path, schema_dir: Path) -> None:
    written = [o for o in plan.outcomes if o.action in ("create", "update") and o.placed is not None]
    if written:
        write_schemas(schema_dir)
    for outcome in written:
        assert outcome.placed is not None
        target = outcome.placed.source.path
        try:
            write_inside(data_dir, target, outcome.placed.text)  # plan_import refused every way out
        except OSError as error:
            reason = error.strerror or str(error)
            raise click.ClickException(f"cannot write {printable(str(target))}: {printable(reason)}") from None


def _action_lines(plan: Plan, dry_run: bool) -> list[str]:
    lines = []
    for outcome in plan.outcomes:
        if outcome.action in ("create", "update"):
            lines.append(f"{VERBS[outcome.action][dry_run]} {printable(outcome.shown)}  ({_row(outcome)})")
        if outcome.action == "update":
            lines += _diff(outcome)
    if plan.stopped:
        lines.append(f"Nothing written: {plan.stopped}.")
        return lines
    lines.append(_summary(plan, dry_run))
    if plan.problems_before:
        lines.append(f"The data folder had {plan.problems_before} errors before the import; `kb validate` lists them.")
    return lines


def _row(outcome: Outcome) -> str:
    return f"{printable(outcome.row.sheet.shown)} row {outcome.row.number}"


def _diff(outcome: Outcome) -> list[str]:
    assert outcome.placed is not None
    shown = printable(outcome.shown)
    lines = difflib.unified_diff(
        outcome.old_text.splitlines(), outcome.placed.text.splitlines(), shown, shown, lineterm=""
    )
    return ["    " + printable(line) for line in lines]


def _summary(plan: Plan, dry_run: bool) -> str:
    counts = {action: len(plan.of(action)) for action in ("create", "update", "unchanged", "failed")}
    total = len(plan.outcomes)
    written = "would be written" if dry_run else "written"
    text = (
        f"{total} row{'s' if total != 1 else ''} read: {counts['create']} {written}, "
        f"{counts['update']} {'would be updated' if dry_run else 'updated'}, {counts['unchanged']} unchanged"
    )
    if counts["failed"]:
        text += f", {counts['failed']} not written (errors above)"
    return text + ("; dry run: nothing was written." if dry_run else ".")


def _as_json(plan: Plan, dry_run: bool) -> str:
    payload = json.loads(render_report(plan.report, "json", 1))
    payload["dry_run"] = dry_run
    payload["stopped"] = plan.stopped or None
    payload["rows"] = [
        {
            "sheet": printable(outcome.row.sheet.shown),
            "row": outcome.row.number,
            "kind": outcome.row.kind,
            "id": printable(outcome.row.id),
            "file": printable(outcome.shown) or None,
            "action": outcome.action,
        }
        for outcome in plan.outcomes
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2)
