"""The people directory, a page per person and a page per team."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator.render import search_data
from generator.render.engine import Page, Renderer
from generator.render.tickets import person_section
from generator.render.urls import index_page, record_page
from generator.shapes import ROLES


def people_pages(r: Renderer) -> Iterator[Page]:
    data = r.data
    upcoming = set(data.upcoming_sessions())  # a planned session is shown as planned, never as attended
    for pid, person in data.people.items():
        if r.skips(record_page("person", pid)):
            continue
        skills = sorted(person.skills.items(), key=lambda item: (-item[1], item[0]))
        yield r.page(
            "person.md.j2",
            record_page("person", pid),
            meta={"title": person.name},
            p=person,
            pid=pid,
            skills=skills,
            upcoming_ids=upcoming,
            search=partial(search_data.for_person, r, person),
            tickets=person_section(r, pid),
        )
    yield _directory(r)


def _directory(r: Renderer) -> Page:
    data = r.data
    current = [pid for pid in data.sorted_people() if not data.is_alumnus(pid)]
    by_team = []
    for team_id in data.teams:
        roles = [
            (role, [pid for pid in current if data.people[pid].team == team_id and data.people[pid].role == role])
            for role in ROLES
        ]
        roles = [(role, ids) for role, ids in roles if ids]
        if roles:
            by_team.append((team_id, roles))
    alumni = [pid for pid in data.sorted_people() if data.is_alumnus(pid)]
    return r.page(
        "people_index.md.j2", index_page("person"), meta={"title": r.t.people}, by_team=by_team, alumni=alumni
    )
