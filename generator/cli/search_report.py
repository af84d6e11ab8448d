"""`kb search-report ACCESS_LOG...`: the searches that found nothing or little, most frequent first.

The logs are untrusted (anyone who reaches the server writes into them): a log that is
refused is one line with its file and line, exit 1, and nothing printed or written besides.
Queries reach the terminal with control characters escaped, and the page (published by the
site) as text that passes a record's checks, with their Markdown and HTML shown as written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import codes
from generator.cli.files_out import shared_mode, write_beside
from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import language_choice
from generator.diagnostics import START
from generator.language import decide_language
from generator.messages import Text, text
from generator.report import diagnostic_line, printable, shown

if TYPE_CHECKING:
    from generator.search.report import SearchReport

Row = tuple[str, int, int]

_HELP = say("help-search-report")


@click.command(
    "search-report",
    cls=Command,
    help=_HELP,
    short_help=say("help-search-report-short"),
)
@click.argument("logs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--few",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help=say("help-search-report-few"),
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help=say("help-search-report-top"),
)
@click.option(
    "--page",
    "page",
    type=click.Path(path_type=Path),
    help=say("help-search-report-page"),
)
@language_choice("help-search-report-language")
def command(logs: tuple[Path, ...], few: int, top: int, page: Path | None, language: str | None) -> None:
    language = decide_language(language)
    if page is not None:
        refuse_page_path(page, language)  # before the logs are read: nothing is done for nothing
    from generator.search.report import report_for

    report = report_for(logs)
    stop_on_problems(report.problems, language)
    rows = report.missed(few, top)
    page_text = None if page is None else _page(report, rows, language)
    show_report(_table(report, rows, few, language), page, page_text, language)


def stop_on_problems(problems: list, language: str) -> None:
    """A log that is refused: its lines, exit 1, nothing printed or written besides."""
    for problem in problems:
        click.echo(diagnostic_line(problem, language), err=True)
    if problems:
        raise SystemExit(1)


def show_report(table: str, page: Path | None, page_text: str | None, language: str) -> None:
    """The report on the terminal, and as a page when one is asked for."""
    if page is not None and page_text is not None:  # first: a page that cannot be written is the one line printed
        write_page(page, page_text, language)
    click.echo(table)
    if page is not None:
        click.echo(text("search-report-wrote", page=shown(str(page))).render(language))


def _table(report: SearchReport, rows: list[Row], few: int, language: str) -> str:
    found = _found(few)
    lines = [text("search-report-summary", searches=_searches(report.lines), found=found).render(language)]
    width = max((len(str(count)) for _, count, _ in rows), default=1)
    for query, count, results in rows:
        row = text("search-report-row", count=f"{count:>{width}}", results=results, query=shown(query))
        lines.append("  " + row.render(language))
    if not rows:
        lines.append("  " + text("search-report-none").render(language))
    if report.personal:
        lines.append(text("search-report-personal", searches=_searches(report.personal)).render(language))
    if report.unprintable:
        lines.append(text("search-report-unprintable", searches=_searches(report.unprintable)).render(language))
    return "\n".join(lines)


def _found(few: int) -> Text:
    if few == 0:
        return text("search-report-no-results")
    return text("search-report-at-most-one") if few == 1 else text("search-report-at-most", few=few)


def _searches(count: int) -> Text:
    return text("count-search" if count == 1 else "count-searches", n=count)


def _page(report: SearchReport, rows: list[Row], language: str) -> str:
    """The page as Markdown: each query escaped, so that its Markdown and HTML show as written."""
    from generator.render.text import markdown_inline

    title, query, searches, results = (
        text(key).render(language)
        for key in ("search-page-title", "search-page-query", "search-page-searches", "search-page-results")
    )
    lines = [f"# {title}", "", f"| {query} | {searches} | {results} |", "|---|---:|---:|"]
    lines += [f"| {markdown_inline(printable(words))} | {count} | {found} |" for words, count, found in rows]
    if report.personal:
        lines += ["", text("search-page-personal", n=report.personal).render(language)]
    if report.unprintable:
        lines += ["", text("search-page-unprintable", n=report.unprintable).render(language)]
    return "\n".join(lines) + "\n"


def refuse_page_path(page: Path, language: str) -> None:
    """The page replaces a plain file or is new; a link is never written through."""
    if page.is_symlink():
        _refuse(page, text("page-symlink"), language)
    if page.exists() and not page.is_file():
        _refuse(page, text("page-not-a-file"), language)


def write_page(page: Path, content: str, language: str) -> None:
    """Written whole or not at all: into a new file beside it, then renamed over it (a
    rename replaces a link that appeared meanwhile, it never writes through one)."""
    from generator.search.report import page_problem

    problem = page_problem(content)
    if problem is not None:
        _refuse(page, text("page-not-clean", what=problem), language)
    refuse_page_path(page, language)
    try:
        mode = page.stat().st_mode & 0o777 if page.is_file() else shared_mode()  # an existing page keeps its mode
        write_beside(page.parent, {page.name: content}, mode)
    except OSError as error:
        _refuse(page, text("page-cannot-write", reason=error.strerror or type(error).__name__), language)


def _refuse(page: Path, words: Text, language: str) -> None:
    click.echo(diagnostic_line(codes.PAGE_REFUSED.at(str(page), START, words), language), err=True)
    raise SystemExit(1)
