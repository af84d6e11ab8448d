"""Every `kb` command and sub-command, its help and its usual mistakes, in the site's language:
Chinese by default, English with `--language en` or with the English setting in mkdocs.yml;
and every line `kb build` prints when a link of the built site is broken or mkdocs.yml cannot
be built from.

A Chinese run shows no English word of three letters or more outside option names, placeholders,
paths, codes, values (what is typed, in backticks, a choice's values, a default) and command
names, besides a few proper names; an English run shows no Chinese character (but for the
headers a 台账 has, which `kb import --help` lists as they are written). A mistake is the usage,
where help is, and one line saying what is wrong: exit 2, no traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import COMMANDS, main
from generator.cli.language import startup_language
from tests.cli.test_language import kb_help
from tests.cli.test_sheet_language import CJK, stray_chinese
from tests.conftest import MINIMAL, REPO

ENGLISH_SITE = "site_name: x\nplugins:\n  - servicekb:\n      language: en\n"
GROUP = main.get_command(None, "new")
assert isinstance(GROUP, click.Group)
PATHS = [[], *([name] for name in COMMANDS), *(["new", sub] for sub in GROUP.commands)]


def _commands() -> list[click.Command]:
    return [main.get_command(None, name) for name in COMMANDS] + list(GROUP.commands.values())


def _values() -> set[str]:
    """Every word of a choice's values (`field-service`: field, service), as options take them."""
    choices = [
        str(choice)
        for command in _commands()
        for param in command.params
        if isinstance(param.type, click.Choice)
        for choice in param.type.choices
    ]
    return {word for choice in choices for word in re.split(r"[^A-Za-z]+", choice)}


COMMAND_NAMES = {"kb", *(word for path in PATHS for name in path for word in name.split("-"))}
# Names written so in Chinese too: products and formats a team knows by these names.
PROPER_NAMES = {"MkDocs", "Excel", "OpenSearch", "Elasticsearch", "GitHub", "Actions", "Markdown", "Schema"}
PROPER_NAMES |= {"nginx", "Apache"}
ALLOWED_IN_CHINESE = COMMAND_NAMES | _values() | PROPER_NAMES

TYPED = re.compile(r"`[^`]*`")  # what is typed: options' values, field names, file names
NOTES = re.compile(r"\[(?:默认|必填)[^\]]*\]|\[[^\]\s|]*(?:\|[^\]\s|]*)+\]")  # [默认：text], [zh|en]
OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
PATH_OR_CODE = re.compile(r"\S*[/._:=<>$#@|\\]\S*")  # docs/records.md, site_url, IP:端口, x>=1
PLACEHOLDER = re.compile(r"(?<![\w-])[A-Z][A-Z0-9_-]*\b")  # FILE, PATHS, KB_LANGUAGE, YAML, UTF-8
WORD = re.compile(r"[A-Za-z]{3,}")
CLICKS_ENGLISH = ("Usage", "Options", "Commands", "Error", "default", "required", "Try", "Aborted")
CLICKS_PLACEHOLDERS = re.compile(r"\b(?:TEXT|INTEGER|FLOAT|PATH|FILENAME|DIRECTORY|OPTIONS|COMMAND|ARGS)\b")


def english_in(chinese: str) -> set[str]:
    """The English words a Chinese text shows outside names, placeholders, paths, codes and values."""
    rest = NOTES.sub(" ", TYPED.sub(" ", chinese))
    rest = PLACEHOLDER.sub(" ", PATH_OR_CODE.sub(" ", OPTION.sub(" ", rest)))
    return set(WORD.findall(rest)) - ALLOWED_IN_CHINESE


def chinese_in(english: str, path: list[str]) -> set[str]:
    """The Chinese an English text shows: none, but for the 台账 headers `kb import` lists."""
    if path == ["import"]:
        return stray_chinese(english)
    return set(CJK.findall(english))


# --- every command's help, in each way the language is given ---------------------------------

DUMP = """
import sys
from generator.cli import COMMANDS, main
group = main.get_command(None, "new")
paths = [[]] + [[name] for name in COMMANDS] + [["new", sub] for sub in group.commands]
for path in paths:
    print("\\x00" + " ".join(path), flush=True)
    try:
        main([*path, "--help"], prog_name="kb")
    except SystemExit:
        pass
"""


