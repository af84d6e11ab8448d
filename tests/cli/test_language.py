"""Which language `kb` speaks: --language, the site's setting in mkdocs.yml (with its !ENV), KB_LANGUAGE, zh."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.cli.language import configured_language
from tests.conftest import REPO, write

PLUGIN = """site_name: x
plugins:
  - servicekb:
      language: {language}
  - tags:
      tags_slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def config(folder: Path, language: str) -> Path:
    return write(folder, "mkdocs.yml", PLUGIN.format(language=language))


@pytest.fixture
def no_environment(monkeypatch):
    monkeypatch.delenv("KB_LANGUAGE", raising=False)


def test_the_site_setting_decides_and_other_tags_do_no_harm(tmp_path, no_environment):
    assert configured_language(config(tmp_path, "en")) == "en"
    assert configured_language(config(tmp_path, "zh")) == "zh"


def test_env_in_mkdocs_yml_reads_kb_language_as_mkdocs_does(tmp_path, monkeypatch, no_environment):
    path = config(tmp_path, "!ENV [KB_LANGUAGE, zh]")
    assert configured_language(path) == "zh"
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert configured_language(path) == "en"
    assert configured_language(config(tmp_path, "zh")) == "zh", "a language written out is not overridden"


def test_without_mkdocs_yml_kb_language_or_chinese(tmp_path, monkeypatch, no_environment):
    assert configured_language(tmp_path / "mkdocs.yml") == "zh"
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert configured_language(tmp_path / "mkdocs.yml") == "en"
    monkeypatch.setenv("KB_LANGUAGE", "fr")
    assert configured_language(tmp_path / "mkdocs.yml") == "zh"


def test_a_broken_configuration_means_chinese_not_a_traceback(tmp_path, no_environment):
    assert configured_language(write(tmp_path, "mkdocs.yml", "plugins: [servicekb: {language: en\n")) == "zh"
    assert configured_language(write(tmp_path, "mkdocs.yml", "- just a list\n")) == "zh"


def test_kb_validate_follows_the_site_setting(data, tmp_path, monkeypatch, no_environment):
    write(data, "people/zhang-wei.yml", (data / "people/zhang-wei.yml").read_text(encoding="utf-8") + "nickname: x\n")
    monkeypatch.chdir(tmp_path)
    config(tmp_path, "en")
    english = CliRunner().invoke(main, ["validate", str(data), "--today", "2026-11-28"])
    assert "error KB202: unknown field `nickname`" in english.output
    chinese = CliRunner().invoke(main, ["validate", str(data), "--today", "2026-11-28", "--language", "zh"])
    assert "error KB202: 未知字段 `nickname`" in chinese.output


def kb_help(*args: str, cwd: Path, language: str | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
    if language:
        env["KB_LANGUAGE"] = language
    result = subprocess.run(
        [sys.executable, "-m", "generator", *args, "--help"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_is_chinese_on_a_chinese_site_and_english_on_an_english_one(tmp_path):
    chinese = kb_help("validate", cwd=REPO)
    assert chinese.startswith("用法：kb validate") and "选项：" in chinese and "显示本帮助并退出。" in chinese
    assert "检查数据文件夹" in chinese and "[默认：text]" in chinese
    english = kb_help("validate", cwd=REPO, language="en")  # mkdocs.yml reads !ENV [KB_LANGUAGE, zh]
    assert english.startswith("Usage: kb validate") and "Show this message and exit." in english
    assert "Check the records in a data folder" in english and "检查" not in english
    assert kb_help("validate", "--language", "en", cwd=tmp_path).startswith("Usage: kb validate")


def test_the_command_list_is_short_and_in_the_language_of_the_site(tmp_path):
    chinese = kb_help(cwd=tmp_path)
    assert "命令：" in chinese and "检查 data/ 里的每一条记录。" in chinese
    assert "Check every record" in kb_help(cwd=tmp_path, language="en")


def test_chinese_help_is_wrapped_to_the_terminal(tmp_path):
    from generator.columns import display_width

    for command in ("validate", "build", "new"):
        lines = kb_help(command, cwd=tmp_path).splitlines()
        assert max(display_width(line) for line in lines) <= 100, command
