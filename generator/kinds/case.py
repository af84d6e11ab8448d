"""Cases: one solved case per file in data/cases/ (in sub-folders by year, if a team likes),
written as a KCS article. Its pages are the case library: a page per case, the cases index,
the review list, the tags page and the pages by product, skill and year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import ConfigDict, Field
from pymdownx.slugs import slugify as anchor_slug

from generator import codes
from generator.kinds.kind import (
    Activity,
    Citation,
    Demo,
    Document,
    Import,
    Index,
    Links,
    Option,
    RecordKind,
    Scaffold,
    Search,
    Sheet,
    Words,
)
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.record_text import SPACES, NewRecord, block, quoted
from generator.record_text import one_line as title_line
from generator.search.fields import STATE_WORDS
from generator.search.tokens import search_copy, search_copy_of
from generator.slug import NEW_ID_LENGTH, pinyin_key, title_slug
from generator.vocabulary import (
    CASE_STATES,
    CaseRef,
    Day,
    Id,
    Markdown,
    PersonRef,
    ProductRef,
    Shape,
    SkillRef,
    TeamRef,
    Title,
    Word,
    doc,
    entry_names,
)

if TYPE_CHECKING:
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

FOLDER = "cases"
# Fields a case must have in each state, beyond the always-required ones.
CASE_STATE_REQUIRES: dict[str, tuple[str, ...]] = {
    "not-validated": ("environment", "resolution"),
    "validated": ("environment", "resolution", "validated_by"),
    "archived": ("environment", "resolution"),
}


class Case(Shape):
    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"state": {"const": state}}, "required": ["state"]},
                    "then": {"required": list(fields)},
                }
                for state, fields in CASE_STATE_REQUIRES.items()
            ]
        }
    )

    id: Id = doc(
        "the case's id, equal to the file name, e.g. `20260412-hx200-pressure-drop`",
        "案例 id，与文件名相同，如 `20260412-hx200-pressure-drop`",
    )
    title: Title = doc("the problem in the customer's words", "问题，用客户的话说")
    state: Literal[CASE_STATES] = doc(  # type: ignore[valid-type]
        "`wip`, `not-validated`, `validated` or `archived`",
        "`wip`（处理中）、`not-validated`（待验证）、`validated`（已验证）或 `archived`（已归档）",
    )
    products: Annotated[list[ProductRef], Field(min_length=1)] = doc(
        "the products the problem occurred on (at least one)", "出问题的产品（至少一个）"
    )
    skills: list[SkillRef] = doc("the skills the fix needs", "解决问题需要的技能", default_factory=list)
    tags: list[Word] = doc("free words", "自由标签", default_factory=list)
    aka: list[Word] = doc(
        "other words customers and engineers use for this problem (searchable)",
        "客户和工程师对这个问题的其他说法（可搜索）",
        default_factory=list,
    )
    symptoms: Markdown = doc(
        "Markdown: what was observed, in the customer's words", "Markdown：观察到的现象，用客户的话说"
    )
    environment: Markdown | None = doc(
        "Markdown: product version, configuration, site conditions", "Markdown：产品版本、配置、现场条件", default=None
    )
    cause: Markdown | None = doc("Markdown: why the problem occurred", "Markdown：问题的原因", default=None)
    resolution: Markdown | None = doc("Markdown: the steps that fixed it", "Markdown：解决问题的步骤", default=None)
    authors: Annotated[list[PersonRef], Field(min_length=1)] = doc(
        "the people who wrote the case (at least one)", "编写案例的人（至少一人）"
    )
    validated_by: PersonRef | None = doc(
        "the person whose `kcs_role` is `publisher` or `coach`, and who is not the only author",
        "验证人：`kcs_role` 为 `publisher` 或 `coach`，且不是唯一的作者",
        default=None,
    )
    solved_on: Day = doc("the day the problem was solved", "问题解决的日期")
    hours_to_resolve: Annotated[float, Field(ge=0)] | None = doc(
        "hours it took to resolve", "解决问题所用的小时数", default=None
    )
    customer: Title | None = doc(
        "an anonymised label such as `某食品厂`; never a name, phone number or e-mail",
        "匿名的称呼，如 某食品厂；绝不写名称、电话号码或电子邮箱",
        default=None,
    )
    team: TeamRef | None = doc("the team that solved it", "解决问题的班组", default=None)
    related: list[CaseRef] = doc("other cases on a related problem", "相关问题的其他案例", default_factory=list)
    review_by: Day | None = doc(
        "date after which the case should be reviewed again", "此日期之后应重新复审本案例", default=None
    )
    attachments: list[Title] = doc(
        "paths under `data/attachments/`", "附件：`data/attachments/` 下的路径", default_factory=list
    )
    practice: bool = doc(
        "`false`: its cause makes no good practice question (left out of practice sets and papers)",
        "`false`：原因不适合出练习题（不进练习题和试卷）",
        default=True,
    )


def attachments(case: Case) -> Iterator[tuple[tuple, str]]:
    for index, name in enumerate(case.attachments):
        yield ("attachments", index), name


# --- what the rules read (generator/validate/rules.py) ----------------------------------------


def activities(case: Case) -> Iterator[Activity]:
    for index, author in enumerate(case.authors):
        yield ("authors", index), author, case.solved_on
    if case.validated_by:
        yield ("validated_by",), case.validated_by, case.solved_on


# --- back-links -----------------------------------------------------------------------------


def link(data: Dataset, case_id: str, case: Case) -> None:
    for author in case.authors:
        data.cases_by_author[author].append(case_id)
    if case.validated_by:
        data.cases_validated_by[case.validated_by].append(case_id)
    for product in case.products:
        data.cases_by_product[product].append(case_id)
    for skill in case.skills:
        data.cases_by_skill[skill].append(case_id)
    for tag in dict.fromkeys(case.tags):
        data.cases_by_tag[tag].append(case_id)
    data.cases_by_year[case.solved_on.year].append(case_id)
    for related in case.related:
        data.cited_by[related].append(Citation("case", case_id, "related"))


def _newest(data: Dataset, ids: list[str]) -> list[str]:
    return data.newest_cases(ids)


LINKS = Links(
    indexes=(
        Index("cases_by_author", _newest),
        Index("cases_validated_by", _newest),
        Index("cases_by_product", _newest),
        Index("cases_by_skill", _newest),
        Index("cases_by_tag", _newest),
        Index("cases_by_year", _newest),
        Index("cited_by"),  # every kind that points at a case adds to it
    ),
    link=link,
    place=1,
)


# --- pages ----------------------------------------------------------------------------------

DESCRIPTION_LENGTH = 150
HOME_LIST = 10
HUB_LIST = 30
# The cases index lists every state, validated first: what an engineer can rely on, then
# what still waits for a check, work in progress, and the archive.
STATES_IN_ORDER = ("validated", "not-validated", "wip", "archived")
NOT_A_PRODUCT = {"product": None, "codes": [], "qr": None, "pack": None}  # what only a product's page shows


def pages(r: Renderer) -> Iterator[PageJob]:
    yield from case_pages(r)
    yield from index_pages(r)


def case_pages(r: Renderer) -> Iterator[PageJob]:
    data = r.data
    anchors = dict(tag_anchors(data))
    for case_id, case in data.cases.items():
        if r.skips(r.record_page("case", case_id)):
            continue
        meta = {
            "title": case.title,
            "description": partial(_description, r, case.symptoms),
            "tags": list(dict.fromkeys(case.tags)),
        }
        yield r.page(
            "case.md.j2",
            r.record_page("case", case_id),
            meta=meta,
            c=case,
            source=data.source_files[("case", case_id)],
            similar=[other for other, _ in data.similar.get(case_id, [])],
            search=partial(search, r, case),
            cited_by=data.cited_by.get(case_id, []),
            tag_anchors=anchors,
            tickets=r.case_tickets(case_id),
        )


def _description(r: Renderer, symptoms: str) -> str:
    return r.plain_text(symptoms)[:DESCRIPTION_LENGTH]


def validated_newest(data: Dataset) -> list[str]:
    return [cid for cid in data.newest_cases() if data.cases[cid].state == "validated"]


def index_pages(r: Renderer) -> Iterator[PageJob]:
    """The cases index, review list, tags page and the pages by product (with each product's
    alarm code pages: generator/render/codes.py), skill and year."""
    data, t = r.data, r.t
    newest = data.newest_cases()
    by_state = [(state, [cid for cid in newest if data.cases[cid].state == state]) for state in STATES_IN_ORDER]
    review = r.past_review()
    yield r.page(
        "cases_index.md.j2",
        r.index_page("case"),
        meta={"title": t.cases},
        by_state=[(state, ids[:HUB_LIST], len(ids)) for state, ids in by_state],
        review_count=len(review),
        recent=data.recently_changed_cases()[:HUB_LIST],
    )
    yield r.page("review.md.j2", "review.md", meta={"title": t.needs_review}, ids=review)
    yield r.page("tags.md.j2", "tags.md", meta={"title": t.by_tag}, tags=tag_anchors(data))
    yield from _product_pages(r)
    yield from _skill_pages(r)
    yield from _year_pages(r)


def tag_anchors(data: Dataset) -> list[tuple[str, str]]:
    """(tag, anchor on the tags page) for every tag, by pinyin; anchors are unique and
    depend only on the tag's text, so a link to a tag keeps working as tags are added."""
    slug = anchor_slug(case="lower")
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


