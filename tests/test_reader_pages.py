"""What each reader finds on the pages made for them, read from the built demo site and
checked against the YAML records: the new hire's next step, planned sessions, the case
index, the honour roll, one date format."""

from __future__ import annotations

import re

from tests.conftest import TODAY
from tests.test_manager_pages import page, records


def test_path_page_names_each_enrolled_persons_next_step_session_and_mentor(demo_build):
    path = next(p for p in records("paths") if p["id"] == "new-field-engineer")
    html = page(demo_build, "paths/new-field-engineer")
    headers = [th.text(strip=True) for th in html.css(".kb-progress thead th")][1:]
    assert headers == [f"{n}. {step['title']}" for n, step in enumerate(path["steps"], 1)]
    boxes = {box.css_first(".kb-person").text(strip=True): box for box in html.css(".kb-next-step")}
    lin = boxes["林晓雨"]
    assert "加工中心主轴、刀库与回零" in lin.css_first(".kb-next-step-title").text()
    session = next(s for s in records("sessions") if s["id"] == "2026-12-cnc-alarm-diagnosis")
    assert session["date"] > TODAY and "lin-xiaoyu" in session["attendees"]
    assert session["title"] in lin.text() and "2026年12月17日" in lin.text(), "the planned session she is enrolled in"
    pair = next(m for m in records("mentoring") if m["mentee"] == "lin-xiaoyu" and m["status"] == "active")
    mentor = next(p["name"] for p in records("people") if p["id"] == pair["mentor"])
    assert mentor in lin.text()


def test_person_page_shows_the_same_next_step(demo_build):
    html = page(demo_build, "people/lin-xiaoyu")
    assert "加工中心主轴、刀库与回零" in html.css_first(".kb-next-step").text()


def test_planned_sessions_are_shown_as_planned_never_as_attended(demo_build):
    sessions = {s["title"]: s for s in records("sessions")}
    checked = 0
    for person in records("people"):
        html = page(demo_build, f"people/{person['id']}")
        tables = {}
        for heading in html.css("article h3"):
            table = heading.next
            while table is not None and table.tag not in ("div", "p", "h3", "h2"):
                table = table.next
            tables[heading.text(strip=True)] = table
        attended = tables.get("参加的培训")
        for link in attended.css("td a[href*='sessions/']") if attended and attended.tag == "div" else []:
            assert sessions[link.text(strip=True)]["date"] <= TODAY, (person["id"], link.text())
        planned = tables.get("已报名的培训（未举行）")
        for link in planned.css("td a[href*='sessions/']") if planned is not None else []:
            assert sessions[link.text(strip=True)]["date"] > TODAY
            checked += 1
    assert checked, "someone in the demo is enrolled in a planned session"


def test_dates_have_one_format(demo_build):
    iso = re.compile(r"(?<![\w/-])20[0-9]{2}-[01][0-9]-[0-3][0-9](?![\w/-])")
    for html in demo_build.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        tree = page(demo_build, html.parent.relative_to(demo_build).as_posix()) if html.name == "index.html" else None
        if tree is None:
            continue
        article = tree.css_first("article")
        for hidden in article.css(".kb-search-data, code, pre"):
            hidden.decompose()
        found = iso.findall(article.text())
        assert not found, (html, found[:3])
