"""The three 台账 of tests/data/ledgers/ import without a map, field by field as their README says.

The expected records are read from the ledger files here with the standard library and
openpyxl, mapped column by column as the README's tables say; merged cells and the
products written as teams write them are spelled out from the README, not from the importer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from tests.conftest import REPO, TESTS, check

LEDGERS = TESTS / "data" / "ledgers"
CSV_LEDGER = LEDGERS / "台账-华东-2025.csv"
REPAIRS = LEDGERS / "维修记录.xlsx"
SERVICE = LEDGERS / "服务台账.xlsx"
# The README's model codes and names, and the product each one names (None: reported, never guessed).
PRODUCTS = {
    "HX-200": "hx-200",
    "VMC850": "vmc-850",
    "VMC-850": "vmc-850",
    "SC-75": "sc-75",
    "SC75": "sc-75",
    "AD-30": "ad-30",
    "CC-500": "cc-500",
    "SD-3": "sd-3",
    "IM-280": "im-280",
    "IM-280注塑机": "im-280",
    "SD-3伺服": "sd-3",
    "AD-30冷干机": "ad-30",
    "液压站": "hx-200",
    "HX-200液压站": "hx-200",
    "空压机": "sc-75",
    "PLC控制柜": "cc-500",
    "VMC1160": None,
    "模温机": None,
}
PRODUCT_NAMES = {
    "hx-200": "HX-200 液压站",
    "vmc-850": "VMC-850 立式加工中心",
    "sc-75": "SC-75 螺杆空压机",
    "im-280": "IM-280 注塑机",
    "sd-3": "SD-3 伺服驱动器",
    "cc-500": "CC-500 PLC 控制柜",
    "ad-30": "AD-30 冷冻式干燥机",
}
# 维修记录.xlsx: only the top-left cell of a merged range holds its value (README, "Merged cells").
MERGED = {
    4: {"处理日期": dt.date(2024, 3, 14), "客户名称": "某汽配厂", "服务工程师": "吴涛"},
    9: {"处理日期": dt.date(2025, 4, 17), "客户名称": "某模具厂", "服务工程师": "陈建国"},
    10: {"服务工程师": "陈建国"},
    14: {"处理日期": dt.date(2026, 1, 20), "客户名称": "某食品厂", "服务工程师": "何宇"},
}
CONTACTS = ("王工", "李经理", "郑主任", "蒋工", "冯班长", "杜经理")


def people() -> dict[str, str]:
    """Name -> person id, from the people files."""
    found = {}
    for path in (REPO / "data" / "people").glob("*.yml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[record["name"]] = record["id"]
    return found


def day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    year, month, date = (int(part) for part in re.split(r"[/-]", value))
    return dt.date(year, month, date)


def expected(row: int, cells: dict, columns: dict[str, str]) -> dict:
    """A row's record as the README's table maps its columns."""
    names = people()
    record: dict = {"row": row}
    for header, field in columns.items():
        value = cells.get(header)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
        if value in (None, ""):
            continue
        if field == "solved_on":
            value = day(value)
        elif field == "products":
            value = [PRODUCTS[value]]
        elif field == "authors":
            value = [names[name] for name in value.split("、")]
        record[field] = value
    return record


def csv_rows() -> list[dict]:
    text = CSV_LEDGER.read_bytes().decode("gbk")
    columns = {"日期": "solved_on", "设备型号": "products", "故障现象": "symptoms", "原因": "cause"}
    columns |= {"处理方法": "resolution", "工程师": "authors"}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [expected(number, cells, columns) for number, cells in enumerate(reader, start=2)]


def workbook_rows(path: Path, header_row: int, columns: dict[str, str], merged: dict) -> list[dict]:
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[header_row]]
    rows = []
    for cells in sheet.iter_rows(min_row=header_row + 1):
        values = {header[index]: cell.value for index, cell in enumerate(cells)}
        number = cells[0].row
        for name, value in merged.get(number, {}).items():
            assert values[name] is None, (number, name)  # the file leaves it to the merge
            values[name] = value
        rows.append(expected(number, values, columns))
    return rows


def repair_rows() -> list[dict]:
    columns = {"处理日期": "solved_on", "机型": "products", "客户名称": "customer", "故障描述": "symptoms"}
    columns |= {"故障原因": "cause", "处理措施": "resolution", "服务工程师": "authors", "工时": "hours_to_resolve"}
    return workbook_rows(REPAIRS, 2, columns, MERGED)


def service_rows() -> list[dict]:
    columns = {"日期": "solved_on", "客户": "customer", "设备型号": "products", "故障现象": "symptoms"}
    columns |= {"原因": "cause", "解决方案": "resolution", "处理人": "authors"}
    return workbook_rows(SERVICE, 1, columns, {})


def kb(*args: str):
    return CliRunner().invoke(main, [*args, "--today", "2026-11-28"])


def yaml_files(data_dir: Path) -> dict[str, str]:
    return {p.relative_to(data_dir).as_posix(): p.read_text(encoding="utf-8") for p in data_dir.rglob("*.yml")}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A copy of data/ with the three ledgers imported for real, one after the other."""
    data_dir = tmp_path_factory.mktemp("ledgers") / "data"
    shutil.copytree(REPO / "data", data_dir)
    before = yaml_files(data_dir)
    results = {}
    for ledger in (CSV_LEDGER, REPAIRS, SERVICE):
        schemas = str(data_dir.parent / "schemas")
        results[ledger.name] = kb(
            "import", str(ledger), "--data", str(data_dir), "--schemas", schemas, "--language", "en"
        )
    written = {name: text for name, text in yaml_files(data_dir).items() if name not in before}
    return data_dir, results, written, check(data_dir)


