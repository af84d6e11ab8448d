"""One small data folder per rule: each must be reported at exactly its file, line and code."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.codes import CODES
from tests.conftest import BAD, check, copy_minimal, found

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
