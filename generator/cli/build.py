"""`kb build`: validate, render, build with MkDocs in strict mode and check the site."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.cli.language import Command, say, startup_language
from generator.cli.options import max_mentees_option, today_option
from generator.language import LANGUAGES
from generator.messages import MESSAGES, text
from generator.publish.site import BuildRequest, BuildResult, build, merge_parts
from generator.report import as_text, printable
from generator.settings import Part

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


def _parse_part(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Part | None:
    if value is None:
        return None
    try:
        return Part.parse(value)
    except ValueError:
        raise click.BadParameter(_said("build-shard-invalid", value=value)) from None


def _said(key: str, **args) -> str:
    """A catalogue message in the language of the command line: usage errors come before
    the configuration, and so the site's language, is read."""
    return text(key, **args).render(startup_language())


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
@click.option(
    "--shard",
    "part",
    metavar="I/N",
    callback=_parse_part,
    help=say(
        "只构建 N 个部分中的第 I 个（在 N 台机器上分别构建，再用 --merge 合并）：全部共用页面，"
        "加上按路径哈希分到这一部分的记录页面和它们的搜索索引 [默认文件夹：site-part-I-of-N]。",
        "Build part I of N (on N machines, merged with --merge): every shared page, the record pages "
        "a hash of their path gives to this part, and their search index [default folder: site-part-I-of-N].",
    ),
)
@click.option(
    "--merge",
    is_flag=True,
    help=say(
        "把 `--shard` 构建的各部分（给出它们的文件夹）合并成网站，检查链接，然后替换原来的网站。",
        "Merge the parts built with --shard (give their folders) into the site, check its links, then swap it in.",
    ),
)
@click.option(
    "--stats",
    type=click.Path(dir_okay=False, writable=True),
    help=say(
        "把各阶段用时和每个进程的内存峰值以 JSON 写到这个文件（用于性能测试）。",
        "Write the time of each stage and the peak memory of each process to this file as JSON (for benchmarks).",
    ),
)
@click.argument("parts", nargs=-1, type=click.Path(file_okay=False, exists=True))
@cache_option
@max_mentees_option
@today_option
def command(
    config_file, data_dir, language, site_dir, check_external, part, merge, stats, parts, cache_dir, max_mentees, today
) -> None:
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
    language = result.language  # the site's, as mkdocs.yml and --language decide
    if stats:
        Path(stats).write_text(json.dumps(result.statistics(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

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
    result = merge_parts(request, [Path(folder) for folder in parts], lambda line: click.echo(line, err=True))

    def words(key: str, **args) -> str:
        return text(key, **args).render(result.language)

    if result.error:
        click.echo(click.style(words("build-error"), fg="red", bold=True) + printable(result.error), err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(printable(f"{problem.page}: error: {problem.reason}: {problem.url}"))
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
