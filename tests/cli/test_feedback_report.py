"""`kb feedback-report`: the cases readers marked as not solving their problem, from access logs in
nginx's and Apache's formats, printed and as a page for the knowledge-health review.

The logs are read by the search report's reader (its bounds and refusals are tested with
`kb search-report`); here: the verdicts it finds and counts, the lines that are no verdict, and
what a remark can carry to the terminal and the page: never personal data, never a control
character, Markdown and HTML only as text.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import quote

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from generator.cli import main
from generator.learning import feedback
from generator.search.report import page_problem
from tests.cli.test_search_report import RAW_CONTROL, refused_in_one_line, site_html
from tests.conftest import TESTS
from tests.hostile import MARKUP, PERSONAL_DATA, TERMINAL_ESCAPES, hostile_text

LOGS = TESTS / "data" / "access-logs"
SAMPLES = [str(LOGS / "feedback-apache-common.log"), str(LOGS / "feedback-nginx-combined.log")]
PRESSURE, OVERHEAT, VALVE = (
    "20250218-hx200-pressure-drop",
    "20250506-hx200-oil-overheat",
    "20251014-hx200-solenoid-valve-no-action",
)


def run(*arguments: str):
    return CliRunner().invoke(main, ["feedback-report", *arguments])


def verdict_line(case: str, verdict: str = "no", remark: str | None = None) -> str:
    """An nginx combined-format line of a case page sending its reader's verdict."""
    target = f"/assets/kb-feedback.txt?case={quote(case, safe='')}&v={verdict}"
    if remark is not None:
        target += f"&r={quote(remark, safe='')}"
    return f'10.0.0.9 - - [04/Dec/2026:09:01:12 +0800] "GET {target} HTTP/1.1" 200 0 "-" "Mozilla/5.0"\n'


def write_log(tmp_path, lines: list[str], name: str = "access.log"):
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_lists_the_cases_marked_unhelpful_with_counts_and_remarks_never_a_phone_number(tmp_path):
    page = tmp_path / "kb" / "unhelpful.md"
    result = run(*SAMPLES, "--page", str(page), "--language", "zh")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "日志里有 11 次回答，其中 7 次「否」；被标为没有解决问题最多的案例："
    assert lines[1:7] == [
        f"  4 次否  1 次是  {PRESSURE}",
        "      「我们的是 ＨＸ-200 老款，阀型号不同」 ×2",  # the same remark, spelled two ways, counted once
        f"  2 次否  2 次是  {OVERHEAT}",
        "      「冷却器是水冷的，不是风冷」 ×1",
        f"  1 次否  0 次是  {VALVE}",
        "2 条留言因含个人信息没有列出。",
    ]
    assert "20250722-hx200-pump-noise" not in result.output, "marked helpful only"
    for output in (result.output, page.read_text(encoding="utf-8")):
        assert "13812345678" not in output and "138" not in output and "@" not in output
        assert "passwd" not in output and "maybe" not in output
    written = page.read_text(encoding="utf-8")
    assert f"| `{PRESSURE}` | 4 | 1 | 我们的是 ＨＸ\\-200 老款，阀型号不同 ×2 |" in written
    assert "含个人信息而未列出的留言：2 条。" in written


def test_english_on_request_and_each_format_alone():
    nginx = run(SAMPLES[1], "--language", "en")
    assert nginx.exit_code == 0 and nginx.output.startswith("8 verdicts in the logs, 4 of them no;")
    assert f"3× no  1× yes  {PRESSURE}" in nginx.output
    apache = run(SAMPLES[0], "--language", "en")
    assert (
        f"1× no  0× yes  {VALVE}" in apache.output and "Remarks left out for holding personal data: 1." in apache.output
    )


def test_a_gzipped_log_reads_as_the_same_log(tmp_path):
    packed = tmp_path / "access.log.1.gz"
    packed.write_bytes(gzip.compress((LOGS / "feedback-nginx-combined.log").read_bytes(), mtime=0))
    assert run(str(packed)).output == run(SAMPLES[1]).output


def test_only_what_the_page_sends_is_a_verdict(tmp_path):
    lines = [
        verdict_line(PRESSURE, "no"),
        verdict_line(PRESSURE.upper(), "no"),  # no case id
        verdict_line("a" * 65, "no"),
        verdict_line(PRESSURE, "No"),
        verdict_line(PRESSURE, "no", "长" * 201),  # a longer remark than the field takes
        verdict_line(PRESSURE, "no").replace("&v=no", "&v=no&case=other"),
        verdict_line(PRESSURE, "yes", "a remark after yes is not read"),
        verdict_line(PRESSURE, "no").replace("kb-feedback.txt", "kb-feedback.txt.bak"),
        verdict_line(PRESSURE, "no").replace("&v=no", "&v=no&r=%FF%FE"),  # not UTF-8
    ]
    report = feedback.feedback_report_for([write_log(tmp_path, lines)])
    assert report.lines == 2 and report.did_not == {PRESSURE: 1} and report.helped == {PRESSURE: 1}
    assert report.remarks == {}


