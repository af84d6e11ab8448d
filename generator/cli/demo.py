"""`kb demo`: write a synthetic data folder of any size, for trying the tool at scale."""

from __future__ import annotations

from pathlib import Path

import click

from generator.synthetic import write_synthetic


@click.command("demo")
@click.option("--cases", type=click.IntRange(min=1), default=1000, show_default=True, help="How many cases.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True, help="An empty or new folder.")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed writes the same records.")
@click.option(
    "--tickets",
    type=click.IntRange(min=0),
    help="How many service tickets in data/tickets/ [default: ten per case].",
)
def command(cases: int, out_dir: str, seed: int, tickets: int | None) -> None:
    """Write a realistic synthetic data folder: people, cases (Chinese and English
    text, every field used), mentoring, sessions, paths and awards in proportion, and
    a ticket export (tickets/*.csv, with the extra columns a CRM export has).
    """
    target = Path(out_dir)
    if target.exists() and any(target.iterdir()):
        raise click.ClickException(f"{target} is not empty; choose a new folder")
    write_synthetic(target, cases, seed, tickets)
    count = 10 * cases if tickets is None else tickets
    click.echo(f"Wrote a synthetic data folder with {cases} cases and {count} tickets to {target}/ (seed {seed}).")
