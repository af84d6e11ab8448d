"""One small data folder per rule: each must be reported at exactly its file, line and code."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.codes import CODES
from generator.messages import MESSAGES, Text
from tests.conftest import BAD, check, copy_minimal, english_words, found

CASES = sorted(path.name for path in BAD.iterdir() if path.is_dir())


def overlay(name: str, target: Path) -> Path:
    data_dir = copy_minimal(target)
    for source in (BAD / name).rglob("*"):
        destination = data_dir / source.relative_to(BAD / name)
        if source.is_symlink():  # kept as the link it is: that is what is being tested
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.unlink(missing_ok=True)
            destination.symlink_to(os.readlink(source))
        elif source.is_file() and source.name != "expected.txt":
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    return data_dir


def expected(name: str) -> list[tuple[str, int, str]]:
    rows = []
    for line in (BAD / name / "expected.txt").read_text(encoding="utf-8").split():
        file, number, code = line.rsplit(":", 2)
        rows.append((file, int(number), code))
    return sorted(rows)


def test_every_rule_has_a_bad_input():
    covered = {code for name in CASES for _, _, code in expected(name)}
    untested = set(CODES) - covered - {"KB107", "KB306"}  # tested in their own modules: size cap, missing taxonomy
    untested -= {code for code in CODES if code.startswith("KB8")}  # kb import's, tested in tests/sheets
    untested -= {"KB114", "KB115", "KB116"}  # kb search-report's, tested in tests/cli/test_search_report.py
    untested -= {"KB117"}  # kb contest's, tested in tests/cli/test_contest.py
    assert not untested, f"codes without a bad-input folder: {sorted(untested)}"


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_at_its_line(name, tmp_path):
    data_dir = overlay(name, tmp_path / "data")
    assert sorted(found(check(data_dir))) == expected(name)


@pytest.mark.parametrize("name", CASES)
def test_bad_input_exits_cleanly_through_the_cli(name, tmp_path, monkeypatch):
    data_dir = overlay(name, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "data", "--today", "2026-11-28"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    only_warnings = all(CODES[code].severity == "warning" for _, _, code in expected(name))
    assert result.exit_code == (0 if only_warnings else 1)
    for file, line, code in expected(name):
        assert f"data/{file}:{line}:" in result.output and code in result.output
    assert data_dir.exists()


def catalogue_keys(words) -> list[str | None]:
    """The key of a diagnostic's words and of every Text among its arguments; None for plain words."""
    if not isinstance(words, Text):
        return [None]
    keys = [words.key if words.key in MESSAGES else None]
    for _, value in words.args:
        if isinstance(value, Text):
            keys += catalogue_keys(value)
    return keys


@pytest.mark.parametrize("name", CASES)
def test_every_diagnostic_comes_from_the_catalogue(name, tmp_path):
    items = check(overlay(name, tmp_path / "data")).report.items
    assert items
    for item in items:
        assert None not in catalogue_keys(item.words), (item.code, item.message)


@pytest.mark.parametrize("name", CASES)
def test_every_diagnostic_reads_in_chinese(name, tmp_path):
    for item in check(overlay(name, tmp_path / "data")).report.items:
        chinese = item.in_language("zh")
        assert re.search(r"[\u4e00-\u9fff]", chinese), (item.code, chinese)
        assert not english_words(chinese), (item.code, chinese)


def test_the_heuristic_finds_english_that_was_not_translated():
    assert english_words("unknown person `zhang-wie`") == {"unknown", "person"}
    assert english_words("未知的人员 `zhang-wie`（见 docs/records.md#case-authors）") == set()


def test_the_cli_speaks_chinese_by_default_and_english_when_asked(tmp_path, monkeypatch):
    overlay("kb401-unknown-person", tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here: the default is Chinese
    monkeypatch.delenv("KB_LANGUAGE", raising=False)
    chinese = CliRunner().invoke(main, ["validate", "data", "--today", "2026-11-28"])
    english = CliRunner().invoke(main, ["validate", "data", "--today", "2026-11-28", "--language", "en"])
    assert "error KB401: 未知的人员 `zhang-wie`" in chinese.output
    assert chinese.output.splitlines()[-1].endswith("个文件中有 1 个错误、0 个警告。")
    assert "error KB401: unknown person `zhang-wie`" in english.output
    assert english.output.splitlines()[-1].startswith("1 error, 0 warnings in ")
