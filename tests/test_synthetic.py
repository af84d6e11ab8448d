from __future__ import annotations

import hashlib

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import check


def digest(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.yml"))
    }


def test_synthetic_data_validates_and_is_deterministic(tmp_path):
    for name in ("a", "b"):
        result = CliRunner().invoke(main, ["demo", "--cases", "300", "--out", str(tmp_path / name), "--seed", "7"])
        assert result.exit_code == 0, result.output
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    checked = check(tmp_path / "a")
    assert checked.report.errors == []
    kinds = {kind: len(records) for kind, records in checked.context.records.items()}
    assert kinds["case"] == 300 and kinds["person"] >= 24 and kinds["session"] >= 12 and kinds["award"] >= 10
    states = {case.model.state for case in checked.context.of("case")}
    assert states == {"wip", "not-validated", "validated", "archived"}


def test_demo_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo", "--cases", "10", "--out", str(tmp_path)])
    assert result.exit_code == 1 and str(tmp_path) in result.output
