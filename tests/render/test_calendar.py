"""The iCalendar files: valid RFC 5545, and exactly the upcoming sessions of the site, a person, a path."""

from __future__ import annotations

import datetime as dt
import re

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


def with_text(data, kind: str, record_id: str, **fields):
    """The Dataset with a record's fields replaced as they are, past validation (which refuses
    line breaks and control characters): what a writer must survive all the same."""
    records = getattr(data, {"person": "people", "session": "sessions", "path": "paths"}[kind])
    records[record_id] = records[record_id].model_copy(update=fields)
    return data


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # CR only in a CRLF line end


def test_a_line_break_in_a_name_or_a_title_gives_calendars_that_parse_with_each_text_on_one_line():
    """A line break in a person's name crashed every build with an AssertionError of the
    icalendar library (X-WR-CALNAME is written as given); one in a session title became a
    line of its own. Each text is now one line of escaped TEXT."""
    data = dataset("minimal", dt.date(2026, 1, 1))
    with_text(data, "person", "zhang-wei", name="张\n伟\x1b[31m\x07")
    with_text(
        data, "session", "2026-03-hydraulics-basics", title="液压\r\n系统\u2028基础\x85;END:VEVENT\r\nBEGIN:VEVENT"
    )
    path = data.paths["new-field-engineer"]
    with_text(data, "path", "new-field-engineer", title="新\n现场\x0b工程师", steps=path.steps)
    files = calendar_files(data, Labels("zh"), "服务\n知识库", SITE)
    for name, content in files.items():
        assert not RAW_CONTROL.search(content.decode("utf-8").replace("\r\n", "")), name
    person = parsed(files[person_calendar("zhang-wei")])
    assert str(person["X-WR-CALNAME"]) == "张 伟[31m · 培训"
    events = {str(e["UID"]).split("@")[0]: e for e in parsed(files[site_calendar("sessions")]).walk("VEVENT")}
    assert sorted(events) == ["2026-03-hydraulics-basics", "2026-06-skills-contest"], "no event was injected"
    event = events["2026-03-hydraulics-basics"]
    assert str(event["SUMMARY"]) == "液压 系统 基础 ;END:VEVENT BEGIN:VEVENT"
    assert str(event["CONTACT"]) == "张 伟[31m" and str(event["DESCRIPTION"]).startswith("讲师: 张 伟[31m\n")
    assert str(parsed(files[path_calendar("new-field-engineer")])["X-WR-CALNAME"]) == "新 现场 工程师 · 培训场次"
    assert str(parsed(files[site_calendar("sessions")])["X-WR-CALNAME"]) == "服务 知识库 · 近期培训"
