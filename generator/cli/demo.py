"""`kb demo`: write a synthetic data folder of any size, for trying the tool at scale."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.synthetic import write_synthetic

_HELP = say(
    """写出一个逼真的合成数据文件夹：人员、案例（中英文文字，用到每个字段）、传帮带、培训场次、培训路径和荣誉，比例合理。""",
    """Write a realistic synthetic data folder: people, cases (Chinese and English
    text, every field used), mentoring, sessions, paths and awards in proportion.
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
def command(cases: int, out_dir: str, seed: int) -> None:
    target = Path(out_dir)
    if target.exists() and any(target.iterdir()):
        raise click.ClickException(
            say(f"{target} 不是空的；请换一个新文件夹", f"{target} is not empty; choose a new folder")
        )
    write_synthetic(target, cases, seed)
    click.echo(
        say(
            f"已把含 {cases} 个案例的合成数据文件夹写到 {target}/（种子 {seed}）。",
            f"Wrote a synthetic data folder with {cases} cases to {target}/ (seed {seed}).",
        )
    )