def cases_by_symptoms(checked) -> dict[str, object]:
    by_symptoms: dict[str, list] = {}
    for record in checked.context.index("case").values():
        by_symptoms.setdefault(record.model.symptoms, []).append(record.model)
    return by_symptoms


@pytest.mark.parametrize(
    ("ledger", "rows", "written"),
    [(CSV_LEDGER, csv_rows, 13), (REPAIRS, repair_rows, 14), (SERVICE, service_rows, 12)],
    ids=["csv-gbk", "title-row-and-merged-cells", "extra-columns"],
)
def test_every_row_becomes_the_case_the_readme_describes(imported, ledger, rows, written):
    _, results, _, checked = imported
    assert f"{written} written" in results[ledger.name].output, results[ledger.name].output
    found = cases_by_symptoms(checked)
    for row in rows():
        models = found.get(row["symptoms"], [])
        if PRODUCTS.get(_model_text(ledger, row["row"])) is None:
            assert models == [], row  # a model that fits no product: reported, never written
            continue
        assert len(models) == 1, row
        assert_case(models[0], row)


def _model_text(ledger: Path, row: int) -> str:
    if ledger.suffix == ".csv":
        return list(csv.reader(io.StringIO(CSV_LEDGER.read_bytes().decode("gbk"), newline="")))[row - 1][2]
    sheet = load_workbook(ledger).worksheets[0]
    header_row = 2 if ledger == REPAIRS else 1
    header = [cell.value for cell in sheet[header_row]]
    column = header.index("机型" if ledger == REPAIRS else "设备型号") + 1
    return sheet.cell(row, column).value


def assert_case(model, row: dict) -> None:
    first_clause = re.split(r"[。，；,;\n]", row["symptoms"])[0]
    assert model.title == first_clause[:30], row
    assert model.state == "not-validated", row
    assert model.solved_on == row["solved_on"] and model.products == row["products"], row
    assert model.symptoms == row["symptoms"] and model.resolution == row["resolution"], row
    assert model.cause == row.get("cause"), row  # an empty 原因 stays empty: no cause is made up
    assert model.authors == row["authors"], row
    assert model.customer == row.get("customer") and model.hours_to_resolve == row.get("hours_to_resolve"), row
    name = PRODUCT_NAMES[row["products"][0]]
    assert model.environment == f"设备：{name}。台账里没有记下版本、配置和现场条件。"
    assert (model.skills, model.tags, model.aka, model.related, model.attachments) == ([], [], [], [], [])
    assert model.validated_by is None and model.team is None and model.review_by is None


def test_the_imported_folder_validates_and_the_ledgers_own_checks_hold(imported):
    _, _, written, checked = imported
    assert [d for d in checked.report.items if d.is_error] == []
    found = cases_by_symptoms(checked)
    assert found["主轴高速运转有异响，8000转以上明显"][0].products == ["vmc-850"]  # VMC850, row 2
    assert found["空压机加载后压力上不去，车间用气不够"][0].products == ["sc-75"]  # SC75, row 9
    assert (
        found['控制柜触摸屏与PLC通讯中断，屏幕显示"通讯错误"'][0].title == "控制柜触摸屏与PLC通讯中断"
    )  # doubled quotes
    multi_line = found["液压站电机启动后噪音大，压力表指针抖动"][0].resolution
    assert (
        multi_line == "1.清洗吸油滤网\n2.更换液压油（46#抗磨液压油）\n3.排气后试机，压力稳定"
    )  # one cell over three lines
    assert [m.authors for m in found["液压站开机后压力升不上去，最高只到8MPa左右"]] == [["qian-bo"]]  # before he left
    assert len(written) == 13 + 14 + 12
    assert all(name.startswith("cases/20") for name in written)


def test_a_title_row_is_passed_over_and_merged_cells_fill_every_row_they_cover(imported):
    _, results, _, checked = imported
    output = results[REPAIRS.name].output
    assert "14 rows read: 14 written" in output and "KB8" not in output
    assert "2024-2026" not in "".join(checked.context.index("case"))  # the title row is no case
    by_day: dict[dt.date, list] = {}
    for record in checked.context.index("case").values():
        by_day.setdefault(record.model.solved_on, []).append(record.model)
    assert sorted(m.customer for m in by_day[dt.date(2024, 3, 14)]) == ["某汽配厂", "某汽配厂"]
    assert [m.authors for m in by_day[dt.date(2024, 3, 14)]] == [["wu-tao"], ["wu-tao"]]
    assert {m.customer for m in by_day[dt.date(2025, 4, 17)]} == {"某模具厂"}
    assert [m.authors for m in by_day[dt.date(2025, 4, 18)]] == [["chen-jianguo"]]  # G8:G10, three rows
    assert by_day[dt.date(2025, 4, 18)][0].customer == "某电子厂"  # its own date and customer
    assert [m.authors for m in by_day[dt.date(2026, 1, 20)]] == [["he-yu"], ["he-yu"]]


