"""`kb demo` writes a CRM-like ticket export with its records, the same for the same seed."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from generator.cli import main
from generator.synthetic_tickets import tickets_for_folder
from tests.conftest import check, copy_minimal
from tests.tickets.recompute import rows, solved, text_of


def demo(folder, *options: str):
    result = CliRunner().invoke(main, ["demo", "--cases", "40", "--out", str(folder), *options])
    assert result.exit_code == 0, result.output
    return folder


def test_the_demo_export_is_deterministic_realistic_and_valid(tmp_path):
    first = demo(tmp_path / "a", "--tickets", "400", "--seed", "3")
    second = demo(tmp_path / "b", "--tickets", "400", "--seed", "3")
    files = sorted(p.name for p in (first / "tickets").iterdir())
    assert len(files) >= 2
    assert all((first / "tickets" / n).read_bytes() == (second / "tickets" / n).read_bytes() for n in files)
    *older, newest = [(first / "tickets" / name).read_bytes() for name in files]
    assert newest.startswith(b"\xef\xbb\xbf")
    assert all(not raw.startswith(b"\xef\xbb\xbf") and "工单号".encode("gbk") in raw for raw in older)
    header = next(csv.reader(io.StringIO(text_of(first / "tickets" / files[-1]))))
    assert {"工单号", "处理人", "关联案例", "联系电话", "客户名称"} <= set(header)
    assert check(first).report.errors == []
    tickets = rows(first)
    assert len(tickets) == 400
    solved_on = solved(first)
    links = [(t, case) for t in tickets for case in t.cases]
    reuse = sum(1 for t, case in links if solved_on[case] < t.opened)
    assert 0 < len(links) - reuse < reuse  # more reuse than new, and both
    assert 0.4 < sum(1 for t in tickets if t.cases) / len(tickets) < 0.95
    assert any(t.closed is None for t in tickets)


def test_another_seed_writes_other_tickets(tmp_path):
    a = demo(tmp_path / "a", "--tickets", "100", "--seed", "1")
    b = demo(tmp_path / "b", "--tickets", "100", "--seed", "2")
    assert [t.ticket for t in rows(a)] != [] and [t.opened for t in rows(a)] != [t.opened for t in rows(b)]


def test_an_export_for_an_existing_folder(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    written = tickets_for_folder(data_dir, 60, seed=5)
    assert written and check(data_dir).report.errors == []
    assert len(rows(data_dir)) == 60
