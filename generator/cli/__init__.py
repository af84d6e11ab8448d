"""The `kb` command: one small module per sub-command, imported only when it is used."""

from __future__ import annotations

import importlib

import click

from generator.cli.language import Group, say

# name -> (module, its one-line summary in Chinese and English); each module defines
# `command`. Modules are imported only when their command runs (or shows its own help), so
# `kb --help` and `kb validate` do not import MkDocs, the theme or the renderer.
COMMANDS: dict[str, tuple[str, tuple[str, str]]] = {
    "build": ("generator.cli.build", ("把网站构建到 site/（检查记录和链接）。", "Build the site into site/ (validated, link-checked).")),
    "serve": ("generator.cli.serve", ("构建网站并在本机预览，改动后自动刷新。", "Build the site and serve it with live reload.")),
    "validate": ("generator.cli.validate", ("检查 data/ 里的每一条记录。", "Check every record in data/.")),
    "new": ("generator.cli.new", ("新建一条记录，带编辑器用的 schema 行。", "Write a new record file, ready to fill in.")),
    "schema": ("generator.cli.schema", ("写出编辑器自动补全用的 JSON Schema。", "Write the JSON Schemas editors use for autocompletion.")),
    "reference": ("generator.cli.reference", ("写出记录格式说明 docs/records.md。", "Write docs/records.md, the record format.")),
    "honours": ("generator.cli.honours", ("某个期间的光荣榜，用来发送或打印。", "The honour roll of a period, to send or print.")),
    "demo": ("generator.cli.demo", ("写出任意规模的合成数据文件夹。", "Write a synthetic data folder of any size.")),
    "import": ("generator.cli.import_sheet", ("把团队的表格（xlsx、csv）导入为记录。", "Records from a team's spreadsheet (xlsx, csv).")),
    "export": ("generator.cli.export", ("把记录导出为 Excel 工作簿或 OpenSearch 的批量导入文件。", "Export the records to Excel or OpenSearch.")),
    "search-report": ("generator.cli.search_report", ("从网站服务器的日志里找出没有结果的搜索。", "The searches that found nothing, from the web server's logs.")),
    "qr": ("generator.cli.qr", ("产品铭牌的二维码贴纸，用来打印。", "Nameplate QR code stickers of the products, to print.")),
}  # fmt: skip


class LazyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = COMMANDS.get(name)
        return importlib.import_module(entry[0]).command if entry else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their summaries from the table, without importing a module."""
        rows = [(name, say(*summary)) for name, (_module, summary) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


_HELP = say(
    """服务知识库：案例、人员、传帮带、培训和荣誉的 YAML 记录，经过检查，构建成一个可以搜索的网站。

    \b
    从这里开始：
      kb serve               构建网站并在本机预览，改动后自动刷新
      kb build               把网站构建到 site/（检查记录和链接）
      kb validate            检查 data/ 里的每一条记录
      kb new case            新建一个案例，带编辑器用的 schema 行
      kb schema              写出编辑器自动补全用的 JSON Schema
      kb reference           写出记录格式说明 docs/records.md
      kb honours 2026-Q3     某个期间的光荣榜，用来发送或打印
      kb import 台账.xlsx     把团队的表格导入为记录（kb export：反过来导出）
      kb search-report LOG   从网站服务器的日志里找出没有结果的搜索
      kb qr                  产品铭牌的二维码贴纸，用来打印

    消息和帮助的语言跟随网站：mkdocs.yml 里 servicekb 插件的 language（没有 mkdocs.yml 时看环境变量 KB_LANGUAGE）；validate、build、serve 和 honours 也可以用 --language zh 或 en 指定。
    """,
    """Service knowledge base: YAML records of cases, people, mentoring, training and
    honours, checked and built into a searchable site.

    \b
    Start with:
      kb serve               build the site and serve it with live reload
      kb build               build the site into site/ (validated, link-checked)
      kb validate            check every record in data/
      kb new case            write a new case with the editor schema line
      kb schema              write the JSON Schemas editors use for autocompletion
      kb reference           write docs/records.md, the record format
      kb honours 2026-Q3     the honour roll of a period, to send or print
      kb import 台账.xlsx     records from a team's spreadsheet (kb export: the reverse)
      kb search-report LOG   the searches that found nothing, from the web server's log
      kb qr                  nameplate QR code stickers of the products, to print

    Messages and help follow the site's language: the servicekb plugin's language in
    mkdocs.yml (KB_LANGUAGE when there is no mkdocs.yml); validate, build, serve and
    honours also take --language zh or en.
    """,
)


@click.group(
    cls=LazyGroup,
    help=_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    package_name="servicekb", prog_name="kb", help=say("显示版本并退出。", "Show the version and exit.")
)
def main() -> None:
    pass
