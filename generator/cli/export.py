"""`kb export`: every kind of record as a sheet of one workbook, for managers (`--format xlsx`),
or as documents for a search server (`--format opensearch`)."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.language import say, startup_language
from generator.cli.mistakes import Choice, Command, ExistingPath, Failure, Mistake
from generator.cli.options import today_option
from generator.language import LANGUAGES, decide_language
from generator.messages import text
from generator.report import printable

if TYPE_CHECKING:
    from generator.settings import Settings

FORMATS = ("xlsx", "opensearch")
DEFAULT_OUT = {"xlsx": "records.xlsx", "opensearch": "opensearch"}

_HELP = say("help-export")


def _index_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from generator.opensearch.bulk import is_index_name

    if value is not None and not is_index_name(value):
        raise click.BadParameter(text("export-not-an-index-name", name=printable(value)).render(startup_language()))
    return value


@click.command(
    "export",
    cls=Command,
    help=_HELP,
    short_help=say("help-export-short"),
)
@click.option(
    "--format",
    "output_format",
    type=Choice(FORMATS),
    default="xlsx",
    show_default=True,
    help=say("help-export-format"),
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(),
    help=say("help-export-out"),
)
@click.option(
    "--index",
    "index_name",
    callback=_index_name,
    help=say("help-export-index"),
)
@click.option(
    "--language",
    type=Choice(LANGUAGES),
    help=say("help-export-language"),
)
@click.option(
    "--data",
    "data_dir",
    type=ExistingPath(folder=True),
    default="data",
    show_default=True,
    help=say("help-export-data"),
)
@today_option
def command(
    output_format: str, out_path: str | None, index_name: str | None, language: str | None, data_dir: str, today
) -> None:
    language = decide_language(language)
    if index_name is not None and output_format != "opensearch":
        raise Mistake(text("export-index-only-opensearch").render(startup_language()), click.get_current_context())
    from generator.settings import Settings

    out = out_path or DEFAULT_OUT[output_format]
    settings = Settings(Path(data_dir), today or dt.date.today(), shown_root=data_dir.rstrip("/") or ".")
    if output_format == "opensearch":
        _opensearch(settings, Path(out), index_name, language)
    else:
        _xlsx(settings, out, language)


def _xlsx(settings: Settings, out_file: str, language: str) -> None:
    from generator.model import build_dataset
    from generator.pipeline import check
    from generator.report import as_text
    from generator.sheets.export import CellRefused, export_workbook, workbook_bytes

    def words(key: str, **args) -> str:
        return text(key, **args).render(language)

    checked = check(settings)
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        click.echo(words("export-records-have-errors"), err=True)
        sys.exit(1)
    try:
        workbook = export_workbook(build_dataset(checked.context), language)
    except CellRefused as error:
        raise Failure(printable(error.words.render(language))) from None
    try:
        Path(out_file).write_bytes(workbook_bytes(workbook))
    except OSError as error:
        reason = printable(error.strerror or str(error))
        raise Failure(words("export-cannot-write", path=printable(out_file), reason=reason)) from None
    sheets = [words("export-xlsx-sheet", sheet=sheet.title, rows=sheet.max_row - 1) for sheet in workbook.worksheets]
    click.echo(words("export-xlsx-done", file=printable(out_file), sheets=words("list-separator").join(sheets)))


def _opensearch(settings: Settings, folder: Path, index_name: str | None, language: str) -> None:
    from generator.model import build_dataset
    from generator.opensearch.bulk import DEFAULT_INDEX
    from generator.opensearch.export import DoesNotFit, opensearch_export, write_export
    from generator.pipeline import check
    from generator.render.labels import Labels
    from generator.report import as_text

    def words(key: str, **args) -> str:
        return text(key, **args).render(language)

    index = index_name or DEFAULT_INDEX
    if folder.exists() and not folder.is_dir():
        raise Failure(words("export-not-a-folder", path=printable(str(folder))))
    checked = check(settings)
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        click.echo(words("export-records-have-errors"), err=True)
        sys.exit(1)
    try:
        export = opensearch_export(build_dataset(checked.context), index, language)
    except DoesNotFit as error:
        raise Failure(words("export-does-not-fit", problems=error)) from None
    if not export.documents:
        raise Failure(words("export-no-records", folder=printable(settings.shown)))
    try:
        mapping, bulk = write_export(export, folder)
    except OSError as error:
        where = error.filename or folder
        reason = printable(error.strerror or str(error))
        raise Failure(words("export-cannot-write", path=printable(str(where)), reason=reason)) from None
    labels = Labels(language)
    counts = words("list-separator").join(f"{labels['kind_' + kind]} {n}" for kind, n in export.counts.items())
    done = words(
        "export-opensearch-done", bulk=bulk, index=index, documents=export.documents, counts=counts, mapping=mapping
    )
    click.echo(done)
    click.echo(words("export-opensearch-next"))
    for line in _load_commands(export.bulk, index, mapping, bulk, words):
        click.echo(line)


def _load_commands(body: bytes, index: str, mapping: Path, bulk: Path, words) -> list[str]:
    """The shell commands that create the index and load the documents, in parts when the body is large."""
    from generator.opensearch.bulk import SPLIT_ABOVE, lines_per_chunk

    create = f"curl -XPUT \"$URL/{index}\" -H 'Content-Type: application/json' --data-binary {shlex.quote('@' + str(mapping))}"
    load = "curl -XPOST \"$URL/_bulk\" -H 'Content-Type: application/x-ndjson' --data-binary"
    if len(body) <= SPLIT_ABOVE:
        return [f"  {create}", f"  {load} {shlex.quote('@' + str(bulk))}"]
    parts = shlex.quote(str(bulk.with_name("part-")))
    return [
        f"  {create}",
        words("export-opensearch-split", bulk=bulk, size=f"{len(body) / 1_000_000:.0f}"),
        f"  split -l {lines_per_chunk(body)} {shlex.quote(str(bulk))} {parts}",
        f'  for part in {parts}*; do {load} "@$part"; done',
    ]
