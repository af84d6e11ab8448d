"""Options shared by the commands that read records."""

from __future__ import annotations

import datetime as dt

import click

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, dir_okay=True, exists=True),
    default="data",
    show_default=True,
    help="The folder of YAML records.",
)


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"`{value}` is not a date in YYYY-MM-DD form") from None


max_mentees_option = click.option(
    "--max-mentees",
    type=click.IntRange(min=1),
    help="Warn when a mentor has more active mentees than this [default: 3].",
)

skip_option = click.option(
    "--skip",
    multiple=True,
    metavar="CODE|CHECK",
    help="Do not run this check (a code such as KB703, or a check's name); may be given several times.",
)

today_option = click.option(
    "--today",
    callback=parse_today,
    metavar="YYYY-MM-DD",
    help="Treat this date as today (for review dates); default: the real date.",
)
