"""The pages of goals and commendations in the demo organisation: a goal against its figures, in
progress or ended, with its trend in the site's charts and never a person; the overview of every
goal; commendations on the person's, the team's and the home page, in their feed and on an award
that cites them; their ticket ids published nowhere unless the site shows ticket ids."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
import yaml

from generator.model import build_dataset
from generator.opensearch.documents import documents
from generator.pipeline import check
from generator.render import render_site
from generator.render.feeds import site_files
from generator.settings import Settings
from tests.built_site import readable
from tests.conftest import REPO, TODAY

DEMO = REPO / "data"


@pytest.fixture(scope="module")
def demo():
    checked = check(Settings(DEMO, TODAY, shown_root="data"))
    assert not checked.report.errors
    return build_dataset(checked.context)


@pytest.fixture(scope="module")
def pages(demo) -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(demo, "zh", "site")}


@pytest.fixture(scope="module")
def english(demo) -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(demo, "en", "site")}


def goals() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DEMO / "goals").glob("*.yml"))}


def test_the_demo_has_goals_for_each_team_over_an_ended_and_a_running_period_and_a_dozen_commendations(demo):
    periods = {(goal.get("team"), str(goal["period"])) for goal in goals().values()}
    for team in demo.teams:
        assert {(team, "2026-Q3"), (team, "2026-Q4")} <= periods, team
    assert {(None, "2026-Q3"), (None, "2026-Q4")} <= periods  # the organisation's
    assert len(demo.commendations) >= 12
    assert {c.source for c in demo.commendations.values()} == {"customer", "colleague", "manager"}


def test_a_running_goal_is_in_progress_with_the_days_gone_and_an_ended_one_is_met_or_not(pages):
    running = pages["goals/2026-q4-east.md"]
    assert '<dd class="kb-goal-progress">进行中：第 59 天，共 92 天</dd>' in running  # 1 October to 28 November
    assert "kb-goal-running" in running and "kb-goal-met" not in running and "kb-goal-missed" not in running
    ended = pages["goals/2026-q3-east.md"]
    assert '<dd class="kb-goal-progress">已结束</dd>' in ended
    assert re.search(r'data-figure="link_rate">.*?kb-goal-missed', ended, re.DOTALL)  # 73 % against 80 %
    assert re.search(r'data-figure="cases_validated">.*?kb-goal-met', ended, re.DOTALL)


def test_a_goals_trend_is_drawn_wide_and_narrow_with_the_running_period_pale(pages):
    page = pages["goals/2026-q4-east.md"]
    charts = page.split("## 历期走势", 1)[1]
    assert charts.count('class="kb-chart kb-chart-wide"') == 3 and charts.count('class="kb-chart kb-chart-narrow"') == 3
    assert "2026-Q4*" in charts and "kb-chart-partial" in charts and "2025-Q3" in charts
    assert "kb-chart-partial" not in pages["goals/2026-q3-east.md"]


def test_the_overview_lists_every_goal_and_the_team_and_health_pages_theirs(pages):
    overview = pages["goals/index.md"]
    for goal_id, goal in goals().items():
        assert f'href="../goals/{goal_id}/"' in overview or f'href="{goal_id}/"' in overview, goal_id
        host = pages[f"teams/{goal['team']}.md"] if goal.get("team") else pages["health.md"]
        assert f"goals/{goal_id}/" in host, goal_id
    assert "## 全公司目标" in pages["health.md"] and "## 班组目标" in pages["teams/east.md"]
    assert pages["teams/east.md"].index("## 班组目标") < pages["teams/east.md"].index("## 技能矩阵")


def test_no_goal_page_names_a_person(pages):
    for uri, text in pages.items():
        if uri.startswith("goals/"):
            assert "people/" not in text and "kb-person" not in text, uri
    section = pages["teams/east.md"].split("## 班组目标", 1)[1].split("\n## ", 1)[0]
    assert "people/" not in section


def test_commendations_show_on_the_persons_team_and_home_page(pages, demo):
    person = pages["people/xu-yang.md"]
    received = person.split("## 收到的表扬", 1)[1]
    assert "../../commendations/20261120-banner-xu-yang/" in received and "某液压机厂" in received
    assert "../../commendations/20260920-banner-zhang-wei-xu-yang/" in received
    assert "commendations/20261120-banner-xu-yang/" in pages["teams/east.md"].split("## 班组收到的表扬", 1)[1]
    home = pages["index.md"].split("## 最新表扬", 1)[1].split("\n## ", 1)[0]
    newest = sorted(demo.commendations.values(), key=lambda c: c.date, reverse=True)
    assert [m for m in re.findall(r"commendations/([a-z0-9-]+)/", home)] == [c.id for c in newest[:5]]
    assert 'href="commendations/"' in pages["index.md"] and 'href="goals/"' in pages["index.md"]
    assert "## 收到的表扬" in pages["people/huang-min.md"]
    assert "还没有表扬。" in pages["people/zhou-jie.md"].split("## 收到的表扬", 1)[1]


def test_an_award_shows_the_commendations_it_cites_and_the_commendation_the_award(pages):
    award = pages["awards/2026-q3-service-star-xu-yang.md"]
    assert "../../commendations/20260920-banner-zhang-wei-xu-yang/" in award.split("## 表扬", 1)[1]
    commendation = pages["commendations/20260920-banner-zhang-wei-xu-yang.md"]
    assert "awards/2026-q3-service-star-xu-yang/" in commendation.split("## 作为荣誉的事迹", 1)[1]


def test_commendations_have_their_feed(demo):
    files = {f.path: readable(f.content).decode("utf-8") for f in site_files(demo, "zh", "site", "")}
    feed = files["feeds/commendations.xml"]
    assert feed.count("<item>") == len(demo.commendations)
    assert "锦旗 · 徐洋 · 某液压机厂" in feed and "commendations/20261120-banner-xu-yang/" in feed
    assert "feeds/commendations.atom" in files


def test_a_commendations_tickets_are_counted_not_shown_nor_published(demo, pages):
    page = pages["commendations/20261120-banner-xu-yang.md"]
    assert "涉及 1 张工单" in page and "GD2026000195" not in page
    files = {f.path: readable(f.content).decode("utf-8") for f in site_files(demo, "zh", "site", "")}
    assert "GD2026000195" not in "".join(files.values())
    api = json.loads(files["api/commendations.json"])
    assert (
        api
        and all("tickets" not in item for item in api)
        and all("customer" in item or item["source"] != "customer" for item in api)
    )
    found = [doc for _, doc in documents(demo, "zh") if doc["kind"] == "commendation"]
    assert found and all("tickets" not in doc and "customer" not in doc for doc in found)


def test_with_ticket_ids_shown_a_commendation_shows_its_tickets(tmp_path):
    checked = check(dataclasses.replace(Settings(DEMO, TODAY, shown_root="data"), show_ticket_ids=True))
    data = build_dataset(checked.context)
    page = next(
        p.text for p in render_site(data, "zh", "site") if p.src_uri == "commendations/20261120-banner-xu-yang.md"
    )
    assert "<li>GD2026000195</li>" in page


def test_the_english_site_says_it_in_english(english):
    goal = english["goals/2026-q4-east.md"]
    assert "In progress: day 59 of 92" in goal and "Link rate" in goal and "Trend over the periods" in goal
    assert "## Commendations received" in english["people/xu-yang.md"]
    assert "Banner" in english["commendations/20261120-banner-xu-yang.md"]
    for uri in ("goals/index.md", "commendations/index.md", "health.md", "training/figures.md"):
        headings = [line for line in english[uri].splitlines() if line.startswith("#")]
        assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in headings), (uri, headings)
