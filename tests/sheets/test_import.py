"""`kb import` of a sheet written the way a team writes it: Chinese headers, names, 已验证."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from generator.cli import main
from tests.conftest import TESTS, check, found

SECOND_ORG = TESTS / "data" / "second-org"
HEADERS = [
    "标题",
    "状态",
    "产品",
    "技能",
    "标签",
    "现象",
    "环境",
    "原因",
    "解决方法",
    "作者",
    "验证人",
    "解决日期",
    "处理用时",
    "客户",
    "客户电话",
]
GOOD = [
    # a real Excel date, names instead of ids, a product by its full name, two tags in one cell
    [
        "主轴报警 401 无法复位",
        "已验证",
        "VMC-850 立式加工中心",
        "数控系统",
        "主轴、编码器",
        "开机后主轴报警 401，复位无效。",
        "VMC-850，FANUC 0i-MF。",
        "编码器线松动。",
        "1. 重新插紧编码器线。\n2. 复位，试机 1 小时。",
        "张伟、陈浩",
        "李娜",
        dt.datetime(2026, 5, 20),
        3,
        "某汽配厂",
        "13812345678",
    ],
    # ids instead of names, a date typed as text, a number typed as text, authors on two lines
    [
        "液压站补油后仍然掉压",
        "待验证",
        "hx-200",
        "hydraulics",
        "",
        "补油后 10 分钟压力又掉到 9 MPa。",
        "HX-200，固件 v2.3.1。",
        "",
        "更换溢流阀密封圈。",
        "zhang-wei\nchen-hao",
        "",
        "2026年6月3日",
        "2.5",
        "",
        "",
    ],
]
UNKNOWN_ENGINEER = [
    "液压站油温高",
    "处理中",
    "HX-200 液压站",
    "",
    "",
    "油温 70 ℃。",
    "",
    "",
    "",
    "查无此人",
    "",
    "2026/6/8",
    "",
    "",
    "",
]
TYPO_PRODUCT = [
    "加工中心换刀卡住",
    "待验证",
    "VMC-805",
    "",
    "",
    "换刀到一半停住。",
    "VMC-850。",
    "",
    "重新标定刀库零点。",
    "张伟",
    "",
    "2026-06-10",
    "",
    "",
    "",
]


def write_sheet(
    path: Path, rows: list[list], title: str = "案例", headers: list[str] = HEADERS, above: bool = True
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    if above:
        sheet.append(["2026 年售后案例台账（华东）"])  # the title row teams keep above the header
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Commands run where the sheet and data/ are, so that messages name them as a user typed them."""
    monkeypatch.chdir(tmp_path)


def run(*args: str):
    return CliRunner().invoke(main, ["import", *args, "--today", "2026-11-28", "--language", "en"])


