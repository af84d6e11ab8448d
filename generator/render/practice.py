"""Practice pages: the questions of a product's, a skill's and a path's cases, answered in the
browser (assets/kb-learning.js), and the index of every set (`training/practice/`).

A question shows its case's symptoms and environment and asks for the cause; the answer and
the case are in a <details> under it, which the script opens once the reader has chosen (and
anyone can open without the script). Progress is kept in the browser's localStorage only: the
pages send nothing and publish no score. The pages are not in the search index (their wrong
answers would be found as if they were the cases').
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.render.engine import PageJob, Renderer
from generator.render.learning_view import PRACTICE_INDEX, PracticeSet
from generator.render.urls import record_page


def practice_pages(r: Renderer) -> Iterator[PageJob]:
    """The index of the practice sets and a page per set."""
    learning, t = r.learning, r.t
    sets = list(learning.sets.values())
    yield r.page(
        "practice_index.md.j2",
        PRACTICE_INDEX,
        meta={"title": t.practice_sets},
        sets_by_kind=[(kind, [s for s in sets if s.kind == kind]) for kind in ("path", "product", "skill")],
        titles={s.src_uri: _title(r, s) for s in sets},
    )
    for practice in sets:
        if r.skips(practice.src_uri):
            continue
        title = _title(r, practice)
        yield r.page(
            "practice.md.j2",
            practice.src_uri,
            meta={"title": f"{t.practice} · {title}", "description": t.practice_intro},
            heading=title,
            practice=practice,
            practice_sections=_sections(r, practice),
            origin=record_page(practice.kind, practice.id),
        )


def _title(r: Renderer, practice: PracticeSet) -> str:
    data = r.data
    if practice.kind == "path":
        return data.paths[practice.id].title
    entries = data.products if practice.kind == "product" else data.skills
    return r.name(entries[practice.id])


def _sections(r: Renderer, practice: PracticeSet) -> list[tuple[str | None, str | None, list[str]]]:
    """(heading, anchor, case ids) of each section: a path's steps, or the whole set under no heading."""
    if practice.kind != "path":
        return [(None, None, list(ids)) for _, ids in practice.sections]
    titles = {step.id: step.title for step in r.data.paths[practice.id].steps}
    return [(titles[step], f"step-{step}", list(ids)) for step, ids in practice.sections if step is not None]
