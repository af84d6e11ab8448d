"""`kb feedback-report ACCESS_LOG...`: the cases readers marked as not solving their problem, most
often first, with what they said was different.

The logs are untrusted and read as `kb search-report` reads them: a log that is refused is one
line with its file and line, exit 1, and nothing printed or written besides. Remarks reach the
terminal with control characters escaped and the page as text that passes a record's checks;
a remark with personal data is never shown, only counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_choice
from generator.cli.search_report import refuse_page_path, show_report, stop_on_problems
from generator.language import decide_language
from generator.messages import text
from generator.report import printable, shown

if TYPE_CHECKING:
    from generator.learning.feedback import FeedbackReport

Row = tuple[str, int, int, list[tuple[str, int]]]

_HELP = say("help-feedback-report")


@click.command(
    "feedback-report",
    cls=Command,
    help=_HELP,
    short_help=say("help-feedback-report-short"),
)
@click.argument("logs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help=say("help-feedback-report-top"),
)
@click.option(
    "--page",
    "page",
    type=click.Path(path_type=Path),
    help=say("help-feedback-report-page"),
)
@language_choice("help-feedback-report-language")
def command(logs: tuple[Path, ...], top: int, page: Path | None, language: str | None) -> None:
    language = decide_language(language)
    if page is not None:
        refuse_page_path(page, language)  # before the logs are read: nothing is done for nothing
    from generator.learning.feedback import feedback_report_for

    report = feedback_report_for(logs)
    stop_on_problems(report.problems, language)
    rows = report.unhelpful(top)
    page_text = None if page is None else _page(report, rows, language)
    show_report(_table(report, rows, language), page, page_text, language)


def _table(report: FeedbackReport, rows: list[Row], language: str) -> str:
    said_no = sum(report.did_not.values())
    lines = [text("feedback-report-summary", verdicts=report.lines, no=said_no).render(language)]
    width = max((len(str(no)) for _, no, _, _ in rows), default=1)
    for case, no, yes, remarks in rows:
        lines.append("  " + text("feedback-report-row", no=f"{no:>{width}}", yes=yes, case=case).render(language))
        for remark, count in remarks:
            said = text("feedback-report-remark", remark=shown(remark), count=count)
            lines.append("      " + said.render(language))
    if not rows:
        lines.append("  " + text("search-report-none").render(language))
    if report.personal:
        lines.append(text("feedback-report-personal", n=report.personal).render(language))
    if report.unprintable:
        lines.append(text("feedback-report-unprintable", n=report.unprintable).render(language))
    return "\n".join(lines)


def _page(report: FeedbackReport, rows: list[Row], language: str) -> str:
    """The page as Markdown: each remark escaped, so that its Markdown and HTML show as written."""
    from generator.render.text import markdown_inline

    title, case, no, yes, remarks = (
        text(key).render(language)
        for key in (
            "feedback-page-title",
            "feedback-page-case",
            "feedback-page-no",
            "feedback-page-yes",
            "feedback-page-remarks",
        )
    )
    lines = [f"# {title}", "", f"| {case} | {no} | {yes} | {remarks} |", "|---|---:|---:|---|"]
    for case_id, times_no, times_yes, said in rows:
        cell = " · ".join(f"{markdown_inline(printable(remark))} ×{count}" for remark, count in said)
        lines.append(f"| `{case_id}` | {times_no} | {times_yes} | {cell} |")
    if report.personal:
        lines += ["", text("feedback-page-personal", n=report.personal).render(language)]
    if report.unprintable:
        lines += ["", text("feedback-page-unprintable", n=report.unprintable).render(language)]
    return "\n".join(lines) + "\n"
