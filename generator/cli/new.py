"""`kb new KIND`: write a new record that validates, with the editor schema line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from generator.cli.language import Group, configured_language, say
from generator.cli.options import data_option, parse_today
from generator.diagnostics import Report
from generator.kinds import SCAFFOLD_KINDS
from generator.kinds.kind import Option, RecordKind
from generator.pipeline import check
from generator.record_text import NewRecord
from generator.report import as_text
from generator.schema import write_schemas
from generator.settings import Settings
from generator.slug import is_id

schemas_option = click.option(
    "--schemas",
    "schema_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help=say(
        "新文件让编辑器去读的 JSON Schema 所在的文件夹。",
        "Folder of the JSON Schemas that the new file points editors to.",
    ),
)


def _id_option(function):
    return click.option(
        "--id",
        "record_id",
        help=say(
            "用这个 id，而不是从标题或姓名生成的 id。", "Use this id instead of the one made from the title or name."
        ),
    )(function)


def _date_option(name: str, help_text: str):
    default = say(" [默认：今天]", " [default: today]")
    return click.option(name, callback=parse_today, metavar="YYYY-MM-DD", help=help_text + default)


@click.group(
    "new",
    cls=Group,
    short_help=say("新建一条记录，带编辑器用的 schema 行。", "Write a new record file, ready to fill in."),
    help=say(
        """新建一个记录文件，等着填写。

        id 由标题或姓名生成（中文取拼音），文件以 `# yaml-language-server: $schema=...` 这一行开头，让编辑器能自动补全；新记录会和其余数据一起检查。
        """,
        """Write a new record file, ready to fill in.

        The id is made from the title or name (pinyin for Chinese), the file starts
        with the `# yaml-language-server: $schema=...` line for editor autocompletion,
        and the new record is validated with the rest of the data.
        """,
    ),
)
def command() -> None:
    pass


def _option(option: Option):
    """A kind's scaffold option (generator/kinds/) as a click option."""
    if option.value == "date":
        return _date_option(option.name, say(*option.help))
    settings: dict[str, Any] = {"help": say(*option.help)}
    if option.prompt is not None:
        settings["prompt"] = say(*option.prompt)
    if option.value in VALUE_TYPES:
        settings["type"] = VALUE_TYPES[option.value]
    elif option.value == "choice":
        settings["type"] = click.Choice(option.choices)
    if option.default is not None:
        settings.update(default=option.default, show_default=True)
    return click.option(option.name, option.dest, **settings)


VALUE_TYPES = {"level": click.IntRange(1, 4), "hours": click.FloatRange(min=0, min_open=True)}


def _kind_command(kind: RecordKind) -> None:
    """`kb new <kind>`: the kind's options, then --id, --data and --schemas."""
    scaffold = kind.scaffold
    assert scaffold is not None
    dates = [option.dest for option in scaffold.options if option.value == "date"]

    def new(record_id: str | None, data_dir: str, schema_dir: str, **values: Any) -> None:
        values |= {name: values[name] or dt.date.today() for name in dates}
        record = scaffold.make(**values, record_id=record_id)
        year = values[kind.sub_folders].year if kind.sub_folders in values else None
        _write(record, Path(data_dir), Path(schema_dir), year=year)

    decorated = _id_option(data_option(schemas_option(new)))
    for option in reversed(scaffold.options):
        decorated = _option(option)(decorated)
    command.command(kind.name, help=say(*scaffold.help))(decorated)


for _kind in SCAFFOLD_KINDS:
    _kind_command(_kind)


def _write(record: NewRecord, data_dir: Path, schema_dir: Path, year: int | None = None) -> None:
    if not is_id(record.record_id):
        raise click.BadParameter(
            say(
                f"`{record.record_id}` 不是有效的 id；请用英文小写字母、数字和连字符",
                f"`{record.record_id}` is not a valid id; use lower-case letters, digits and hyphens",
            ),
            param_hint="--id",
        )
    target = record.path(data_dir, year)
    if target.exists():
        raise click.ClickException(
            say(f"{target} 已经存在；请用 --id 换一个", f"{target} already exists; choose another --id")
        )
    write_schemas(schema_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, schema_dir), encoding="utf-8")
    checked = check(Settings(data_dir))
    own = [item for item in checked.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.unlink()
        click.echo(as_text(Report(own), 1, language=configured_language()), err=True)
        click.echo(
            say(
                "没有写入：请改正上面的值，再运行一次。", "Not written: fix the values above and run the command again."
            ),
            err=True,
        )
        sys.exit(1)
    click.echo(
        say(
            f"已写入 {target}，检查通过。打开它，填写细节。",
            f"Wrote {target}; it validates. Open it and fill in the details.",
        )
    )