def _facet_index(r: Renderer, src: str, kind: str, heading: str, column: str, rows: list) -> PageJob:
    return r.page(
        "facet_index.md.j2", src, meta={"title": heading}, heading=heading, column=column, kind=kind, rows=rows
    )


def _product_pages(r: Renderer) -> Iterator[PageJob]:
    data, t = r.data, r.t
    rows = [(pid, r.name(p), len(data.cases_by_product.get(pid, []))) for pid, p in data.products.items()]
    yield _facet_index(r, r.index_page("product"), "product", t.by_product, t.products, rows)
    codes = r.product_codes()
    for pid, product in data.products.items():
        yield r.page(
            "facet.md.j2",
            r.record_page("product", pid),
            meta={"title": r.name(product)},
            heading=r.name(product),
            description=None,
            experts=[],
            cases=data.cases_by_product.get(pid, []),
            sessions=[],
            feed=f"feeds/products/{pid}",
            product=pid,
            codes=codes.get(pid, []),
            qr=r.qr_page(pid) if r.site_url else None,
            pack=(pid, r.name(product)),
        )


def _skill_pages(r: Renderer) -> Iterator[PageJob]:
    data, t = r.data, r.t
    rows = [(sid, r.name(s), len(data.cases_by_skill.get(sid, []))) for sid, s in data.skills.items()]
    yield _facet_index(r, r.index_page("skill"), "skill", t.by_skill, t.skills, rows)
    for sid, skill in data.skills.items():
        experts = [
            (pid, data.people[pid].skills[sid])
            for pid in data.sorted_people()
            if data.people[pid].skills.get(sid, 0) >= 3 and not data.is_alumnus(pid)
        ]
        experts.sort(key=lambda item: -item[1])
        yield r.page(
            "facet.md.j2",
            r.record_page("skill", sid),
            meta={"title": r.name(skill)},
            heading=r.name(skill),
            description=skill.description,
            experts=experts,
            cases=data.cases_by_skill.get(sid, []),
            sessions=data.sessions_in_order(data.sessions_by_skill.get(sid, []), newest_first=True),
            feed=f"feeds/skills/{sid}",
            **NOT_A_PRODUCT,
        )