def helps(cwd: Path, *arguments: str) -> dict[str, str]:
    """Each command's help, by its path (`new case`), from one run of Python in `cwd`; `arguments`
    are on its command line, where kb reads the language before click parses it."""
    env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
    result = subprocess.run(
        [sys.executable, "-c", DUMP, *arguments], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    chunks = result.stdout.split("\x00")[1:]
    return dict(chunk.split("\n", 1) for chunk in chunks)


@pytest.fixture(scope="module")
def all_helps(tmp_path_factory) -> dict[str, dict[str, str]]:
    plain = tmp_path_factory.mktemp("plain")
    english_site = tmp_path_factory.mktemp("english-site")
    (english_site / "mkdocs.yml").write_text(ENGLISH_SITE, encoding="utf-8")
    return {
        "zh": helps(plain),
        "en (--language)": helps(plain, "--language", "en"),
        "en (mkdocs.yml)": helps(english_site),
    }


def test_every_command_has_its_help_in_each_run(all_helps):
    for way, shown in all_helps.items():
        assert list(shown) == [" ".join(path) for path in PATHS], way


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "kb")
def test_the_help_is_all_chinese_on_a_chinese_site(all_helps, path):
    shown = all_helps["zh"][" ".join(path)]
    assert shown.startswith(f"用法：{' '.join(['kb', *path])} [选项]") and "\n选项：\n" in shown, shown
    assert "显示本帮助并退出。" in shown
    assert english_in(shown) == set(), shown
    assert not CLICKS_PLACEHOLDERS.search(shown) and not any(word in shown for word in CLICKS_ENGLISH), shown


@pytest.mark.parametrize("way", ["en (--language)", "en (mkdocs.yml)"])
@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "kb")
def test_the_help_is_all_english_on_an_english_site(all_helps, path, way):
    shown = all_helps[way][" ".join(path)]
    assert shown.startswith(f"Usage: {' '.join(['kb', *path])} [OPTIONS]") and "\nOptions:\n" in shown, shown
    assert "Show this message and exit." in shown
    assert chinese_in(shown, path) == set(), shown


def test_every_command_takes_language_on_its_own_command_line(tmp_path):
    for command in ("serve", "schema", "demo", "search-report"):
        assert kb_help(command, "--language", "en", cwd=tmp_path).startswith(f"Usage: kb {command}")
    assert kb_help("new", "case", "--language", "en", cwd=tmp_path).startswith("Usage: kb new case")


# --- the usual mistakes of every command ---------------------------------------------------------

