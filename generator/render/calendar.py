"""iCalendar feeds (RFC 5545) of the upcoming sessions: the whole site's, each person's (as
trainer or attendee) and each path's, for Outlook or a phone's calendar to subscribe to.

Sessions have a date, not a time: each is an all-day event. The same records give the
same bytes: DTSTAMP is the day the session's file last changed in git (the build's
today without history), never the clock, and each UID is the session id at the site.

A content line cannot hold a line break or a control character, and the icalendar library
stops with an AssertionError on a line break in a property it does not escape (X-WR-CALNAME).
Every text goes out as escaped TEXT on one line, so that a name or title that got past
validation still gives a calendar that parses, with the events it should have.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vText

from generator.inert import one_line
from generator.model import Dataset
from generator.render.labels import Labels
from generator.slug import slugify

PRODUCT = "-//servicekb//training sessions//ZH"
CALENDAR_DIR = "calendar"
PLACES = ("classroom", "on-site", "online")  # the formats that say where a session is; a contest does not


def site_calendar(name: str) -> str:
    return f"{CALENDAR_DIR}/{name}.ics"


def person_calendar(person_id: str) -> str:
    return f"{CALENDAR_DIR}/people/{person_id}.ics"


def path_calendar(path_id: str) -> str:
    return f"{CALENDAR_DIR}/paths/{path_id}.ics"


def calendar_files(data: Dataset, t: Labels, site_name: str, site_url: str) -> dict[str, bytes]:
    """Path in the site -> the calendar's bytes."""
    upcoming = data.upcoming_sessions()
    writer = _Writer(data, t, site_name, site_url)
    files = [writer.file(site_calendar("sessions"), f"{site_name} · {t.upcoming_sessions}", upcoming)]
    for person_id in sorted(data.people):
        mine = [
            s for s in upcoming if person_id in data.sessions[s].trainers or person_id in data.sessions[s].attendees
        ]
        files.append(writer.file(person_calendar(person_id), f"{data.person_name(person_id)} · {t.training}", mine))
    for path_id, path in sorted(data.paths.items()):
        named = {session for step in path.steps for session in step.sessions}
        files.append(
            writer.file(path_calendar(path_id), f"{path.title} · {t.sessions}", [s for s in upcoming if s in named])
        )
    return dict(files)


class _Writer:
    def __init__(self, data: Dataset, t: Labels, site_name: str, site_url: str) -> None:
        self.data, self.t, self.site_url = data, t, "".join(one_line(site_url).split()).rstrip("/")
        # The UID's domain: the site's host, or its name as a slug when no site_url is set.
        self.domain = urlsplit(site_url).hostname or slugify(site_name) or "servicekb"

    def file(self, path: str, title: str, session_ids: list[str]) -> tuple[str, bytes]:
        calendar = Calendar()
        calendar.add("prodid", PRODUCT)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", vText(_line(title)))  # an X- property is written as given unless typed
        for session_id in session_ids:
            calendar.add_component(self.event(session_id))
        return path, calendar.to_ical()

    def event(self, session_id: str) -> Event:
        data, t = self.data, self.t
        session = data.sessions[session_id]
        trainers = t.sep.join(data.person_name(p) for p in session.trainers)
        event = Event()
        event.add("uid", f"{session_id}@{self.domain}")
        event.add("dtstamp", dt.datetime.combine(self._stamp(session_id), dt.time(), tzinfo=dt.UTC))
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
        event.add("summary", _line(session.title))
        if session.format in PLACES:
            event.add("location", _line(t[session.format]))
        event.add("categories", [_line(t[session.format])])
        event.add("contact", _line(trainers))
        lines = [f"{t.trainers}: {trainers}", f"{t.hours}: {data.sessions[session_id].hours:g}"]
        if self.site_url:
            url = f"{self.site_url}/sessions/{session_id}/"
            event.add("url", url)
            lines.append(url)
        event.add("description", "\n".join(_line(line) for line in lines))  # the library escapes each line break
        return event

    def _stamp(self, session_id: str) -> dt.date:
        history = self.data.file_history("session", session_id)
        return history.changed if history else self.data.today


def _line(text: str) -> str:
    """Text for one content line: no line break, no control character, single spaces."""
    return " ".join(one_line(text).split())
