"""`kb validate`: check every record and report each problem at its file and line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_choice, max_mentees_option, skip_option, today_option
from generator.language import decide_language
from generator.report import FORMATS

_HELP = say("help-validate")


@click.command("validate", cls=Command, help=_HELP, short_help=say("help-validate-short"))
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--data",
    "data_option",
    type=click.Path(file_okay=False, exists=True),
    help=say("help-validate-data"),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=say("help-validate-format"),
)
@click.option("--strict", is_flag=True, help=say("help-validate-strict"))
@language_choice("help-validate-language")
@skip_option
@max_mentees_option
@today_option
def command(
    paths: tuple[str, ...],
    data_option: str | None,
    output_format: str,
    strict: bool,
    language: str | None,
    skip: tuple[str, ...],
    max_mentees: int | None,
    today,
) -> None:
    folders = [p for p in paths if Path(p).is_dir()]
    files = [p for p in paths if not Path(p).is_dir()]
    if len(folders) > 1 or (folders and data_option):
        raise click.UsageError(say("help-validate-one-data-folder"))
    data_dir = (folders or [data_option or "data"])[0]
    if not Path(data_dir).is_dir():
        raise click.UsageError(say("help-validate-no-data-folder", data_dir=data_dir))
    outside = [f for f in files if not Path(f).resolve().is_relative_to(Path(data_dir).resolve())]
    if outside:
        raise click.UsageError(
            say("help-validate-outside", files=say("listing-separator").join(outside), data_dir=data_dir)
        )
    from generator.diagnostics import Report
    from generator.pipeline import check
    from generator.report import render_report
    from generator.settings import DEFAULT_MAX_MENTEES, Settings

    settings = Settings(
        Path(data_dir),
        today or dt.date.today(),
        language=decide_language(language),
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
    click.echo(render_report(report, output_format, counted, colour, settings.language))
    sys.exit(1 if report.fails(strict) else 0)
