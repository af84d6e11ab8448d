"""`kb search-report`: the missed searches of an access log, printed and as a page.

A log is written by whoever reaches the server, so each test here feeds the command what an
attacker can put into one and looks at what it printed (the terminal's bytes) and wrote
(the page file): one clear line and nothing written, or hostile text carried inertly.
"""

from __future__ import annotations

import gzip
import os
import re
from html import unescape
from urllib.parse import quote

import markdown
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from generator.cli import files_out, main
from generator.search import report as logs
from tests.conftest import REPO, TESTS
from tests.hostile import MARKUP, PERSONAL_DATA, TERMINAL_ESCAPES, hostile_text

LOGS = TESTS / "data" / "access-logs"
# Anything a terminal takes as a command (C0 but the line feed, DEL, C1), and the bidi overrides.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PREVIOUS = "# 上一次的报告\n"


def run(*arguments: str):
    return CliRunner().invoke(main, ["search-report", *arguments])


def search_line(query: str, results: str = "0") -> str:
    """An nginx combined-format line of the search box asking for the log file."""
    target = f"/assets/kb-search-log.txt?q={quote(query, safe='')}&n={results}"
    return f'10.0.0.9 - - [02/Dec/2026:08:01:12 +0800] "GET {target} HTTP/1.1" 200 0 "-" "Mozilla/5.0"\n'


def write_log(tmp_path, lines: list[str], name: str = "access.log"):
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def previous_page(tmp_path):
    page = tmp_path / "kb" / "missed-searches.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PREVIOUS, encoding="utf-8")
    return page


def refused_in_one_line(result, code: str) -> str:
    """The single line a refused input gives, checked: exit 1, no traceback, nothing else printed."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.splitlines()
    assert len(lines) == 1 and f"error {code}:" in lines[0], result.output
    assert not RAW_CONTROL.search(result.output)
    return lines[0]


def site_html(page: str) -> str:
    """The page as the site publishes it: through MkDocs' Markdown with mkdocs.yml's extensions."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.markdown(page, extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


# --- what it lists --------------------------------------------------------------------------


