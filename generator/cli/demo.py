"""`kb demo`: write a synthetic data folder of any size, for trying the tool at scale."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.synthetic import write_synthetic

_HELP = say(
    """写出一个逼真的合成数据文件夹：人员、案例（中英文文字，用到每个字段）、传帮带、培训场次、培训路径和荣誉，比例合理，
    还有一份工单导出（tickets/*.csv，带 CRM 导出里常见的其他列）。""",
    """Write a realistic synthetic data folder: people, cases (Chinese and English
    text, every field used), mentoring, sessions, paths and awards in proportion, and
    a ticket export (tickets/*.csv, with the extra columns a CRM export has).
    """,
)


@click.command(
    "demo",
    cls=Command,
    help=_HELP,
    short_help=say("写出任意规模的合成数据文件夹。", "Write a synthetic data folder of any size."),
)
@click.option(
    "--cases", type=click.IntRange(min=1), default=1000, show_default=True, help=say("案例的数量。", "How many cases.")
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    required=True,
    help=say("一个空的或新的文件夹。", "An empty or new folder."),
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help=say("同样的种子写出同样的记录。", "The same seed writes the same records."),
)
@click.option(
    "--tickets",
    type=click.IntRange(min=0),
    help=say(
        "data/tickets/ 里工单的数量 [默认：每个案例十张]。",
        "How many service tickets in data/tickets/ [default: ten per case].",
    ),
)
def command(cases: int, out_dir: str, seed: int, tickets: int | None) -> None:
    target = Path(out_dir)
    if target.exists() and any(target.iterdir()):
        raise click.ClickException(
            say(f"{target} 不是空的；请换一个新文件夹", f"{target} is not empty; choose a new folder")
        )
    write_synthetic(target, cases, seed, tickets)
    count = 10 * cases if tickets is None else tickets
    click.echo(
        say(
            f"已把含 {cases} 个案例、{count} 张工单的合成数据文件夹写到 {target}/（种子 {seed}）。",
            f"Wrote a synthetic data folder with {cases} cases and {count} tickets to {target}/ (seed {seed}).",
        )
    )
