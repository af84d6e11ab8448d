"""The private monthly note to each engineer (`kb digest 2026-11`), for the manager to send:
the person's own month as the records tell it, in Markdown and as printable HTML.

What a note holds: their cases that colleagues reused that month (tickets closed in it by
someone other than the case's authors, as their page counts them), the cases they validated,
the commendations they received, the sessions they attended and gave, the goals of their
mentoring pairs they have reached, the next step on their paths, and how their team stands
against its goals (the figures the goal pages show). No rank, no comparison with anyone, and
nothing of another person's record beyond what the person's own page shows: a colleague is
named only as the giver of a commendation or as a mentor, as on their page.

The notes are never part of the site: they are written to a folder outside it, and the build
reads nothing from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from markupsafe import Markup

from generator.kinds import commendation as commendations
from generator.kinds import goal as goals
from generator.model import Dataset
from generator.periods import Period
from generator.render.engine import template_environment
from generator.render.formats import Formats
from generator.render.labels import Labels
from generator.render.services import SiteRenderer
from generator.render.text import render_markdown
from generator.tickets.figures import reused_by_others, validation_day


@dataclass(frozen=True)
class Reached:
    """A goal of a mentoring pair the person has reached: the skill, their level, the target, the mentor."""

    skill: str
    level: int
    target: int
    mentor: str


@dataclass
class Month:
    """One person's month, as the note tells it."""

    person: str
    reused: list[tuple[str, int]] = field(default_factory=list)  # (their case, tickets of others reusing it)
    validated: list[str] = field(default_factory=list)
    commendations: list[str] = field(default_factory=list)
    attended: list[str] = field(default_factory=list)
    trained: list[str] = field(default_factory=list)
    reached: list[Reached] = field(default_factory=list)
    next_steps: list[tuple[str, str | None]] = field(default_factory=list)  # (path, its next step's title or None)
    goals: list[goals.Standing] = field(default_factory=list)

    @property
    def quiet(self) -> bool:
        return not (self.reused or self.validated or self.commendations or self.attended or self.trained)


@dataclass(frozen=True)
class Note:
    person: str
    markdown: str
    html: str

    def files(self) -> tuple[tuple[str, str], ...]:
        """(the file name's ending, its text): the note to paste into a message, and to print."""
        return ((".md", self.markdown), (".html", self.html))


def in_post(data: Dataset, month: Period) -> list[str]:
    """The people in post at the month's end: joined by then and not left."""
    end = month.last_day
    return [
        pid
        for pid in data.sorted_people()
        if data.people[pid].joined <= end and (data.people[pid].left is None or data.people[pid].left > end)
    ]


def month_of(r: SiteRenderer, person_id: str, month: Period) -> Month:
    data = r.data
    first, last = month.first_day, min(month.last_day, data.today)
    found = Month(person_id)
    for case_id in data.cases_by_author.get(person_id, []):
        tickets = [t for t in reused_by_others(data, case_id) if t.closed is not None and first <= t.closed <= last]
        if tickets:
            found.reused.append((case_id, len(tickets)))
    found.validated = [
        cid for cid in data.cases_validated_by.get(person_id, []) if first <= validation_day(data, cid) <= last
    ]
    found.commendations = [
        cid for cid in data.commendations_about.get(person_id, []) if first <= data.commendations[cid].date <= last
    ]
    held = [sid for sid in data.sessions_in_order() if first <= data.sessions[sid].date <= last]
    found.attended = [sid for sid in held if person_id in data.sessions[sid].attendees]
    found.trained = [sid for sid in held if person_id in data.sessions[sid].trainers]
    found.reached = _reached(data, person_id)
    found.next_steps = _next_steps(data, person_id)
    found.goals = _team_goals(r, person_id, month)
    return found


def _reached(data: Dataset, person_id: str) -> list[Reached]:
    reached = []
    for pair_id in data.mentoring_as_mentee.get(person_id, []):
        pair = data.mentoring[pair_id]
        if pair.status == "stopped":
            continue
        for goal in pair.goals:
            level = data.people[person_id].skills.get(goal.skill)
            if level is not None and level >= goal.target:
                reached.append(Reached(goal.skill, level, goal.target, pair.mentor))
    return reached


def _next_steps(data: Dataset, person_id: str) -> list[tuple[str, str | None]]:
    steps = []
    for path_id in data.paths_of.get(person_id, []):
        step = data.next_step(path_id, person_id)
        title = next((s.title for s in data.paths[path_id].steps if step and s.id == step.step), None)
        steps.append((path_id, title))
    return steps


def _team_goals(r: SiteRenderer, person_id: str, month: Period) -> list[goals.Standing]:
    """The goals of the person's team whose period overlaps the month, as the goal pages show them."""
    team = r.data.people[person_id].team
    overlapping = [
        gid
        for gid in r.data.goals_of_team.get(team, [])
        if goals.span(r.data.goals[gid]).first_day <= month.last_day
        and goals.span(r.data.goals[gid]).last_day >= month.first_day
    ]
    return [goals.standing(r, gid) for gid in overlapping]


def notes(data: Dataset, month: Period, language: str, site_name: str = "") -> list[Note]:
    """The note of every person in post at the month's end, by the order of their names."""
    r = SiteRenderer(data, language, site_name)
    env = template_environment()
    env.autoescape = lambda name: bool(name) and name.endswith(".html.j2")  # the Markdown note is text
    env.filters["markdown"] = lambda text: render_markdown(text, "attachments")
    common = {
        "data": data,
        "t": Labels(language),
        "fmt": Formats(language),
        "month": month.describe(language),
        "site_name": site_name,
        "shown": r.figure_shown,
        "given_by": lambda c: commendations.given_by(data, c, language),
        "progress": partial(_progress, Labels(language)),
        "state": partial(_state, Labels(language)),
    }
    found = []
    for person_id in in_post(data, month):
        context = {**common, "m": month_of(r, person_id, month), "p": data.people[person_id]}
        markdown = _tidy(env.get_template("digest.md.j2").render(**context))
        html = env.get_template("digest.html.j2").render(**context, Markup=Markup)
        found.append(Note(person_id, markdown, html))
    return found


def _progress(t: Labels, standing: goals.Standing) -> str:
    if standing.state == "running":
        return t.goal_running.format(gone=standing.days_gone, days=standing.days)
    return t.goal_ended if standing.state == "ended" else t.goal_waiting


def _state(t: Labels, row: goals.Row) -> str:
    return t[STATES[row.state]]


STATES = {  # a target's standing -> its label, as the goal pages say it
    "met": "goal_met",
    "missed": "goal_missed",
    "running": "goal_so_far",
    "waiting": "goal_not_begun",
    "unmeasured": "goal_unmeasured",
}


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
