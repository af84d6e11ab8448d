"""`kb build`: validate, render, build with MkDocs in strict mode and check the site."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.language import say, startup_language
from generator.cli.mistakes import Command
from generator.cli.options import config_file_option, language_choice, max_mentees_option, today_option
from generator.messages import MESSAGES, text
from generator.report import as_text, printable

if TYPE_CHECKING:
    from generator.publish.site import BuildRequest, BuildResult
    from generator.settings import Part

config_option = config_file_option("help-build-config-file", must_exist=True)
data_override = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True),
    help=say("help-build-data"),
)
cache_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=say("help-build-cache-dir"),
)
language_option = language_choice("help-build-language")


def _parse_part(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Part | None:
    if value is None:
        return None
    from generator.settings import Part

    try:
        return Part.parse(value)
    except ValueError:
        raise click.BadParameter(_said("build-shard-invalid", value=value)) from None


def _said(key: str, **args) -> str:
    """A catalogue message in the language of the command line: usage errors come before
    the configuration, and so the site's language, is read."""
    return text(key, **args).render(startup_language())


_HELP = say("help-build")


@click.command(
    "build",
    cls=Command,
    help=_HELP,
    short_help=say("help-build-short"),
)
@config_option
@data_override
@language_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False),
    help=say("help-build-site-dir"),
)
@click.option(
    "--check-external",
    is_flag=True,
    help=say("help-build-check-external"),
)
@click.option(
    "--shard",
    "part",
    metavar="I/N",
    callback=_parse_part,
    help=say("help-build-shard"),
)
@click.option(
    "--merge",
    is_flag=True,
    help=say("help-build-merge"),
)
@click.option(
    "--stats",
    type=click.Path(dir_okay=False, writable=True),
    help=say("help-build-stats"),
)
@click.argument("parts", nargs=-1, type=click.Path(file_okay=False, exists=True))
@cache_option
@max_mentees_option
@today_option
def command(
    config_file, data_dir, language, site_dir, check_external, part, merge, stats, parts, cache_dir, max_mentees, today
) -> None:
    from generator.publish.site import BuildRequest, build

    _check_merge_options(part, merge, parts)
    if merge:
        _merge(BuildRequest(Path(config_file), language=language, site_dir=Path(site_dir) if site_dir else None), parts)
        return
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
        part=part,
    )
    result = build(request, lambda line: click.echo(line, err=True))
    if stats:
        Path(stats).write_text(json.dumps(result.statistics(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _show(result, part)


def _show(result: BuildResult, part: Part | None) -> None:
    """What the build did, or why it failed (exit 1), in the site's language."""
    language = result.language  # the site's, as mkdocs.yml and --language decide

    def words(key: str, **args) -> str:
        return text(key, **args).render(language)

    prepared = result.prepared
    if prepared is not None and prepared.report.items:
        click.echo(as_text(prepared.report, prepared.checked.files, sys.stdout.isatty(), language))
    if result.error:
        click.echo(click.style(words("build-error"), fg="red", bold=True) + result.error, err=True)
    for problem in result.problems:
        click.echo(problem.line(language))
    if not result.ok:
        if result.problems:
            click.echo(words("build-broken-links", count=len(result.problems)), err=True)
        elif prepared is not None and not prepared.ok:
            click.echo(words("build-records-have-errors"), err=True)
        sys.exit(1)
    seconds = f"{result.seconds:.1f}"
    if part is not None:
        click.echo(
            words("build-part-done", part=part.label, own=result.part_pages, site=result.site_dir, seconds=seconds)
        )
    else:
        click.echo(words("build-done", pages=result.pages, site=result.site_dir, seconds=seconds))
    click.echo(words("build-stages", stages=_stages(result)))


def _check_merge_options(part: Part | None, merge: bool, parts: tuple[str, ...]) -> None:
    if merge and part is not None:
        raise click.UsageError(_said("merge-shard-and-merge"))
    if merge and not parts:
        raise click.UsageError(_said("merge-needs-parts"))
    if parts and not merge:
        raise click.UsageError(_said("merge-parts-without-merge", folders=" ".join(parts)))


def _merge(request: BuildRequest, parts: tuple[str, ...]) -> None:
    from generator.publish.site import merge_parts

    result = merge_parts(request, [Path(folder) for folder in parts], lambda line: click.echo(line, err=True))

    def words(key: str, **args) -> str:
        return text(key, **args).render(result.language)

    if result.error:
        click.echo(click.style(words("build-error"), fg="red", bold=True) + printable(result.error), err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(problem.line(result.language))
    if result.problems:
        click.echo(words("build-broken-links", count=len(result.problems)), err=True)
        sys.exit(1)
    seconds = f"{result.seconds:.1f}"
    click.echo(words("merge-done", parts=result.parts, site=result.site_dir, seconds=seconds))


def _stages(result: BuildResult) -> str:
    """`validate and render 1.2 s, mkdocs build 3.4 s, …` in the site's language."""
    language = result.language
    shown = []
    for name, seconds in result.stages.items():
        key = "stage-" + name.replace(" ", "-")
        stage = text(key) if key in MESSAGES else name  # a stage without words yet keeps its own name
        shown.append(text("build-stage", name=stage, seconds=f"{seconds:.1f}").render(language))
    return text("list-separator").render(language).join(shown)
