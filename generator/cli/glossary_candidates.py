"""`kb glossary-candidates`: propose glossary groups from the cases, as YAML to paste into
data/glossary.yml; with `--write`, and only once confirmed, append the new groups to it, its
existing text kept byte for byte (generator/glossary_candidates.py)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.language import say
from generator.cli.mistakes import Command, Failure
from generator.cli.options import data_option, language_option

if TYPE_CHECKING:
    from generator.pipeline import Checked

_HELP = say("help-glossary-candidates")
FILE = "glossary.yml"


@click.command("glossary-candidates", cls=Command, help=_HELP, short_help=say("help-kb-glossary-candidates"))
@data_option
@click.option("--write", is_flag=True, help=say("help-glossary-candidates-write"))
@language_option
def command(data_dir: str, write: bool) -> None:
    from generator.glossary_candidates import candidates, candidates_yaml, group_ids
    from generator.kinds.glossary import glossary_of
    from generator.model import build_dataset

    checked = _checked(Path(data_dir))
    data = build_dataset(checked.context)
    glossary = glossary_of(data)
    found = candidates(data, glossary)
    if not found:
        click.echo(say("glossary-candidates-none"))
        return
    ids = group_ids(found, {group.id for group in glossary.groups} if glossary else set())
    target = _glossary_file(checked, Path(data_dir))
    header = say("glossary-candidates-header", count=len(found), file=target)
    click.echo(f"# {header}\n" + ("" if glossary else "groups:\n") + candidates_yaml(found, ids, _language()))
    if write:
        _write(checked, target, candidates_yaml(found, ids, _language(), _indent(checked)), len(found))


def _language() -> str:
    from generator.cli.language import startup_language

    return startup_language()


def _checked(data_dir: Path) -> Checked:
    """The data folder validated; its errors printed and exit 1 when there are any."""
    from generator.pipeline import check
    from generator.report import render_report
    from generator.settings import Settings

    checked = check(Settings(data_dir, dt.date.today(), language=_language(), shown_root=str(data_dir)))
    if checked.report.errors:
        click.echo(render_report(checked.report, "text", checked.files, False, _language()), err=True)
        raise Failure(say("glossary-candidates-invalid"))
    return checked


def _glossary_file(checked: Checked, data_dir: Path) -> Path:
    records = checked.context.of("glossary")
    return records[0].source.path if records else data_dir / FILE


def _indent(checked: Checked) -> str:
    """The indentation of the glossary's items, or two spaces in a new file."""
    from generator.glossary_candidates import CannotAppend, item_indent

    records = checked.context.of("glossary")
    if not records:
        return "  "
    document = records[0].document
    try:
        return item_indent(document.text, document.keys.get(("groups", 0, "id")))
    except CannotAppend:
        raise Failure(say("glossary-candidates-cannot-append", file=records[0].source.path)) from None


def _write(checked: Checked, target: Path, items: str, count: int) -> None:
    """Append the items once confirmed; validate, and put the file back as it was if it fails."""
    from generator.glossary_candidates import appended
    from generator.pipeline import check
    from generator.report import render_report

    if not click.confirm(say("glossary-candidates-confirm", count=count, file=target), default=False, err=True):
        click.echo(say("glossary-candidates-not-written"), err=True)
        return
    original = target.read_bytes() if target.exists() else b""
    target.write_bytes(appended(original, items))
    again = check(checked.context.settings)
    own = [item for item in again.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.write_bytes(original) if original else target.unlink()
        click.echo(render_report(again.report, "text", again.files, False, _language()), err=True)
        click.echo(say("glossary-candidates-put-back", file=target), err=True)
        sys.exit(1)
    click.echo(say("glossary-candidates-written", count=count, file=target))
