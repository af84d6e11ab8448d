"""Case pages and the case indexes: by product, skill, tag (Material's tags), year, and review."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pymdownx.slugs import slugify

from generator import metrics
from generator.model import pinyin_key
from generator.render import search_data
from generator.render.engine import Page, Renderer
from generator.render.qr import qr_page
from generator.render.text import plain_text
from generator.render.tickets import case_section
from generator.render.urls import index_page, record_page

DESCRIPTION_LENGTH = 150
HOME_LIST = 10
HUB_LIST = 30
# The cases index lists every state, validated first: what an engineer can rely on, then
# what still waits for a check, work in progress, and the archive.
STATES_IN_ORDER = ("validated", "not-validated", "wip", "archived")
NOT_A_PRODUCT = {"product": None, "codes": [], "qr": None, "pack": None}  # what only a product's page shows


def case_pages(r: Renderer) -> Iterator[Page]:
    data = r.data
    anchors = dict(tag_anchors(data))
    for case_id, case in data.cases.items():
        if r.skips(record_page("case", case_id)):
            continue
        meta = {
            "title": case.title,
            "description": partial(_description, case.symptoms),
            "tags": list(dict.fromkeys(case.tags)),
        }
        yield r.page(
            "case.md.j2",
            record_page("case", case_id),
            meta=meta,
            c=case,
            source=data.source_files[("case", case_id)],
            similar=[other for other, _ in data.similar.get(case_id, [])],
            search=partial(search_data.for_case, r, case),
            cited_by=data.cited_by.get(case_id, []),
            tag_anchors=anchors,
            tickets=case_section(r, case_id),
        )


def _description(symptoms: str) -> str:
    return plain_text(symptoms)[:DESCRIPTION_LENGTH]


def validated_newest(r: Renderer) -> list[str]:
    return [cid for cid in r.data.newest_cases() if r.data.cases[cid].state == "validated"]


def index_pages(r: Renderer, codes: dict[str, list]) -> Iterator[Page]:
    """The cases index, review list, tags page and the pages by product (with `codes`, each
    product's alarm code pages: generator/render/codes.py), skill and year."""
    data, t = r.data, r.t
    newest = data.newest_cases()
    by_state = [(state, [cid for cid in newest if data.cases[cid].state == state]) for state in STATES_IN_ORDER]
    review = metrics.past_review(data)
    yield r.page(
        "cases_index.md.j2",
        index_page("case"),
        meta={"title": t.cases},
        by_state=[(state, ids[:HUB_LIST], len(ids)) for state, ids in by_state],
        review_count=len(review),
        recent=data.recently_changed_cases()[:HUB_LIST],
    )
    yield r.page("review.md.j2", "review.md", meta={"title": t.needs_review}, ids=review)
    yield r.page("tags.md.j2", "tags.md", meta={"title": t.by_tag}, tags=tag_anchors(data))
    yield from _product_pages(r, codes)
    yield from _skill_pages(r)
    yield from _year_pages(r)


def tag_anchors(data) -> list[tuple[str, str]]:
    """(tag, anchor on the tags page) for every tag, by pinyin; anchors are unique and
    depend only on the tag's text, so a link to a tag keeps working as tags are added."""
    slug = slugify(case="lower")
    anchors: list[tuple[str, str]] = []
    taken: set[str] = set()
    for tag in sorted(data.cases_by_tag, key=pinyin_key):
        anchor = base = "tag-" + (slug(tag, "-") or "x")
        number = 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        anchors.append((tag, anchor))
    return anchors


def _facet_index(r: Renderer, src: str, kind: str, heading: str, column: str, rows: list) -> Page:
    return r.page(
        "facet_index.md.j2", src, meta={"title": heading}, heading=heading, column=column, kind=kind, rows=rows
    )


def _product_pages(r: Renderer, codes: dict[str, list]) -> Iterator[Page]:
    data, t = r.data, r.t
    rows = [(pid, r.name(p), len(data.cases_by_product.get(pid, []))) for pid, p in data.products.items()]
    yield _facet_index(r, index_page("product"), "product", t.by_product, t.products, rows)
    for pid, product in data.products.items():
        yield r.page(
            "facet.md.j2",
            record_page("product", pid),
            meta={"title": r.name(product)},
            heading=r.name(product),
            description=None,
            experts=[],
            cases=data.cases_by_product.get(pid, []),
            sessions=[],
            feed=f"feeds/products/{pid}",
            product=pid,
            codes=codes.get(pid, []),
            qr=qr_page(pid) if r.site_url else None,
            pack=(pid, r.name(product)),
        )


def _skill_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    rows = [(sid, r.name(s), len(data.cases_by_skill.get(sid, []))) for sid, s in data.skills.items()]
    yield _facet_index(r, index_page("skill"), "skill", t.by_skill, t.skills, rows)
    for sid, skill in data.skills.items():
        experts = [
            (pid, data.people[pid].skills[sid])
            for pid in data.sorted_people()
            if data.people[pid].skills.get(sid, 0) >= 3 and not data.is_alumnus(pid)
        ]
        experts.sort(key=lambda item: -item[1])
        yield r.page(
            "facet.md.j2",
            record_page("skill", sid),
            meta={"title": r.name(skill)},
            heading=r.name(skill),
            description=skill.description,
            experts=experts,
            cases=data.cases_by_skill.get(sid, []),
            sessions=data.sessions_in_order(data.sessions_by_skill.get(sid, []), newest_first=True),
            feed=f"feeds/skills/{sid}",
            **NOT_A_PRODUCT,
        )


def _year_pages(r: Renderer) -> Iterator[Page]:
    data, t = r.data, r.t
    years = sorted(data.cases_by_year, reverse=True)
    rows = [(year, str(year), len(data.cases_by_year[year])) for year in years]
    yield _facet_index(r, index_page("year"), "year", t.by_year, t.year, rows)
    for year in years:
        yield r.page(
            "facet.md.j2",
            record_page("year", year),
            meta={"title": f"{t.cases} · {year}"},
            heading=f"{t.cases} · {year}",
            description=None,
            experts=[],
            cases=data.cases_by_year[year],
            sessions=[],
            feed=None,
            **NOT_A_PRODUCT,
        )
