"""`kb validate`: check every record and report each problem at its file and line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.options import max_mentees_option, skip_option, today_option
from generator.diagnostics import Report
from generator.pipeline import check
from generator.report import FORMATS, render_report
from generator.settings import DEFAULT_MAX_MENTEES, Settings


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--data",
    "data_option",
    type=click.Path(file_okay=False, exists=True),
    help="The folder of YAML records, when PATHS are files [default: data].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for annotations in GitHub Actions.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@skip_option
@max_mentees_option
@today_option
def command(
    paths: tuple[str, ...],
    data_option: str | None,
    output_format: str,
    strict: bool,
    skip: tuple[str, ...],
    max_mentees: int | None,
    today,
) -> None:
    """Check the records in a data folder (default: data/).

    PATHS is the data folder, or record files inside it: then every record is
    still checked (references cross files) but only problems in those files are
    reported, as a pre-commit hook wants.

    Prints `file:line:column: error CODE: message` for each problem, sorted by
    file and line, then a count. Exits 1 when there are errors (or, with
    --strict, warnings), 0 otherwise.
    """
    folders = [p for p in paths if Path(p).is_dir()]
    files = [p for p in paths if not Path(p).is_dir()]
    if len(folders) > 1 or (folders and data_option):
        raise click.UsageError("give one data folder, either as PATHS or as --data")
    data_dir = (folders or [data_option or "data"])[0]
    if not Path(data_dir).is_dir():
        raise click.UsageError(f"the data folder `{data_dir}` does not exist; give it with --data")
    outside = [f for f in files if not Path(f).resolve().is_relative_to(Path(data_dir).resolve())]
    if outside:
        raise click.UsageError(f"not inside the data folder {data_dir}: {', '.join(outside)}")
    settings = Settings(
        Path(data_dir),
        today or dt.date.today(),
        shown_root=data_dir.rstrip("/") or ".",
        max_mentees=max_mentees or DEFAULT_MAX_MENTEES,
        skip=frozenset(skip),
        show_progress=output_format == "text",
    )
    checked = check(settings)
    report, counted = checked.report, checked.files
    if files:
        wanted = {Path(f).resolve() for f in files}
        report = Report([item for item in report.items if Path(item.file).resolve() in wanted])
        counted = len(files)
    colour = output_format == "text" and sys.stdout.isatty()
    click.echo(render_report(report, output_format, counted, colour))
    sys.exit(1 if report.fails(strict) else 0)
