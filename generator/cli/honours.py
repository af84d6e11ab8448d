"""`kb honours PERIOD`: the honour roll of a period as an announcement to send or print."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import config_file_option, data_option, language_choice, site_of, today_option
from generator.language import decide_language
from generator.periods import Period, parse_period

_HELP = say("help-honours")


def _period(_ctx: click.Context, _param: click.Parameter, value: str) -> Period:
    wanted = parse_period(value)
    if wanted is None:
        raise click.BadParameter(say("help-honours-not-a-period", period=value))
    return wanted


@click.command(
    "honours",
    cls=Command,
    help=_HELP,
    short_help=say("help-honours-short"),
)
@click.argument("period", callback=_period)
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="announcements",
    show_default=True,
    help=say("help-honours-out"),
)
@language_choice("help-honours-language")
@config_file_option("help-honours-config-file")
@today_option
def command(period: Period, data_dir: str, out_dir: str, language: str | None, config_file: str, today) -> None:
    from generator.honours import announcement, awards_in, periods_with_awards
    from generator.model import build_dataset
    from generator.pipeline import check
    from generator.report import as_text
    from generator.settings import Settings

    wanted = period
    language = decide_language(language, Path(config_file))
    checked = check(Settings(Path(data_dir), today or dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        sys.exit(1)
    data = build_dataset(checked.context)
    if not awards_in(data, wanted):
        known = ", ".join(periods_with_awards(data)) or say("help-honours-no-periods")
        raise click.ClickException(say("help-honours-none-awarded", period=wanted.text, known=known))
    site_name, site_url = site_of(Path(config_file))
    result = announcement(data, wanted, language, site_name, site_url)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    for suffix, text in (("md", result.markdown), ("html", result.html)):
        (target / f"honours-{wanted.text}.{suffix}").write_text(text, encoding="utf-8")
    count = len(awards_in(data, wanted))
    click.echo(say("help-honours-done", target=target, period=wanted.text, count=count))
