"""`kb honours PERIOD`: the honour roll of a period as an announcement to send or print."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.cli.options import data_option, site_of, today_option
from generator.honours import announcement, awards_in, parse_period, periods_with_awards
from generator.language import LANGUAGES, decide_language
from generator.model import build_dataset
from generator.pipeline import check
from generator.report import as_text
from generator.settings import Settings

_HELP = say(
    """把期间 PERIOD（2026、2026-H2、2026-Q3 或 2026-09）的光荣榜写成 honours-PERIOD.md（可以直接贴进消息）和 honours-PERIOD.html（可以打印）。PERIOD 之内更短期间的荣誉也包括在内。""",
    """Write the honour roll of PERIOD (2026, 2026-H2, 2026-Q3 or 2026-09) as
    honours-PERIOD.md, ready to paste into a message, and honours-PERIOD.html,
    ready to print. Awards of shorter periods inside PERIOD are included.
    """,
)


@click.command(
    "honours",
    cls=Command,
    help=_HELP,
    short_help=say("某个期间的光荣榜，用来发送或打印。", "The honour roll of a period, to send or print."),
)
@click.argument("period")
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="announcements",
    show_default=True,
    help=say("Markdown 和 HTML 文件写到哪里。", "Where to write the Markdown and HTML files."),
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help=say(
        "公告和消息的语言 [默认：网站的语言，否则 zh]。", "Language of the announcement [default: the site's, else zh]."
    ),
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False),
    default="mkdocs.yml",
    show_default=True,
    help=say(
        "从哪里读网站名称和 site_url（指向案例的链接要用），如果有这个文件。",
        "Where the site name and site_url (for links to the cases) are read from, if it exists.",
    ),
)
@today_option
def command(period: str, data_dir: str, out_dir: str, language: str | None, config_file: str, today) -> None:
    wanted = parse_period(period)
    if wanted is None:
        raise click.BadParameter(
            say(
                f"`{period}` 不是期间；请写 2026、2026-H2、2026-Q3 或 2026-09",
                f"`{period}` is not a period; write 2026, 2026-H2, 2026-Q3 or 2026-09",
            ),
            param_hint="PERIOD",
        )
    language = decide_language(language, Path(config_file))
    checked = check(Settings(Path(data_dir), today or dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        sys.exit(1)
    data = build_dataset(checked.context)
    if not awards_in(data, wanted):
        known = ", ".join(periods_with_awards(data)) or say("没有", "none")
        raise click.ClickException(
            say(
                f"{wanted.text} 没有颁发荣誉；有荣誉的期间：{known}",
                f"no honours were awarded for {wanted.text}; periods with honours: {known}",
            )
        )
    site_name, site_url = site_of(Path(config_file))
    result = announcement(data, wanted, language, site_name, site_url)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    for suffix, text in (("md", result.markdown), ("html", result.html)):
        (target / f"honours-{wanted.text}.{suffix}").write_text(text, encoding="utf-8")
    count = len(awards_in(data, wanted))
    click.echo(
        say(
            f"已写入 {target}/honours-{wanted.text}.md 和 .html（{count} 项荣誉）。",
            f"Wrote {target}/honours-{wanted.text}.md and .html ({count} honours).",
        )
    )