def _year_pages(r: Renderer) -> Iterator[PageJob]:
    data, t = r.data, r.t
    years = sorted(data.cases_by_year, reverse=True)
    rows = [(year, str(year), len(data.cases_by_year[year])) for year in years]
    yield _facet_index(r, r.index_page("year"), "year", t.by_year, t.year, rows)
    for year in years:
        yield r.page(
            "facet.md.j2",
            r.record_page("year", year),
            meta={"title": f"{t.cases} · {year}"},
            heading=f"{t.cases} · {year}",
            description=None,
            experts=[],
            cases=data.cases_by_year[year],
            sessions=[],
            feed=None,
            **NOT_A_PRODUCT,
        )


# --- search ---------------------------------------------------------------------------------


def search(r: Renderer, case: Case) -> SearchData:
    """A case is found by its fields (shown in the site's language), and beside them by its
    title's sound, the model codes inside longer words, the words of the glossary groups and
    terms it holds and its products' and skills' names in the other language (never shown)."""
    data, t = r.data, r.t
    filters = [("kind", t.kind_case), ("state", t[case.state]), ("year", str(case.solved_on.year))]
    products = [data.products[p] for p in case.products]
    skills = [data.skills[s] for s in case.skills]
    filters += [("product", name) for name in r.shown_names(products)]
    filters += [("skill", name) for name in r.shown_names(skills)]
    fields = r.search_fields(
        aka=search_copy_of(*map(str, case.aka)),
        tags=search_copy_of(*map(str, case.tags)),
        symptoms=r.search_text(case.symptoms),
        products=search_copy_of(*r.shown_names(products)),
        skills=search_copy_of(*r.shown_names(skills)),
        environment=r.search_text(case.environment),
        cause=r.search_text(case.cause),
        resolution=r.search_text(case.resolution),
    )
    order = f"{len(data.cited_by.get(case.id, []))}-{case.solved_on.strftime('%Y%m%d')}"
    hidden = r.hidden_words(case.title, *written_texts(case))
    names = r.other_names(*products, *skills)
    state = STATE_WORDS[case.state]
    return r.search_data(
        filters, search_copy(case.title), fields, state, order, hidden, other_names=names, written=block_texts(r, case)
    )


