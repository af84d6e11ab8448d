"""Options shared by the commands that read records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.cli.language import say

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, dir_okay=True, exists=True),
    default="data",
    show_default=True,
    help=say("YAML 记录所在的文件夹。", "The folder of YAML records."),
)


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            say(f"`{value}` 不是 YYYY-MM-DD 形式的日期", f"`{value}` is not a date in YYYY-MM-DD form")
        ) from None


max_mentees_option = click.option(
    "--max-mentees",
    type=click.IntRange(min=1),
    help=say(
        "师傅同时带的徒弟超过这个数时给出警告 [默认：3]。",
        "Warn when a mentor has more active mentees than this [default: 3].",
    ),
)

skip_option = click.option(
    "--skip",
    multiple=True,
    metavar="CODE|CHECK",
    help=say(
        "不运行这项检查（KB703 这样的代码，或检查的名字）；可以给多次。",
        "Do not run this check (a code such as KB703, or a check's name); may be given several times.",
    ),
)

today_option = click.option(
    "--today",
    callback=parse_today,
    metavar="YYYY-MM-DD",
    help=say(
        "把这个日期当作今天（用于复审日期）；默认是真实的日期。",
        "Treat this date as today (for review dates); default: the real date.",
    ),
)


def site_of(config_file: Path) -> tuple[str, str]:
    """The site's name and site_url from the MkDocs configuration, or empty when it has none."""
    from mkdocs.config import load_config  # only the commands that need the site import MkDocs
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        return "", ""
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return "", ""
    return config.site_name, config.site_url or ""
