"""The `kb` command: one small module per sub-command, imported only when it is used.

A command's module defines its command line alone (click, the catalogue's words, the plain
values of generator/constants.py) and imports what the command runs inside the command, so
`kb --help`, a command's help and a mistake on its command line answer at once
(tests/cli/test_help.py holds every module to it; benchmarks/CLI.md has the times).
"""

from __future__ import annotations

import importlib

import click

from generator.cli.language import say
from generator.cli.mistakes import Group

# name -> (module, the catalogue key of its one-line summary); each module defines
# `command`. Modules are imported only when their command runs (or shows its own help), so
# `kb --help` and `kb validate` do not import MkDocs, the theme or the renderer.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("generator.cli.build", "help-kb-build"),
    "serve": ("generator.cli.serve", "help-kb-serve"),
    "validate": ("generator.cli.validate", "help-kb-validate"),
    "new": ("generator.cli.new", "help-kb-new"),
    "schema": ("generator.cli.schema", "help-kb-schema"),
    "reference": ("generator.cli.reference", "help-kb-reference"),
    "honours": ("generator.cli.honours", "help-kb-honours"),
    "digest": ("generator.cli.digest", "help-kb-digest"),
    "demo": ("generator.cli.demo", "help-kb-demo"),
    "import": ("generator.cli.import_sheet", "help-kb-import"),
    "export": ("generator.cli.export", "help-kb-export"),
    "search-report": ("generator.cli.search_report", "help-kb-search-report"),
    "qr": ("generator.cli.qr", "help-kb-qr"),
    "contest": ("generator.cli.contest", "help-kb-contest"),
    "feedback-report": ("generator.cli.feedback_report", "help-kb-feedback-report"),
    "glossary-candidates": ("generator.cli.glossary_candidates", "help-kb-glossary-candidates"),
}


class LazyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = COMMANDS.get(name)
        return importlib.import_module(entry[0]).command if entry else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their summaries from the table, without importing a module."""
        rows = [(name, say(summary)) for name, (_module, summary) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


_HELP = say("help-kb")


@click.group(
    cls=LazyGroup,
    help=_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    package_name="servicekb", prog_name="kb", message=say("help-kb-version-line"), help=say("help-kb-version")
)
def main() -> None:
    pass