def block_texts(r: Renderer, case: Case) -> dict[str, list[str]]:
    """The texts of each block of a case's search data, as written (the glossary terms it holds
    are found in them: render/search_data.py `with_group_words`)."""
    data = r.data
    products = [data.products[p] for p in case.products]
    skills = [data.skills[s] for s in case.skills]
    fields = {"symptoms": case.symptoms, "environment": case.environment, "cause": case.cause}
    return {
        "title": [case.title],
        "aka": list(map(str, case.aka)),
        "tags": list(map(str, case.tags)),
        **{name: [text] for name, text in fields.items() if text},
        "products": r.shown_names(products),
        "skills": r.shown_names(skills),
        **({"resolution": [case.resolution]} if case.resolution else {}),
        "names": r.other_name_texts(*products, *skills),
    }


def _texts(case: Case) -> list[str]:
    return [text for text in (case.symptoms, case.environment, case.cause, case.resolution) if text]


def written_texts(case: Case) -> list[str]:
    """Everything a case's writers wrote: its title, aka words, tags and text fields (what its
    glossary terms are found in, for search and for the glossary page alike)."""
    return [case.title, *map(str, case.aka), *map(str, case.tags), *_texts(case)]


SEARCH = Search(
    fields={
        "aka": ("aka", 8.0),
        "tags": ("tags", 6.0),
        "symptoms": ("symptoms", 6.0),
        "products": ("products", 4.0),
        "skills": ("skills", 4.0),
        "cause": ("cause", 2.0),
        "environment": ("environment", 1.5),
        "resolution": ("resolution", 1.5),
    },
    data=search,
)


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, case: Case) -> dict[str, Any]:
    data = tools.data
    return {
        "title": case.title,
        "state": case.state,
        "aka": [str(word) for word in case.aka],
        "tags": [str(word) for word in case.tags],
        "symptoms": tools.text(case.symptoms),
        "environment": tools.text(case.environment),
        "cause": tools.text(case.cause),
        "resolution": tools.text(case.resolution),
        "products": list(case.products),
        "product_names": entry_names(data.products[p] for p in case.products),
        **tools.skills(case.skills),
        "team": case.team,
        "team_names": entry_names([data.teams[case.team]]) if case.team else None,
        "authors": list(case.authors),
        "validated_by": case.validated_by,
        "solved_on": tools.day(case.solved_on),
        "review_by": tools.day(case.review_by),
        "hours_to_resolve": case.hours_to_resolve,
        "related": list(case.related),
        # reuse orders equal matches on the site; a server query can weigh it the same way
        "times_cited": len(data.cited_by.get(case.id, [])),
    }


