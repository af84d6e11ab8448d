"""`kb new KIND`: write a new record that validates, with the editor schema line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.language import say, startup_language
from generator.cli.mistakes import Group
from generator.cli.options import data_option, language_option, parse_today
from generator.constants import ROLES, SESSION_FORMATS

if TYPE_CHECKING:
    from generator.scaffold import NewRecord

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


@command.command("case", help=say("help-new-case"))
@click.option(
    "--title",
    prompt=say("help-new-case-title-prompt"),
    help=say("help-new-case-title"),
)
@click.option(
    "--product",
    prompt=say("help-new-case-product-prompt"),
    help=say("help-new-case-product"),
)
@click.option("--author", prompt=say("help-new-case-author-prompt"), help=say("help-new-case-author"))
@_date_option("--solved-on", say("help-new-case-solved-on"))
@_id_option
@data_option
@schemas_option
@language_option
def new_case(title, product, author, solved_on, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    day = solved_on or dt.date.today()
    record = scaffold.new_case(title, product, author, day, record_id)
    _write(record, Path(data_dir), Path(schema_dir), year=day.year)


@command.command("person", help=say("help-new-person"))
@click.option("--name", prompt=say("help-new-person-name-prompt"), help=say("help-new-person-name"))
@click.option("--team", prompt=say("help-new-person-team-prompt"), help=say("help-new-person-team"))
@click.option(
    "--role",
    type=click.Choice(ROLES),
    prompt=say("help-new-person-role-prompt"),
    help=say("help-new-person-role"),
)
@_date_option("--joined", say("help-new-person-joined"))
@_id_option
@data_option
@schemas_option
@language_option
def new_person(name, team, role, joined, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    record = scaffold.new_person(name, team, role, joined or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("mentoring", help=say("help-new-mentoring"))
@click.option(
    "--mentor",
    prompt=say("help-new-mentoring-mentor-prompt"),
    help=say("help-new-mentoring-mentor"),
)
@click.option(
    "--mentee",
    prompt=say("help-new-mentoring-mentee-prompt"),
    help=say("help-new-mentoring-mentee"),
)
@click.option("--skill", prompt=say("help-new-mentoring-skill-prompt"), help=say("help-new-mentoring-skill"))
@click.option(
    "--target",
    type=click.IntRange(1, 4),
    default=3,
    show_default=True,
    help=say("help-new-mentoring-target"),
)
@_date_option("--started", say("help-new-mentoring-started"))
@_id_option
@data_option
@schemas_option
@language_option
def new_mentoring(mentor, mentee, skill, target, started, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    record = scaffold.new_mentoring(mentor, mentee, skill, target, started or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("session", help=say("help-new-session"))
@click.option("--title", prompt=say("help-new-session-title-prompt"), help=say("help-new-session-title"))
@click.option(
    "--trainer",
    prompt=say("help-new-session-trainer-prompt"),
    help=say("help-new-session-trainer"),
)
@click.option(
    "--hours",
    type=click.FloatRange(min=0, min_open=True),
    default=2,
    show_default=True,
    help=say("help-new-session-hours"),
)
@click.option(
    "--format",
    "session_format",
    type=click.Choice(SESSION_FORMATS),
    default="classroom",
    show_default=True,
    help=say("help-new-session-format"),
)
@_date_option("--date", say("help-new-session-date"))
@_id_option
@data_option
@schemas_option
@language_option
def new_session(title, trainer, hours, session_format, date, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    record = scaffold.new_session(title, date or dt.date.today(), trainer, hours, session_format, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("path", help=say("help-new-path"))
@click.option("--title", prompt=say("help-new-path-title-prompt"), help=say("help-new-path-title"))
@_id_option
@data_option
@schemas_option
@language_option
def new_path(title, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    _write(scaffold.new_path(title, record_id), Path(data_dir), Path(schema_dir))


@command.command("award", help=say("help-new-award"))
@click.option(
    "--award",
    prompt=say("help-new-award-award-prompt"),
    help=say("help-new-award-award"),
)
@click.option(
    "--recipient",
    prompt=say("help-new-award-recipient-prompt"),
    help=say("help-new-award-recipient"),
)
@click.option(
    "--period",
    prompt=say("help-new-award-period-prompt"),
    help=say("help-new-award-period"),
)
@click.option(
    "--citation",
    prompt=say("help-new-award-citation-prompt"),
    help=say("help-new-award-citation"),
)
@_date_option("--awarded-on", say("help-new-award-awarded-on"))
@_id_option
@data_option
@schemas_option
@language_option
def new_award(award, recipient, period, citation, awarded_on, record_id, data_dir, schema_dir) -> None:
    from generator import scaffold

    record = scaffold.new_award(award, recipient, period, awarded_on or dt.date.today(), citation, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


def _write(record: NewRecord, data_dir: Path, schema_dir: Path, year: int | None = None) -> None:
    from generator.diagnostics import Report
    from generator.pipeline import check
    from generator.report import as_text
    from generator.schema import write_schemas
    from generator.settings import Settings
    from generator.slug import is_id

    if not is_id(record.record_id):
        raise click.BadParameter(
            say("help-new-not-an-id", id=record.record_id),
            param_hint="--id",
        )
    target = record.path(data_dir, year)
    if target.exists():
        raise click.ClickException(say("help-new-exists", target=target))
    write_schemas(schema_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, schema_dir), encoding="utf-8")
    language = startup_language()
    checked = check(Settings(data_dir, language=language))
    own = [item for item in checked.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.unlink()
        click.echo(as_text(Report(own), 1, language=language), err=True)
        click.echo(
            say("help-new-not-written"),
            err=True,
        )
        sys.exit(1)
    click.echo(say("help-new-done", target=target))
