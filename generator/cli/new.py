"""`kb new KIND`: write a new record that validates, with the editor schema line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from generator.cli.language import Group, say
from generator.cli.options import data_option, parse_today
from generator.diagnostics import Report
from generator.kinds import SCAFFOLD_KINDS
from generator.kinds.kind import Option, RecordKind
from generator.language import LANGUAGES, decide_language
from generator.messages import text
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
    help=say("help-new-schemas"),
)


def _id_option(function):
    return click.option(
        "--id",
        "record_id",
        help=say("help-new-id"),
    )(function)


def _language_option(function):
    return click.option("--language", type=click.Choice(LANGUAGES), help=say("help-new-language"))(function)


def _date_option(name: str, help_text: str):
    default = say("help-date-default-today")
    return click.option(name, callback=parse_today, metavar="YYYY-MM-DD", help=help_text + default)


@click.group(
    "new",
    cls=Group,
    short_help=say("help-new-short"),
    help=say("help-new"),
)
def command() -> None:
    pass


def _option(kind: RecordKind, option: Option):
    """A kind's scaffold option (generator/kinds/) as a click option: its help and question are
    the catalogue's `help-new-<kind>-<option>` and `help-new-<kind>-<option>-prompt`."""
    key = f"help-new-{kind.name}-{option.name.removeprefix('--')}"
    if option.value == "date":
        return _date_option(option.name, say(key))
    settings: dict[str, Any] = {"help": say(key)}
    if option.prompt:
        settings["prompt"] = say(f"{key}-prompt")
    if option.value in VALUE_TYPES:
        settings["type"] = VALUE_TYPES[option.value]
    elif option.value == "choice":
        settings["type"] = click.Choice(option.choices)
    if option.default is not None:
        settings.update(default=option.default, show_default=True)
    return click.option(option.name, option.dest, **settings)


VALUE_TYPES = {"level": click.IntRange(1, 4), "hours": click.FloatRange(min=0, min_open=True), "number": click.FLOAT}


def _kind_command(kind: RecordKind) -> None:
    """`kb new <kind>`: the kind's options, then --id, --data and --schemas."""
    scaffold = kind.scaffold
    assert scaffold is not None
    dates = [option.dest for option in scaffold.options if option.value == "date"]

    def new(record_id: str | None, data_dir: str, schema_dir: str, language: str | None, **values: Any) -> None:
        values |= {name: values[name] or dt.date.today() for name in dates}
        language = decide_language(language)  # the site's: of the file's comments and of the check's messages
        record = scaffold.make(**values, record_id=record_id, language=language)
        year = values[kind.sub_folders].year if kind.sub_folders in values else None
        _write(record, Path(data_dir), Path(schema_dir), language, year=year)

    decorated = _id_option(data_option(schemas_option(_language_option(new))))
    for option in reversed(scaffold.options):
        decorated = _option(kind, option)(decorated)
    command.command(kind.name, help=say(f"help-new-{kind.name}"))(decorated)


for _kind in SCAFFOLD_KINDS:
    _kind_command(_kind)


def _write(record: NewRecord, data_dir: Path, schema_dir: Path, language: str, year: int | None = None) -> None:
    """Write the record and check it with the rest of the data; say what happened in `language`."""
    if not is_id(record.record_id):
        raise click.BadParameter(text("help-new-not-an-id", id=record.record_id).render(language), param_hint="--id")
    target = record.path(data_dir, year)
    if target.exists():
        raise click.ClickException(text("help-new-exists", target=target).render(language))
    write_schemas(schema_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, schema_dir), encoding="utf-8")
    checked = check(Settings(data_dir, language=language))
    own = [item for item in checked.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.unlink()
        click.echo(as_text(Report(own), 1, language=language), err=True)
        click.echo(text("help-new-not-written").render(language), err=True)
        sys.exit(1)
    click.echo(text("help-new-done", target=target).render(language))
