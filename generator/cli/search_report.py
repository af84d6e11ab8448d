"""`kb search-report ACCESS_LOG...`: the searches that found nothing or little, most frequent first."""

from __future__ import annotations

from pathlib import Path

import click

from generator.render.text import markdown_inline
from generator.search.report import SearchReport, report_for

HEADINGS = {
    "zh": ("很少或没有结果的搜索", "搜索词", "次数", "结果数", "含个人信息而未列出的搜索：{n} 次。"),
    "en": (
        "Searches with few or no results",
        "Query",
        "Searches",
        "Results",
        "Searches left out for personal data: {n}.",
    ),
}


@click.command("search-report")
@click.argument("logs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--few", type=click.IntRange(min=0), default=2, show_default=True, help="Most results a listed query had."
)
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True, help="How many queries to list.")
@click.option(
    "--page",
    "page",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the list as a Markdown page (for kb/, the site's hand-written pages).",
)
@click.option("--language", type=click.Choice(sorted(HEADINGS)), default="zh", show_default=True)
def command(logs: tuple[Path, ...], few: int, top: int, page: Path | None, language: str) -> None:
    """Read web server access logs (nginx or Apache, common or combined format; .gz too) of a
    site built with `search_log: true`, and list the queries that found at most --few
    results, with how often each was searched: what the knowledge base is missing.
    A query that holds personal data (phone, ID-card number, e-mail) is never listed.
    """
    report = report_for(logs)
    rows = report.missed(few, top)
    click.echo(_table(report, rows, few))
    if page is not None:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_page(report, rows, language), encoding="utf-8")
        click.echo(f"Wrote {page}.")


def _table(report: SearchReport, rows: list[tuple[str, int, int]], few: int) -> str:
    found = "no results" if few == 0 else f"at most {few} result{'s' if few > 1 else ''}"
    lines = [f"{_searches(report.lines)} in the logs; the queries with {found}, most searched first:"]
    width = max((len(str(count)) for _, count, _ in rows), default=1)
    lines += [f"  {count:>{width}}×  {results} results  {query}" for query, count, results in rows] or ["  (none)"]
    if report.personal:
        lines.append(f"{_searches(report.personal)} left out for holding personal data.")
    return "\n".join(lines)


def _searches(count: int) -> str:
    return f"{count} search" if count == 1 else f"{count} searches"


def _page(report: SearchReport, rows: list[tuple[str, int, int]], language: str) -> str:
    title, query, searches, results, personal = HEADINGS[language]
    lines = [f"# {title}", "", f"| {query} | {searches} | {results} |", "|---|---:|---:|"]
    lines += [f"| {markdown_inline(text)} | {count} | {found} |" for text, count, found in rows]
    if report.personal:
        lines += ["", personal.format(n=report.personal)]
    return "\n".join(lines) + "\n"
