"""The manager's pages show numbers that this test recomputes on its own from the YAML records."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import REPO, TODAY

DATA = REPO / "data"


def records(folder: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / folder).rglob("*.yml"))]


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def table_rows(table) -> list[list[str]]:
    return [[cell.text(strip=True) for cell in row.css("td")] for row in table.css("tbody tr")]


def test_team_skill_matrix_matches_the_people_records(demo_build):
    taxonomy = yaml.safe_load((DATA / "taxonomy.yml").read_text(encoding="utf-8"))
    skill_names = {s["id"]: s["name"] for s in taxonomy["skills"]}
    people = records("people")
    for team in taxonomy["teams"]:
        members = {
            p["name"]: p.get("skills", {})
            for p in people
            if p["team"] == team["id"] and not (p.get("left") and p["left"] <= TODAY)
        }
        matrix = page(demo_build, f"teams/{team['id']}").css_first(".kb-matrix table")
        headers = [th.text(strip=True) for th in matrix.css("thead th")][1:]
        rows = table_rows(matrix)
        shown = {row[0]: row[1:] for row in rows[:-1]}
        assert set(shown) == set(members), team["id"]
        for name, cells in shown.items():
            expected = {skill_names[s]: str(level) for s, level in members[name].items()}
            assert {h: c for h, c in zip(headers, cells, strict=True) if c} == expected, name
        teachers = rows[-1][1:]
        for header, count in zip(headers, teachers, strict=True):
            skill = next(s for s, n in skill_names.items() if n == header)
            assert int(count) == sum(1 for levels in members.values() if levels.get(skill) == 4)


def test_reuse_counts_match_every_citation_in_the_records(demo_build):
    counts: Counter[str] = Counter()
    for case in records("cases"):
        counts.update(case.get("related", []))
    for pair in records("mentoring"):
        counts.update(entry["case"] for entry in pair.get("log", []) if entry.get("case"))
    for session in records("sessions"):
        counts.update(session.get("cases", []))
    for award in records("awards"):
        counts.update(award.get("evidence", []))
    for path in records("paths"):
        for step in path["steps"]:
            counts.update(step.get("read", []))
    titles = {case["title"]: case["id"] for case in records("cases")}
    table = page(demo_build, "health").css("table")[2]  # the month table, teams, then the most reused
    rows = table_rows(table)
    assert rows, "the most reused cases are listed"
    for count, title, _state in rows:
        assert int(count) == counts[titles[title]], title
    assert int(rows[0][0]) == max(counts.values())


def test_training_hours_match_attendance_of_past_sessions(demo_build):
    hours: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for session in records("sessions"):
        if session["date"] <= TODAY:
            quarter = f"{session['date'].year}-Q{(session['date'].month - 1) // 3 + 1}"
            for person in session.get("attendees", []):
                hours[person][quarter] += session["hours"]
    names = {p["id"]: p["name"] for p in records("people")}
    tables = page(demo_build, "training/figures").css("table")
    person_table = next(t for t in tables if "参加场次" in t.css_first("thead").text())
    quarters = [th.text(strip=True) for th in person_table.css("thead th")][2:-1]
    rows = table_rows(person_table)
    assert {row[0] for row in rows} == {names[p] for p in hours}
    for row in rows:
        person = next(pid for pid, name in names.items() if name == row[0])
        for quarter, cell in zip(quarters, row[2:-1], strict=True):
            assert float(cell) == hours[person].get(quarter, 0), (row[0], quarter)
        assert float(row[-1]) == sum(hours[person].values())


def test_charts_are_static_svg_with_their_numbers_as_a_table(demo_build):
    figures = page(demo_build, "training/figures")
    charts = figures.css("svg.kb-chart-wide")
    assert len(charts) == 2 and not figures.css("script[src*='chart']")
    assert len(figures.css("svg.kb-chart-narrow")) == 2, "each chart is drawn for a phone too"
    first_table = figures.css_first(".kb-chart-data table")
    bars = [float(rect.attributes["height"]) for rect in charts[0].css("rect.kb-series-1")[:-1]]
    values = [float(row[1]) for row in table_rows(first_table)]
    assert len(bars) == len(values) and values.index(max(values)) == bars.index(max(bars))


def test_feeds_and_json_export(demo_build):
    import json
    import xml.etree.ElementTree as ElementTree

    rss = ElementTree.parse(demo_build / "feeds/cases.xml").getroot()
    items = rss.findall("./channel/item")
    validated = [c for c in records("cases") if c["state"] == "validated"]
    assert len(items) == min(30, len(validated))
    newest = max(validated, key=lambda c: (c["solved_on"], c["id"]))
    assert items[0].findtext("title") == newest["title"]
    atom = ElementTree.parse(demo_build / "feeds/honours.atom").getroot()
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == min(30, len(records("awards")))
    cases = json.loads((demo_build / "api/cases.json").read_text(encoding="utf-8"))
    assert {c["id"] for c in cases} == {c["id"] for c in records("cases")}
    index = json.loads((demo_build / "api/index.json").read_text(encoding="utf-8"))
    assert index["counts"]["people"] == len(records("people"))


def test_no_performance_scores_are_published(demo_build):
    for html in demo_build.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "绩效" not in text and "performance score" not in text.lower(), html


def test_stale_work_in_progress_is_listed(demo_build):
    stale = {
        c["title"] for c in records("cases") if c["state"] == "wip" and c["solved_on"] < TODAY - dt.timedelta(days=30)
    }
    health = page(demo_build, "health")
    listed = {row[1] for row in table_rows(health.css("table")[-1])}
    assert listed == stale and stale


def test_health_chart_has_one_bar_group_per_month_of_its_range_and_whole_number_ticks(demo_build):
    solved = [case["solved_on"] for case in records("cases")]
    first, last = min(solved), max(max(solved), TODAY)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    chart = page(demo_build, "health").css_first("svg.kb-chart")
    assert len(chart.css("g.kb-chart-group")) == months
    ticks = [text.text() for text in chart.css("text.kb-chart-axis[text-anchor=end]")]
    assert ticks and all(tick.isdigit() for tick in ticks), ticks
    assert int(chart.attributes["width"]) <= 680, "scaled to the page, never scrolled"


def test_the_validated_share_has_one_definition_everywhere(demo_build):
    """已验证占比 = validated ÷ cases not archived: the library's figure and each team's, written
    beside them, recomputed here from the records."""
    cases = records("cases")
    live = [c for c in cases if c["state"] != "archived"]
    validated = [c for c in cases if c["state"] == "validated"]
    health = page(demo_build, "health")
    stats = {
        s.css_first("strong + span").text(strip=True): s.css_first("strong").text(strip=True)
        for s in health.css(".kb-stat")
    }
    assert stats["已验证占比"] == f"{math.floor(len(validated) / len(live) * 100 + 0.5)}%"
    assert "已验证 ÷ 未归档的案例" in health.css_first(".kb-definition").text()
    people = {p["id"]: p for p in records("people")}
    teams = {
        t["id"]: t["name"] for t in yaml.safe_load((REPO / "data/taxonomy.yml").read_text(encoding="utf-8"))["teams"]
    }
    team_table = next(table for table in health.css("table") if "作者人数" in table.text())
    for row in table_rows(team_table):
        team = next(tid for tid, name in teams.items() if name == row[0])
        mine = [c for c in cases if (c.get("team") or people[c["authors"][0]]["team"]) == team]
        mine_live = [c for c in mine if c["state"] != "archived"]
        share = sum(c["state"] == "validated" for c in mine) / len(mine_live)
        assert row[3] == f"{math.floor(share * 100 + 0.5)}%", row


def test_a_period_that_has_not_ended_is_marked(demo_build):
    health = page(demo_build, "health")
    month = f"{TODAY.year}-{TODAY.month:02d}"
    chart = health.css_first("svg.kb-chart-wide")
    assert f"{month}*" in [text.text() for text in chart.css("text.kb-chart-axis")]
    assert chart.css("rect.kb-chart-partial"), "this month's bars are drawn pale"
    assert "这一期还没有结束" in health.css_first(".kb-chart-note").text()
