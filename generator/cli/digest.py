"""`kb digest MONTH`: the private monthly note to each engineer, written outside the site.

The notes go into a folder that is neither the site, kb/ nor the data folder; each file is
written beside its place and renamed over it (never through a symbolic link), so a failure
leaves the notes that were there as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click

from generator.cli.files_out import write_beside
from generator.cli.language import say
from generator.cli.mistakes import Command, Failure, Mistake
from generator.cli.options import config_file_option, data_option, language_choice, site_folders, today_option
from generator.language import decide_language
from generator.messages import words
from generator.report import printable

MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


@click.command("digest", cls=Command, help=say("help-digest"), short_help=say("help-digest-short"))
@click.argument("month")
@data_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help=say("help-digest-out"))
@language_choice("help-digest-language")
@config_file_option("help-digest-config-file")
@today_option
def command(
    month: str, data_dir: str, out_dir: str | None, language: str | None, config_file: str, today: dt.date | None
) -> None:
    if not MONTH.match(month):
        raise click.BadParameter(say("help-digest-not-a-month", month=printable(month)), param_hint="MONTH")
    target = Path(out_dir or Path("digest") / month)
    language = decide_language(language, Path(config_file))
    _refuse_published_places(target, Path(config_file), Path(data_dir), language)
    _refuse_links(target, language)
    written = _notes(month, Path(data_dir), data_dir, language, Path(config_file), today)
    _write(target, {f"{note.person}{suffix}": body for note in written for suffix, body in note.files()}, language)
    click.echo(words("help-digest-done", language).format(count=len(written), month=month, target=target))


def _notes(month: str, data: Path, shown: str, language: str, config_file: Path, today: dt.date | None) -> list:
    from generator.cli.options import site_of
    from generator.digest import notes
    from generator.model import build_dataset
    from generator.periods import parse_period
    from generator.pipeline import check
    from generator.report import as_text
    from generator.settings import Settings

    checked = check(Settings(data, today or dt.date.today(), language, shown_root=shown))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        raise SystemExit(1)
    site_name, _ = site_of(config_file)
    written = notes(build_dataset(checked.context), parse_period(month), language, site_name)
    if not written:
        raise Failure(words("help-digest-nobody", language).format(month=month))
    return written


def _refuse_published_places(target: Path, config_file: Path, data_dir: Path, language: str) -> None:
    """A note is private: never written where the site is built from or to, nor among the records."""
    where = target.resolve()
    for folder in (*site_folders(config_file), data_dir):
        if where == folder.resolve() or where.is_relative_to(folder.resolve()):
            message = words("help-digest-inside", language).format(out=printable(str(target)), folder=folder)
            raise Mistake(message, click.get_current_context())


def _refuse_links(target: Path, language: str) -> None:
    """The folder is a plain folder or new: a link could lead the notes anywhere."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise Failure(words("help-digest-not-a-folder", language).format(out=printable(str(target))))


def _write(target: Path, files: dict[str, str], language: str) -> None:
    """Every note whole or not at all (generator/cli/files_out.py), private: the manager's to send,
    nobody else's to read."""
    try:
        write_beside(target, files, 0o600)
    except OSError as error:
        reason = printable(error.strerror or type(error).__name__)
        message = words("help-digest-cannot-write", language).format(out=printable(str(target)), reason=reason)
        raise Failure(message) from None
