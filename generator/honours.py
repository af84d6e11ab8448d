"""The honour roll for one period as a ready-to-send announcement (Markdown and printable HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.messages import words
from generator.model import Dataset
from generator.periods import Period, parse_period
from generator.render.engine import template_environment
from generator.render.formats import Formats
from generator.render.labels import Labels, taxonomy_name
from generator.render.text import render_markdown


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
    details = [taxonomy_name(data.teams[person.team], language)] + ([person.title] if person.title else [])
    return words("recipient-details", language).format(
        name=person.name, details=words("list-separator", language).join(details)
    )


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
