"""`kb honours PERIOD`: the honour roll of a period as an announcement to send or print."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.cli.options import data_option, today_option
from generator.honours import announcement, awards_in, parse_period, periods_with_awards
from generator.model import build_dataset
from generator.pipeline import check
from generator.report import as_text
from generator.settings import LANGUAGES, Settings


@click.command("honours")
@click.argument("period")
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="announcements",
    show_default=True,
    help="Where to write the Markdown and HTML files.",
)
@click.option("--language", type=click.Choice(LANGUAGES), default="zh", show_default=True)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False),
    default="mkdocs.yml",
    show_default=True,
    help="Where the site name and site_url (for links to the cases) are read from, if it exists.",
)
@today_option
def command(period: str, data_dir: str, out_dir: str, language: str, config_file: str, today) -> None:
    """Write the honour roll of PERIOD (2026, 2026-H2, 2026-Q3 or 2026-09) as
    honours-PERIOD.md, ready to paste into a message, and honours-PERIOD.html,
    ready to print. Awards of shorter periods inside PERIOD are included.
    """
    wanted = parse_period(period)
    if wanted is None:
        raise click.BadParameter(
            f"`{period}` is not a period; write 2026, 2026-H2, 2026-Q3 or 2026-09", param_hint="PERIOD"
        )
    checked = check(Settings(Path(data_dir), today or dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files), err=True)
        sys.exit(1)
    data = build_dataset(checked.context)
    if not awards_in(data, wanted):
        known = ", ".join(periods_with_awards(data)) or "none"
        raise click.ClickException(f"no honours were awarded for {wanted.text}; periods with honours: {known}")
    site_name, site_url = _site(Path(config_file))
    result = announcement(data, wanted, language, site_name, site_url)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    for suffix, text in (("md", result.markdown), ("html", result.html)):
        (target / f"honours-{wanted.text}.{suffix}").write_text(text, encoding="utf-8")
    click.echo(f"Wrote {target}/honours-{wanted.text}.md and .html ({len(awards_in(data, wanted))} honours).")


def _site(config_file: Path) -> tuple[str, str]:
    if not config_file.is_file():
        return "", ""
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return "", ""
    return config.site_name, config.site_url or ""
