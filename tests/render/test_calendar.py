"""The iCalendar files: valid RFC 5545, and exactly the upcoming sessions of the site, a person, a path."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from generator.model import build_dataset
from generator.pipeline import check
from generator.render.calendar import calendar_files, path_calendar, person_calendar, site_calendar
from generator.render.labels import Labels
from generator.settings import Settings
from tests.conftest import MINIMAL, REPO, TESTS, TODAY

FOLDERS = {"demo": REPO / "data", "second-org": TESTS / "data" / "second-org", "minimal": MINIMAL}
SITE = "https://kb.example.com/"


def dataset(name: str, today: dt.date = TODAY):
    checked = check(Settings(FOLDERS[name], today, shown_root="data"))
    assert not checked.report.errors
    return build_dataset(checked.context)


def parsed(content: bytes) -> Calendar:
    text = content.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "lines are folded at 75 octets"
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, required
    return calendar


def uids(calendar: Calendar) -> list[str]:
    return [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]


@pytest.mark.parametrize("name", FOLDERS)
def test_every_calendar_parses_and_lists_exactly_the_upcoming_sessions(name):
    data = dataset(name)
    files = calendar_files(data, Labels("zh"), "服务知识库", SITE)
    upcoming = sorted(sid for sid, s in data.sessions.items() if s.date > TODAY)
    assert upcoming or name == "minimal", "the test data plans sessions after TODAY"
    assert sorted(uids(parsed(files[site_calendar("sessions")]))) == upcoming
    for person_id in data.people:
        mine = sorted(
            sid for sid in upcoming if person_id in data.sessions[sid].trainers + data.sessions[sid].attendees
        )
        assert sorted(uids(parsed(files[person_calendar(person_id)]))) == mine, person_id
    for path_id, path in data.paths.items():
        named = sorted({sid for step in path.steps for sid in step.sessions if sid in upcoming})
        assert sorted(uids(parsed(files[path_calendar(path_id)]))) == named, path_id


def test_an_event_has_the_session_url_place_trainers_and_a_stable_uid():
    data = dataset("minimal", dt.date(2026, 1, 1))
    files = calendar_files(data, Labels("zh"), "服务知识库", SITE)
    events = {str(e["UID"]): e for e in parsed(files[site_calendar("sessions")]).walk("VEVENT")}
    event = events["2026-03-hydraulics-basics@kb.example.com"]
    assert str(event["URL"]) == "https://kb.example.com/sessions/2026-03-hydraulics-basics/"
    assert str(event["LOCATION"]) == "课堂" and str(event["CONTACT"]) == "张伟" and "张伟" in str(event["DESCRIPTION"])
    assert event["DTSTART"].dt == dt.date(2026, 3, 5) and event["DTEND"].dt == dt.date(2026, 3, 6)
    assert "LOCATION" not in events["2026-06-skills-contest@kb.example.com"]  # a contest is no place
    assert event["DTSTAMP"].dt == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # from the data, not the clock


def test_the_same_records_give_the_same_bytes():
    first = calendar_files(dataset("second-org"), Labels("en"), "KB", "")
    second = calendar_files(dataset("second-org"), Labels("en"), "KB", "")
    assert first == second
    event = parsed(first[site_calendar("sessions")]).walk("VEVENT")[0]
    assert str(event["UID"]).endswith("@kb") and "URL" not in event  # no site_url: no absolute link to give
