"""RSS and Atom feeds of newly validated cases and of honours, and the dataset as JSON.

Files besides the pages: (path in the site, bytes). Dates come from the records, so
the same records give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from generator.kinds import RECORD_KINDS, TAXONOMY_KINDS
from generator.model import Dataset
from generator.render.labels import Labels
from generator.render.text import render_markdown
from generator.render.ticket_api import tickets_payload

FEED_ITEMS = 30


@dataclass(frozen=True)
class SiteFile:
    path: str
    content: bytes


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _link(site_url: str, page: str) -> str:
    # Without a site_url the links are relative to the feed (site/feeds/...).
    return (site_url.rstrip("/") + "/" if site_url else "../") + page


def _summary_html(markdown: str, site_url: str) -> str:
    """The text as the page shows it: Markdown through the pages' own sanitiser. The feed
    escapes it once more, so a reader gets this safe HTML back, never the record's raw text."""
    return str(render_markdown(markdown, _link(site_url, "attachments")))


def _feed(site_url: str, name: str, title: str, language: str, updated: dt.date) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(_link(site_url, f"feeds/{name}.atom"))
    feed.title(title)
    feed.link(href=_link(site_url, f"feeds/{name}.atom"), rel="self")
    feed.link(href=_link(site_url, ""), rel="alternate")  # RSS shows the last link as the channel's
    feed.description(title)
    feed.language("zh-CN" if language == "zh" else "en")
    feed.updated(_moment(updated))
    feed.lastBuildDate(_moment(updated))
    return feed


def _written(feed: FeedGenerator, name: str) -> list[SiteFile]:
    return [
        SiteFile(f"feeds/{name}.xml", feed.rss_str(pretty=True)),
        SiteFile(f"feeds/{name}.atom", feed.atom_str(pretty=True)),
    ]


def case_feed(data: Dataset, t: Labels, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    cases = [cid for cid in data.newest_cases() if data.cases[cid].state == "validated"][:FEED_ITEMS]
    updated = data.cases[cases[0]].solved_on if cases else data.today
    feed = _feed(site_url, "cases", f"{site_name} · {t.feed_cases}", language, updated)
    for case_id in reversed(cases):  # feedgen puts the last added first
        case = data.cases[case_id]
        entry = feed.add_entry()
        entry.id(_link(site_url, f"cases/{case_id}/"))
        entry.title(case.title)
        entry.link(href=_link(site_url, f"cases/{case_id}/"))
        entry.summary(_summary_html(case.symptoms, site_url), type="html")
        entry.published(_moment(case.solved_on))
        entry.updated(_moment(case.solved_on))
        for product in case.products:
            entry.category(term=data.products[product].name)
    return _written(feed, "cases")


def honours_feed(data: Dataset, t: Labels, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    awards = data.awards_newest_first()[:FEED_ITEMS]
    updated = data.awards[awards[0]].awarded_on if awards else data.today
    feed = _feed(site_url, "honours", f"{site_name} · {t.feed_honours}", language, updated)
    for award_id in reversed(awards):
        award = data.awards[award_id]
        names = t.sep.join(data.person_name(p) for p in award.recipients)
        entry = feed.add_entry()
        entry.id(_link(site_url, f"awards/{award_id}/"))
        entry.title(f"{data.award_kinds[award.award].name} · {award.period} · {names}")
        entry.link(href=_link(site_url, f"awards/{award_id}/"))
        entry.summary(_summary_html(award.citation, site_url), type="html")
        entry.published(_moment(award.awarded_on))
        entry.updated(_moment(award.awarded_on))
    return _written(feed, "honours")


def api_files(data: Dataset) -> list[SiteFile]:
    """The records as JSON under api/, for other tools: one file per kind and an index."""
    collections = {kind.folder: getattr(data, kind.attribute) for kind in RECORD_KINDS}
    files = []
    for kind in RECORD_KINDS:
        items = [
            {**record.model_dump(mode="json", exclude_none=True), "url": f"{kind.url_folder}/{record_id}/"}
            for record_id, record in sorted(getattr(data, kind.attribute).items())
        ]
        files.append(_json(f"api/{kind.folder}.json", items))
    taxonomy = {
        kind.folder: [e.model_dump(mode="json", exclude_none=True) for e in getattr(data, kind.attribute).values()]
        for kind in TAXONOMY_KINDS
    }
    files.append(_json("api/taxonomy.json", taxonomy))
    files.append(_json("api/tickets.json", tickets_payload(data)))
    index = {
        "format": "servicekb records, version 1",
        "generated_for": data.today.isoformat(),
        "files": {name: f"{name}.json" for name in [*collections, "taxonomy", "tickets"]},
        "counts": {name: len(records) for name, records in collections.items()},
    }
    files.append(_json("api/index.json", index))
    return files


def _json(path: str, payload) -> SiteFile:
    return SiteFile(path, (json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def site_files(data: Dataset, language: str, site_name: str, site_url: str) -> list[SiteFile]:
    t = Labels(language)
    return (
        case_feed(data, t, site_name, site_url, language)
        + honours_feed(data, t, site_name, site_url, language)
        + api_files(data)
    )
