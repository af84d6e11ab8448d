"""`kb schema`: write the JSON Schemas that editors use to autocomplete and check records."""

from __future__ import annotations

from pathlib import Path

import click

from generator.schema import schema_texts, write_schemas


@click.command("schema")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help="Folder to write the schema files into.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the files in --out are not up to date.")
def command(out_dir: str, check: bool) -> None:
    """Write one JSON Schema per record kind, generated from the record shapes.

    Editors with the YAML language server read them through the
    `# yaml-language-server: $schema=...` line that `kb new` writes.
    """
    target = Path(out_dir)
    if check:
        stale = [
            name
            for name, text in schema_texts().items()
            if not (target / name).exists() or (target / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise click.ClickException(f"out of date in {out_dir}: {', '.join(stale)}; run `kb schema`")
        click.echo(f"Schemas in {out_dir} are up to date.")
        return
    written = write_schemas(target)
    click.echo(f"Wrote {len(written)} schema file(s) to {out_dir} ({len(schema_texts())} in all).")
