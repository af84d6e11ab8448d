"""The honour roll for one period as a ready-to-send announcement (Markdown and printable HTML)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Dataset
from generator.render.engine import template_environment
from generator.render.formats import Formats
from generator.render.labels import Labels
from generator.render.text import render_markdown

PERIOD = re.compile(r"^(?P<year>[0-9]{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")
QUARTER_NAMES = {"zh": "一二三四"}


@dataclass(frozen=True)
class Period:
    text: str
    first: tuple[int, int]  # (year, month)
    last: tuple[int, int]

    def contains(self, other: Period) -> bool:
        return self.first <= other.first and other.last <= self.last

    def describe(self, language: str) -> str:
        match = PERIOD.match(self.text)
        assert match is not None
        year = match["year"]
        if language == "zh":
            if match["half"]:
                return f"{year} 年{'上' if match['half'] == '1' else '下'}半年"
            if match["quarter"]:
                return f"{year} 年第{QUARTER_NAMES['zh'][int(match['quarter']) - 1]}季度"
            if match["month"]:
                return f"{year} 年 {int(match['month'])} 月"
            return f"{year} 年度"
        if match["half"]:
            return f"H{match['half']} {year}"
        if match["quarter"]:
            return f"Q{match['quarter']} {year}"
        if match["month"]:
            return dt.date(int(year), int(match["month"]), 1).strftime("%B %Y")
        return year


def parse_period(text: str) -> Period | None:
    match = PERIOD.match(text.strip())
    if match is None:
        return None
    year = int(match["year"])
    if match["half"]:
        start = 1 if match["half"] == "1" else 7
        return Period(match.group(0), (year, start), (year, start + 5))
    if match["quarter"]:
        start = 3 * (int(match["quarter"]) - 1) + 1
        return Period(match.group(0), (year, start), (year, start + 2))
    if match["month"]:
        return Period(match.group(0), (year, int(match["month"])), (year, int(match["month"])))
    return Period(match.group(0), (year, 1), (year, 12))


def awards_in(data: Dataset, period: Period) -> list[str]:
    """Awards whose own period lies within the one asked for, newest first."""
    inside = []
    for award_id in data.awards_newest_first():
        own = parse_period(data.awards[award_id].period)
        if own is not None and period.contains(own):
            inside.append(award_id)
    return inside


def periods_with_awards(data: Dataset) -> list[str]:
    return sorted({award.period for award in data.awards.values()})


@dataclass(frozen=True)
class Announcement:
    markdown: str
    html: str


def announcement(data: Dataset, period: Period, language: str, site_name: str, site_url: str = "") -> Announcement:
    env = template_environment()
    env.filters["markdown"] = lambda text: render_markdown(
        text, (site_url.rstrip("/") + "/attachments") if site_url else "attachments"
    )
    t = Labels(language)
    awards = awards_in(data, period)
    recipients = {
        aid: t.sep.join(_recipient(data, pid, language) for pid in data.awards[aid].recipients) for aid in awards
    }
    context = {
        "data": data,
        "t": t,
        "fmt": Formats(language),
        "period": period.describe(language),
        "awards": awards,
        "recipients": recipients,
        "site_name": site_name,
        "case_url": lambda case_id: f"{site_url.rstrip('/')}/cases/{case_id}/" if site_url else "",
    }
    markdown = _tidy(env.get_template("announcement.md.j2").render(**context))
    html = env.get_template("announcement.html.j2").render(**context, Markup=Markup)
    return Announcement(markdown, html)


def _recipient(data: Dataset, person_id: str, language: str) -> str:
    person = data.people[person_id]
    details = [data.teams[person.team].name] + ([person.title] if person.title else [])
    return f"{person.name}（{'，'.join(details)}）" if language == "zh" else f"{person.name} ({', '.join(details)})"


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
