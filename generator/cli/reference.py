"""`kb reference`: write docs/records.md, the record format generated from the record shapes."""

from __future__ import annotations

from pathlib import Path

import click

from generator.reference import REFERENCE_FILE
from generator.render.reference import reference_markdown


@click.command("reference")
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),
    default=REFERENCE_FILE,
    show_default=True,
    help="File to write the record reference into.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if --out is not up to date.")
def command(out_file: str, check: bool) -> None:
    """Write the record reference: every kind, field, type, required-ness and allowed value.

    It is generated from the same shapes as `kb validate` and the JSON Schemas, so it
    cannot drift from them; the site shows the same reference at /reference/.
    """
    target, text = Path(out_file), reference_markdown()
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current != text:
            raise click.ClickException(f"{out_file} is out of date; run `kb reference`")
        click.echo(f"{out_file} is up to date.")
        return
    if current == text:
        click.echo(f"{out_file} is up to date.")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out_file}.")
