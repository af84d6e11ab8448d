"""The KCS figures on the pages match what this test works out on its own from the CSV files
and the YAML records (tests/tickets/recompute.py), for a small export written here, for the
second organisation's real-looking exports and for the demo data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from generator.render import render_site
from generator.render.feeds import api_files
from tests.conftest import REPO, TODAY
from tests.tickets import recompute
from tests.tickets.conftest import dataset_of, pages_of

SECOND_ORG = REPO / "tests" / "data" / "second-org"
TITLE = "液压站运行半小时后压力掉到 8 MPa"  # of 20260412-hx200-pressure-drop in tests/data/minimal


def table(page_text: str, css_class: str) -> list[list[str]]:
    html = LexborHTMLParser(page_text)
    found = html.css_first(f".{css_class} table")  # Material styles only tables without a class
    assert found is not None, css_class
    return [[cell.text(strip=True) for cell in row.css("td")] for row in found.css("tbody tr")]


def expected_cells(f: recompute.Figures) -> list[str]:
    ratio = "—" if not f.new else f"{f.reuse / f.new:.1f}"
    return [
        str(f.closed),
        str(f.linked),
        recompute.percent(f.linked, f.closed),
        str(f.reuse),
        str(f.new),
        ratio,
        f"{f.participants}/{f.engineers}",
        recompute.percent(f.participants, f.engineers),
    ]


def check_health_page(data_dir: Path, health: str, today: dt.date = TODAY) -> None:
    shown = {row[0]: row[1:] for row in table(health, "kb-ticket-months")}
    months = [m for m in recompute.months_closed(data_dir) if m <= f"{today:%Y-%m}"][-24:]
    assert months and set(months) <= set(shown)
    for month in months:
        first, last = recompute.month_range(month)
        assert shown[month] == expected_cells(recompute.figures(data_dir, first, min(last, today))), month
    year_ago = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    teams = {row[0]: row[1:] for row in table(health, "kb-ticket-teams")}
    assert teams.pop("全部") == expected_cells(recompute.figures(data_dir, year_ago, today))
    team_of_name = {t["name"]: t["id"] for t in taxonomy(data_dir)["teams"]}
    assert teams
    for name, cells in teams.items():
        team = team_of_name[name]
        assert cells == expected_cells(recompute.figures(data_dir, year_ago, today, team)), name


def taxonomy(data_dir: Path) -> dict:
    return yaml.safe_load((data_dir / "taxonomy.yml").read_text(encoding="utf-8"))


# ---- the small export, by hand and recomputed ------------------------------------------------


def test_link_rate_reuse_and_participation_of_a_small_export(ticket_data):
    health = pages_of(ticket_data)["health.md"]
    months = {row[0]: row[1:] for row in table(health, "kb-ticket-months")}
    # worked out by hand from tests/tickets/conftest.py: closed, linked, rate, reuse, new, ratio, taking part
    assert months["2026-04"] == ["3", "2", "67%", "1", "1", "1.0", "2/3", "67%"]
    assert months["2026-05"] == ["2", "1", "50%", "1", "1", "1.0", "1/3", "33%"]
    assert months["2026-06"] == ["0", "0", "—", "0", "0", "—", "0/3", "0%"]
    assert months["2026-09"] == ["2", "2", "100%", "3", "0", "—", "2/3", "67%"]
    assert months["2026-10"] == ["1", "0", "0%", "0", "0", "—", "0/3", "0%"]
    teams = {row[0]: row[1:] for row in table(health, "kb-ticket-teams")}
    assert teams["全部"] == ["8", "5", "63%", "5", "2", "2.5", "3/3", "100%"]
    assert teams["华东服务站"] == ["5", "3", "60%", "3", "2", "1.5", "2/2", "100%"]
    assert teams["技术支持中心"] == ["3", "2", "67%", "2", "0", "—", "1/1", "100%"]
    check_health_page(ticket_data, health)


def test_days_unused_cases_and_knowledge_gaps_of_a_small_export(ticket_data):
    health = pages_of(ticket_data)["health.md"]
    # the validated case: first ticket opened 2026-04-10, solved 2026-04-12
    assert table(health, "kb-ticket-days") == [["全部", "1", "2", "2"], ["华东服务站", "1", "2", "2"]]
    assert "kb-ticket-unused" not in health  # every case was solved less than a year ago
    # GD-006: open since 2026-06-02 without a case; SR-103 is open but only eight days old
    assert table(health, "kb-ticket-gaps") == [
        ["2026-06-02", str((TODAY - dt.date(2026, 6, 2)).days), "VMC-850 立式加工中心", "技术支持中心"]
    ]


def test_cases_no_ticket_used_for_a_year_are_listed(ticket_data):
    later = dt.date(2027, 10, 1)  # over a year after both cases were last used, on SR-102 (2026-09-15)
    page = next(p.text for p in render_site(dataset_of(ticket_data, later)) if p.src_uri == "health.md")
    unused = table(page, "kb-ticket-unused")
    assert [row[0] for row in unused] == ["2026-09-15", "2026-09-15"]
    nearly = dt.date(2027, 9, 14)  # a year after 2026-09-15 has not passed yet
    page = next(p.text for p in render_site(dataset_of(ticket_data, nearly)) if p.src_uri == "health.md")
    assert "kb-ticket-unused" not in page


def test_case_pages_count_the_tickets_that_used_them(ticket_data):
    pages = pages_of(ticket_data)
    use = LexborHTMLParser(pages["cases/20260412-hx200-pressure-drop.md"]).css_first("li.kb-ticket-use").text()
    by_case = recompute.by_case(ticket_data)["20260412-hx200-pressure-drop"]
    solved = dt.date(2026, 4, 12)
    reuse = sum(1 for r in by_case if solved < r.opened)
    assert f"{len(by_case)} 张（近 12 个月 {len(by_case)} 张）" in use
    assert f"复用 {reuse}，新建 {len(by_case) - reuse}" in use and (len(by_case), reuse) == (5, 4)
    assert "首次使用 2026年4月12日" in use and "最近使用 2026年9月15日" in use
    assert "GD-001" not in pages["cases/20260412-hx200-pressure-drop.md"]  # ids are off by default
    other = LexborHTMLParser(pages["cases/20260501-vmc850-spindle-alarm.md"]).css_first("li.kb-ticket-use").text()
    assert "2 张" in other and "复用 1，新建 1" in other


def test_ticket_ids_are_shown_only_when_asked_for(ticket_data):
    page = pages_of(ticket_data, show_ticket_ids=True)["cases/20260412-hx200-pressure-drop.md"]
    ids = LexborHTMLParser(page).css_first(".kb-ticket-ids").text()
    assert ids == "工单号: GD-001、GD-002、GD-004、SR-101、SR-102"
    data = dataset_of(ticket_data)
    assert data.tickets and all(ticket.id is None for ticket in data.tickets)


def test_english_case_page(ticket_data):
    page = pages_of(ticket_data, "en")["cases/20260412-hx200-pressure-drop.md"]
    use = LexborHTMLParser(page).css_first("li.kb-ticket-use").text()
    assert use.startswith("tickets 5 (5 in the last 12 months) · reuse 4, new 1")


def test_person_pages_state_tickets_and_reused_cases_without_ranking(ticket_data):
    pages = pages_of(ticket_data)
    zhang = pages["people/zhang-wei.md"]
    # GD-001 and SR-102 linked, GD-003 not; all three in the last 12 months
    assert table(zhang, "kb-person-tickets") == [["近 12 个月", "3", "2"], ["合计", "3", "2"]]
    # the pressure-drop case (by 张伟 and 陈浩) reused by 李娜 on GD-002 and SR-101
    assert table(zhang, "kb-person-reused") == [[TITLE, "2"]]
    li = pages["people/li-na.md"]
    assert table(li, "kb-person-tickets") == [["近 12 个月", "3", "2"], ["合计", "3", "2"]]
    assert "kb-person-reused" not in li  # she wrote no case


def test_the_health_page_names_no_person_beside_the_ticket_figures(ticket_data):
    health = pages_of(ticket_data)["health.md"]
    section = health[health.index("## 工单与知识复用") : health.index("## 待复审")]
    assert "kb-ticket-months" in section and "kb-ticket-gaps" in section
    for person in recompute.people(ticket_data).values():
        assert person["name"] not in section and person["id"] not in section


def test_api_has_the_per_case_and_per_team_figures(ticket_data):
    files = {f.path: json.loads(f.content) for f in api_files(dataset_of(ticket_data))}
    payload = files["api/tickets.json"]
    assert files["api/index.json"]["files"]["tickets"] == "tickets.json"
    case = payload["cases"]["20260412-hx200-pressure-drop"]
    assert case == {
        "tickets": 5,
        "last_12_months": 5,
        "reuse": 4,
        "new": 1,
        "first_use": "2026-04-12",
        "last_use": "2026-09-15",
    }
    assert payload["teams"]["east"]["last_12_months"]["link_rate"] == 0.6
    assert payload["organisation"]["months"]["2026-04"]["participants"] == 2
    assert payload["knowledge_gaps"] == [{"opened": "2026-06-02", "product": "vmc-850", "team": "hotline"}]
    assert "GD-001" not in json.dumps(payload, ensure_ascii=False)


def test_without_tickets_the_section_says_how_to_add_them(data):
    health = pages_of(data)["health.md"]
    assert "还没有工单数据" in health and "kb-ticket-months" not in health


# ---- exports written by others -------------------------------------------------------------


@pytest.mark.parametrize("folder", [SECOND_ORG, REPO / "data"], ids=["second-org", "demo"])
def test_figures_of_other_exports_match_a_recomputation(folder):
    check_health_page(folder, pages_of(folder)["health.md"])
    tickets = recompute.rows(folder)
    assert len(dataset_of(folder).tickets) == len(tickets) == len({r.ticket for r in tickets})