DOCUMENT = Document(
    fields={
        "state": "keyword",
        "aka": "text",
        "tags": "text",
        "symptoms": "text",
        "environment": "text",
        "cause": "text",
        "resolution": "text",
        "products": "keyword",
        "product_names": "text",
        "skills": "keyword",
        "skill_names": "text",
        "team": "keyword",
        "team_names": "text",
        "authors": "keyword",
        "validated_by": "keyword",
        "solved_on": "date",
        "review_by": "date",
        "hours_to_resolve": "float",
        "related": "keyword",
        "times_cited": "integer",
    },
    make=document,
    place=1,
)


# --- kb new case (and the capture page on a phone, which writes a case the same way) ----------

# A product id long enough to crowd out the title's words is shortened in a case id.
PRODUCT_IN_ID = 12
# The capture page on a phone (assets/kb-capture.js) writes a new case exactly as new_case
# does, from these same definitions (generator/offline/capture.py hands them over):
# tests/browser/test_capture.py compares the two on many inputs.
CODE_SEPARATORS = SPACES[:-2] + ",，、;；]+"  # between alarm codes
PHOTO_SEPARATORS = r"[\r\n\x85\u2028\u2029,，、;；]+"  # between photo names, which may hold spaces


def case_id(day: dt.date, title: str, product: str) -> str:
    """`YYYYMMDD-<product without dashes>-<a few words of the title>`, at most NEW_ID_LENGTH."""
    prefix = f"{day:%Y%m%d}-{product.replace('-', '')[:PRODUCT_IN_ID]}"
    # The product is in the prefix already: `HX-200 液压站压力掉` does not name it twice.
    product_in_title = re.compile(r"-?".join(map(re.escape, product.split("-"))), re.IGNORECASE)
    words = title_slug(product_in_title.sub(" ", title), NEW_ID_LENGTH - len(prefix) - 1)
    return f"{prefix}-{words}" if words else prefix


@dataclass(frozen=True)
class CaseNotes:
    """What the capture page adds to a new case: its symptoms (else the title), what fixed it,
    alarm codes (tags) and the names of photos still to be added."""

    symptoms: str | None = None
    resolution: str = ""
    codes: tuple[str, ...] = ()
    photos: tuple[str, ...] = ()


# The comments of a new case's file, in the site's language: `kb new case` writes them, and the
# capture page on a phone writes the same ones (assets/kb-capture.json carries them).
NEW_CASE_COMMENTS = (
    "new-case-state",
    "new-case-aka",
    "new-case-environment",
    "new-case-resolution",
    "new-case-customer",
    "new-case-photos",
)


