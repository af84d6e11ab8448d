"""The home page and the reference page of check codes."""

from __future__ import annotations

from generator.codes import CODES
from generator.kinds import FEED_KINDS
from generator.kinds.case import HOME_LIST, validated_newest
from generator.render.engine import Page, Renderer


def home_page(r: Renderer) -> Page:
    data = r.data
    upcoming = data.upcoming_sessions()[:HOME_LIST]
    return r.page(
        "home.md.j2",
        "index.md",
        meta={"hide": ["navigation", "toc"]},  # no title: the theme then shows the site name alone
        site_name=r.site_name,
        newest=validated_newest(r.data)[:HOME_LIST],
        validated_count=sum(1 for c in data.cases.values() if c.state == "validated"),
        active_people=sum(1 for pid in data.people if not data.is_alumnus(pid)),
        active_pairs=sum(1 for p in data.mentoring.values() if p.status == "active"),
        honours=data.awards_newest_first()[:HOME_LIST],
        upcoming=upcoming,
        recent=data.recently_changed_cases()[:HOME_LIST],
        kind_feeds=[kind.feed.name for kind in FEED_KINDS if kind.feed],
    )


def search_page(r: Renderer) -> Page:
    return r.page("search.md.j2", "search.md", meta={"title": r.t.search, "hide": ["navigation", "toc"]})


def checks_page(r: Renderer) -> Page:
    codes = [code.in_language(r.t.language) for code in sorted(CODES.values(), key=lambda c: c.code)]
    return r.page("checks.md.j2", "checks.md", meta={"title": r.t.checks}, codes=codes)
