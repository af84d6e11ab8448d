"""`kb import FILE`: records from a team's spreadsheet, each problem reported at its cell."""

from __future__ import annotations

import click

from generator.cli.kinds_digest import digest
from generator.cli.language import say, startup_language
from generator.cli.mistakes import Choice, Command, ExistingPath
from generator.cli.options import max_mentees_option, today_option
from generator.columns import display_width
from generator.constants import IMPORTED_STATE
from generator.language import LANGUAGES
from generator.report import FORMATS

_HEADER_COLUMNS = 72  # display columns of a line of the header table in --help


def _header_table() -> str:
    """The headers a 台账 is read by, besides the field names and labels, as --help shows them
    (the ledger kind declares them, generator/kinds/; a header is named once there and shown from
    there). A Chinese help names each field by its label and leaves out the English headers, an
    English one the reverse."""
    chinese = startup_language() == "zh"
    table = digest()
    lines = ["\b"]
    rows = [(label if chinese else name, headers) for name, label, headers in table.ledger_fields]
    rows.append((say("help-import-passed-over"), table.passed_over))
    for name, headers in rows:
        lead = name + " " * max(1, 20 - display_width(name))
        shown = tuple(header for header in headers if not (chinese and header.isascii()))
        for line in _lines_of(shown, _HEADER_COLUMNS - 20):
            lines.append(lead + line)
            lead = " " * 20
    return "\n".join("    " + line for line in lines)  # indented as the docstrings around it, which click dedents


def _lines_of(words: tuple[str, ...], columns: int) -> list[str]:
    lines = [""]
    for word in words:
        if lines[-1] and display_width(f"{lines[-1]} {word}") > columns:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


class _ImportCommand(Command):
    """`kb import`, whose help holds the table of the headers a 台账 is read by: made when the
    help is shown (a mistake answers without it)."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.help = say("help-import") + _header_table() + say("help-import-after-headers")
        super().format_help_text(ctx, formatter)


@click.command(
    "import",
    cls=_ImportCommand,
    short_help=say("help-import-short"),
)
@click.argument("file", type=ExistingPath())
@click.option(
    "--kind",
    type=Choice(digest().importable),
    help=say("help-import-kind"),
)
@click.option(
    "--data",
    "data_dir",
    type=ExistingPath(folder=True),
    default="data",
    show_default=True,
    help=say("help-import-data"),
)
@click.option(
    "--map",
    "map_file",
    type=ExistingPath(),
    help=say("help-import-map"),
)
@click.option(
    "--state",
    type=Choice(digest().states),
    default=IMPORTED_STATE,
    show_default=True,
    help=say("help-import-state"),
)
@click.option("--dry-run", is_flag=True, help=say("help-import-dry-run"))
@click.option(
    "--update",
    is_flag=True,
    help=say("help-import-update"),
)
@click.option(
    "--format",
    "output_format",
    type=Choice(FORMATS),
    default="text",
    show_default=True,
    help=say("help-import-format"),
)
@click.option(
    "--schemas",
    "schema_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help=say("help-import-schemas"),
)
@click.option(
    "--language",
    type=Choice(LANGUAGES),
    help=say("help-import-language"),
)
@max_mentees_option
@today_option
def command(
    file, kind, data_dir, map_file, state, dry_run, update, output_format, schema_dir, language, max_mentees, today
) -> None:
    from generator.cli.importing import run_import

    run_import(
        file, kind, data_dir, map_file, state, dry_run, update, output_format, schema_dir, language, max_mentees, today
    )
