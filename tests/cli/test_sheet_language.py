"""`kb import` and `kb export` in the site's language: their help, every line they print, and
click's own words around a mistake (usage, where help is, `Error:`), in Chinese and in English."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.cli.language import startup_language
from generator.columns import display_width
from generator.sheets.columns import ALIASES, PASSED_OVER
from tests.cli.test_language import kb_help
from tests.conftest import REPO, TESTS, copy_minimal, english_words

LEDGERS = TESTS / "data" / "ledgers"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
# What is a name in a Chinese help text or message, not an English sentence left untranslated.
OPTION = re.compile(r"(?<![\w`])--?[a-z][\w-]*")
METAVAR = re.compile(r"\b[A-Z][A-Z_]+(?:[ -][A-Z][A-Z_]*)*\b")  # FILE, INTEGER RANGE, YYYY-MM-DD
BRACKETED_VALUES = re.compile(r"\[[^\]]*\|[^\]]*\]|\[默认：[^\]]*\]")  # [case|person], [默认：text]
USAGE_LINE = re.compile(r"^用法：.*$", re.MULTILINE)  # the command's path and its metavars
REPORT_PREFIX = re.compile(r"^\S+:\d+:\d+: (?:error|warning) KB\d+: ", re.MULTILINE)
PROPER_NAMES = {"OpenSearch", "Elasticsearch", "GitHub", "Actions", "JSON", "Schema"}
QUOTED = re.compile(r"'[^'\n]*'|`[^`\n]*`")
# Chinese that an English text shows as values: the headers a 台账 has, and the examples of cells.
EXAMPLES = ("台账", "症状", "已验证", "2026年4月12日", "SD-3伺服", "液压站", "、 ，", "。，；")
HEADERS = [header for headers in ALIASES["case"].values() for header in headers]
HEADERS += [header for headers in PASSED_OVER.values() for header in headers]
ALLOWED_IN_ENGLISH = {run for value in (*EXAMPLES, *HEADERS) for run in CJK.findall(value)}


def untranslated_english(chinese: str) -> set[str]:
    """English words of a Chinese text, leaving out option names, metavars, values and proper names."""
    rest = USAGE_LINE.sub("", REPORT_PREFIX.sub("", chinese))
    rest = BRACKETED_VALUES.sub(" ", rest)
    rest = OPTION.sub(" ", METAVAR.sub(" ", rest))
    return english_words(rest) - PROPER_NAMES


def stray_chinese(english: str) -> set[str]:
    """Chinese in an English text that is no value: not quoted, not a path, not a header or an example."""
    rest = QUOTED.sub(" ", english)
    rest = " ".join(word for word in rest.split() if not re.search(r"[/.:!]", word))  # paths and cells
    return set(CJK.findall(rest)) - ALLOWED_IN_ENGLISH


@pytest.mark.parametrize("command", ["import", "export"])
def test_help_is_all_chinese_on_a_chinese_site(command, tmp_path):
    chinese = kb_help(command, cwd=tmp_path)
    assert chinese.startswith(f"用法：kb {command}") and "选项：" in chinese and "显示本帮助并退出。" in chinese
    assert untranslated_english(chinese.split("\n", 1)[1]) == set(), chinese
    assert max(display_width(line) for line in chinese.splitlines()) <= 100


@pytest.mark.parametrize("command", ["import", "export"])
def test_help_is_all_english_on_an_english_site(command, tmp_path):
    english = kb_help(command, cwd=tmp_path, language="en")
    assert english.startswith(f"Usage: kb {command}") and "Show this message and exit." in english
    assert stray_chinese(english) == set(), english


def test_the_import_help_names_the_ledger_headers_and_the_state(tmp_path):
    chinese = kb_help("import", cwd=tmp_path)
    assert "解决日期            解决时间 完成日期 日期 处理日期 维修日期 服务日期" in chinese
    assert "联系人" in chinese and "--state" in chinese and "[默认：not-validated]" in chinese
    english = kb_help("import", cwd=tmp_path, language="en")
    assert "solved_on           解决时间 完成日期 日期 处理日期 维修日期 服务日期" in english
    assert "a row without a resolution is imported as wip" in " ".join(english.split())


@pytest.fixture
def speaking(tmp_path, monkeypatch):
    """Runs in a folder without mkdocs.yml, in the language KB_LANGUAGE gives, as a new `kb` would."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["kb"])
    copy_minimal(tmp_path / "data")
    broken = copy_minimal(tmp_path / "broken")
    (broken / "people/li-na.yml").write_text("id: li-na\n", encoding="utf-8")
    shutil.copy(LEDGERS / "台账-华东-2025.csv", tmp_path / "台账.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    (tmp_path / "map.yml").write_text("机型: product\n", encoding="utf-8")

    def run(language: str, *args: str):
        monkeypatch.setenv("KB_LANGUAGE", language)
        startup_language.cache_clear()
        return CliRunner().invoke(main, list(args))

    yield run
    startup_language.cache_clear()


MISTAKES = {
    "no file": (["import"], 2, "缺少 `FILE`", "Missing FILE."),
    "no such file": (["import", "nosuch.xlsx"], 2, "文件 `nosuch.xlsx` 不存在", "file 'nosuch.xlsx' does not exist"),
    "a folder for a file": (["import", "data"], 2, "`data` 是文件夹，不是文件", "'data' is a folder, not a file"),
    "unknown kind": (["import", "台账.csv", "--kind", "cases"], 2, "`cases` 不是可选的值", "'cases' is not one of"),
    "unknown state": (["import", "台账.csv", "--state", "done"], 2, "`--state` 的值不对", "Invalid value for --state"),
    "no data folder": (["import", "台账.csv", "--data", "nowhere"], 2, "文件夹 `nowhere` 不存在", "folder 'nowhere'"),
    "unknown option": (["import", "台账.csv", "--port", "8001"], 2, "没有 `--port` 这个选项", "No such option: --port"),
    "a bad date": (["import", "台账.csv", "--today", "2026-13-01"], 2, "不是 YYYY-MM-DD 形式的日期", "not a date"),
    "a map naming no field": (["import", "台账.csv", "--map", "map.yml"], 1, "不是字段", "is not a field"),
    "an old workbook": (["import", "old.xls"], 1, "另存为 .xlsx 或 .csv", "save it as .xlsx or .csv"),
    "validated without columns": (
        ["import", "台账.csv", "--state", "validated"],
        1,
        "`--state validated` 需要",
        "--state validated needs",
    ),
    "index without opensearch": (["export", "--index", "kb"], 2, "`--index` 只用于", "--index is only for"),
    "unknown format": (["export", "--format", "pdf"], 2, "`pdf` 不是可选的值", "'pdf' is not one of"),
    "bad index name": (
        ["export", "--format", "opensearch", "--index", "Bad Name"],
        2,
        "不能作为索引名",
        "is not an index name",
    ),
    "records with errors": (["export", "--data", "broken"], 1, "记录有错误，什么都没有导出", "Nothing exported"),
    "cannot write": (["export", "--out", "no/such/folder/r.xlsx"], 1, "无法写入", "cannot write"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_usual_mistake_is_said_in_chinese(speaking, mistake):
    args, code, chinese, _ = MISTAKES[mistake]
    result = speaking("zh", *args)
    assert result.exit_code == code and chinese in result.output, result.output
    assert "Traceback" not in result.output and "Error" not in result.output and "Usage" not in result.output
    assert untranslated_english(result.output) == set(), result.output
    if code == 2:
        assert (
            result.output.startswith(f"用法：main {args[0]}")
            and f"运行 `main {args[0]} --help` 查看帮助。" in result.output
        )


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_usual_mistake_is_said_in_english(speaking, mistake):
    args, code, _, english = MISTAKES[mistake]
    result = speaking("en", *args)
    assert result.exit_code == code and english in result.output, result.output
    assert "Traceback" not in result.output and stray_chinese(result.output) == set(), result.output
    if code == 2:
        assert (
            result.output.startswith(f"Usage: main {args[0]}")
            and f"Try 'main {args[0]} --help' for help." in result.output
        )


def test_a_dry_run_of_a_ledger_is_all_in_the_language_of_the_site(speaking):
    chinese = speaking("zh", "import", "台账.csv", "--data", str(REPO / "data"), "--dry-run", "--today", "2026-11-28")
    assert chinese.exit_code == 1 and "A `序号` 不导入：表格的行号" in chinese.output
    assert "将写入 " in chinese.output and "标题取自症状的第一句：`液压站开机后压力升不上去`" in chinese.output
    assert (
        "读了 14 行：将写入 13 条，将更新 0 条，0 条没有变化，1 条有错误，没有写入（见上）；这是试运行，什么都没有写。"
        in chinese.output
    )
    assert untranslated_english(chinese.output) == set(), chinese.output
    english = speaking("en", "import", "台账.csv", "--data", str(REPO / "data"), "--dry-run", "--today", "2026-11-28")
    assert "A `序号` passed over: the sheet's row number" in english.output
    assert (
        "14 rows read: 13 would be written, 0 would be updated, 0 unchanged, 1 not written (errors above)"
        in english.output
    )
    assert stray_chinese(english.output) == set(), english.output


def test_an_import_and_an_export_say_what_they_wrote_in_the_language_of_the_site(speaking, tmp_path):
    csv = "标题,状态,产品,现象,作者,解决日期\n电磁阀不动作,处理中,HX-200,电磁阀不得电。,陈浩,2026/9/1\n"
    (tmp_path / "a.csv").write_text(csv, encoding="utf-8")
    imported = speaking("zh", "import", "a.csv")
    assert imported.exit_code == 0, imported.output
    assert "已写入 data/cases/2026/20260901-hx200-dian-ci-fa-bu-dong-zuo.yml" in imported.output
    assert "读了 1 行：写入 1 条，更新 0 条，0 条没有变化。" in imported.output
    again = speaking("en", "import", "a.csv")
    assert "1 row read: 0 written, 0 updated, 1 unchanged." in again.output
    chinese = speaking("zh", "export", "--out", "r.xlsx")
    assert chinese.exit_code == 0 and chinese.output.startswith("已写出 r.xlsx（`xlsx`）：案例（")
    assert untranslated_english(chinese.output) == set(), chinese.output
    english = speaking("en", "export", "--out", "r.xlsx")
    assert english.exit_code == 0 and english.output.startswith("Wrote r.xlsx (xlsx): Cases (")
    assert not CJK.search(english.output), english.output
