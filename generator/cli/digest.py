"""`kb digest MONTH`: the private monthly note to each engineer, written outside the site."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.cli.options import data_option, site_folders, site_of, today_option
from generator.digest import notes
from generator.language import LANGUAGES, decide_language
from generator.messages import words
from generator.model import build_dataset
from generator.periods import parse_period
from generator.pipeline import check
from generator.report import as_text
from generator.settings import Settings

MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


@click.command("digest", cls=Command, help=say("help-digest"), short_help=say("help-digest-short"))
@click.argument("month")
@data_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help=say("help-digest-out"))
@click.option("--language", type=click.Choice(LANGUAGES), help=say("help-digest-language"))
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False),
    default="mkdocs.yml",
    show_default=True,
    help=say("help-digest-config-file"),
)
@today_option
def command(
    month: str, data_dir: str, out_dir: str | None, language: str | None, config_file: str, today: dt.date | None
) -> None:
    period = parse_period(month) if MONTH.match(month) else None
    if period is None:
        raise click.BadParameter(say("help-digest-not-a-month", month=month), param_hint="MONTH")
    target = Path(out_dir or Path("digest") / month)
    language = decide_language(language, Path(config_file))
    _refuse_published_places(target, Path(config_file), Path(data_dir), language)
    checked = check(Settings(Path(data_dir), today or dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        sys.exit(1)
    site_name, _ = site_of(Path(config_file))
    written = notes(build_dataset(checked.context), period, language, site_name)
    if not written:
        raise click.ClickException(words("help-digest-nobody", language).format(month=month))
    target.mkdir(parents=True, exist_ok=True)
    for note in written:
        (target / f"{note.person}.md").write_text(note.markdown, encoding="utf-8")
        (target / f"{note.person}.html").write_text(note.html, encoding="utf-8")
    click.echo(words("help-digest-done", language).format(count=len(written), month=month, target=target))


def _refuse_published_places(target: Path, config_file: Path, data_dir: Path, language: str) -> None:
    """A note is private: never written where the site is built from or to, nor among the records."""
    where = target.resolve()
    for folder in (*site_folders(config_file), data_dir):
        if where == folder.resolve() or where.is_relative_to(folder.resolve()):
            raise click.UsageError(words("help-digest-inside", language).format(out=target, folder=folder))