def test_prints_the_missed_queries_with_their_counts_and_never_a_phone_number(tmp_path):
    page = tmp_path / "kb" / "missed-searches.md"
    result = run(
        str(LOGS / "nginx-combined.log"), str(LOGS / "apache-common.log"), "--page", str(page), "--language", "zh"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "日志里有 11 次搜索；最多 2 个结果的搜索词，按次数排列："
    assert lines[1].split() == ["3", "次", "0", "个结果", "油冷机"]
    assert "13912345678" not in result.output and "@customer" not in result.output
    assert "2 次搜索因含个人信息没有列出。" in result.output
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# 很少或没有结果的搜索\n") and "| 油冷机 | 3 | 0 |" in text
    assert "| 伺服 刹车 SV\\-660N | 1 | 1 |" in text  # table cells carry no Markdown
    assert "13912345678" not in text


def test_english_on_request(tmp_path):
    page = tmp_path / "missed.md"
    result = run(
        str(LOGS / "nginx-combined.log"), str(LOGS / "apache-common.log"), "--page", str(page), "--language", "en"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("11 searches in the logs; the queries with at most 2 results")
    assert lines[1].split() == ["3×", "0", "results", "油冷机"]
    assert "2 searches left out for holding personal data." in result.output
    assert page.read_text(encoding="utf-8").startswith("# Searches with few or no results\n")


def test_an_empty_result_says_so(tmp_path):
    log = write_log(tmp_path, ['10.0.0.1 - - [02/Dec/2026:08:01:12 +0800] "GET / HTTP/1.1" 200 512\n'])
    result = run(str(log), "--language", "en")
    assert result.exit_code == 0 and "(none)" in result.output


# --- counts and lines it does not believe ---------------------------------------------------


def test_a_count_that_is_not_a_few_ascii_digits_leaves_its_line_out(tmp_path):
    # `n=²` stopped the command with a traceback (int() refuses what isdigit() accepts), and
    # 5,000 digits pass Python's limit for converting text to a number.
    hostile = ["²", "５", "٣", "1" * 5000, "-1", "+1", "1e3", "0x10", " 1", "1234567", ""]
    lines = [search_line(f"缸体漏油 {index}", results) for index, results in enumerate(hostile)]
    log = write_log(tmp_path, [*lines, search_line("缸体漏油", "0")])
    result = run(str(log), "--language", "en", "--few", "9999999")
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert result.output.splitlines()[0].startswith("1 search in the logs")
    assert "缸体漏油 " not in result.output  # none of the hostile lines is a search


def test_an_overlong_line_or_query_is_no_search_and_costs_no_memory(tmp_path):
    log = write_log(
        tmp_path,
        [
            search_line("长" * 5000),  # 45 KB of URL: no server logs such a request line
            search_line("x" * (logs.MAX_QUERY_LENGTH + 1)),
            'host - - [02/Dec/2026:08:01:12 +0800] "GET //[/assets/kb-search-log.txt?q=a&n=0 HTTP/1.1" 200 0\n',
            search_line("冷却液泄漏"),
        ],
    )
    result = run(str(log), "--language", "en")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("1 search in the logs")
    assert "冷却液泄漏" in result.output and "长长" not in result.output


# --- files that are no logs, and logs past a limit ------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.log", None, "no such file"),
        ("folder.log", "folder", "not a plain file"),
        ("photo.log", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
        ("records.log", "id: 20260412-hx200\ntitle: 液压站\n", "no line is an access log line"),
        ("access.log.gz", "not compressed at all\n", "not gzip-compressed"),
        ("cut.log.gz", gzip.compress(b'10.0.0.1 - - [x] "GET / HTTP/1.1" 200 0\n' * 500, mtime=0)[:-40], "damaged"),
    ],
)
def test_a_file_that_is_no_log_is_one_line_and_nothing_is_written(tmp_path, name, content, words):
    page = previous_page(tmp_path)
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(str(LOGS / "nginx-combined.log"), str(path), "--page", str(page), "--language", "en")
    line = refused_in_one_line(result, "KB114")
    assert re.match(rf"{re.escape(str(path))}:\d+:1: error KB114: ", line) and words in line
    assert page.read_text(encoding="utf-8") == PREVIOUS


def test_a_gzip_bomb_ends_in_one_line_that_names_the_limit(tmp_path, monkeypatch):
    # 64 MiB of zeros without a line break, as 64 KiB: read whole, such a "line" ran the
    # command out of memory. The limit is lowered from 1 GiB to keep the test quick.
    monkeypatch.setattr(logs, "MAX_LOG_BYTES", 8 * 1024**2)
    bomb = tmp_path / "access.log.1.gz"
    bomb.write_bytes(gzip.compress(bytes(1024**2), 9) * 64)
    assert bomb.stat().st_size < 128 * 1024
    page = previous_page(tmp_path)
    result = run(str(bomb), "--page", str(page), "--language", "en")
    line = refused_in_one_line(result, "KB115")
    assert "over 8 MiB unpacked" in line and "gzip bomb" in line
    assert page.read_text(encoding="utf-8") == PREVIOUS


def test_a_log_is_read_in_bounded_memory(tmp_path):
    import tracemalloc

    bomb = tmp_path / "zeros.log.gz"
    bomb.write_bytes(gzip.compress(bytes(1024**2), 9) * 32)  # one 32 MiB line
    tracemalloc.start()
    try:
        report = logs.report_for([bomb])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.problems and "no line is an access log line" in report.problems[0].message
    assert peak < 2 * 1024**2


def test_too_many_lines_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_LOG_LINES", 100)
    log = write_log(tmp_path, [search_line("油冷机")] * 101)
    line = refused_in_one_line(run(str(log), "--language", "en"), "KB115")
    assert line.startswith(f"{log}:101:1:") and "more than 100 lines" in line


# --- what reaches the terminal and the page -------------------------------------------------


def test_control_characters_reach_neither_the_terminal_nor_the_page(tmp_path):
    queries = [f"油冷机{escape}报警" for escape in TERMINAL_ESCAPES] + ["a\x00b", "a\x7fb", "右\u202e左"]
    log = write_log(tmp_path, [search_line(query) for query in queries] + [search_line("液压站")])
    page = tmp_path / "missed.md"
    result = run(str(log), "--page", str(page), "--language", "en")
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    assert "油冷机" not in result.output and "液压站" in result.output
    assert f"{len(queries)} searches left out for holding control characters." in result.output
    written = page.read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(written) and "油冷机" not in written
    assert f"Searches left out for control characters: {len(queries)}." in written


def test_personal_data_in_any_form_is_never_listed(tmp_path):
    log = write_log(tmp_path, [search_line(f"联系 {piece}") for piece in PERSONAL_DATA] + [search_line("液压站")])
    page = tmp_path / "missed.md"
    result = run(str(log), "--page", str(page), "--language", "en")
    assert result.exit_code == 0, result.output
    written = page.read_text(encoding="utf-8")
    for output in (result.output, written):
        assert "联系" not in output
    assert f"{len(PERSONAL_DATA)} searches left out for holding personal data." in result.output


def test_markdown_and_html_in_a_query_are_shown_as_text_on_the_page(tmp_path):
    queries = [*MARKUP, "**粗体**", "| a | b", "{: onclick=alert(1) }", "<http://attacker.example>", "&#60;b&#62;"]
    log = write_log(tmp_path, [search_line(query) for query in queries])
    page = tmp_path / "missed.md"
    assert run(str(log), "--page", str(page), "--top", "100").exit_code == 0
    html = site_html(page.read_text(encoding="utf-8"))
    html = re.sub(r'<a class="headerlink" href="#[^"]*" title="[^"]*">&para;</a>', "", html)  # the heading's own
    assert set(re.findall(r"<([a-z0-9]+)", html)) <= {"h1", "table", "thead", "tbody", "tr", "th", "td", "p"}
    assert not re.search(r"<[^>]*\son[a-z]+=", html)  # no attribute written by a query
    cells = {unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", html, re.DOTALL)}
    for query in queries:
        if not RAW_CONTROL.search(query) and query.strip():
            assert " ".join(query.split()) in cells, query


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=hostile_text())
def test_any_hostile_query_is_refused_or_carried_inertly(tmp_path, query):
    log = write_log(tmp_path, [search_line(query), search_line("液压站")])
    page = tmp_path / "missed.md"
    result = run(str(log), "--page", str(page), "--top", "100", "--language", "en")
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    written = page.read_text(encoding="utf-8")
    assert logs.page_problem(written) is None
    assert "<script" not in written and "<img" not in written


# --- the page file --------------------------------------------------------------------------


def test_the_page_is_never_written_through_a_link(tmp_path):
    target = tmp_path / "elsewhere.md"
    target.write_text("untouched\n", encoding="utf-8")
    page = tmp_path / "missed.md"
    page.symlink_to(target)
    line = refused_in_one_line(run(str(LOGS / "nginx-combined.log"), "--page", str(page), "--language", "en"), "KB116")
    assert "symbolic link" in line
    assert target.read_text(encoding="utf-8") == "untouched\n" and page.is_symlink()


def test_a_failed_write_leaves_the_previous_page(tmp_path, monkeypatch):
    page = previous_page(tmp_path)

    def disk_full(*_arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_out.os, "replace", disk_full)  # where every command writes its files
    line = refused_in_one_line(run(str(LOGS / "nginx-combined.log"), "--page", str(page), "--language", "en"), "KB116")
    assert "No space left on device" in line
    assert page.read_text(encoding="utf-8") == PREVIOUS
    assert os.listdir(page.parent) == [page.name]  # no half-written file beside it


def test_the_page_gate_refuses_what_a_record_may_not_hold():
    assert logs.page_problem("| 油冷机 | 3 | 0 |\n") is None
    assert "escape" in logs.page_problem("| 油冷机\x1b[31m | 3 | 0 |\n").render("en")
    assert "138" in logs.page_problem("| 李工 13812345678 | 1 | 0 |\n").render("en")
