"""`kb build`: validate, render, build with MkDocs in strict mode and check the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build.site import BuildRequest, BuildResult, build
from generator.cli.language import Command, say
from generator.cli.options import max_mentees_option, today_option
from generator.messages import MESSAGES, text
from generator.report import as_text, printable
from generator.settings import LANGUAGES

config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, exists=True),
    default="mkdocs.yml",
    show_default=True,
    help=say("MkDocs 的配置文件。", "The MkDocs configuration."),
)
data_override = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True),
    help=say(
        "YAML 记录所在的文件夹 [默认：mkdocs.yml 里的设置，否则 data]。",
        "The folder of YAML records [default: from mkdocs.yml, data].",
    ),
)
cache_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=say(
        "生成的页面写到哪里 [默认：mkdocs.yml 里的设置，否则 .cache/pages]。",
        "Where generated pages are materialised [default: from mkdocs.yml, .cache/pages].",
    ),
)
language_option = click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help=say(
        "网站和消息的语言 [默认：mkdocs.yml 里的设置，否则 zh]。", "Site language [default: from mkdocs.yml, zh]."
    ),
)

_HELP = say(
    """构建网站：检查记录，生成每个页面，把 `mkdocs build --strict` 构建到一个新文件夹，检查每个链接、锚点和图片，全部通过后才替换原来的网站。任何一步失败，原来的网站都保持不变，退出码为 1。""",
    """Build the site: validate the records, render every page, run
    `mkdocs build --strict` into a new folder, check every link, anchor and
    image, and only then replace the previous site. Any failure leaves the
    previous site untouched and exits 1.
    """,
)


@click.command(
    "build",
    cls=Command,
    help=_HELP,
    short_help=say("把网站构建到 site/（检查记录和链接）。", "Build the site into site/ (validated, link-checked)."),
)
@config_option
@data_override
@language_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False),
    help=say("构建到哪里 [默认：mkdocs.yml 里的设置，否则 site]。", "Where to build [default: from mkdocs.yml, site]."),
)
@click.option(
    "--check-external",
    is_flag=True,
    help=say("也检查指向其他网站的链接（需要联网）。", "Also check links to other websites (needs network)."),
)
@cache_option
@max_mentees_option
@today_option
def command(config_file, data_dir, language, site_dir, check_external, cache_dir, max_mentees, today) -> None:
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
    language = result.language  # the site's, as mkdocs.yml and --language decide

    def words(key: str, **args) -> str:
        return text(key, **args).render(language)

    prepared = result.prepared
    if prepared is not None and prepared.report.items:
        click.echo(as_text(prepared.report, prepared.checked.files, sys.stdout.isatty(), language))
    if result.error:
        click.echo(click.style(words("build-error"), fg="red", bold=True) + result.error, err=True)
    for problem in result.problems:
        click.echo(printable(f"{problem.page}: error: {problem.reason}: {problem.url}"))
    if not result.ok:
        if result.problems:
            click.echo(words("build-broken-links", count=len(result.problems)), err=True)
        elif prepared is not None and not prepared.ok:
            click.echo(words("build-records-have-errors"), err=True)
        sys.exit(1)
    click.echo(words("build-done", pages=result.pages, site=result.site_dir, seconds=f"{result.seconds:.1f}"))
    click.echo(words("build-stages", stages=_stages(result)))


def _stages(result: BuildResult) -> str:
    """`validate and render 1.2 s, mkdocs build 3.4 s, …` in the site's language."""
    language = result.language
    shown = []
    for name, seconds in result.stages.items():
        key = "stage-" + name.replace(" ", "-")
        stage = text(key) if key in MESSAGES else name  # a stage without words yet keeps its own name
        shown.append(text("build-stage", name=stage, seconds=f"{seconds:.1f}").render(language))
    return text("list-separator").render(language).join(shown)
