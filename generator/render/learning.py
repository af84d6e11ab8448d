"""Mentoring pairs, training sessions and training paths."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import groupby

from generator.render import search_data
from generator.render.diagram import path_diagram
from generator.render.engine import Page, Renderer
from generator.render.urls import ATTACHMENTS_DIR, attachment_url, index_page, record_page
from generator.shapes import WEB_LINK_PREFIXES


def mentoring_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    for mid, pair in data.mentoring.items():
        if r.skips(record_page("mentoring", mid)):
            continue
        heading = f"{data.person_name(pair.mentor)} → {data.person_name(pair.mentee)}"
        mentee_levels = data.people[pair.mentee].skills if pair.mentee in data.people else {}
        goals = [(goal, mentee_levels.get(goal.skill)) for goal in pair.goals]
        log = sorted(pair.log, key=lambda entry: entry.date)
        yield r.page(
            "mentoring_pair.md.j2",
            record_page("mentoring", mid),
            meta={"title": f"{t.mentoring} · {heading}"},
            search=partial(search_data.for_mentoring, r, pair),
            heading=heading,
            pair=pair,
            goals=goals,
            log=log,
        )
    by_start = sorted(data.mentoring, key=lambda mid: (data.mentoring[mid].started, mid), reverse=True)
    groups = [
        (t.active_pairs, [m for m in by_start if data.mentoring[m].status == "active"]),
        (t.finished_pairs, [m for m in by_start if data.mentoring[m].status != "active"]),
    ]
    yield r.page("mentoring_index.md.j2", index_page("mentoring"), meta={"title": t.mentoring}, groups=groups)


def session_pages(r: Renderer) -> Iterator[Page]:
    data = r.data
    steps_by_session = {}
    for path_id, path in data.paths.items():
        for step in path.steps:
            for sid in step.sessions:
                steps_by_session.setdefault(sid, []).append((path_id, step))
    for sid, session in data.sessions.items():
        if r.skips(record_page("session", sid)):
            continue
        href_page = record_page("session", sid)
        yield r.page(
            "session.md.j2",
            href_page,
            meta={"title": session.title},
            search=partial(search_data.for_session, r, session),
            s=session,
            upcoming=data.is_upcoming(sid),
            attendees=data.sorted_people(session.attendees),
            results=data.results_by_contest.get(sid, []),
            materials=_materials(session.materials, href_page),
            paths=steps_by_session.get(sid, []),
        )
    yield _sessions_index(r)


def _materials(materials: list[str], page: str) -> list[dict[str, str]]:
    items = []
    for material in materials:
        if material.startswith(WEB_LINK_PREFIXES):
            items.append({"url": material, "label": material})
        else:
            items.append({"url": attachment_url(page, material), "label": material.removeprefix(ATTACHMENTS_DIR + "/")})
    return items


def _sessions_index(r: Renderer) -> Page:
    data, t = r.data, r.t
    upcoming = data.upcoming_sessions()
    past = [sid for sid in data.sessions_in_order(newest_first=True) if not data.is_upcoming(sid)]
    by_month = [
        (r.fmt.month(*month), list(ids))
        for month, ids in groupby(past, key=lambda sid: (data.sessions[sid].date.year, data.sessions[sid].date.month))
    ]
    return r.page(
        "sessions_index.md.j2",
        index_page("session"),
        meta={"title": t.sessions},
        upcoming=upcoming,
        past_by_month=by_month,
    )


def path_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    for path_id, path in data.paths.items():
        if r.skips(record_page("path", path_id)):
            continue
        titles = {step.id: step.title for step in path.steps}
        yield r.page(
            "path.md.j2",
            record_page("path", path_id),
            meta={"title": path.title},
            search=partial(search_data.for_path, r, path),
            path=path,
            titles=titles,
            diagram=path_diagram(path, f"{t.prerequisites}: {path.title}"),
            enrolled=data.sorted_people(path.enrolled),
        )
    ids = sorted(data.paths)
    yield r.page("paths_index.md.j2", index_page("path"), meta={"title": t.paths}, ids=ids)
    upcoming = data.upcoming_sessions()
    yield r.page("training_index.md.j2", "training/index.md", meta={"title": t.training}, upcoming=upcoming, paths=ids)
