"""RSS and Atom feeds of newly validated and edited cases (all, per product, per skill) and of
honours, the calendars of upcoming sessions, the dataset as JSON, and the words the search
script reads pinyin and homophones with.

Files besides the pages: (path in the site, bytes). Dates come from the records, so
the same records give the same bytes.

XML 1.0 cannot carry most control characters (lxml refuses to write them), and a title is
read on one line: every text goes into a feed through generator/inert.py, so that a string
that got past validation still gives a feed that parses.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from markupsafe import escape

from generator.inert import json_escaped, multi_line, one_line
from generator.kinds import FEED_KINDS, RECORD_KINDS, TAXONOMY_KINDS
from generator.kinds.kind import RecordKind
from generator.messages import words
from generator.model import Dataset
from generator.render import search_words
from generator.render.calendar import calendar_files
from generator.render.formats import Formats
from generator.render.labels import Labels, taxonomy_name
from generator.render.text import plain_text, render_markdown
from generator.render.ticket_api import tickets_payload
from generator.render.urls import record_url

FEED_ITEMS = 30
SUMMARY_SOURCE = 16 * 1024  # characters of Markdown that a feed entry shows as the page does
SUMMARY_WORDS = 2000  # characters of a longer text's words that it shows instead


@dataclass(frozen=True)
class SiteFile:
    path: str
    content: bytes


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _link(site_url: str, page: str, depth: int = 1) -> str:
    # Without a site_url the links are relative to the feed (site/feeds/..., `depth` folders down).
    return (site_url.rstrip("/") + "/" if site_url else "../" * depth) + page


def _summary_html(markdown: str, site_url: str, depth: int = 1) -> str:
    """The text as the page shows it: Markdown through the pages' own sanitiser. The feed
    escapes it once more, so a reader gets this safe HTML back, never the record's raw text.

    A text longer than SUMMARY_SOURCE (a pasted log) is summed up by its first words, as
    text: each feed that lists the case would carry it whole, and the feeds of one 1 MiB
    record of short list items came to 110 MB."""
    if len(markdown) > SUMMARY_SOURCE:
        words = plain_text(markdown)  # made for the page's search copy already
        return multi_line(str(escape(words[:SUMMARY_WORDS]))) + ("…" if len(words) > SUMMARY_WORDS else "")
    return multi_line(str(render_markdown(markdown, _link(site_url, "attachments", depth))))


def _feed(site_url: str, name: str, title: str, language: str, updated: dt.date) -> FeedGenerator:
    depth = name.count("/") + 1
    feed = FeedGenerator()
    feed.id(_link(site_url, f"feeds/{name}.atom", depth))
    feed.title(one_line(title))
    feed.link(href=_link(site_url, f"feeds/{name}.atom", depth), rel="self")
    feed.link(href=_link(site_url, "", depth), rel="alternate")  # RSS shows the last link as the channel's
    # Readers show a channel's description as HTML: the site's and a product's names are text.
    feed.description(str(escape(one_line(title))))
    feed.language(words("locale-tag", language))
    feed.updated(_moment(updated))
    feed.lastBuildDate(_moment(updated))
    return feed


def _written(feed: FeedGenerator, name: str) -> list[SiteFile]:
    return [
        SiteFile(f"feeds/{name}.xml", feed.rss_str(pretty=True)),
        SiteFile(f"feeds/{name}.atom", feed.atom_str(pretty=True)),
    ]


def case_feed(data: Dataset, t: Labels, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    return _cases_feed(data, t, site_url, language, "cases", f"{site_name} · {t.feed_cases}", data.cases)


def facet_feeds(data: Dataset, t: Labels, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    """A feed per product and per skill, so that a hotline expert can follow the cases of one machine."""
    files = []
    for folder, entries, by in (
        ("products", data.products, data.cases_by_product),
        ("skills", data.skills, data.cases_by_skill),
    ):
        for entry_id, entry in entries.items():
            title = f"{site_name} · {taxonomy_name(entry, language)} · {t.feed_cases}"
            files += _cases_feed(data, t, site_url, language, f"{folder}/{entry_id}", title, by.get(entry_id, []))
    return files


def _cases_feed(data: Dataset, t: Labels, site_url: str, language: str, name: str, title: str, ids) -> list[SiteFile]:
    events = case_events(data, [cid for cid in ids if data.cases[cid].state == "validated"])[:FEED_ITEMS]
    updated = events[0][0] if events else data.today
    feed = _feed(site_url, name, title, language, updated)
    depth = name.count("/") + 1
    for day, case_id, edited in reversed(events):  # feedgen puts the last added first
        case = data.cases[case_id]
        page = _link(site_url, record_url("case", case_id), depth)
        entry = feed.add_entry()
        # An edit is an entry of its own, so that readers see the case again.
        entry.id(f"{page}#updated-{day.isoformat()}" if edited else page)
        title = f"{case.title} · {t.updated} {Formats(language).date(day)}" if edited else case.title
        entry.title(one_line(title) or case_id)  # a feed entry must have a title: nothing left of it, the id
        entry.link(href=page)
        entry.summary(_summary_html(case.symptoms, site_url, depth), type="html")
        entry.published(_moment(day))  # an edit is news on the day of the edit
        entry.updated(_moment(day))
        for product in case.products:
            entry.category(term=one_line(taxonomy_name(data.products[product], language)) or product)
    return _written(feed, name)


def case_events(data: Dataset, ids) -> list[tuple[dt.date, str, bool]]:
    """(day, case id, edited) newest first: each case on the day it was solved, and once more
    on the day it was last changed if it was edited after it was first committed."""
    events = []
    for case_id in ids:
        events.append((data.cases[case_id].solved_on, case_id, False))
        history = data.file_history("case", case_id)
        if history is not None and history.edited:
            events.append((history.changed, case_id, True))
    return sorted(events, key=lambda event: (-event[0].toordinal(), event[1], event[2]))


def honours_feed(data: Dataset, t: Labels, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    awards = data.awards_newest_first()[:FEED_ITEMS]
    updated = data.awards[awards[0]].awarded_on if awards else data.today
    feed = _feed(site_url, "honours", f"{site_name} · {t.feed_honours}", language, updated)
    for award_id in reversed(awards):
        award = data.awards[award_id]
        names = t.sep.join(data.person_name(p) for p in award.recipients)
        entry = feed.add_entry()
        entry.id(_link(site_url, record_url("award", award_id)))
        kind = taxonomy_name(data.award_kinds[award.award], language)
        entry.title(one_line(f"{kind} · {Formats(language).period(award.period)} · {names}"))
        entry.link(href=_link(site_url, record_url("award", award_id)))
        entry.summary(_summary_html(award.citation, site_url), type="html")
        entry.published(_moment(award.awarded_on))
        entry.updated(_moment(award.awarded_on))
    return _written(feed, "honours")


def kind_feed(data: Dataset, kind: RecordKind, site_name: str, site_url: str, language: str) -> list[SiteFile]:
    """A kind's own feed (its `Feed`, generator/kinds/): its newest records, each with its page."""
    assert kind.feed is not None
    name = kind.feed.name
    entries = kind.feed.entries(data, language)[:FEED_ITEMS]
    feed = _feed(
        site_url,
        name,
        f"{site_name} · {words(f'feed-{name}', language)}",
        language,
        entries[0].day if entries else data.today,
    )
    for item in reversed(entries):  # feedgen puts the last added first
        page = _link(site_url, record_url(kind.name, item.record_id))
        entry = feed.add_entry()
        entry.id(page)
        entry.title(one_line(item.title) or item.record_id)
        entry.link(href=page)
        entry.summary(_summary_html(item.summary, site_url), type="html")
        entry.published(_moment(item.day))
        entry.updated(_moment(item.day))
    return _written(feed, name)