# (the command's path, the rest of the command line, what the Chinese and the English line say)
MISTAKES = [
    ([], ["nosuch"], "没有 `nosuch` 这个命令", "No such command: nosuch."),
    ([], ["--bogus"], "没有 `--bogus` 这个选项", "No such option: --bogus."),
    (["build"], ["--bogus"], "没有 `--bogus` 这个选项", "No such option: --bogus."),
    (["build"], ["--language", "fr"], "`fr` 不是可选的值；可选：`zh` 或 `en`", "'fr' is not one of 'zh' or 'en'"),
    (["build"], ["--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["build"], ["--max-mentees", "0"], "`0` 超出范围：应当不小于 1", "0 is out of range: it must be at least 1"),
    (["build"], ["--shard", "x"], "`--shard` 的值不对", "Invalid value for --shard"),
    (["build"], ["nowhere"], "`PARTS` 的值不对：文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["build"], ["--today", "2026-13-01"], "不是 YYYY-MM-DD 形式的日期", "is not a date in YYYY-MM-DD form"),
    (["serve"], ["--port", "abc"], "`abc` 不是整数", "'abc' is not a whole number"),
    (["serve"], ["--port", "70000"], "应当在 1 到 65535 之间", "it must be between 1 and 65535"),
    (["serve"], ["-a", "nonsense"], "`nonsense` 不是 IP:端口", "`nonsense` is not IP:PORT"),
    (["serve"], ["--dev-addr"], "选项 `--dev-addr` 后面要跟一个值", "Option --dev-addr requires a value."),
    (["serve"], ["--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["serve"], ["--verbose=yes"], "选项 `--verbose` 后面不带值", "Option --verbose does not take a value."),
    (["validate"], ["nowhere"], "`nowhere` 不存在", "'nowhere' does not exist"),
    (["validate"], ["--format", "xml"], "`xml` 不是可选的值", "'xml' is not one of"),
    (["validate"], ["--strict", "--skip"], "选项 `--skip` 后面要跟一个值", "Option --skip requires a value."),
    (["new"], ["nosuch"], "没有 `nosuch` 这个命令", "No such command: nosuch."),
    (["new", "case"], ["--title"], "选项 `--title` 后面要跟一个值", "Option --title requires a value."),
    (["new", "case"], ["--solved-on", "soon"], "`soon` 不是 YYYY-MM-DD", "`soon` is not a date"),
    (["new", "person"], ["--role", "boss"], "`boss` 不是可选的值", "'boss' is not one of"),
    (["new", "mentoring"], ["--target", "9"], "`9` 超出范围：应当在 1 到 4 之间", "9 is out of range"),
    (["new", "session"], ["--hours", "-1"], "`-1` 超出范围：应当大于 0", "-1 is out of range: it must be above 0"),
    (["new", "session"], ["--hours", "two"], "`two` 不是数字", "'two' is not a number"),
    (["new", "path"], ["--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["new", "award"], ["--bogus"], "没有 `--bogus` 这个选项", "No such option: --bogus."),
    (["schema"], ["--out"], "选项 `--out` 后面要跟一个值", "Option --out requires a value."),
    (["schema"], ["--language", "fr"], "`fr` 不是可选的值", "'fr' is not one of"),
    (["reference"], ["extra"], "多余的参数：`extra`", "Unexpected extra arguments: extra"),
    (["honours"], [], "缺少 `PERIOD`", "Missing PERIOD."),
    (["honours"], ["2026-Q5"], "`2026-Q5` 不是期间", "`2026-Q5` is not a period"),
    (["honours"], ["2026", "--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["demo"], [], "缺少 `--out`", "Missing --out."),
    (["demo"], ["--out", "x", "--cases", "many"], "`many` 不是整数", "'many' is not a whole number"),
    (["demo"], ["--out", "x", "--cases", "0"], "应当不小于 1", "it must be at least 1"),
    (["import"], [], "缺少 `FILE`", "Missing FILE."),
    (["import"], ["nosuch.xlsx"], "文件 `nosuch.xlsx` 不存在", "file 'nosuch.xlsx' does not exist"),
    (["import"], ["nosuch.xlsx", "--kind", "cases"], "`cases` 不是可选的值", "'cases' is not one of"),
    (["export"], ["--format", "pdf"], "`pdf` 不是可选的值", "'pdf' is not one of"),
    (["export"], ["--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["search-report"], [], "缺少 `LOGS`", "Missing LOGS."),
    (["search-report"], ["a.log", "--few", "-1"], "应当不小于 0", "it must be at least 0"),
    (["search-report"], ["a.log", "--top", "many"], "`many` 不是整数", "'many' is not a whole number"),
    (["qr"], ["--data", "nowhere"], "文件夹 `nowhere` 不存在", "folder 'nowhere' does not exist"),
    (["qr"], ["--product"], "选项 `--product` 后面要跟一个值", "Option --product requires a value."),
]


MISTAKE_IDS = [" ".join(["kb", *path, *rest]) for path, rest, _, _ in MISTAKES]


@pytest.fixture
def kb(tmp_path, monkeypatch):
    """Runs `kb` in-process as a person types it: in a folder without mkdocs.yml ("zh"), with
    `--language en` after the command ("en (--language)"), or in a folder whose mkdocs.yml
    sets the site to English ("en (mkdocs.yml)")."""
    monkeypatch.delenv("KB_LANGUAGE", raising=False)
    english_site = tmp_path / "english-site"
    english_site.mkdir()
    (english_site / "mkdocs.yml").write_text(ENGLISH_SITE, encoding="utf-8")

    def run(way: str, path: list[str], rest: list[str]):
        language = ["--language", "en"] if way == "en (--language)" else []
        arguments = [*path, *language, *rest]
        monkeypatch.chdir(english_site if way == "en (mkdocs.yml)" else tmp_path)
        monkeypatch.setattr(sys, "argv", ["kb", *arguments])
        startup_language.cache_clear()
        return CliRunner().invoke(main, arguments, prog_name="kb")

    yield run
    monkeypatch.undo()  # then the language of the tests' own command line and folder, as before
    startup_language.cache_clear()
    startup_language()


def one_mistake(output: str, usage: str, try_help: str, error: str) -> str:
    """The usage, where help is, and one line of error; returns that line."""
    lines = output.rstrip("\n").split("\n")
    assert lines[0].startswith(usage) and lines[1] == try_help and lines[2] == "", output
    errors = [line for line in lines if line.startswith(error)]
    assert len(errors) == 1 and lines[3:] == errors, output
    return errors[0]


@pytest.mark.parametrize(("path", "rest", "chinese", "english"), MISTAKES, ids=MISTAKE_IDS)
def test_each_usual_mistake_is_one_line_in_chinese(kb, path, rest, chinese, english):
    result = kb("zh", path, rest)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    command = " ".join(["kb", *path])
    line = one_mistake(result.output, f"用法：{command} [选项]", f"运行 `{command} --help` 查看帮助。", "错误：")
    assert chinese in line, result.output
    assert "Traceback" not in result.output and english_in(result.output) == set(), result.output


# English by each way, but a group's mistakes: `kb` and `kb new` take no --language, their commands do.
ENGLISH_MISTAKES = [
    (way, *mistake)
    for mistake in MISTAKES
    for way in ("en (--language)", "en (mkdocs.yml)")
    if way == "en (mkdocs.yml)" or mistake[0] not in ([], ["new"])
]


@pytest.mark.parametrize(
    ("way", "path", "rest", "chinese", "english"),
    ENGLISH_MISTAKES,
    ids=[f"{way}: {' '.join(['kb', *path, *rest])}" for way, path, rest, _, _ in ENGLISH_MISTAKES],
)
def test_each_usual_mistake_is_one_line_in_english(kb, way, path, rest, chinese, english):
    result = kb(way, path, rest)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    command = " ".join(["kb", *path])
    line = one_mistake(result.output, f"Usage: {command} [OPTIONS]", f"Try '{command} --help' for help.", "Error: ")
    assert english in line, result.output
    assert "Traceback" not in result.output and not CJK.search(result.output), result.output


def test_a_run_that_cannot_go_on_is_one_line_in_the_language_of_the_site(kb, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("x", encoding="utf-8")
    chinese = kb("zh", ["demo"], ["--out", "taken"])
    assert chinese.exit_code == 1 and chinese.output.startswith("错误：") and chinese.output.count("\n") == 1
    assert english_in(chinese.output) == set(), chinese.output
    english = kb("en (--language)", ["demo"], ["--out", str(tmp_path / "taken")])
    assert english.exit_code == 1 and english.output.startswith("Error: ") and english.output.count("\n") == 1
    assert not CJK.search(english.output), english.output


def test_an_interrupted_prompt_says_so_in_the_language_of_the_site(kb):
    chinese = kb("zh", ["new", "case"], [])  # no input: the first prompt meets the end of it
    assert chinese.exit_code == 1 and "已中止。\n" in chinese.output and "Aborted" not in chinese.output
    english = kb("en (--language)", ["new", "case"], [])
    assert english.exit_code == 1 and "Stopped.\n" in english.output and "Aborted" not in english.output


def test_the_version_is_said_in_the_language_of_the_site(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
    version = [sys.executable, "-m", "generator", "--version"]
    chinese = subprocess.run(version, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert chinese.stdout.startswith("kb 版本 ")
    (tmp_path / "mkdocs.yml").write_text(ENGLISH_SITE, encoding="utf-8")
    english = subprocess.run(version, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert english.stdout.startswith("kb, version ")


# --- what `kb build` prints when the site cannot be built -----------------------------------------

# Raw HTML in a hand-written page, which MkDocs passes on unchecked: the link check finds them.
BROKEN_LINKS = '\n<a href="../nowhere/">x</a> <a href="../writing-cases/#no-such-heading">y</a> <a href="javascript:alert(1)">z</a>\n'
PAGE = "guide/adding-records/index.html"
BROKEN_LINES = {
    "zh": [
        f"{PAGE}: 错误: 链接指向不存在的页面或文件: ../nowhere/",
        f"{PAGE}: 错误: guide/writing-cases/index.html 里没有锚点 `#no-such-heading`: ../writing-cases/#no-such-heading",
        f"{PAGE}: 错误: `javascript:` 链接: javascript:alert(1)",
        "3 个失效链接；之前的网站保持不变。",
    ],
    "en": [
        f"{PAGE}: error: link to a missing page or file: ../nowhere/",
        f"{PAGE}: error: anchor #no-such-heading missing in guide/writing-cases/index.html: ../writing-cases/#no-such-heading",
        f"{PAGE}: error: javascript: link: javascript:alert(1)",
        "3 broken link(s); the previous site was left in place.",
    ],
}


@pytest.fixture(scope="module")
def broken_links_site(tmp_path_factory) -> Path:
    """The site's configuration and hand-written pages with the minimal records, where one page
    (in both languages) links to a missing page, a missing anchor and a script."""
    root = tmp_path_factory.mktemp("broken-links")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "kb", root / "kb")
    shutil.copytree(MINIMAL, root / "data")
    for page in ("kb/guide/adding-records.md", "kb/en/guide/adding-records.md"):
        with (root / page).open("a", encoding="utf-8") as written:
            written.write(BROKEN_LINKS)
    return root


@pytest.fixture
def kb_in(monkeypatch):
    """Runs `kb` in-process in `folder`, as a person types it there."""
    monkeypatch.delenv("KB_LANGUAGE", raising=False)  # the site's mkdocs.yml: !ENV [KB_LANGUAGE, zh]

    def run(folder: Path, arguments: list[str]):
        monkeypatch.chdir(folder)
        monkeypatch.setattr(sys, "argv", ["kb", *arguments])
        startup_language.cache_clear()
        return CliRunner().invoke(main, arguments, prog_name="kb")

    yield run
    monkeypatch.undo()
    startup_language.cache_clear()
    startup_language()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_build_whose_links_are_broken_says_each_in_the_language_of_the_site(kb_in, broken_links_site, language):
    arguments = ["build", "--cache-dir", "cache", "--today", "2026-11-28", "--language", language]
    result = kb_in(broken_links_site, arguments)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    lines = result.output.splitlines()
    for line in BROKEN_LINES[language]:
        assert line in lines, result.output
    assert not (broken_links_site / "site").exists()  # nothing was swapped in
    if language == "zh":
        assert "正在检查链接、锚点和图片" in result.output and english_in(result.output) == set(), result.output
    else:
        assert "Checking links, anchors and images" in result.output and not CJK.search(result.output), result.output


NO_PLUGIN = "site_name: x\n"
REFUSED = "site_name: x\nplugins:\n  - servicekb:\n      language: {language}\n      colour: blue\n"
CONFIG_LINES = {
    ("zh", "no plugin"): "错误：mkdocs.yml 没有启用 `servicekb` 插件：在 `plugins:` 下加上 `- servicekb`",
    ("en", "no plugin"): "Error: mkdocs.yml does not enable the `servicekb` plugin: add `- servicekb` under `plugins:`",
    ("zh", "refused"): "错误：MkDocs 不接受 mkdocs.yml：`Config value 'plugins': Plugin 'servicekb' option 'colour': "
    "Unrecognised configuration name: colour`",
    ("en", "refused"): "Error: MkDocs refuses mkdocs.yml: Config value 'plugins': Plugin 'servicekb' option 'colour': "
    "Unrecognised configuration name: colour",
}


@pytest.mark.parametrize(("language", "config"), list(CONFIG_LINES), ids=[" ".join(key) for key in CONFIG_LINES])
@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_configuration_that_cannot_be_built_from_is_one_line_in_the_language_of_the_site(
    kb_in, tmp_path, language, config, command
):
    """Without the plugin the site's language is --language's; MkDocs' own words, where it refuses
    an option, are quoted as it wrote them (in English), in the line of the site's language."""
    (tmp_path / "docs").mkdir()
    text = NO_PLUGIN if config == "no plugin" else REFUSED.format(language=language)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    choice = ["--language", language] if config == "no plugin" else []
    result = kb_in(tmp_path, [command, *choice])
    assert result.exit_code == 1 and result.output == CONFIG_LINES[language, config] + "\n", result.output
    if language == "zh":
        assert english_in(result.output) == set(), result.output


MKDOCS_LINES = {
    "zh": [
        "MkDocs 警告：`Doc file 'guide/adding-records.md' contains a link 'nowhere.md', but the target "
        "'guide/nowhere.md' is not found among documentation files.`",
        "错误：`mkdocs build` 失败：`Aborted with 1 warnings in strict mode!`",
    ],
    "en": [
        "WARNING - Doc file 'guide/adding-records.md' contains a link 'nowhere.md', but the target "
        "'guide/nowhere.md' is not found among documentation files.",
        "Error: mkdocs build failed: Aborted with 1 warnings in strict mode!",
    ],
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_what_mkdocs_says_is_quoted_in_a_line_of_the_language_of_the_site(kb_in, tmp_path, language):
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "kb", tmp_path / "kb")
    shutil.copytree(MINIMAL, tmp_path / "data")
    for page in ("kb/guide/adding-records.md", "kb/en/guide/adding-records.md"):
        with (tmp_path / page).open("a", encoding="utf-8") as written:
            written.write("\n[x](nowhere.md)\n")  # MkDocs' strict mode fails the build on it
    result = kb_in(tmp_path, ["build", "--cache-dir", "cache", "--today", "2026-11-28", "--language", language])
    assert result.exit_code == 1 and result.output.splitlines()[-2:] == MKDOCS_LINES[language], result.output
    if language == "zh":
        assert english_in(result.output) == set(), result.output
    else:
        assert not CJK.search(result.output), result.output
