"""`kb new KIND`: write a new record that validates, with the editor schema line.

Its sub-commands are the kinds that declare a scaffold, each with the options its kind
declares (generator/kinds/), read from the digest of the table (generator/cli/kinds_digest.py)
so that their help and a mistake on their command line answer without importing the kinds;
writing a record reads the table itself.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.cli.kinds_digest import NewKind, NewOption, digest
from generator.cli.language import say, startup_language
from generator.cli.mistakes import Group
from generator.cli.options import data_option, parse_today
from generator.language import LANGUAGES

if TYPE_CHECKING:
    from generator.record_text import NewRecord

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


def _option(kind: NewKind, option: NewOption):
    """A kind's scaffold option as a click option: its help and question are the kind's
    `help-new-<kind>-<option>` and `help-new-<kind>-<option>-prompt`."""
    key = f"help-new-{kind.name}-{option.name.removeprefix('--')}"
    language = startup_language()
    if option.value == "date":
        return _date_option(option.name, kind.say(key, language))
    settings: dict[str, Any] = {"help": kind.say(key, language)}
    if option.prompt:
        settings["prompt"] = kind.say(f"{key}-prompt", language)
    if option.value in VALUE_TYPES:
        settings["type"] = VALUE_TYPES[option.value]
    elif option.value == "choice":
        settings["type"] = click.Choice(option.choices)
    if option.default is not None:
        settings.update(default=option.default, show_default=True)
    return click.option(option.name, option.dest, **settings)


VALUE_TYPES = {"level": click.IntRange(1, 4), "hours": click.FloatRange(min=0, min_open=True), "number": click.FLOAT}


def _kind_command(kind: NewKind) -> None:
    """`kb new <kind>`: the kind's options, then --id, --data, --schemas and --language."""
    dates = [option.dest for option in kind.options if option.value == "date"]

    def new(record_id: str | None, data_dir: str, schema_dir: str, language: str | None, **values: Any) -> None:
        from generator.kinds import RECORD_KIND
        from generator.language import decide_language

        declared = RECORD_KIND[kind.name]
        assert declared.scaffold is not None
        values |= {name: values[name] or dt.date.today() for name in dates}
        language = decide_language(language)  # the site's: of the file's comments and of the check's messages
        record = declared.scaffold.make(**values, record_id=record_id, language=language)
        year = values[declared.sub_folders].year if declared.sub_folders in values else None
        _write(record, Path(data_dir), Path(schema_dir), language, year=year)

    decorated = _id_option(data_option(schemas_option(_language_option(new))))
    for option in reversed(kind.options):
        decorated = _option(kind, option)(decorated)
    command.command(kind.name, help=kind.say(f"help-new-{kind.name}", startup_language()))(decorated)


for _kind in digest().new_kinds:
    _kind_command(_kind)


def _write(record: NewRecord, data_dir: Path, schema_dir: Path, language: str, year: int | None = None) -> None:
    """Write the record and check it with the rest of the data; say what happened in `language`."""
    from generator.diagnostics import Report
    from generator.messages import CATALOGUE, text
    from generator.pipeline import check
    from generator.report import as_text
    from generator.schema import write_schemas
    from generator.settings import Settings
    from generator.slug import is_id

    if not is_id(record.record_id):
        raise click.BadParameter(text("help-new-not-an-id", id=record.record_id).render(language), param_hint="--id")
    target = record.path(data_dir, year)
    if target.exists():  # a kind kept in one file says what to do instead (`help-new-glossary-exists`)
        exists = f"help-new-{record.kind}-exists"
        raise click.ClickException(
            text(exists if exists in CATALOGUE else "help-new-exists", target=target).render(language)
        )
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