def api_files(data: Dataset) -> list[SiteFile]:
    """The records as JSON under api/, for other tools: one file per kind and an index."""
    collections = {kind.folder: getattr(data, kind.attribute) for kind in RECORD_KINDS}
    files = []
    for kind in RECORD_KINDS:
        withheld = set(kind.unpublished)  # never published beside the pages: a commendation's ticket ids
        items = [
            {
                **record.model_dump(mode="json", exclude_none=True, exclude=withheld),
                "url": record_url(kind.name, record_id),
            }
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
    text = json_escaped(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True))
    return SiteFile(path, (text + "\n").encode("utf-8"))


def site_files(data: Dataset, language: str, site_name: str, site_url: str) -> list[SiteFile]:
    t = Labels(language)
    # From mkdocs.yml: a name is one line, a URL holds no space.
    site_name, site_url = one_line(site_name), "".join(one_line(site_url).split())
    return (
        case_feed(data, t, site_name, site_url, language)
        + facet_feeds(data, t, site_name, site_url, language)
        + honours_feed(data, t, site_name, site_url, language)
        + [file for kind in FEED_KINDS for file in kind_feed(data, kind, site_name, site_url, language)]
        + api_files(data)
        + [SiteFile(path, content) for path, content in calendar_files(data, t, site_name, site_url).items()]
        + [
            SiteFile(path, content)
            for path, content in search_words.search_files(data, search_words.site_glossary(data)).items()
        ]
    )