def yaml_files(data_dir: Path) -> set[str]:
    return {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*.yml")}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "台账.xlsx", [GOOD[0], UNKNOWN_ENGINEER, GOOD[1], TYPO_PRODUCT])


def test_good_rows_become_valid_cases_with_the_cells_text(data, ledger, tmp_path):
    before = yaml_files(data)
    result = run("台账.xlsx", "--data", "data", "--schemas", "schemas")
    assert result.exit_code == 1, result.output  # two rows have errors
    written = yaml_files(data) - before
    assert written == {
        "cases/2026/20260520-vmc850-zhu-zhou-bao-jing-401-wu.yml",
        "cases/2026/20260603-hx200-ye-ya-zhan-bu-you-reng.yml",
    }
    assert found(check(data)) == [
        ("cases/2026/20260520-vmc850-zhu-zhou-bao-jing-401-wu.yml", 3, "KB703")
    ]  # similar to the demo case, a warning
    context = check(data).context
    first = context.index("case")["20260520-vmc850-zhu-zhou-bao-jing-401-wu"].model
    assert first.state == "validated" and first.products == ["vmc-850"] and first.skills == ["cnc"]
    assert first.authors == ["zhang-wei", "chen-hao"] and first.validated_by == "li-na"
    assert first.tags == ["主轴", "编码器"] and first.solved_on == dt.date(2026, 5, 20) and first.hours_to_resolve == 3
    assert first.symptoms == GOOD[0][5] and first.resolution == GOOD[0][8]
    second = context.index("case")["20260603-hx200-ye-ya-zhan-bu-you-reng"].model
    assert second.state == "not-validated" and second.authors == ["zhang-wei", "chen-hao"]
    assert second.solved_on == dt.date(2026, 6, 3) and second.hours_to_resolve == 2.5 and second.cause is None
    text = (data / "cases/2026/20260520-vmc850-zhu-zhou-bao-jing-401-wu.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/case.schema.json\n")
    assert "resolution: |-\n  1. 重新插紧编码器线。\n  2. 复位，试机 1 小时。\n" in text
    assert "13812345678" not in text and "客户电话" not in text


def test_bad_rows_are_reported_at_their_cells(data, ledger, tmp_path):
    result = run("台账.xlsx", "--data", "data", "--schemas", "schemas")
    lines = result.output.splitlines()
    engineer = next(line for line in lines if "查无此人" in line)
    assert engineer.startswith("台账.xlsx:案例!J4:4:10: error KB401: unknown person `查无此人`"), engineer
    product = next(line for line in lines if "VMC-805" in line)
    assert product.startswith(
        "台账.xlsx:案例!C6:6:3: error KB405: unknown product `VMC-805`; did you mean `VMC-850 立式加工中心` (vmc-850)?"
    )
    assert "KB801" not in result.output and "客户电话" not in result.output  # a contact column is passed over unsaid
    assert (
        "2 errors" in result.output and "4 rows read: 2 written, 0 updated, 0 unchanged, 2 not written" in result.output
    )
    assert "Traceback" not in result.output


def test_a_similar_name_is_offered_for_an_unknown_engineer(data, tmp_path):
    row = [*UNKNOWN_ENGINEER[:9], "张玮", *UNKNOWN_ENGINEER[10:]]  # a homophone: what an input method slips to
    sheet = write_sheet(tmp_path / "台账.xlsx", [row])
    result = run(str(sheet), "--data", str(data))
    assert "unknown person `张玮`; did you mean `张伟` (zhang-wei)?" in result.output


def test_a_phone_number_in_a_cell_is_an_error_at_that_cell(data, tmp_path):
    row = list(GOOD[1])
    row[5] = "客户王工 13912345678 说补油后又掉压。"
    sheet = write_sheet(tmp_path / "台账.xlsx", [row])
    before = yaml_files(data)
    result = run(str(sheet), "--data", str(data))
    assert result.exit_code == 1
    assert "台账.xlsx:案例!F3:3:6: error KB601: `symptoms` contains a mobile phone number (139…78)" in result.output
    assert "13912345678" not in result.output and yaml_files(data) == before


def test_dry_run_writes_nothing_and_says_what_would_happen(data, ledger, tmp_path):
    before = yaml_files(data)
    result = run("台账.xlsx", "--data", "data", "--dry-run", "--schemas", "schemas")
    assert yaml_files(data) == before and not (tmp_path / "schemas").exists()
    assert (
        "would write data/cases/2026/20260520-vmc850-zhu-zhou-bao-jing-401-wu.yml  (台账.xlsx:案例 row 3)"
        in result.output
    )
    assert "dry run: nothing was written" in result.output


def test_an_existing_record_is_kept_unless_update_is_given_then_the_diff_is_shown(data, tmp_path):
    first = write_sheet(tmp_path / "a.xlsx", [GOOD[1]])
    assert run(str(first), "--data", str(data)).exit_code == 0
    target = data / "cases/2026/20260603-hx200-ye-ya-zhan-bu-you-reng.yml"
    written = target.read_text(encoding="utf-8")
    again = run(str(first), "--data", str(data))
    assert again.exit_code == 0 and "1 unchanged" in again.output
    changed = list(GOOD[1])
    changed[8] = "更换溢流阀密封圈，并清洗阀芯。"
    second = write_sheet(tmp_path / "b.xlsx", [changed])
    refused = run(str(second), "--data", str(data))
    assert refused.exit_code == 1 and "KB802" in refused.output and "--update overwrites it" in refused.output
    assert target.read_text(encoding="utf-8") == written
    updated = run(str(second), "--data", str(data), "--update")
    assert updated.exit_code == 0, updated.output
    assert "-  更换溢流阀密封圈。" in updated.output and "+  更换溢流阀密封圈，并清洗阀芯。" in updated.output
    assert "更换溢流阀密封圈，并清洗阀芯。" in target.read_text(encoding="utf-8")


def test_update_keeps_the_fields_the_sheet_has_no_column_for(data, tmp_path):
    case = "cases/2026/20260412-hx200-pressure-drop.yml"
    sheet = write_sheet(
        tmp_path / "a.xlsx",
        [["20260412-hx200-pressure-drop", "运行约 30 分钟后系统压力下降，HMI 报警 E203。\n复位后又报。"]],
        headers=["编号", "症状"],
        above=False,
    )
    result = run(str(sheet), "--data", str(data), "--update", "--kind", "case")
    assert result.exit_code == 0, result.output
    model = check(data).context.index("case")["20260412-hx200-pressure-drop"].model
    assert (
        model.symptoms.endswith("复位后又报。") and model.attachments == ["valve.png"] and model.review_by is not None
    )
    assert found(check(data)) == []
    assert (data / case).exists()


def test_people_and_sessions_from_one_workbook_name_each_other(data, tmp_path):
    workbook = Workbook()
    people = workbook.active
    people.title = "人员"
    people.append(["姓名", "班组", "岗位", "入职日期", "技能", "知识角色"])
    people.append(["王小明", "华东服务站", "现场服务", dt.datetime(2026, 7, 1), "液压系统 2、数控系统 1", "候选人"])
    people.append(["赵六", "不存在的站", "现场服务", "2026-07-01", "", ""])
    sessions = workbook.create_sheet("培训场次")
    sessions.append(["主题", "日期", "学时", "形式", "讲师", "参训人员", "讨论的案例"])
    sessions.append(
        ["液压站保压测试", dt.datetime(2026, 12, 10), 3, "现场", "张伟", "王小明、陈浩", "20260412-hx200-pressure-drop"]
    )
    sessions.append(["数控系统入门", dt.datetime(2026, 12, 12), 2, "线上", "张伟", "赵六", ""])
    workbook.save(tmp_path / "培训.xlsx")
    result = run(str(tmp_path / "培训.xlsx"), "--data", str(data))
    assert result.exit_code == 1
    assert "培训.xlsx:人员!B3:3:2: error KB406: unknown team `不存在的站`" in result.output
    # 赵六's row failed, so the session that enrols 赵六 cannot be written either
    assert "培训.xlsx:培训场次!F3:3:6: error KB401: unknown person `zhao-liu`" in result.output
    context = check(data).context
    person = context.index("person")["wang-xiao-ming"].model
    assert person.team == "east" and person.role == "field-service" and person.skills == {"hydraulics": 2, "cnc": 1}
    assert person.kcs_role == "candidate" and person.joined == dt.date(2026, 7, 1)
    session = context.index("session")["2026-12-ye-ya-zhan-bao-ya-ce-shi"].model
    assert session.format == "on-site" and session.attendees == ["wang-xiao-ming", "chen-hao"]
    assert session.cases == ["20260412-hx200-pressure-drop"]
    assert "zhao-liu" not in context.index("person") and len(context.index("session")) == 3
    assert found(check(data)) == []


def test_a_map_names_other_headers_and_can_silence_a_column(data, tmp_path):
    headers = ["故障标题", "状态", "机型", "现象", "作者", "日期", "备注"]
    sheet = write_sheet(
        tmp_path / "a.xlsx",
        [["电磁阀不动作", "处理中", "HX-200", "电磁阀不得电。", "陈浩", "2026-09-01", "待跟进"]],
        headers=headers,
    )
    mapping = tmp_path / "map.yml"
    mapping.write_text("故障标题: title\n机型: products\n日期: solved_on\n备注: null\n", encoding="utf-8")
    result = run(str(sheet), "--data", str(data), "--map", str(mapping))
    assert result.exit_code == 0, result.output
    assert "KB801" not in result.output
    assert "20260901-hx200-dian-ci-fa-bu-dong-zuo" in check(data).context.index("case")


def test_a_map_that_names_no_field_is_refused(data, ledger, tmp_path):
    mapping = tmp_path / "map.yml"
    mapping.write_text("机型: product\n", encoding="utf-8")
    result = run("台账.xlsx", "--data", "data", "--map", str(mapping))
    assert result.exit_code == 1 and "`product` (for `机型`) is not a field" in result.output
    assert "Traceback" not in result.output


def test_a_sheet_without_a_required_column_is_not_imported(data, tmp_path):
    sheet = write_sheet(
        tmp_path / "a.xlsx", [["电磁阀不动作", "处理中", "HX-200"]], headers=["标题", "状态", "产品"], above=False
    )
    result = run(str(sheet), "--data", str(data), "--kind", "case")
    assert result.exit_code == 1
    assert "a.xlsx:案例!A1:1:1: error KB806: no column holds `symptoms`" in result.output


def test_an_unknown_state_lists_the_chinese_labels(data, tmp_path):
    row = list(GOOD[1])
    row[1] = "已完成"
    result = run(str(write_sheet(tmp_path / "a.xlsx", [row])), "--data", str(data))
    assert (
        "a.xlsx:案例!B3:3:2: error KB204: `state` is `已完成`; allowed: 处理中 (wip), 待验证 (not-validated)"
        in result.output
    )
    assert result.output.count("KB204") == 1


def test_a_name_two_people_share_is_refused(data, tmp_path):
    (data / "people/zhang-wei-2.yml").write_text(
        "id: zhang-wei-2\nname: 张伟\nteam: hotline\nrole: technical-support\njoined: 2020-01-01\n", encoding="utf-8"
    )
    result = run(str(write_sheet(tmp_path / "a.xlsx", [GOOD[0]])), "--data", str(data))
    assert (
        "error KB803: `张伟` fits more than one person: `张伟` (zhang-wei), `张伟` (zhang-wei-2); write the id"
        in result.output
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_or_gbk(data, tmp_path, encoding):
    lines = ["标题,状态,产品,现象,作者,解决日期", "电磁阀不动作,处理中,HX-200 液压站,电磁阀不得电。,陈浩,2026/9/1", ""]
    (tmp_path / "台账.csv").write_bytes("\r\n".join(lines).encode(encoding))
    result = run("台账.csv", "--data", "data")
    assert result.exit_code == 0, result.output
    model = check(data).context.index("case")["20260901-hx200-dian-ci-fa-bu-dong-zuo"].model
    assert (
        model.title == "电磁阀不动作" and model.symptoms == "电磁阀不得电。" and model.solved_on == dt.date(2026, 9, 1)
    )


def test_a_csv_error_names_the_cell_without_a_sheet(data, tmp_path):
    (tmp_path / "台账.csv").write_text(
        "标题,状态,产品,现象,作者,解决日期\n电磁阀不动作,处理中,HX-300,不得电,陈浩,2026/9/1\n", encoding="utf-8"
    )
    result = run("台账.csv", "--data", "data")
    assert "台账.csv:C2:2:3: error KB405: unknown product `HX-300`" in result.output
    chinese = CliRunner().invoke(main, ["import", "台账.csv", "--data", "data", "--today", "2026-11-28"])
    assert "台账.csv:C2:2:3: error KB405: 未知的产品 `HX-300`；是不是 `HX-200 液压站` (hx-200)？" in chinese.output


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0 old excel", "save it as .xlsx or .csv"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "cannot be read as an Excel workbook"),
        ("latin.csv", "titre,état\n".encode("latin-1"), "neither UTF-8 nor GBK"),
    ],
)
def test_a_file_that_is_no_readable_sheet_is_one_clear_error(data, tmp_path, name, content, says):
    (tmp_path / name).write_bytes(content)
    result = run(name, "--data", "data")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"{name}:1:1: error KB804:" in result.output and says in result.output
    assert "Traceback" not in result.output


