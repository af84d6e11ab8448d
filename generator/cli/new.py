"""`kb new KIND`: write a new record that validates, with the editor schema line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator import scaffold
from generator.cli.options import data_option, parse_today
from generator.diagnostics import Report
from generator.pipeline import check
from generator.report import as_text
from generator.schema import write_schemas
from generator.settings import Settings
from generator.shapes import ROLES, SESSION_FORMATS
from generator.slug import is_id

schemas_option = click.option(
    "--schemas",
    "schema_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help="Folder of the JSON Schemas that the new file points editors to.",
)


def _id_option(function):
    return click.option("--id", "record_id", help="Use this id instead of the one made from the title or name.")(
        function
    )


def _date_option(name: str, help_text: str):
    return click.option(name, callback=parse_today, metavar="YYYY-MM-DD", help=help_text + " [default: today]")


@click.group("new")
def command() -> None:
    """Write a new record file, ready to fill in.

    The id is made from the title or name (pinyin for Chinese), the file starts
    with the `# yaml-language-server: $schema=...` line for editor autocompletion,
    and the new record is validated with the rest of the data.
    """


@command.command("case")
@click.option(
    "--title", prompt="Title (the problem in the customer's words)", help="The problem in the customer's words."
)
@click.option("--product", prompt="Product id", help="A products id from taxonomy.yml.")
@click.option("--author", prompt="Author (person id)", help="Your person id.")
@_date_option("--solved-on", "When the problem was solved.")
@_id_option
@data_option
@schemas_option
def new_case(title, product, author, solved_on, record_id, data_dir, schema_dir) -> None:
    """A solved case (starts as work in progress)."""
    day = solved_on or dt.date.today()
    record = scaffold.new_case(title, product, author, day, record_id)
    _write(record, Path(data_dir), Path(schema_dir), year=day.year)


@command.command("person")
@click.option("--name", prompt="Name", help="Display name, e.g. 张伟.")
@click.option("--team", prompt="Team id", help="A teams id from taxonomy.yml.")
@click.option("--role", type=click.Choice(ROLES), prompt="Role", help="field-service or technical-support.")
@_date_option("--joined", "When the person joined.")
@_id_option
@data_option
@schemas_option
def new_person(name, team, role, joined, record_id, data_dir, schema_dir) -> None:
    """An engineer or other staff member."""
    record = scaffold.new_person(name, team, role, joined or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("mentoring")
@click.option("--mentor", prompt="Mentor (person id)")
@click.option("--mentee", prompt="Mentee (person id)")
@click.option("--skill", prompt="Skill to teach (skill id)")
@click.option("--target", type=click.IntRange(1, 4), default=3, show_default=True, help="Target level 1-4.")
@_date_option("--started", "When the pair started.")
@_id_option
@data_option
@schemas_option
def new_mentoring(mentor, mentee, skill, target, started, record_id, data_dir, schema_dir) -> None:
    """A 传帮带 mentoring pair."""
    record = scaffold.new_mentoring(mentor, mentee, skill, target, started or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("session")
@click.option("--title", prompt="Title")
@click.option("--trainer", prompt="Trainer (person id)")
@click.option("--hours", type=click.FloatRange(min=0, min_open=True), default=2, show_default=True)
@click.option("--format", "session_format", type=click.Choice(SESSION_FORMATS), default="classroom", show_default=True)
@_date_option("--date", "When the session takes place.")
@_id_option
@data_option
@schemas_option
def new_session(title, trainer, hours, session_format, date, record_id, data_dir, schema_dir) -> None:
    """A training session (or a contest)."""
    record = scaffold.new_session(title, date or dt.date.today(), trainer, hours, session_format, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("path")
@click.option("--title", prompt="Title")
@_id_option
@data_option
@schemas_option
def new_path(title, record_id, data_dir, schema_dir) -> None:
    """A training path for new hires."""
    _write(scaffold.new_path(title, record_id), Path(data_dir), Path(schema_dir))


@command.command("award")
@click.option("--award", prompt="Award kind (awards id from taxonomy.yml)")
@click.option("--recipient", prompt="Recipient (person id)")
@click.option("--period", prompt="Period (2026, 2026-H2, 2026-Q3 or 2026-09)")
@click.option("--citation", prompt="Citation (what the recipient did)")
@_date_option("--awarded-on", "When the award was given.")
@_id_option
@data_option
@schemas_option
def new_award(award, recipient, period, citation, awarded_on, record_id, data_dir, schema_dir) -> None:
    """An honour: a title, a contest place or a commendation."""
    record = scaffold.new_award(award, recipient, period, awarded_on or dt.date.today(), citation, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


def _write(record: scaffold.NewRecord, data_dir: Path, schema_dir: Path, year: int | None = None) -> None:
    if not is_id(record.record_id):
        raise click.BadParameter(
            f"`{record.record_id}` is not a valid id; use lower-case letters, digits and hyphens", param_hint="--id"
        )
    target = record.path(data_dir, year)
    if target.exists():
        raise click.ClickException(f"{target} already exists; choose another --id")
    write_schemas(schema_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, schema_dir), encoding="utf-8")
    checked = check(Settings(data_dir))
    own = [item for item in checked.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.unlink()
        click.echo(as_text(Report(own), 1), err=True)
        click.echo("Not written: fix the values above and run the command again.", err=True)
        sys.exit(1)
    click.echo(f"Wrote {target}; it validates. Open it and fill in the details.")
