"""The `kb` command: one small module per sub-command, imported only when it is used."""

from __future__ import annotations

import importlib

import click

# name -> module; each module defines `command`. Loading them lazily keeps `kb validate`
# from importing MkDocs, the theme and the renderer it does not need.
COMMANDS = {
    "build": "generator.cli.build",
    "serve": "generator.cli.serve",
    "validate": "generator.cli.validate",
    "new": "generator.cli.new",
    "schema": "generator.cli.schema",
    "honours": "generator.cli.honours",
    "demo": "generator.cli.demo",
    "search-report": "generator.cli.search_report",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        return importlib.import_module(module).command if module else None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="servicekb", prog_name="kb")
def main() -> None:
    """Service knowledge base: YAML records of cases, people, mentoring, training and
    honours, checked and built into a searchable site.

    \b
    Start with:
      kb serve               build the site and serve it with live reload
      kb build               build the site into site/ (validated, link-checked)
      kb validate            check every record in data/
      kb new case            write a new case with the editor schema line
      kb schema              write the JSON Schemas editors use for autocompletion
      kb honours 2026-Q3     the honour roll of a period, to send or print
      kb search-report LOG   the searches that found nothing, from the web server's log
    """