def new_case(
    title: str,
    product: str,
    author: str,
    day: dt.date,
    record_id: str | None = None,
    notes: CaseNotes = CaseNotes(),
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new case, its comments in `language` (the capture page writes the same file)."""
    title = title_line(title)
    record_id = record_id or case_id(day, title, product)
    tags = ", ".join(quoted(code) for code in notes.codes)
    fixed = block(notes.resolution)
    if fixed == "|\n":
        fixed_lines = f"# resolution: |    {words('new-case-resolution', language)}\n"
    else:
        fixed_lines = f"resolution: {fixed}"
    body = f"""id: {record_id}
title: {quoted(title)}
state: wip  # {words("new-case-state", language)}
products: [{product}]
skills: []
tags: [{tags}]
aka: []  # {words("new-case-aka", language)}
symptoms: {block(title if notes.symptoms is None else notes.symptoms)}\
# environment: |   {words("new-case-environment", language)}
# cause: |
{fixed_lines}\
authors: [{author}]
solved_on: {day.isoformat()}
# hours_to_resolve: 4
# customer: {words("new-case-customer", language)}
# related: []
{_photo_lines(record_id, notes.photos, language)}"""
    return NewRecord("case", record_id, body, FOLDER, sub_folders=True)


def _photo_lines(record_id: str, photos: tuple[str, ...], language: str) -> str:
    if not photos:
        return ""
    folder = f"cases/{record_id}"
    named = ", ".join(quoted(f"{folder}/{photo.strip(' ')}") for photo in photos)
    return f"# attachments: [{named}]\n#   {words('new-case-photos', language).format(folder=folder)}\n"


def _new(
    title: str, product: str, author: str, solved_on: dt.date, language: str, record_id: str | None = None
) -> NewRecord:
    return new_case(title, product, author, solved_on, record_id, language=language)


def _made_id(record: dict[str, Any]) -> str | None:
    day, title, products = record.get("solved_on"), record.get("title"), record.get("products")
    if isinstance(day, dt.date) and isinstance(title, str) and products:
        return case_id(day, title, products[0])
    return None


SCAFFOLD = Scaffold(
    options=(
        Option("--title", "title", prompt=True),
        Option("--product", "product", prompt=True),
        Option("--author", "author", prompt=True),
        Option("--solved-on", "solved_on", value="date"),
    ),
    make=_new,
)


# --- kb import: a team's case sheet or 台账 -------------------------------------------------

SHEET = Sheet(
    label_keys={"practice": "case_practice"},
    importing=Import(
        sheet_names=("案例", "案例库", "案例台账", "台账", "cases", "case"),
        # A 台账 has no title column (titles are made from the symptoms), so the symptoms alone tell a case sheet.
        key_fields=("symptoms",),
        aliases={
            "id": ("案例编号", "记录编号"),
            "title": ("问题", "案例标题", "故障名称"),
            "symptoms": ("现象", "故障现象", "故障描述", "问题描述", "问题现象", "故障情况"),
            "environment": ("设备环境", "现场环境"),
            "cause": ("故障原因", "原因分析", "问题原因"),
            "resolution": ("解决方法", "处理方法", "解决方案", "处理措施", "处理过程", "维修措施", "维修内容", "处理结果", "solution"),
            "authors": ("编写人", "工程师", "处理人", "服务工程师", "维修人员", "维修人", "维修工程师", "author", "engineer"),
            "validated_by": ("审核人",),
            "solved_on": ("解决时间", "完成日期", "日期", "处理日期", "维修日期", "服务日期", "date"),
            "products": ("设备型号", "机型", "型号", "设备", "设备名称", "产品型号", "model", "product"),
            "customer": ("客户名称", "用户", "用户名称", "客户单位"),
            "hours_to_resolve": ("工时", "用时", "处理时长", "维修工时", "hours"),
            "review_by": ("复审", "下次复审"),
        },
        made_id=_made_id,
        id_from="title",
        names=("title",),
        made_from={"title": "symptoms"},
        defaulted=("state",),  # `kb import --state`
        ledger=True,
        named_later=True,
    ),
    place=1,
)  # fmt: skip


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    rng, words = s.rng, s.words
    start = words.END - dt.timedelta(days=3 * 365)
    for number in range(s.sizes.cases):
        day = start + dt.timedelta(days=rng.randrange((words.END - start).days))
        product, product_name = rng.choice(words.PRODUCTS)
        component, symptom = rng.choice(words.COMPONENTS), rng.choice(words.SYMPTOMS)
        code = f"{rng.choice(['E', 'AL-', 'ALM ', 'Err-', 'F'])}{rng.randrange(10, 9999)}"
        state = rng.choices(["validated", "not-validated", "wip", "archived"], [70, 15, 8, 7])[0]
        authors = rng.sample(s.active(day), 2 if number % 4 == 0 else 1)
        record_id = f"{day:%Y%m%d}-{product.replace('-', '')}-{number}"
        case = {
            "id": record_id,
            "title": f"{product_name}{symptom}，报 {code}",
            "state": state,
            "products": [product],
            "skills": [skill for skill, _ in rng.sample(words.SKILLS, 2)],
            "tags": [component, symptom],
            "aka": [symptom, f"{component}故障"],
            "symptoms": _demo_symptoms(s, code, component, symptom),
        }
        if state != "wip":
            case["environment"] = (
                f"{product_name}，固件 v{rng.randrange(1, 5)}.{rng.randrange(10)}.{rng.randrange(10)}，{rng.choice(words.CITIES)}某工厂，环境温度 {rng.randrange(5, 40)} °C。\n"
            )
            case["cause"] = rng.choice(words.CAUSES).format(c=component) + "。\n"
            case["resolution"] = _demo_resolution(s, component)
        case["authors"] = [a["id"] for a in authors]
        if state == "validated":
            coaches = [p for p in s.active(day, veteran=True) if p["id"] not in case["authors"]]
            if not coaches:
                case["state"] = "not-validated"
            else:
                case["validated_by"] = rng.choice(coaches)["id"]
        case["solved_on"] = day
        case["hours_to_resolve"] = round(rng.uniform(0.5, 24), 1)
        case["customer"] = f"某{rng.choice(['食品', '汽车零部件', '电子', '包装', '五金', '医疗器械'])}厂"
        case["team"] = authors[0]["team"]
        if s.case_ids and number % 3 == 0:
            case["related"] = [rng.choice(s.case_ids)[0]]
        if state == "not-validated":
            case["review_by"] = day + dt.timedelta(days=180)
        s.case_ids.append((record_id, day))
        s.written_case(record_id, day, tuple(case["products"]), tuple(case["authors"]))
        yield case


def _demo_symptoms(s: Synthesizer, code: str, component: str, symptom: str) -> str:
    rng, words = s.rng, s.words
    lines = [
        f"- 客户反映{symptom}，HMI 报 `{code}`",
        f"- 现场检查{component}附近有异常，数值在 {rng.randrange(1, 90)}–{rng.randrange(90, 200)} 之间波动",
        f"- 每天发生 {rng.randrange(1, 12)} 次，{rng.choice(['上午', '下午', '夜班', '开机后'])}更明显",
    ]
    if rng.random() < 0.5:
        lines.append(
            "- "
            + rng.choice(words.ENGLISH).format(
                v=f"{rng.randrange(1, 4)}.{rng.randrange(10)}", e=rng.choice(words.ENGLISH_PARTS)
            )
        )
    return "\n".join(lines) + "\n"


def _demo_resolution(s: Synthesizer, component: str) -> str:
    rng = s.rng
    steps = rng.sample(s.words.STEPS, 5)
    text = "\n".join(
        f"{i}. "
        + step.format(
            c=component,
            part=f"HX-{rng.randrange(100, 999)}-{rng.randrange(10, 99)}",
            param=f"P{rng.randrange(100, 999)}",
            value=rng.randrange(1, 500),
        )
        for i, step in enumerate(steps, 1)
    )
    return text + "\n"


EXAMPLE = """\
id: 20260716-hx200-al1021-oil-overheat
title: 液压站报 AL-1021 油温高，一到下午就停机
state: validated
products: [hx-200]
skills: [hydraulics]
tags: [油温, AL-1021]
aka: [油温报警, 下午停机]
symptoms: |
  每天下午两点左右 HMI 报警 AL-1021（油温高），液压站停机；早上正常。
environment: |
  HX-200，固件 v2.3.1，车间夏季室温 36 ℃，冷却器装在泵站背面靠墙处。
cause: |
  冷却器散热片被油泥和棉絮堵住，通风不足。
resolution: |
  1. 停机泄压，拆下冷却器护罩。
  2. 用清洗剂和压缩空气清理散热片。
  3. 试机 4 小时，油温稳定在 48 ℃ 以下。
authors: [zhao-lei, zhang-wei]
validated_by: li-na
solved_on: 2026-07-16
hours_to_resolve: 3.5
customer: 某食品厂
team: east
related: [20260412-hx200-pressure-drop]
review_by: 2027-07-16
attachments: [valve.png]
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-case": ("案例", "case"),
    # what the reference check says of an id that names no case
    "ref-unknown-case": ("未知的案例 `{id}`{hint}", "unknown case `{id}`{hint}"),
    "noun-case": ("案例", "case"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new case` writes
    "new-case-state": (
        "`wip` -> `not-validated` -> `validated`（由 `publisher` 或 `coach` 验证）-> `archived`",
        "wip -> not-validated -> validated (by a publisher or coach) -> archived",
    ),
    "new-case-aka": ("客户和工程师对这个问题的其他说法", "other words customers and engineers use for this problem"),
    "new-case-environment": (
        "（案例离开 `wip` 后必填）产品版本、配置、现场条件",
        "(needed once the case leaves wip) product version, configuration, site conditions",
    ),
    "new-case-resolution": (
        "（案例离开 `wip` 后必填）解决问题的步骤",
        "(needed once the case leaves wip) the steps that fixed it",
    ),
    "new-case-customer": (
        "某食品厂    （只写匿名的称呼：绝不写名称、电话号码或电子邮箱）",
        "a food factory    (an anonymised label only: never a name, phone number or e-mail)",
    ),
    "new-case-photos": (
        "（把照片放进 data/attachments/{folder}/，再删掉上一行的 #）",
        "(put the photos in data/attachments/{folder}/, then remove the # above)",
    ),
    "kind_case": ("案例", "Case"),
    "workbook-title-case": ("案例", "Cases"),
    "reference-heading-case": ("案例", "Cases"),
    "reference-about-case": (
        "一个文件一个已解决的案例，按 KCS 文章来写。",
        "One solved case per file, written as a KCS article.",
    ),
    "reference-kinds-case": ("案例", "case"),
    "help-new-case": ("一个已解决的案例（从“处理中”开始）。", "A solved case (starts as work in progress)."),
    "help-new-case-solved-on": ("问题解决的日期。", "When the problem was solved."),
    "help-new-case-title-prompt": ("标题（用客户的话说问题）", "Title (the problem in the customer's words)"),
    "help-new-case-title": ("用客户的话说问题。", "The problem in the customer's words."),
    "help-new-case-product-prompt": ("产品 id", "Product id"),
    "help-new-case-product": ("taxonomy.yml 里的产品 id。", "A products id from taxonomy.yml."),
    "help-new-case-author-prompt": ("作者（人员 id）", "Author (person id)"),
    "help-new-case-author": ("你的人员 id。", "Your person id."),
}


KIND = RecordKind(
    name="case",
    folder=FOLDER,
    url_folder="cases",
    attribute="cases",
    shape=Case,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    sub_folders="solved_on",
    required_when=("state", CASE_STATE_REQUIRES),
    attachments=attachments,
    dates_in_order=(("solved_on", "review_by"),),
    activities=activities,
    links=LINKS,
    pages=pages,
    search=SEARCH,
    document=DOCUMENT,
    sheet=SHEET,
    scaffold=SCAFFOLD,
    demo=Demo(records=demo, place=2),
    unknown=(codes.UNKNOWN_CASE, "ref-unknown-case"),
)
