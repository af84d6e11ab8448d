"""`kb new KIND`: write a new record that validates, with the editor schema line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator import scaffold
from generator.cli.language import Group, say
from generator.cli.options import data_option, parse_today
from generator.diagnostics import Report
from generator.language import decide_language
from generator.pipeline import check
from generator.report import as_text
from generator.schema import write_schemas
from generator.settings import Settings
from generator.shapes import ROLES, SESSION_FORMATS
from generator.slug import is_id

schemas_option = click.option(
    "--schemas",
    "schema_dir",
    type=click.Path(file_okay=False),
    default="schemas",
    show_default=True,
    help=say(
        "新文件让编辑器去读的 JSON Schema 所在的文件夹。",
        "Folder of the JSON Schemas that the new file points editors to.",
    ),
)


def _id_option(function):
    return click.option(
        "--id",
        "record_id",
        help=say(
            "用这个 id，而不是从标题或姓名生成的 id。", "Use this id instead of the one made from the title or name."
        ),
    )(function)


def _date_option(name: str, help_text: str):
    default = say(" [默认：今天]", " [default: today]")
    return click.option(name, callback=parse_today, metavar="YYYY-MM-DD", help=help_text + default)


@click.group(
    "new",
    cls=Group,
    short_help=say("新建一条记录，带编辑器用的 schema 行。", "Write a new record file, ready to fill in."),
    help=say(
        """新建一个记录文件，等着填写。

        id 由标题或姓名生成（中文取拼音），文件以 `# yaml-language-server: $schema=...` 这一行开头，让编辑器能自动补全；新记录会和其余数据一起检查。
        """,
        """Write a new record file, ready to fill in.

        The id is made from the title or name (pinyin for Chinese), the file starts
        with the `# yaml-language-server: $schema=...` line for editor autocompletion,
        and the new record is validated with the rest of the data.
        """,
    ),
)
def command() -> None:
    pass


@command.command(
    "case", help=say("一个已解决的案例（从“处理中”开始）。", "A solved case (starts as work in progress).")
)
@click.option(
    "--title",
    prompt=say("标题（用客户的话说问题）", "Title (the problem in the customer's words)"),
    help=say("用客户的话说问题。", "The problem in the customer's words."),
)
@click.option(
    "--product",
    prompt=say("产品 id", "Product id"),
    help=say("taxonomy.yml 里的产品 id。", "A products id from taxonomy.yml."),
)
@click.option(
    "--author", prompt=say("作者（人员 id）", "Author (person id)"), help=say("你的人员 id。", "Your person id.")
)
@_date_option("--solved-on", say("问题解决的日期。", "When the problem was solved."))
@_id_option
@data_option
@schemas_option
def new_case(title, product, author, solved_on, record_id, data_dir, schema_dir) -> None:
    day = solved_on or dt.date.today()
    record = scaffold.new_case(title, product, author, day, record_id)
    _write(record, Path(data_dir), Path(schema_dir), year=day.year)


@command.command("person", help=say("一名工程师或其他员工。", "An engineer or other staff member."))
@click.option("--name", prompt=say("姓名", "Name"), help=say("显示的姓名，例如 张伟。", "Display name, e.g. 张伟."))
@click.option(
    "--team", prompt=say("团队 id", "Team id"), help=say("taxonomy.yml 里的团队 id。", "A teams id from taxonomy.yml.")
)
@click.option(
    "--role",
    type=click.Choice(ROLES),
    prompt=say("角色", "Role"),
    help=say("field-service（现场服务）或 technical-support（技术支持）。", "field-service or technical-support."),
)
@_date_option("--joined", say("入职的日期。", "When the person joined."))
@_id_option
@data_option
@schemas_option
def new_person(name, team, role, joined, record_id, data_dir, schema_dir) -> None:
    record = scaffold.new_person(name, team, role, joined or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("mentoring", help=say("一对传帮带师徒。", "A 传帮带 mentoring pair."))
@click.option(
    "--mentor",
    prompt=say("师傅（人员 id）", "Mentor (person id)"),
    help=say("师傅的人员 id。", "The mentor's person id."),
)
@click.option(
    "--mentee",
    prompt=say("徒弟（人员 id）", "Mentee (person id)"),
    help=say("徒弟的人员 id。", "The mentee's person id."),
)
@click.option(
    "--skill", prompt=say("要教的技能（技能 id）", "Skill to teach (skill id)"), help=say("技能 id。", "A skill id.")
)
@click.option(
    "--target",
    type=click.IntRange(1, 4),
    default=3,
    show_default=True,
    help=say("目标等级 1–4。", "Target level 1-4."),
)
@_date_option("--started", say("开始带徒的日期。", "When the pair started."))
@_id_option
@data_option
@schemas_option
def new_mentoring(mentor, mentee, skill, target, started, record_id, data_dir, schema_dir) -> None:
    record = scaffold.new_mentoring(mentor, mentee, skill, target, started or dt.date.today(), record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("session", help=say("一场培训（或一场比赛）。", "A training session (or a contest)."))
@click.option("--title", prompt=say("标题", "Title"), help=say("培训的标题。", "The session's title."))
@click.option(
    "--trainer",
    prompt=say("讲师（人员 id）", "Trainer (person id)"),
    help=say("讲师的人员 id。", "The trainer's person id."),
)
@click.option(
    "--hours",
    type=click.FloatRange(min=0, min_open=True),
    default=2,
    show_default=True,
    help=say("培训的小时数。", "How many hours it takes."),
)
@click.option(
    "--format",
    "session_format",
    type=click.Choice(SESSION_FORMATS),
    default="classroom",
    show_default=True,
    help=say("形式：课堂、现场、线上或比赛。", "Classroom, on site, online or a contest."),
)
@_date_option("--date", say("培训的日期。", "When the session takes place."))
@_id_option
@data_option
@schemas_option
def new_session(title, trainer, hours, session_format, date, record_id, data_dir, schema_dir) -> None:
    record = scaffold.new_session(title, date or dt.date.today(), trainer, hours, session_format, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


@command.command("path", help=say("一条新员工的培训路径。", "A training path for new hires."))
@click.option("--title", prompt=say("标题", "Title"), help=say("路径的标题。", "The path's title."))
@_id_option
@data_option
@schemas_option
def new_path(title, record_id, data_dir, schema_dir) -> None:
    _write(scaffold.new_path(title, record_id), Path(data_dir), Path(schema_dir))


@command.command(
    "award", help=say("一项荣誉：称号、比赛名次或表彰。", "An honour: a title, a contest place or a commendation.")
)
@click.option(
    "--award",
    prompt=say("奖项类别（taxonomy.yml 里的 awards id）", "Award kind (awards id from taxonomy.yml)"),
    help=say("taxonomy.yml 里的奖项类别 id。", "An awards id from taxonomy.yml."),
)
@click.option(
    "--recipient",
    prompt=say("获奖人（人员 id）", "Recipient (person id)"),
    help=say("获奖人的人员 id。", "The recipient's person id."),
)
@click.option(
    "--period",
    prompt=say("期间（2026、2026-H2、2026-Q3 或 2026-09）", "Period (2026, 2026-H2, 2026-Q3 or 2026-09)"),
    help=say("获奖的期间。", "The period it is awarded for."),
)
@click.option(
    "--citation",
    prompt=say("事迹（获奖人做了什么）", "Citation (what the recipient did)"),
    help=say("获奖人做了什么。", "What the recipient did."),
)
@_date_option("--awarded-on", say("颁奖的日期。", "When the award was given."))
@_id_option
@data_option
@schemas_option
def new_award(award, recipient, period, citation, awarded_on, record_id, data_dir, schema_dir) -> None:
    record = scaffold.new_award(award, recipient, period, awarded_on or dt.date.today(), citation, record_id)
    _write(record, Path(data_dir), Path(schema_dir))


def _write(record: scaffold.NewRecord, data_dir: Path, schema_dir: Path, year: int | None = None) -> None:
    if not is_id(record.record_id):
        raise click.BadParameter(
            say(
                f"`{record.record_id}` 不是有效的 id；请用英文小写字母、数字和连字符",
                f"`{record.record_id}` is not a valid id; use lower-case letters, digits and hyphens",
            ),
            param_hint="--id",
        )
    target = record.path(data_dir, year)
    if target.exists():
        raise click.ClickException(
            say(f"{target} 已经存在；请用 --id 换一个", f"{target} already exists; choose another --id")
        )
    write_schemas(schema_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, schema_dir), encoding="utf-8")
    language = decide_language()
    checked = check(Settings(data_dir, language=language))
    own = [item for item in checked.report.errors if Path(item.file).resolve() == target.resolve()]
    if own:
        target.unlink()
        click.echo(as_text(Report(own), 1, language=language), err=True)
        click.echo(
            say(
                "没有写入：请改正上面的值，再运行一次。", "Not written: fix the values above and run the command again."
            ),
            err=True,
        )
        sys.exit(1)
    click.echo(
        say(
            f"已写入 {target}，检查通过。打开它，填写细节。",
            f"Wrote {target}; it validates. Open it and fill in the details.",
        )
    )
