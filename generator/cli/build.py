"""`kb build`: validate, render, build with MkDocs in strict mode and check the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build.site import BuildRequest, build
from generator.cli.options import max_mentees_option, today_option
from generator.report import as_text, printable
from generator.settings import LANGUAGES

config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, exists=True),
    default="mkdocs.yml",
    show_default=True,
    help="The MkDocs configuration.",
)
data_override = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True),
    help="The folder of YAML records [default: from mkdocs.yml, data].",
)
cache_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Where generated pages are materialised [default: from mkdocs.yml, .cache/pages].",
)
language_option = click.option(
    "--language", type=click.Choice(LANGUAGES), help="Site language [default: from mkdocs.yml, zh]."
)


@click.command("build")
@config_option
@data_override
@language_option
@click.option(
    "-d", "--site-dir", type=click.Path(file_okay=False), help="Where to build [default: from mkdocs.yml, site]."
)
@click.option("--check-external", is_flag=True, help="Also check links to other websites (needs network).")
@cache_option
@max_mentees_option
@today_option
def command(config_file, data_dir, language, site_dir, check_external, cache_dir, max_mentees, today) -> None:
    """Build the site: validate the records, render every page, run
    `mkdocs build --strict` into a new folder, check every link, anchor and
    image, and only then replace the previous site. Any failure leaves the
    previous site untouched and exits 1.
    """
    request = BuildRequest(
        Path(config_file),
        Path(data_dir) if data_dir else None,
        language,
        today,
        Path(site_dir) if site_dir else None,
        check_external,
        Path(cache_dir) if cache_dir else None,
        max_mentees=max_mentees,
        show_progress=True,
    )
    result = build(request, lambda line: click.echo(line, err=True))
    prepared = result.prepared
    if prepared is not None and prepared.report.items:
        click.echo(as_text(prepared.report, prepared.checked.files, colour=sys.stdout.isatty()))
    if result.error:
        click.echo(click.style("Error: ", fg="red", bold=True) + result.error, err=True)
    for problem in result.problems:
        click.echo(printable(f"{problem.page}: error: {problem.reason}: {problem.url}"))
    if not result.ok:
        if result.problems:
            click.echo(f"{len(result.problems)} broken link(s); the previous site was left in place.", err=True)
        elif prepared is not None and not prepared.ok:
            click.echo("The records have errors; the previous site was left in place.", err=True)
        sys.exit(1)
    click.echo(f"Built {result.pages} pages into {result.site_dir}/ in {result.seconds:.1f} s; links checked.")
    click.echo("Stages: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.stages.items()))
