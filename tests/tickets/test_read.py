"""Reading exports as they come: encodings, delimiters, headers, positions, and what is kept."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from generator.load.files import SourceFile, discover
from generator.tickets import read
from generator.tickets.columns import COLUMNS
from generator.tickets.read import read_ticket_file
from tests.conftest import REPO, check, found
from tests.tickets.conftest import FIRST_HALF, SECOND_HALF, unread_values

SECOND_ORG = REPO / "tests" / "data" / "second-org" / "tickets"


def exported(path: Path):
    return read_ticket_file(SourceFile("tickets", path, path.name))


def written(tmp_path: Path, content: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def independent_rows(raw: bytes, encoding: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline="")))
    return [row for row in rows[1:] if any(row)]


@pytest.mark.parametrize(
    ("name", "encoding"), [("crm-export-2025.csv", "gbk"), ("service-tickets-2026.csv", "utf-8-sig")]
)
def test_a_gbk_and_a_utf8_bom_export_of_another_team_load(name, encoding):
    path = SECOND_ORG / name
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    result = exported(path)
    assert result.problems == []
    rows = independent_rows(raw, encoding)
    assert [row.values[0] for row in result.rows] == [row[0] for row in rows]
    header = next(csv.reader(io.StringIO(raw.decode(encoding))))
    engineer_column = next(i for i, h in enumerate(header) if h in ("处理人", "engineer"))
    assert [row.values[3] for row in result.rows] == [row[engineer_column] for row in rows]


def test_the_small_exports_load_in_both_encodings(ticket_data):
    first = exported(ticket_data / "tickets" / "crm-2026-h1.csv")
    second = exported(ticket_data / "tickets" / "service-2026-h2.csv")
    assert first.problems == second.problems == []
    assert [r.values[0] for r in first.rows] == ["GD-001", "GD-002", "GD-003", "GD-004", "GD-005", "GD-006"]
    assert second.rows[1].values[5] == "20260412-hx200-pressure-drop; 20260501-vmc850-spindle-alarm"


def test_no_unread_cell_is_kept(ticket_data):
    kept = repr([exported(ticket_data / "tickets" / name).rows for name in ("crm-2026-h1.csv", "service-2026-h2.csv")])
    secrets = unread_values(FIRST_HALF, SECOND_HALF)
    assert secrets and not [value for value in secrets if value in kept]
    assert "GD-001" in kept  # what is read is there


def test_every_value_knows_its_line_and_column(ticket_data):
    path = ticket_data / "tickets" / "service-2026-h2.csv"
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    for row in exported(path).rows:
        for index, value in enumerate(row.values):
            if value:
                line, column = row.position(index)
                assert lines[line - 1][column - 1 :].startswith(value), (value, line, column)


def test_positions_after_quoted_cells_over_several_lines(tmp_path):
    text = (
        "工单号,故障描述,创建日期,处理人,关联案例\r\n"
        'GD-1,"客户说：""油温高""\r\n第二天又报警, 停机",2026-05-02,李娜,20260501-vmc850-spindle-alarm\r\n'
        'GD-2,简单,2026-05-03,"张伟",  20260412-hx200-pressure-drop\r\n'
    )
    result = exported(written(tmp_path, text.encode("utf-8")))
    assert result.problems == []
    first, second = result.rows
    assert (first.line, second.line) == (2, 4)
    lines = text.split("\r\n")
    for row in result.rows:
        for index, value in enumerate(row.values):
            if value:
                line, column = row.position(index)
                assert lines[line - 1][column - 1 :].startswith(value), (value, line, column)
    assert first.position(1).line == 3  # the date (创建日期) is on the second line of the row


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_any_delimiter_and_english_headers_in_any_case(tmp_path, delimiter):
    header = delimiter.join(["Ticket", "Customer", "OPENED", "Engineer", "Cases"])
    row = delimiter.join(["T-1", "某厂", "2026-05-02", "li-na", "20260501-vmc850-spindle-alarm"])
    result = exported(written(tmp_path, f"{header}\n{row}\n".encode()))
    assert result.problems == []
    assert result.rows[0].values == ("T-1", "2026-05-02", "", "li-na", "", "20260501-vmc850-spindle-alarm")


def test_excel_guarded_numbers_and_blank_rows(tmp_path):
    text = 'ticket,opened,engineer\n="00123",2026-05-02,li-na\n,,\n\n="00124", 2026-05-03 ,li-na\n'
    result = exported(written(tmp_path, text.encode()))
    assert [r.values[:2] for r in result.rows] == [("00123", "2026-05-02"), ("00124", "2026-05-03")]
    assert result.rows[0].position(0) == (2, 3) and result.rows[1].position(1) == (5, 11)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "no header row"),
        ("ticket,opened\n".encode("utf-16"), "UTF-16"),
        ("工单导出 2026 年\n工单号,创建日期,处理人\nGD-1,2026-05-02,李娜\n".encode(), "line 2"),
        (b"ticket,opened,engineer,ticket\nT-1,2026-05-02,li-na,T-1\n", "twice"),
        (b"ticket,opened\nT-1,2026-05-02\n", "has no"),
        (b"ticket,opened,engineer\nT-1,2026-05-02,caf\xe9 \xff\n", "neither UTF-8 nor GBK"),
    ],
    ids=["empty", "utf-16", "title-line", "column-twice", "no-engineer", "not-gbk"],
)
def test_unreadable_exports_say_why(tmp_path, content, words):
    result = exported(written(tmp_path, content))
    assert result.rows == [] and result.problems
    assert any(words in problem.message for problem in result.problems), [p.message for p in result.problems]
    assert {problem.code for problem in result.problems} <= {"KB901", "KB902"}


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_EXPORT_BYTES", 1024)
    path = written(tmp_path, b"ticket,opened,engineer\n" + b"T-1,2026-05-02,li-na\n" * 100)
    result = exported(path)
    assert result.rows == [] and result.problems[0].code == "KB901" and "limit" in result.problems[0].message


def test_discovery_reports_exports_and_refuses_other_files(tmp_path):
    data = tmp_path / "data"
    (data / "tickets" / "2025").mkdir(parents=True)
    for name in ("tickets/a.csv", "tickets/B.CSV", "tickets/2025/old.csv", "tickets/台账.xlsx", "tickets/notes.md"):
        (data / name).write_text("ticket,opened,engineer\n", encoding="utf-8")
    os.symlink(data / "tickets" / "a.csv", data / "tickets" / "link.csv")
    result = discover(data, "data")
    assert [source.shown for source in result.tickets] == ["data/tickets/B.CSV", "data/tickets/a.csv"]
    problems = {problem.file: (problem.code, problem.message) for problem in result.problems}
    assert (
        problems["data/tickets/2025/old.csv"][0] == "KB901"
        and "sub-folders" in problems["data/tickets/2025/old.csv"][1]
    )
    assert "save it as CSV" in problems["data/tickets/台账.xlsx"][1]
    assert problems["data/tickets/notes.md"][0] == "KB901"
    assert problems["data/tickets/link.csv"][0] == "KB113"


def test_every_read_column_has_both_headers():
    assert len({c.name for c in COLUMNS} | {c.chinese for c in COLUMNS}) == 2 * len(COLUMNS)


def test_a_whole_data_folder_with_the_exports_validates(ticket_data):
    assert found(check(ticket_data)) == []
