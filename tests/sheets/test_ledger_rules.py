"""What a 台账 leaves out, filled the same way for every row: headers as teams write them, a
title from the symptoms, a state (--state), an environment; products as logs write them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.names import Names
from generator.sheets.columns import PASSED_OVER_BY_HEADER, normalise, vocabulary
from generator.sheets.ledger import TITLE_LENGTH, title_from_symptoms
from tests.conftest import check
from tests.hostile import hostile_text

HEADER = "日期,设备型号,故障现象,原因,处理方法,工程师"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KB_LANGUAGE", raising=False)


def ledger(tmp_path: Path, *rows: str, header: str = HEADER) -> str:
    (tmp_path / "台账.csv").write_bytes("\r\n".join([header, *rows, ""]).encode("gbk"))
    return "台账.csv"


def run(*args: str):
    return CliRunner().invoke(main, ["import", *args, "--today", "2026-11-28", "--language", "en"])


def cases(data_dir: Path) -> dict:
    return {record.model.symptoms: record.model for record in check(data_dir).context.index("case").values()}


@pytest.mark.parametrize(
    ("symptoms", "title"),
    [
        ("液压站开机后压力升不上去，最高只到8MPa左右", "液压站开机后压力升不上去"),
        ("空压机排气温度高；显示105℃", "空压机排气温度高"),
        ("Spindle alarm, cannot reset", "Spindle alarm"),
        ("主轴报警\n复位后又报", "主轴报警"),
        ("1. 开机后主轴报警。2. 复位无效", "开机后主轴报警"),  # a Markdown list mark is no word of the title
        ("，开头就是逗号。然后才是现象", "开头就是逗号"),
        ("开机报警“主轴放大器未就绪”", "开机报警“主轴放大器未就绪”"),
    ],
)
def test_the_title_is_the_first_clause_of_the_symptoms(symptoms, title):
    assert title_from_symptoms(symptoms) == title


def test_a_long_clause_is_cut_to_a_readable_length_without_cutting_a_code():
    cut = title_from_symptoms("数控系统在自动运行第三个程序段时突然出现报警代码AL-1021")  # 30 falls inside the code
    assert cut == "数控系统在自动运行第三个程序段时突然出现报警代码" and len(cut) <= TITLE_LENGTH
    assert title_from_symptoms("设备" * 14 + "E203") == "设备" * 14  # E203 would be cut to E2
    assert title_from_symptoms("一" * 40) == "一" * TITLE_LENGTH
    code = "ALARM-" + "9" * 40
    assert title_from_symptoms(code + " 后面的字") == code  # a code longer than a title is kept whole
    accented = "e\u0301" * 20  # é written as e and a combining accent
    assert title_from_symptoms(accented).endswith("\u0301")  # an accent is never parted from its letter


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        (("日期", "处理日期", "维修日期"), "solved_on"),
        (("设备型号", "机型", "型号", "设备"), "products"),
        (("故障现象", "故障描述", "问题描述"), "symptoms"),
        (("原因", "故障原因", "原因分析"), "cause"),
        (("处理方法", "处理措施", "解决方案", "处理过程"), "resolution"),
        (("工程师", "处理人", "服务工程师", "维修人员"), "authors"),
        (("客户", "客户名称", "用户"), "customer"),
        (("工时", "用时", "处理时长", "工时（h）"), "hours_to_resolve"),
    ],
)
def test_the_common_ledger_headers_are_known(headers, field):
    known = vocabulary("case")
    assert {header: known.get(normalise(header)) for header in headers} == dict.fromkeys(headers, field)


def test_columns_a_team_keeps_beside_the_records_are_passed_over_with_a_reason():
    reasons = {header: PASSED_OVER_BY_HEADER.get(normalise(header)) for header in ("序号", "联系人", "联系电话")}
    assert reasons == {"序号": "row-number", "联系人": "contact", "联系电话": "contact"}
    assert PASSED_OVER_BY_HEADER[normalise("是否收费")] == "billing" and PASSED_OVER_BY_HEADER["备注"] == "notes"
    assert not set(PASSED_OVER_BY_HEADER) & set(vocabulary("case")), "a header is a field or passed over, not both"


def demo_products() -> Names:
    names = Names()
    for product_id, name in (
        ("hx-200", "HX-200 液压站"),
        ("vmc-850", "VMC-850 立式加工中心"),
        ("sc-75", "SC-75 螺杆空压机"),
        ("sd-3", "SD-3 伺服驱动器"),
        ("cc-500", "CC-500 PLC 控制柜"),
        ("ad-30", "AD-30 冷冻式干燥机"),
    ):
        names.add("product", product_id, name)
    return names


@pytest.mark.parametrize(
    ("written", "product"),
    [
        ("VMC850", "vmc-850"),
        ("SC75", "sc-75"),
        ("液压站", "hx-200"),
        ("HX-200液压站", "hx-200"),
        ("SD-3伺服", "sd-3"),
        ("PLC控制柜", "cc-500"),
        ("AD-30冷干机", "ad-30"),
        ("空压机", "sc-75"),
    ],
)
def test_a_model_as_teams_write_it_names_the_one_product_it_fits(written, product):
    assert demo_products().find("product", written).id == product


@pytest.mark.parametrize("written", ["VMC1160", "模温机", "冷干机", "站"])
def test_a_model_that_fits_no_product_is_not_guessed(written):
    found = demo_products().find("product", written)
    assert found.id is None and found.ambiguous == ()


def test_a_model_that_fits_two_products_is_not_guessed():
    names = demo_products()
    names.add("product", "sc-100", "SC-100 螺杆空压机")
    assert names.find("product", "空压机").ambiguous == ("sc-100", "sc-75")


def test_an_ambiguous_model_is_reported_at_its_cell(data, tmp_path):
    taxonomy = data / "taxonomy.yml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8").replace(
            "products:\n",
            "products:\n  - {id: sc-100, name: SC-100 螺杆空压机}\n  - {id: sc-75, name: SC-75 螺杆空压机}\n",
            1,
        ),
        encoding="utf-8",
    )
    result = run(ledger(tmp_path, "2026/9/1,空压机,空压机不加载,进气阀坏,更换进气阀,张伟"), "--data", "data")
    assert result.exit_code == 1
    assert "台账.csv:B2:2:2: error KB803: `空压机` fits more than one product" in result.output


def test_a_row_without_a_resolution_is_wip_and_says_so(data, tmp_path):
    sheet = ledger(
        tmp_path, "2026/9/1,HX-200,液压站漏油，地上有油,,,张伟", "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟"
    )
    dry = run(sheet, "--data", "data", "--dry-run")
    assert "    state wip: the row has no resolution, which `not-validated` needs" in dry.output
    result = run(sheet, "--data", "data")
    assert result.exit_code == 0, result.output
    imported = cases(data)
    leaking, low = imported["液压站漏油，地上有油"], imported["液压站压力低"]
    assert leaking.state == "wip" and leaking.environment is None and leaking.resolution is None
    assert leaking.cause is None and leaking.title == "液压站漏油"
    assert low.state == "not-validated" and low.environment.startswith("设备：HX-200 液压站。")


def test_state_wip_imports_every_row_as_wip_without_an_environment(data, tmp_path):
    result = run(
        ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟"), "--data", "data", "--state", "wip"
    )
    assert result.exit_code == 0, result.output
    model = cases(data)["液压站压力低"]
    assert model.state == "wip" and model.environment is None and model.resolution == "更换泵"


def test_state_validated_needs_environment_and_validated_by_columns(data, tmp_path):
    before = sorted(p.name for p in data.rglob("*.yml"))
    result = run(
        ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟"), "--data", "data", "--state", "validated"
    )
    assert result.exit_code == 1 and sorted(p.name for p in data.rglob("*.yml")) == before
    assert (
        "台账.csv:A1:1:1: error KB806: --state validated needs an environment and a validated_by column, "
        "and this sheet has no column for environment, validated_by; it was not imported" in result.output
    )
    header = HEADER + ",环境,验证人"
    sheet = ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟,HX-200，2019 款。,李娜", header=header)
    result = run(sheet, "--data", "data", "--state", "validated")
    assert result.exit_code == 0, result.output
    model = cases(data)["液压站压力低"]
    assert model.state == "validated" and model.validated_by == "li-na" and model.environment == "HX-200，2019 款。"


def test_a_state_column_wins_over_state_and_an_empty_state_cell_gets_it(data, tmp_path):
    header = HEADER + ",状态"
    sheet = ledger(
        tmp_path,
        "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟,处理中",
        "2026/9/3,HX-200,液压站油温高,,清洗冷却器,张伟,",
        header=header,
    )
    result = run(sheet, "--data", "data")
    assert result.exit_code == 0, result.output
    imported = cases(data)
    assert imported["液压站压力低"].state == "wip" and imported["液压站油温高"].state == "not-validated"


def test_the_environment_is_written_in_the_site_language(data, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_LANGUAGE", "en")  # no mkdocs.yml here: the site's language is KB_LANGUAGE
    result = run(ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟"), "--data", "data")
    assert result.exit_code == 0, result.output
    environment = cases(data)["液压站压力低"].environment
    assert (
        environment
        == "Equipment: HX-200 hydraulic power unit. The log kept no version, configuration or site conditions."
    )


def test_a_contact_column_is_never_read_even_with_a_phone_number_in_it(data, tmp_path):
    header = "序号," + HEADER + ",联系人,备注"
    sheet = ledger(
        tmp_path, "1,2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟,王工 13912345678,客户很急", header=header
    )
    result = run(sheet, "--data", "data")
    assert result.exit_code == 0, result.output  # a phone number there would be KB601, were it read
    written = "".join(path.read_text(encoding="utf-8") for path in (data / "cases" / "2026").glob("20260902-*.yml"))
    assert "液压站压力低" in written and "王工" not in written and "139" not in written and "客户很急" not in written
    assert "13912345678" not in result.output and "王工" not in result.output


def test_update_keeps_the_title_and_state_a_record_has(data, tmp_path):
    sheet = ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟")
    assert run(sheet, "--data", "data").exit_code == 0
    path = next((data / "cases" / "2026").glob("20260902-*.yml"))
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: 液压站压力低", "title: 液压站压力低（已改写）"),
        encoding="utf-8",
    )
    changed = ledger(tmp_path, "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵并清洗油箱,张伟")
    result = run(changed, "--data", "data", "--update", "--state", "wip")
    assert result.exit_code == 0, result.output
    model = cases(data)["液压站压力低"]
    assert model.title == "液压站压力低（已改写）" and model.state == "not-validated"
    assert model.resolution == "更换泵并清洗油箱" and model.solved_on == dt.date(2026, 9, 2)


def test_an_empty_cell_of_an_environment_column_is_a_gap_and_the_row_waits_as_wip(data, tmp_path):
    header = HEADER + ",环境"
    sheet = ledger(
        tmp_path,
        "2026/9/2,HX-200,液压站压力低,泵磨损,更换泵,张伟,",
        "2026/9/3,HX-200,液压站油温高,,清洗冷却器,张伟,HX-200，2019 款。",
        header=header,
    )
    result = run(sheet, "--data", "data")
    assert result.exit_code == 0, result.output
    assert "state wip: the row has no environment, which `not-validated` needs" in result.output
    imported = cases(data)
    assert imported["液压站压力低"].state == "wip" and imported["液压站压力低"].environment is None
    assert (
        imported["液压站油温高"].state == "not-validated"
        and imported["液压站油温高"].environment == "HX-200，2019 款。"
    )


@given(symptoms=st.one_of(hostile_text(), st.text(max_size=200)))
@settings(max_examples=100, deadline=None)
def test_any_symptoms_give_a_title_of_one_line_no_longer_than_a_title_or_its_first_code(symptoms):
    title = title_from_symptoms(symptoms)
    assert "\n" not in title and title == title.strip()
    assert len(title) <= TITLE_LENGTH or re.fullmatch(r"[A-Za-z0-9_./-]+", title[TITLE_LENGTH - 1 :])
    first = next((part for part in re.split(r"[。，；,;\n]", symptoms) if part.strip()), "")
    assert not title or title[:1] in first  # taken from the first clause that says something
