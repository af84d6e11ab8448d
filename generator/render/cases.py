"""Case pages and the case indexes: by product, skill, tag (Material's tags), year, and review."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator import metrics
from generator.render import search_data
from generator.render.engine import Page, Renderer
from generator.render.text import plain_text
from generator.render.tickets import case_section
from generator.shapes import CASE_STATES

DESCRIPTION_LENGTH = 150
HOME_LIST = 10
HUB_LIST = 30


def case_pages(r: Renderer) -> Iterator[Page]:
    data = r.data
    for case_id, case in data.cases.items():
        if r.skips(f"cases/{case_id}.md"):
            continue
        meta = {
            "title": case.title,
            "description": partial(_description, case.symptoms),
            "tags": list(dict.fromkeys(case.tags)),
        }
        yield r.page(
            "case.md.j2",
            f"cases/{case_id}.md",
            meta=meta,
            c=case,
            source=data.source_files[("case", case_id)],
            similar=[other for other, _ in data.similar.get(case_id, [])],
            search=partial(search_data.for_case, r, case),
            cited_by=data.cited_by.get(case_id, []),
            tickets=case_section(r, case_id),
        )


def _description(symptoms: str) -> str:
    return plain_text(symptoms)[:DESCRIPTION_LENGTH]


def validated_newest(r: Renderer) -> list[str]:
    return [cid for cid in r.data.newest_cases() if r.data.cases[cid].state == "validated"]


def index_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    counts = [(state, sum(1 for c in data.cases.values() if c.state == state)) for state in CASE_STATES]
    review = metrics.past_review(data)
    yield r.page(
        "cases_index.md.j2",
        "cases/index.md",
        meta={"title": t.cases},
        state_counts=counts,
        review_count=len(review),
        newest=validated_newest(r)[:HUB_LIST],
    )
    yield r.page("review.md.j2", "review.md", meta={"title": t.needs_review}, ids=review)
    yield r.page("tags.md.j2", "tags.md", meta={"title": t.by_tag})
    yield from _product_pages(r)
    yield from _skill_pages(r)
    yield from _year_pages(r)


def _facet_index(r: Renderer, src: str, kind: str, heading: str, column: str, rows: list) -> Page:
    return r.page(
        "facet_index.md.j2", src, meta={"title": heading}, heading=heading, column=column, kind=kind, rows=rows
    )


def _product_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    rows = [(pid, p.name, len(data.cases_by_product.get(pid, []))) for pid, p in data.products.items()]
    yield _facet_index(r, "products/index.md", "product", t.by_product, t.products, rows)
    for pid, product in data.products.items():
        yield r.page(
            "facet.md.j2",
            f"products/{pid}.md",
            meta={"title": product.name},
            heading=product.name,
            description=None,
            experts=[],
            cases=data.cases_by_product.get(pid, []),
            sessions=[],
        )


def _skill_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    rows = [(sid, s.name, len(data.cases_by_skill.get(sid, []))) for sid, s in data.skills.items()]
    yield _facet_index(r, "skills/index.md", "skill", t.by_skill, t.skills, rows)
    for sid, skill in data.skills.items():
        experts = [
            (pid, data.people[pid].skills[sid])
            for pid in data.sorted_people()
            if data.people[pid].skills.get(sid, 0) >= 3 and not data.is_alumnus(pid)
        ]
        experts.sort(key=lambda item: -item[1])
        yield r.page(
            "facet.md.j2",
            f"skills/{sid}.md",
            meta={"title": skill.name},
            heading=skill.name,
            description=skill.description,
            experts=experts,
            cases=data.cases_by_skill.get(sid, []),
            sessions=data.sessions_in_order(data.sessions_by_skill.get(sid, []), newest_first=True),
        )


def _year_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    years = sorted(data.cases_by_year, reverse=True)
    rows = [(year, str(year), len(data.cases_by_year[year])) for year in years]
    yield _facet_index(r, "years/index.md", "year", t.by_year, t.year, rows)
    for year in years:
        yield r.page(
            "facet.md.j2",
            f"years/{year}.md",
            meta={"title": f"{t.cases} · {year}"},
            heading=f"{t.cases} · {year}",
            description=None,
            experts=[],
            cases=data.cases_by_year[year],
            sessions=[],
        )
