"""`kb export --format xlsx`: every kind of record as a sheet of one workbook, for managers."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.options import data_option, today_option
from generator.pipeline import check
from generator.render.labels import LANGUAGES
from generator.report import as_text
from generator.settings import Settings


@click.command("export")
@click.option("--format", "output_format", type=click.Choice(["xlsx"]), default="xlsx", show_default=True)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),
    default="records.xlsx",
    show_default=True,
    help="The workbook.",
)
@click.option("--language", type=click.Choice(LANGUAGES), default="zh", show_default=True, help="Headers and labels.")
@data_option
@today_option
def command(output_format: str, out_file: str, language: str, data_dir: str, today) -> None:
    """Write every kind of record as a sheet of an Excel workbook.

    Cases, people and sessions have the headers `kb import` reads, so importing the
    workbook gives the same records back; mentoring, paths and awards are for reading.
    The records must validate first.
    """
    from generator.model import build_dataset
    from generator.sheets.export import CellTooLong, export_workbook

    checked = check(Settings(Path(data_dir), today or dt.date.today(), shown_root=data_dir.rstrip("/") or "."))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files), err=True)
        click.echo("Nothing exported: fix the errors above first.", err=True)
        sys.exit(1)
    try:
        workbook = export_workbook(build_dataset(checked.context), language)
    except CellTooLong as error:
        raise click.ClickException(str(error)) from None
    try:
        workbook.save(out_file)
    except OSError as error:
        raise click.ClickException(f"cannot write {out_file}: {error.strerror}") from None
    sheets = ", ".join(f"{sheet.title} ({sheet.max_row - 1})" for sheet in workbook.worksheets)
    click.echo(f"Wrote {out_file} ({output_format}): {sheets}.")
