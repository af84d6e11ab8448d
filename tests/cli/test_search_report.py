"""`kb search-report`: the missed searches of an access log, printed and as a page."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import TESTS

LOGS = TESTS / "data" / "access-logs"


def test_prints_the_missed_queries_with_their_counts_and_never_a_phone_number(tmp_path):
    page = tmp_path / "kb" / "missed-searches.md"
    result = CliRunner().invoke(
        main,
        ["search-report", str(LOGS / "nginx-combined.log"), str(LOGS / "apache-common.log"), "--page", str(page)],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("11 searches in the logs")
    assert lines[1].split() == ["3×", "0", "results", "油冷机"]
    assert "13912345678" not in result.output and "@customer" not in result.output
    assert "2 searches left out for holding personal data." in result.output
    text = page.read_text(encoding="utf-8")
    assert "| 油冷机 | 3 | 0 |" in text
    assert "| 伺服 刹车 SV\\-660N | 1 | 1 |" in text  # table cells carry no Markdown
    assert "13912345678" not in text


def test_an_empty_result_says_so(tmp_path):
    log = tmp_path / "access.log"
    log.write_text('10.0.0.1 - - [02/Dec/2026:08:01:12 +0800] "GET / HTTP/1.1" 200 512\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["search-report", str(log)])
    assert result.exit_code == 0 and "(none)" in result.output
