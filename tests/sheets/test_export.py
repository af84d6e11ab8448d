"""`kb export --format xlsx` -> `kb import` gives the same records back, on both organisations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from tests.conftest import REPO, TESTS, check

FOLDERS = {"demo": REPO / "data", "second-org": TESTS / "data" / "second-org"}
IMPORTED = ("case", "person", "session", "commendation")


def kb(*args: str):
    return CliRunner().invoke(main, [*args, "--today", "2026-11-28"])


def without_imported_kinds(source: Path, target: Path) -> Path:
    """A copy of a data folder without the folders the workbook brings back."""
    return shutil.copytree(
        source,
        target,
        ignore=lambda folder, names: (
            {"cases", "people", "sessions", "commendations"} if Path(folder) == source else set()
        ),
    )


def models(data_dir: Path, kind: str) -> dict:
    return {record_id: record.model for record_id, record in check(data_dir).context.index(kind).items()}


@pytest.mark.parametrize("name", FOLDERS)
def test_import_of_the_export_reproduces_the_records(name, tmp_path):
    source = FOLDERS[name]
    exported = kb("export", "--data", str(source), "--out", str(tmp_path / "records.xlsx"))
    assert exported.exit_code == 0, exported.output
    # A folder with everything but the kinds the workbook brings: the references of its
    # mentoring pairs, paths and awards are unknown until the import.
    target = tmp_path / "data"
    without_imported_kinds(source, target)
    imported = kb("import", str(tmp_path / "records.xlsx"), "--data", str(target), "--schemas", str(tmp_path / "s"))
    assert imported.exit_code == 0, imported.output
    assert "工作表 `传帮带`列出的传帮带记录只供阅读" in imported.output  # KB805, a warning
    assert [d for d in check(target).report.items if d.is_error] == []
    for kind in IMPORTED:
        assert models(target, kind) == models(source, kind), kind
    again = kb("import", str(tmp_path / "records.xlsx"), "--data", str(target), "--language", "en")
    assert again.exit_code == 0 and "0 written, 0 updated" in again.output


def test_the_workbook_has_a_sheet_per_kind_with_the_import_headers_and_real_dates(tmp_path):
    assert kb("export", "--data", str(FOLDERS["demo"]), "--out", str(tmp_path / "r.xlsx")).exit_code == 0
    workbook = load_workbook(tmp_path / "r.xlsx")
    assert workbook.sheetnames == ["案例", "人员", "培训场次", "传帮带", "培养路径", "荣誉", "目标", "表扬"]
    cases = workbook["案例"]
    header = [cell.value for cell in cases[1]]
    assert header[:4] == ["编号", "标题", "状态", "产品"] and "解决日期" in header and "症状" in header
    row = {header[i]: cell.value for i, cell in enumerate(cases[2])}
    assert row["状态"] in {"处理中", "待验证", "已验证", "已归档"}
    assert hasattr(row["解决日期"], "year")  # a real Excel date, not text
    authors = [row[header.index("作者")].value for row in cases.iter_rows(min_row=2)]
    assert any("、" in value for value in authors) and not any("-" in value for value in authors)  # names, not ids
    assert len(workbook["传帮带"]["A"]) - 1 == len(list((FOLDERS["demo"] / "mentoring").glob("*.yml")))


def test_english_headers_import_too(tmp_path):
    assert (
        kb(
            "export", "--data", str(FOLDERS["second-org"]), "--out", str(tmp_path / "r.xlsx"), "--language", "en"
        ).exit_code
        == 0
    )
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[:3] == ["Cases", "People", "Sessions"]
    target = tmp_path / "data"
    without_imported_kinds(FOLDERS["second-org"], target)
    assert (
        kb("import", str(tmp_path / "r.xlsx"), "--data", str(target), "--schemas", str(tmp_path / "s")).exit_code == 0
    )
    assert models(target, "case") == models(FOLDERS["second-org"], "case")


def test_export_refuses_records_with_errors(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(TESTS / "data" / "minimal", data_dir)
    (data_dir / "people/li-na.yml").write_text("id: li-na\n", encoding="utf-8")
    result = kb("export", "--data", str(data_dir), "--out", str(tmp_path / "r.xlsx"), "--language", "en")
    assert result.exit_code == 1 and "Nothing exported" in result.output and not (tmp_path / "r.xlsx").exists()
