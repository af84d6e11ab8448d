"""`kb reference`: write docs/records.md, the record format generated from the record shapes."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_option
from generator.constants import REFERENCE_FILE

_HELP = say("help-reference")


@click.command(
    "reference",
    cls=Command,
    help=_HELP,
    short_help=say("help-reference-short"),
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),
    default=REFERENCE_FILE,
    show_default=True,
    help=say("help-reference-out"),
)
@click.option(
    "--check",
    is_flag=True,
    help=say("help-reference-check"),
)
@language_option
def command(out_file: str, check: bool) -> None:
    from generator.render.reference import reference_markdown

    target, text = Path(out_file), reference_markdown()
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    up_to_date = say("help-reference-up-to-date", out_file=out_file)
    if check:
        if current != text:
            raise click.ClickException(say("help-reference-out-of-date", out_file=out_file))
        click.echo(up_to_date)
        return
    if current == text:
        click.echo(up_to_date)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(say("help-reference-wrote", out_file=out_file))
