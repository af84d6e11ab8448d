"""Every goal's actual, worked out again from the YAML and CSV files without the generator's
figure functions (tests/goals/recompute.py), is what the goal's page shows; and the goal pages,
the knowledge-health page and the training figures show the same figure for the same
definition, team and period."""

from __future__ import annotations

import re

from tests.conftest import TODAY
from tests.goals.recompute import Folder, actual

ROW = re.compile(
    r'<tr data-figure="(?P<figure>[a-z_]+)">(?:(?!</tr>).)*?<td class="kb-goal-actual kb-nowrap">(?P<actual>[^<]*)</td>',
    re.DOTALL,
)
KNOWLEDGE = {"link_rate", "reuse_rate", "cases_written", "cases_validated", "days_to_validation", "participation"}


def shown_actuals(page: str) -> list[tuple[str, str]]:
    """(figure, actual) of each target row of a goal page, in order."""
    return [(m["figure"], m["actual"]) for m in ROW.finditer(page)]


def table_cell(page: str, period: str, team: str | None, figure: str) -> str:
    """A cell of the figures-by-quarter table of the knowledge-health or training page."""
    table = page.split(f'data-period="{period}"', 1)[1].split("</table>", 1)[0]
    row = table.split(f'<tr data-team="{team or "all"}">', 1)[1].split("</tr>", 1)[0]
    return re.search(rf'data-figure="{figure}">([^<]*)</td>', row).group(1)


def test_every_goal_page_shows_the_actual_an_independent_reading_of_the_files_gives(rendered):
    folder = Folder(rendered.data_dir, TODAY)
    goals = rendered.goals()
    assert len(goals) >= 5
    for goal_id, goal in goals.items():
        page = rendered.pages[f"goals/{goal_id}.md"]
        shown = shown_actuals(page)
        assert [figure for figure, _ in shown] == [t["figure"] for t in goal["targets"]], goal_id
        expected = [
            (t["figure"], actual(folder, t["figure"], goal.get("team"), str(goal["period"]))) for t in goal["targets"]
        ]
        assert shown == expected, goal_id
    assert any(
        value not in ("—", "0", "0%")
        for goal_id in goals
        for _, value in shown_actuals(rendered.pages[f"goals/{goal_id}.md"])
    )


def test_the_goal_pages_and_the_health_and_training_pages_agree(rendered):
    compared = 0
    for goal_id, goal in rendered.goals().items():
        if str(goal["period"]) not in ("2026-Q3", "2026-Q4"):  # the figures pages show this quarter and the last
            continue
        for figure, value in shown_actuals(rendered.pages[f"goals/{goal_id}.md"]):
            page = rendered.pages["health.md" if figure in KNOWLEDGE else "training/figures.md"]
            assert table_cell(page, str(goal["period"]), goal.get("team"), figure) == value, (goal_id, figure)
            compared += 1
    assert compared >= 6


def test_a_team_page_shows_its_goals_with_the_same_actuals(rendered):
    for goal_id, goal in rendered.goals().items():
        shown = shown_actuals(rendered.pages[f"goals/{goal_id}.md"])
        # a team's goals are on its page, the organisation's on the knowledge-health page
        host = rendered.pages[f"teams/{goal['team']}.md"] if goal.get("team") else rendered.pages["health.md"]
        section = host.split(f'href="../../goals/{goal_id}/"' if goal.get("team") else f'href="../goals/{goal_id}/"', 1)
        assert len(section) == 2, goal_id
        assert shown_actuals(section[1])[: len(shown)] == shown, goal_id
