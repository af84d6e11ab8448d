"""`kb validate`: check every record and report each problem at its file and line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import max_mentees_option, today_option
from generator.pipeline import check_folder
from generator.report import FORMATS, render_report


@click.command("validate")
@click.argument("data_dir", type=click.Path(file_okay=False, exists=True), default="data", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for annotations in GitHub Actions.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@max_mentees_option
@today_option
def command(data_dir: str, output_format: str, strict: bool, max_mentees: int | None, today) -> None:
    """Check the records in DATA_DIR (default: data/).

    Prints `file:line:column: error CODE: message` for each problem, sorted by
    file and line, then a count. Exits 1 when there are errors (or, with
    --strict, warnings), 0 otherwise.
    """
    checked = check_folder(Path(data_dir), data_dir.rstrip("/") or ".", today, output_format == "text", max_mentees)
    colour = output_format == "text" and sys.stdout.isatty()
    click.echo(render_report(checked.report, output_format, checked.files, colour))
    sys.exit(1 if checked.report.fails(strict) else 0)
