"""The `kb` command: one small module per sub-command."""

from __future__ import annotations

import click

from generator.cli import build, demo, honours, new, schema, serve, validate


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    """


main.add_command(build.command)
main.add_command(serve.command)
main.add_command(validate.command)
main.add_command(schema.command)
main.add_command(new.command)
main.add_command(demo.command)
main.add_command(honours.command)