def test_json_output_lists_the_rows_and_what_happened(data, ledger):
    result = run("台账.xlsx", "--data", "data", "--format", "json", "--dry-run")
    payload = json.loads(result.output)
    assert payload["errors"] == 2 and payload["dry_run"] is True
    actions = [(row["row"], row["action"]) for row in payload["rows"]]
    assert actions == [(3, "create"), (4, "failed"), (5, "create"), (6, "failed")]
    cells = {d["file"] for d in payload["diagnostics"] if d["severity"] == "error"}
    assert cells == {"台账.xlsx:案例!J4", "台账.xlsx:案例!C6"}


def test_import_into_the_second_organisation(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(SECOND_ORG, data_dir)
    row = [
        "贴标机标签起皱",
        "已验证",
        "LB-60",
        "贴标调整",
        "",
        "标签贴上后边缘起皱。",
        "LB-60，2024 款。",
        "压辊压力不均。",
        "调整压辊压力并更换压辊。",
        "邓凯",
        "周海",
        dt.datetime(2026, 11, 2),
        1.5,
        "某饮料厂",
        "",
    ]
    result = run(str(write_sheet(tmp_path / "台账.xlsx", [row])), "--data", str(data_dir))
    assert result.exit_code == 0, result.output
    model = check(data_dir).context.index("case")["20261102-lb60-tie-biao-ji-biao-qian-qi"].model
    assert model.products == ["lb60"] and model.skills == ["labelling"] and model.authors == ["deng-kai"]
    assert model.validated_by == "zhou-hai"
    assert [d for d in check(data_dir).report.items if d.is_error] == []


def test_made_ids_stay_short_and_rows_that_meet_get_numbered(data, tmp_path):
    long_title = "液压站在连续运行两个班次以后出现压力缓慢下降并伴随油温升高和噪声增大"
    rows = [[long_title, "处理中", "HX-200", "", "", "压力降。", "", "", "", "陈浩", "", "2026-09-01", "", "", ""]] * 2
    result = run(str(write_sheet(tmp_path / "a.xlsx", rows)), "--data", str(data))
    assert result.exit_code == 0, result.output
    ids = sorted(i for i in check(data).context.index("case") if i.startswith("20260901"))
    assert len(ids) == 2 and all(len(i) <= 42 for i in ids) and ids[1] == ids[0] + "-2"
    assert len(ids[0]) <= 40
