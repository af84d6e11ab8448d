"""The honour roll (光荣榜): by year and period, by award kind, contest results, a page per award."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator.render import search_data
from generator.render.engine import Page, Renderer
from generator.render.urls import record_page


def period_sort_key(period: str) -> tuple:
    """Newest first within a year: months, then quarters, then halves, then the whole year last."""
    rest = period[5:]
    if not rest:
        return (0, 0)
    if rest[0] in "HQ":
        return (1 if rest[0] == "H" else 2, int(rest[1:]))
    return (3, int(rest))


def award_pages(r: Renderer) -> Iterator[Page]:
    data = r.data
    for aid, award in data.awards.items():
        if r.skips(record_page("award", aid)):
            continue
        kind = r.name(data.award_kinds[award.award])
        heading = f"{kind} · {r.fmt.period(award.period)}"
        yield r.page(
            "award.md.j2",
            record_page("award", aid),
            meta={"title": heading},
            heading=heading,
            a=award,
            search=partial(search_data.for_award, r, award),
        )
    for kind_id, kind in data.award_kinds.items():
        yield r.page(
            "award_kind.md.j2",
            record_page("award-kind", kind_id),
            meta={"title": r.name(kind)},
            kind=kind,
            ids=data.awards_by_kind.get(kind_id, []),
        )
    yield _roll(r)
    yield r.page(
        "honours_present.md.j2",
        "honours/present.md",
        meta={"title": f"{r.t.honours} · {r.t.present}", "hide": ["navigation", "toc"]},
        ids=data.awards_newest_first(),
    )


def _roll(r: Renderer) -> Page:
    data, t = r.data, r.t
    by_year: dict[str, dict[str, list[str]]] = {}
    for aid in data.awards_newest_first():
        period = data.awards[aid].period
        by_year.setdefault(period[:4], {}).setdefault(period, []).append(aid)
    years = [
        (year, sorted(periods.items(), key=lambda item: period_sort_key(item[0]), reverse=True))
        for year, periods in sorted(by_year.items(), reverse=True)
    ]
    by_kind = [
        (kind_id, data.awards_by_kind[kind_id]) for kind_id in data.award_kinds if data.awards_by_kind.get(kind_id)
    ]
    contest_list = sorted(data.results_by_contest.items(), key=lambda item: data.sessions[item[0]].date, reverse=True)
    return r.page(
        "honours_index.md.j2",
        "honours/index.md",
        meta={"title": t.honours, "hide": ["navigation", "toc"]},  # full width: projected at team meetings
        by_year=years,
        by_kind=by_kind,
        contests=contest_list,
    )
