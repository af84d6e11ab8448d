"""Ticket problems are reported at the row's line and the cell's column, in the usual formats."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.model import build_dataset
from generator.pipeline import check as run_check
from generator.settings import Settings
from generator.tickets.parse import parse_day
from tests.conftest import REPO, TODAY, check, found, write

HEADER = "工单号,客户名称,联系电话,创建日期,关闭日期,处理人,产品,关联案例\n"


def export(data_dir, *rows: str, name: str = "2026.csv", encoding: str = "utf-8"):
    path = data_dir / "tickets" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes((HEADER + "".join(row + "\n" for row in rows)).encode(encoding))
    return path


def column_of(path, line: int, text: str) -> int:
    """Where `text` starts on a line of the file, worked out from the file itself."""
    return path.read_text(encoding="utf-8").split("\n")[line - 1].index(text) + 1


def validate(data_dir, *options: str):
    return CliRunner().invoke(
        main, ["validate", str(data_dir), "--today", TODAY.isoformat(), "--language", "en", *options]
    )


def test_an_unknown_case_is_reported_at_its_row_and_column(data):
    path = export(
        data,
        "GD-1,某厂,13912345678,2026-05-02,2026-05-03,李娜,VMC-850,20260501-vmc850-spindle-alarm",
        'GD-2,某厂,13912345679,2026-05-06,2026-05-08,张伟,HX-200,"20260412-hx200-pressure-drop, 20260412-hx200-pressure-dorp"',
    )
    result = validate(data)
    column = column_of(path, 3, "20260412-hx200-pressure-dorp")
    assert result.exit_code == 0  # a warning: the fix is in the ticket system; --strict fails on it
    assert f"{data}/tickets/2026.csv:3:{column}: warning KB906:" in result.output
    assert validate(data, "--strict").exit_code == 1
    assert "did you mean `20260412-hx200-pressure-drop`?" in result.output


def test_an_unknown_engineer_is_reported_at_its_row_and_column_once_per_file(data):
    path = export(
        data,
        "GD-1,某厂,13912345678,2026-05-02,2026-05-03,张玮,VMC-850,",
        "GD-2,某厂,13912345678,2026-05-04,2026-05-05,李娜,VMC-850,",
        "GD-3,某厂,13912345678,2026-05-06,2026-05-07,张玮,VMC-850,",
        "GD-4,某厂,13912345678,2026-05-08,2026-05-09,张玮,VMC-850,",
    )
    result = validate(data, "--format", "json")
    report = json.loads(result.output)
    assert [(d["line"], d["code"]) for d in report["diagnostics"]] == [(2, "KB904")]
    (problem,) = report["diagnostics"]
    assert problem["column"] == column_of(path, 2, "张玮")
    assert "did you mean `张伟`?" in problem["message"] and "2 more row(s)" in problem["message"]


def test_github_annotations_point_at_the_cell(data):
    export(data, "GD-1,某厂,13912345678,2026-05-02,2026-05-03,王工,VMC-850,")
    result = validate(data, "--format", "github")
    assert f"::error file={data}/tickets/2026.csv,line=2,col=" in result.output and "KB904" in result.output


def test_people_and_products_by_id_name_or_english_name(data):
    write(
        data,
        "people/zhao-lei.yml",
        "id: zhao-lei\nname: 赵磊\nname_en: Zhao Lei\nteam: east\nrole: field-service\njoined: 2020-01-01\n",
    )
    export(
        data,
        "GD-1,,,2026-05-02,2026-05-03,li-na,vmc-850,",
        "GD-2,,,2026-05-02,2026-05-03,李娜,VMC-850 立式加工中心,",
        "GD-3,,,2026-05-02,2026-05-03,zhao lei,VMC-850,",
        "GD-4,,,2026-05-02,2026-05-03,Li-Na,hx-200,",
        "GD-5,,,2026-05-02,2026-05-03,赵磊,HX-200 hydraulic power unit,",
    )
    checked = check(data)
    assert found(checked) == []
    tickets = checked.context.tickets.tickets
    assert [t.engineer for t in tickets] == ["li-na", "li-na", "zhao-lei", "li-na", "zhao-lei"]
    assert [t.product for t in tickets] == ["vmc-850", "vmc-850", "vmc-850", "hx-200", "hx-200"]


def test_a_name_two_people_share_is_refused_not_guessed(data):
    write(
        data,
        "people/zhang-wei-2.yml",
        "id: zhang-wei-2\nname: 张伟\nteam: hotline\nrole: technical-support\njoined: 2020-01-01\n",
    )
    export(data, "GD-1,,,2026-05-02,2026-05-03,张伟,,", "GD-2,,,2026-05-02,2026-05-03,zhang-wei-2,,")
    problems = check(data).report.items
    assert [(p.line, p.code) for p in problems] == [(2, "KB904")]
    assert "zhang-wei" in problems[0].message and "zhang-wei-2" in problems[0].message


def test_one_ticket_id_in_two_exports(data):
    export(data, "GD-1,,,2026-05-02,2026-05-03,李娜,,", name="2026-05.csv")
    export(data, "GD-2,,,2026-05-04,2026-05-05,李娜,,", "GD-1,,,2026-05-02,2026-05-03,李娜,,", name="2026.csv")
    problems = check(data).report.items
    assert [(p.file, p.line, p.code) for p in problems] == [("data/tickets/2026.csv", 3, "KB907")]
    assert "data/tickets/2026-05.csv:2" in problems[0].message


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2026-05-02", "2026-05-02"),
        ("2026/5/2", "2026-05-02"),
        ("2026.05.02", "2026-05-02"),
        ("2026-05-02 14:35", "2026-05-02"),
        ("2026-05-02T14:35:10", "2026-05-02"),
        ("2026年5月2日", "2026-05-02"),
    ],
)
def test_dates_as_ticket_systems_write_them(cell, day):
    assert parse_day(cell).isoformat() == day


@pytest.mark.parametrize(
    ("cell", "words"), [("2026-02-30", "real calendar date"), ("上周三", "not a date"), ("5/2/2026", "not a date")]
)
def test_bad_dates_are_reported_at_the_cell(data, cell, words):
    path = export(data, f"GD-1,,,{cell},,李娜,,")
    (problem,) = check(data).report.items
    assert (problem.line, problem.column, problem.code) == (2, column_of(path, 2, cell), "KB903")
    assert words in problem.message


def test_a_required_cell_left_empty(data):
    export(data, "GD-1,,,2026-05-02,,,,", ",,,2026-05-02,,李娜,,")
    assert [(p.line, p.code) for p in check(data).report.items] == [(2, "KB902"), (3, "KB902")]


def test_personal_data_in_a_read_cell_is_refused_and_masked(data):
    export(data, "GD-1 回访 13812345678,某厂,13912345678,2026-05-02,2026-05-03,李娜,,")
    result = validate(data)
    assert "KB601" in result.output and "13812345678" not in result.output
    assert "13912345678" not in result.output  # an unread column is not even looked at


def test_a_skipped_check_lets_the_tickets_through_without_what_does_not_exist(data):
    export(data, "GD-1,,,2026-05-02,2026-05-03,李娜,,20260501-vmc850-spindle-alarm、no-such-case")
    settings = Settings(data, TODAY, shown_root="data", skip=frozenset({"KB906"}))
    checked = run_check(settings)
    assert checked.report.errors == []
    (ticket,) = build_dataset(checked.context).tickets
    assert ticket.cases == ("20260501-vmc850-spindle-alarm",)


def test_no_traceback_on_odd_exports(data):
    export(data, "GD-1,,,2026-05-02,2026-05-03,李娜,,", '"unclosed,2026-05-02,,李娜')
    (data / "tickets" / "nul.csv").write_bytes(b"ticket,opened,engineer\nT\x00,2026-05-02,li-na\n")
    (data / "tickets" / "binary.csv").write_bytes(bytes(range(256)) * 4)
    result = validate(data)
    assert "Traceback" not in result.output and result.exit_code == 1
    assert "tickets/binary.csv:1:1: error KB901" in result.output
    assert "tickets/nul.csv:2:2: error KB111" in result.output


def test_the_pre_commit_hook_checks_a_changed_export_and_reports_only_it(data, monkeypatch):
    hook = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert re.search(hook["files"], "data/tickets/2026.csv") and not re.search(hook["files"], "data/tickets/a/b.csv")
    export(data, "GD-1,,,2026-05-02,2026-05-03,王工,,", name="bad.csv")
    export(data, "GD-2,,,2026-05-02,2026-05-03,李娜,,", name="good.csv")
    monkeypatch.chdir(data.parent)
    runner = CliRunner()
    bad = runner.invoke(main, ["validate", "--data", "data", "data/tickets/bad.csv", "--today", TODAY.isoformat()])
    good = runner.invoke(main, ["validate", "--data", "data", "data/tickets/good.csv", "--today", TODAY.isoformat()])
    assert bad.exit_code == 1 and "data/tickets/bad.csv:2:" in bad.output and "KB904" in bad.output
    assert good.exit_code == 0 and "bad.csv" not in good.output


def test_a_broken_person_record_is_not_reported_again_at_every_ticket_naming_them(data):
    export(data, "GD-1,,,2026-05-02,2026-05-03,张伟,,", "GD-2,,,2026-05-02,2026-05-03,李娜,,")
    person = data / "people" / "zhang-wei.yml"
    person.write_text(person.read_text(encoding="utf-8").replace("team:", "teem:"), encoding="utf-8")
    assert [code for _, _, code in found(check(data))] == ["KB202"]
    person.write_text("id: zhang-wei\nname: [unclosed\n", encoding="utf-8")  # not even readable
    assert [code for _, _, code in found(check(data))] == ["KB101"]


def test_unknown_products_and_cases_are_warnings_and_not_counted(data):
    export(data, "GD-1,,,2026-05-02,2026-05-03,李娜,HX-900,20260501-vmc850-spindle-alarm、merged-long-ago")
    checked = check(data)
    assert checked.report.errors == [] and {w.code for w in checked.report.warnings} == {"KB905", "KB906"}
    (ticket,) = build_dataset(checked.context).tickets
    assert ticket.product is None and ticket.cases == ("20260501-vmc850-spindle-alarm",)


def test_a_pasted_link_to_a_case_page_names_that_case(data):
    path = export(
        data,
        "GD-1,,,2026-05-02,2026-05-03,李娜,,https://kb.example.com/cases/20260501-vmc850-spindle-alarm/",
        "GD-2,,,2026-05-02,2026-05-03,李娜,,http://kb/cases/no-such-case/#解决步骤",
    )
    checked = check(data)
    assert checked.context.tickets.tickets[0].cases == ("20260501-vmc850-spindle-alarm",)
    (warning,) = checked.report.warnings
    assert (warning.line, warning.column) == (
        3,
        column_of(path, 3, "no-such-case"),
    ) and "`no-such-case`" in warning.message
