"""`kb demo`: write a synthetic data folder of any size, for trying the tool at scale."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_option

_HELP = say("help-demo")


@click.command(
    "demo",
    cls=Command,
    help=_HELP,
    short_help=say("help-demo-short"),
)
@click.option("--cases", type=click.IntRange(min=1), default=1000, show_default=True, help=say("help-demo-cases"))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    required=True,
    help=say("help-demo-out"),
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help=say("help-demo-seed"),
)
@click.option(
    "--tickets",
    type=click.IntRange(min=0),
    help=say("help-demo-tickets"),
)
@language_option
def command(cases: int, out_dir: str, seed: int, tickets: int | None) -> None:
    from generator.synthetic import write_synthetic

    target = Path(out_dir)
    if target.exists() and any(target.iterdir()):
        raise click.ClickException(say("help-demo-not-empty", target=target))
    write_synthetic(target, cases, seed, tickets)
    count = 10 * cases if tickets is None else tickets
    click.echo(say("help-demo-done", cases=cases, count=count, target=target, seed=seed))
