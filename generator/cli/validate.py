"""`kb validate`: check every record and report each problem at its file and line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.cli.options import max_mentees_option, skip_option, today_option
from generator.diagnostics import Report
from generator.language import LANGUAGES, decide_language
from generator.pipeline import check
from generator.report import FORMATS, render_report
from generator.settings import DEFAULT_MAX_MENTEES, Settings

_HELP = say(
    """检查数据文件夹（默认 data/）里的记录。

    PATHS 是数据文件夹，或者其中的记录文件：这时仍然检查全部记录（引用会跨文件），但只报告这些文件里的问题，正适合 pre-commit 钩子。

    每个问题输出一行 `文件:行:列: error 代码: 消息`，按文件和行排序，最后是统计。有错误（加 --strict 时还有警告）时退出码为 1，否则为 0。

    消息默认用网站的语言（mkdocs.yml 里 servicekb 插件的 language，没有 mkdocs.yml 时看 KB_LANGUAGE），否则用中文。
    """,
    """Check the records in a data folder (default: data/).

    PATHS is the data folder, or record files inside it: then every record is
    still checked (references cross files) but only problems in those files are
    reported, as a pre-commit hook wants.

    Prints `file:line:column: error CODE: message` for each problem, sorted by
    file and line, then a count. Exits 1 when there are errors (or, with
    --strict, warnings), 0 otherwise.

    Messages are in the site's language (the servicekb plugin's language in
    mkdocs.yml, or KB_LANGUAGE without one), else in Chinese.
    """,
)


@click.command(
    "validate", cls=Command, help=_HELP, short_help=say("检查 data/ 里的每一条记录。", "Check every record in data/.")
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--data",
    "data_option",
    type=click.Path(file_okay=False, exists=True),
    help=say(
        "PATHS 是文件时，记录所在的文件夹 [默认：data]。",
        "The folder of YAML records, when PATHS are files [default: data].",
    ),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=say(
        "text 给人看，json 给工具用，github 是 GitHub Actions 里的标注。",
        "text for people, json for tools, github for annotations in GitHub Actions.",
    ),
)
@click.option("--strict", is_flag=True, help=say("有警告也算失败。", "Fail on warnings too."))
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help=say(
        "消息的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "Language of the messages [default: the site's, from mkdocs.yml, else zh].",
    ),
)
@skip_option
@max_mentees_option
@today_option
def command(
    paths: tuple[str, ...],
    data_option: str | None,
    output_format: str,
    strict: bool,
    language: str | None,
    skip: tuple[str, ...],
    max_mentees: int | None,
    today,
) -> None:
    folders = [p for p in paths if Path(p).is_dir()]
    files = [p for p in paths if not Path(p).is_dir()]
    if len(folders) > 1 or (folders and data_option):
        raise click.UsageError(
            say("只能给一个数据文件夹：作为 PATHS 或用 --data", "give one data folder, either as PATHS or as --data")
        )
    data_dir = (folders or [data_option or "data"])[0]
    if not Path(data_dir).is_dir():
        raise click.UsageError(
            say(
                f"数据文件夹 `{data_dir}` 不存在；请用 --data 指定",
                f"the data folder `{data_dir}` does not exist; give it with --data",
            )
        )
    outside = [f for f in files if not Path(f).resolve().is_relative_to(Path(data_dir).resolve())]
    if outside:
        raise click.UsageError(
            say(
                f"不在数据文件夹 {data_dir} 里：{'、'.join(outside)}",
                f"not inside the data folder {data_dir}: {', '.join(outside)}",
            )
        )
    settings = Settings(
        Path(data_dir),
        today or dt.date.today(),
        language=decide_language(language),
        shown_root=data_dir.rstrip("/") or ".",
        max_mentees=max_mentees or DEFAULT_MAX_MENTEES,
        skip=frozenset(skip),
        show_progress=output_format == "text",
    )
    checked = check(settings)
    report, counted = checked.report, checked.files
    if files:
        wanted = {Path(f).resolve() for f in files}
        report = Report([item for item in report.items if Path(item.file).resolve() in wanted])
        counted = len(files)
    colour = output_format == "text" and sys.stdout.isatty()
    click.echo(render_report(report, output_format, counted, colour, settings.language))
    sys.exit(1 if report.fails(strict) else 0)
