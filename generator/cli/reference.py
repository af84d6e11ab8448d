"""`kb reference`: write docs/records.md, the record format generated from the record shapes."""

from __future__ import annotations

from pathlib import Path

import click

from generator.anchors import REFERENCE_FILE
from generator.cli.language import Command, say
from generator.render.reference import reference_markdown

_HELP = say(
    """写出记录格式说明：每种记录、每个字段、类型、是否必填和允许的值。

    它和 `kb validate`、JSON Schema 出自同一份结构定义，所以不会和它们不一致；网站的 /reference/ 页面显示同样的内容。
    """,
    """Write the record reference: every kind, field, type, required-ness and allowed value.

    It is generated from the same shapes as `kb validate` and the JSON Schemas, so it
    cannot drift from them; the site shows the same reference at /reference/.
    """,
)


@click.command(
    "reference",
    cls=Command,
    help=_HELP,
    short_help=say("写出记录格式说明 docs/records.md。", "Write docs/records.md, the record format."),
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),
    default=REFERENCE_FILE,
    show_default=True,
    help=say("把记录格式说明写到哪个文件。", "File to write the record reference into."),
)
@click.option(
    "--check",
    is_flag=True,
    help=say("什么都不写；--out 不是最新时退出码为 1。", "Write nothing; exit 1 if --out is not up to date."),
)
def command(out_file: str, check: bool) -> None:
    target, text = Path(out_file), reference_markdown()
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    up_to_date = say(f"{out_file} 是最新的。", f"{out_file} is up to date.")
    if check:
        if current != text:
            raise click.ClickException(
                say(f"{out_file} 不是最新的；请运行 `kb reference`", f"{out_file} is out of date; run `kb reference`")
            )
        click.echo(up_to_date)
        return
    if current == text:
        click.echo(up_to_date)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(say(f"已写入 {out_file}。", f"Wrote {out_file}."))