def test_a_model_that_fits_no_product_is_reported_at_its_cell_and_not_written(imported):
    _, results, written, _ = imported
    csv_output, service_output = results[CSV_LEDGER.name].output, results[SERVICE.name].output
    assert results[CSV_LEDGER.name].exit_code == 1 and results[SERVICE.name].exit_code == 1
    assert results[REPAIRS.name].exit_code == 0
    line = next(line for line in csv_output.splitlines() if "VMC1160" in line)
    assert line.startswith(f"{CSV_LEDGER}:C11:11:3: error KB405: unknown product `VMC1160`"), line
    line = next(line for line in service_output.splitlines() if "模温机" in line)
    assert line.startswith(f"{SERVICE}:服务台账!E12:12:5: error KB405: unknown product `模温机`"), line
    assert "14 rows read: 13 written" in csv_output and "13 rows read: 12 written" in service_output
    assert not any("刀库换刀时掉刀" in text or "模温机" in text for text in written.values())


def test_contact_billing_and_note_columns_never_reach_a_record(imported):
    _, results, written, _ = imported
    everything = "".join(written.values())
    for contact in CONTACTS:
        assert contact not in everything and contact not in results[SERVICE.name].output
    for note in ("保修期内", "电话支持，未上门", "非我司设备", "传帮带，刘强带林晓雨现场处理"):
        assert note not in everything
    assert "KB801" not in results[SERVICE.name].output  # passed over without a warning: the README expects them


@pytest.mark.parametrize("ledger", [CSV_LEDGER, REPAIRS, SERVICE], ids=["csv-gbk", "merged", "extra-columns"])
def test_a_dry_run_writes_nothing_and_shows_each_columns_field(ledger, tmp_path):
    data_dir = shutil.copytree(REPO / "data", tmp_path / "data")
    before = yaml_files(data_dir)
    result = kb("import", str(ledger), "--data", str(data_dir), "--dry-run", "--language", "en")
    assert yaml_files(data_dir) == before and not (tmp_path / "schemas").exists()
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Columns of {ledger}")
    columns = [line.strip() for line in lines if line.startswith("  ")]  # the column lines, indented
    assert "title: made from the first clause of " in "\n".join(columns)
    assert "state: Not validated (--state); a row without resolution is wip" in columns
    assert "environment: made from each row's products (the sheet has no such column)" in columns
    assert "title made from the symptoms' first clause: `" in result.output
    assert "dry run: nothing was written." in result.output
    for contact in CONTACTS:
        assert contact not in result.output


def test_the_dry_run_names_the_field_of_every_column_of_the_service_log(tmp_path):
    result = kb("import", str(SERVICE), "--data", str(REPO / "data"), "--dry-run", "--language", "en")
    shown = [line.strip() for line in result.output.splitlines()[1:12]]
    assert shown == [
        "A `序号` passed over: the sheet's row number",
        "B `日期` → `solved_on` (Solved on)",
        "C `客户` → `customer` (Customer)",
        "D `联系人` passed over: a customer's contact is personal data, never read",
        "E `设备型号` → `products` (Products)",
        "F `故障现象` → `symptoms` (Symptoms)",
        "G `原因` → `cause` (Cause)",
        "H `解决方案` → `resolution` (Resolution)",
        "I `处理人` → `authors` (Authors)",
        "J `是否收费` passed over: billing is no part of a case",
        "K `备注` passed over: notes stay in the sheet; write what matters into the case after the import",
    ]
    row = next(i for i, line in enumerate(result.output.splitlines()) if "服务台账 row 2)" in line)
    assert (
        result.output.splitlines()[row + 1] == "    title made from the symptoms' first clause: `液压站油箱油位下降快`"
    )


def test_json_lists_each_columns_field_and_what_each_row_got_made(tmp_path):
    result = kb(
        "import", str(SERVICE), "--data", str(REPO / "data"), "--dry-run", "--format", "json", "--language", "en"
    )
    payload = json.loads(result.output)
    said = {column["column"]: column["said"] for column in payload["columns"]}
    assert said["D"] == "D `联系人` passed over: a customer's contact is personal data, never read"
    assert said["I"] == "I `处理人` → `authors` (Authors)"
    first = payload["rows"][0]
    assert (
        first["action"] == "create"
        and first["made"]["title"] == "title made from the symptoms' first clause: `液压站油箱油位下降快`"
    )
    assert first["made"]["environment"] == "environment made from the products (the sheet has no environment column)"
    assert not any(contact in result.output for contact in CONTACTS)