def test_a_file_that_is_no_log_is_one_line(tmp_path):
    records = write_log(tmp_path, ["id: x\ntitle: 液压站\n"], "records.log")
    line = refused_in_one_line(run(SAMPLES[1], str(records), "--language", "en"), "KB114")
    assert line.startswith(f"{records}:1:1: error KB114:") and "no line is an access log line" in line
    missing = refused_in_one_line(run(str(tmp_path / "gone.log"), "--language", "en"), "KB114")
    assert "no such file" in missing


def test_too_many_different_cases_are_refused_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(feedback, "MAX_KEPT", 10)
    log = write_log(tmp_path, [verdict_line(f"case-{n}") for n in range(20)])
    line = refused_in_one_line(run(str(log), "--language", "en"), "KB115")
    assert line.startswith(f"{log}:11:1:") and "more than 10 different cases and remarks" in line


def test_control_characters_and_personal_data_in_remarks_reach_neither_terminal_nor_page(tmp_path):
    remarks = [f"阀{escape}不同" for escape in TERMINAL_ESCAPES] + ["a\x00b", "右\u202e左"]
    personal = [f"联系 {piece}" for piece in PERSONAL_DATA]
    log = write_log(tmp_path, [verdict_line(PRESSURE, "no", r) for r in remarks + personal])
    page = tmp_path / "unhelpful.md"
    result = run(str(log), "--page", str(page), "--language", "en")
    assert result.exit_code == 0, result.output
    written = page.read_text(encoding="utf-8")
    for output in (result.output, written):
        assert not RAW_CONTROL.search(output) and "阀" not in output and "联系" not in output
    assert f"{len(remarks) + len(personal)}× no" in result.output, "the verdicts still count"
    assert f"Remarks left out for holding personal data: {len(personal)}." in result.output
    assert f"Remarks left out for holding control characters: {len(remarks)}." in result.output


def test_markdown_and_html_in_a_remark_are_shown_as_text_on_the_page(tmp_path):
    remarks = [*MARKUP, "**粗体**", "| a | b", "<http://attacker.example>"]
    log = write_log(tmp_path, [verdict_line(PRESSURE, "no", r) for r in remarks])
    page = tmp_path / "unhelpful.md"
    assert run(str(log), "--page", str(page)).exit_code == 0
    html = site_html(page.read_text(encoding="utf-8"))
    html = re.sub(r'<a class="headerlink" href="#[^"]*" title="[^"]*">&para;</a>', "", html)
    assert set(re.findall(r"<([a-z0-9]+)", html)) <= {"h1", "table", "thead", "tbody", "tr", "th", "td", "p", "code"}
    assert not re.search(r"<[^>]*\son[a-z]+=", html)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(remark=hostile_text())
def test_any_hostile_remark_is_left_out_or_carried_inertly(tmp_path, remark):
    log = write_log(tmp_path, [verdict_line(PRESSURE, "no", remark), verdict_line(VALVE, "no", "型号不同")])
    page = tmp_path / "unhelpful.md"
    result = run(str(log), "--page", str(page), "--language", "en")
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    written = page.read_text(encoding="utf-8")
    assert page_problem(written) is None
    assert "<script" not in written and "<img" not in written


def test_the_page_is_never_written_through_a_link(tmp_path):
    target = tmp_path / "elsewhere.md"
    target.write_text("untouched\n", encoding="utf-8")
    page = tmp_path / "unhelpful.md"
    page.symlink_to(target)
    line = refused_in_one_line(run(SAMPLES[1], "--page", str(page), "--language", "en"), "KB116")
    assert "symbolic link" in line and target.read_text(encoding="utf-8") == "untouched\n"


def test_the_page_asks_for_the_file_the_site_publishes():
    from generator.publish.plugin import ASSET_FILES

    assert feedback.FEEDBACK_LOG in ASSET_FILES
    script = (TESTS.parent / "generator" / "assets" / "kb-learning.js").read_text(encoding="utf-8")
    assert f'const FEEDBACK = "{feedback.FEEDBACK_LOG}";' in script
    worker = (TESTS.parent / "generator" / "assets" / "kb-sw.js").read_text(encoding="utf-8")
    assert "kb-(search-log|feedback)\\.txt" in worker, "a verdict is never kept on the phone"
