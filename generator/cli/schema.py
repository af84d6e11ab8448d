"""`kb schema`: write the JSON Schemas that editors use to autocomplete and check records."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_option

_HELP = say("help-schema")


@click.command(
    "schema",
    cls=Command,
    help=_HELP,
    short_help=say("help-schema-short"),
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help=say("help-schema-out"),
)
@click.option(
    "--check",
    is_flag=True,
    help=say("help-schema-check"),
)
@language_option
def command(out_dir: str, check: bool) -> None:
    from generator.schema import schema_texts, write_schemas

    target = Path(out_dir)
    if check:
        stale = [
            name
            for name, text in schema_texts().items()
            if not (target / name).exists() or (target / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise click.ClickException(say("help-schema-out-of-date", out_dir=out_dir, stale=", ".join(stale)))
        click.echo(say("help-schema-up-to-date", out_dir=out_dir))
        return
    written, total = len(write_schemas(target)), len(schema_texts())
    click.echo(say("help-schema-wrote", written=written, out_dir=out_dir, total=total))
