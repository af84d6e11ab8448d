"""`kb schema`: write the JSON Schemas that editors use to autocomplete and check records."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.schema import schema_texts, write_schemas

_HELP = say(
    """为每种记录写一个 JSON Schema，由记录的结构定义生成。

    带 YAML language server 的编辑器通过 `kb new` 写的 `# yaml-language-server: $schema=...` 这一行读取它们。
    """,
    """Write one JSON Schema per record kind, generated from the record shapes.

    Editors with the YAML language server read them through the
    `# yaml-language-server: $schema=...` line that `kb new` writes.
    """,
)


@click.command(
    "schema",
    cls=Command,
    help=_HELP,
    short_help=say("写出编辑器自动补全用的 JSON Schema。", "Write the JSON Schemas editors use for autocompletion."),
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help=say("把 schema 文件写到哪个文件夹。", "Folder to write the schema files into."),
)
@click.option(
    "--check",
    is_flag=True,
    help=say(
        "什么都不写；--out 里的文件不是最新时退出码为 1。",
        "Write nothing; exit 1 if the files in --out are not up to date.",
    ),
)
def command(out_dir: str, check: bool) -> None:
    target = Path(out_dir)
    if check:
        stale = [
            name
            for name, text in schema_texts().items()
            if not (target / name).exists() or (target / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise click.ClickException(
                say(
                    f"{out_dir} 里这些不是最新的：{', '.join(stale)}；请运行 `kb schema`",
                    f"out of date in {out_dir}: {', '.join(stale)}; run `kb schema`",
                )
            )
        click.echo(say(f"{out_dir} 里的 schema 都是最新的。", f"Schemas in {out_dir} are up to date."))
        return
    written, total = len(write_schemas(target)), len(schema_texts())
    click.echo(
        say(
            f"已把 {written} 个 schema 文件写到 {out_dir}（共 {total} 个）。",
            f"Wrote {written} schema file(s) to {out_dir} ({total} in all).",
        )
    )
