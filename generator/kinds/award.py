"""Honours: one award per file in data/awards/ (a title, a contest place, a commendation) for
one or more people and a period. Its pages are the honour roll (光荣榜): a page per award,
a page per award kind, the roll by year and period, and the view to project at a meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from generator.kinds.kind import (
    Activity,
    Citation,
    Demo,
    Document,
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
from generator.record_text import NewRecord, quoted
from generator.search.tokens import search_copy_of
from generator.slug import NEW_ID_LENGTH, cut_at_word
from generator.vocabulary import (
    AwardKindRef,
    CaseRef,
    Day,
    Id,
    Markdown,
    Period,
    PersonRef,
    Ref,
    SessionRef,
    Shape,
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

FOLDER = "awards"
CommendationRef = Annotated[Id, Ref("commendation")]


class Award(Shape):
    id: Id = doc("the award's id, equal to the file name", "荣誉的 id，与文件名相同")
    award: AwardKindRef = doc("the award kind: an `awards` id from the taxonomy", "荣誉种类：taxonomy 中的 `awards` id")
    recipients: Annotated[list[PersonRef], Field(min_length=1)] = doc(
        "the people honoured (at least one)", "获得者（至少一人）"
    )
    period: Period = doc(
        "the period it honours: `2026`, `2026-H2`, `2026-Q3` or `2026-09`",
        "所表彰的期间：`2026`、`2026-H2`、`2026-Q3` 或 `2026-09`",
    )
    awarded_on: Day = doc("the day it was awarded", "授予日期")
    citation: Markdown = doc("Markdown: what the recipients did", "Markdown：获得者的事迹")
    evidence: list[CaseRef] = doc("cases that show the deeds", "体现事迹的案例", default_factory=list)
    rank: Annotated[int, Field(ge=1)] | None = doc("place in a contest, 1 or more", "竞赛名次，1 或以上", default=None)
    session: SessionRef | None = doc(
        "the `contest` session it was won at", "获奖的 `contest`（竞赛）场次", default=None
    )
    commendations: list[CommendationRef] = doc(
        "commendations that show the deeds (ids in data/commendations/)",
        "体现事迹的表扬（data/commendations/ 里的 id）",
        default_factory=list,
    )


# --- what the rules read (generator/validate/rules.py) ----------------------------------------


def activities(award: Award) -> Iterator[Activity]:
    for index, person in enumerate(award.recipients):
        yield ("recipients", index), person, award.awarded_on


# --- back-links -----------------------------------------------------------------------------


def link(data: Dataset, award_id: str, award: Award) -> None:
    data.awards_by_kind[award.award].append(award_id)
    for person in award.recipients:
        data.awards_of[person].append(award_id)
    for case_id in award.evidence:
        data.cited_by[case_id].append(Citation("award", award_id, "evidence"))
    if award.session:
        data.results_by_contest[award.session].append(award_id)
    for commendation_id in award.commendations:
        data.awards_citing[commendation_id].append(award_id)


def _newest_first(data: Dataset) -> list[str]:
    return data.awards_newest_first()


def _by_rank(data: Dataset, ids: list[str]) -> list[str]:
    """A contest's results: first place first."""
    return sorted(ids, key=lambda a: (data.awards[a].rank or 99, a))


# --- pages and search -----------------------------------------------------------------------


def period_sort_key(period: str) -> tuple:
    """Newest first within a year: months, then quarters, then halves, then the whole year last."""
    rest = period[5:]
    if not rest:
        return (0, 0)
    if rest[0] in "HQ":
        return (1 if rest[0] == "H" else 2, int(rest[1:]))
    return (3, int(rest))


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per award and per award kind, the honour roll and its presentation view."""
    data = r.data
    for aid, award in data.awards.items():
        if r.skips(r.record_page("award", aid)):
            continue
        kind = r.name(data.award_kinds[award.award])
        heading = f"{kind} · {r.fmt.period(award.period)}"
        yield r.page(
            "award.md.j2",
            r.record_page("award", aid),
            meta={"title": heading},
            heading=heading,
            a=award,
            search=partial(search, r, award),
        )
    for kind_id, kind in data.award_kinds.items():
        yield r.page(
            "award_kind.md.j2",
            r.record_page("award-kind", kind_id),
            meta={"title": r.name(kind)},
            kind=kind,
            ids=data.awards_by_kind.get(kind_id, []),
        )
    yield _roll(r)
    yield r.page(
        "honours_present.md.j2",
        "honours/present.md",
        meta={"title": f"{r.t.honours} · {r.t.present}", "hide": ["navigation", "toc"]},
        ids=data.awards_newest_first(),
    )


def _roll(r: Renderer) -> PageJob:
    data, t = r.data, r.t
    by_year: dict[str, dict[str, list[str]]] = {}
    for aid in data.awards_newest_first():
        period = data.awards[aid].period
        by_year.setdefault(period[:4], {}).setdefault(period, []).append(aid)
    years = [
        (year, sorted(periods.items(), key=lambda item: period_sort_key(item[0]), reverse=True))
        for year, periods in sorted(by_year.items(), reverse=True)
    ]
    by_kind = [
        (kind_id, data.awards_by_kind[kind_id]) for kind_id in data.award_kinds if data.awards_by_kind.get(kind_id)
    ]
    contest_list = sorted(data.results_by_contest.items(), key=lambda item: data.sessions[item[0]].date, reverse=True)
    return r.page(
        "honours_index.md.j2",
        "honours/index.md",
        meta={"title": t.honours, "hide": ["navigation", "toc"]},  # full width: projected at team meetings
        by_year=years,
        by_kind=by_kind,
        contests=contest_list,
    )


def search(r: Renderer, award: Award) -> SearchData:
    data, t = r.data, r.t
    kind = data.award_kinds[award.award]
    names = [data.person_name(p) for p in award.recipients]
    filters = [("kind", t.kind_award), ("year", award.period[:4])]
    copy = search_copy_of(r.name(kind), award.period, *names)
    fields = r.search_fields(citation=r.search_text(award.citation))
    return r.search_data(filters, copy, fields, other_names=r.other_names(kind))


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, award: Award) -> dict[str, Any]:
    data = tools.data
    kind = data.award_kinds[award.award]
    return {
        # the award page's heading: 优秀服务工程师 · 2026 年第三季度
        "title": f"{tools.name(kind)} · {tools.period(award.period)}",
        "award": award.award,
        "award_names": entry_names([kind]),
        "period": award.period,
        "awarded_on": tools.day(award.awarded_on),
        "recipients": list(award.recipients),
        "recipient_names": [data.person_name(p) for p in award.recipients],
        "citation": tools.text(award.citation),
        "evidence": list(award.evidence),
        "rank": award.rank,
        "session": award.session,
        "commendations": list(award.commendations),
    }


# --- kb new award ---------------------------------------------------------------------------


def award_id(period: str, award: str, recipient: str) -> str:
    # The award kind gives way first: period and recipient are what tell two awards apart.
    head, tail = period.lower(), cut_at_word(recipient, NEW_ID_LENGTH // 2)
    middle = cut_at_word(award, NEW_ID_LENGTH - len(head) - len(tail) - 2)
    return "-".join(part for part in (head, middle, tail) if part)


def new_award(
    award: str,
    recipient: str,
    period: str,
    awarded_on: dt.date,
    citation: str,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new award; its comments in `language`."""
    record_id = record_id or award_id(period, award, recipient)
    body = f"""id: {record_id}
award: {award}
recipients: [{recipient}]
period: {quoted(period)}  # {words("new-award-period", language)}
awarded_on: {awarded_on.isoformat()}
citation: |
  {citation}
evidence: []  # {words("new-award-evidence", language)}
"""
    return NewRecord("award", record_id, body, FOLDER)


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    rng, words = s.rng, s.words
    contests = [session for session in s.sessions if session["format"] == "contest"]
    for number in range(s.sizes.awards):
        day = words.END - dt.timedelta(days=rng.randrange(0, 3 * 365))
        people = s.active(day)
        kind, _ = rng.choice(words.AWARD_KINDS[:4])
        award = {
            "id": f"award-{number}",
            "award": kind,
            "recipients": [rng.choice(people)["id"]],
            "period": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
            "awarded_on": day,
            "citation": "全年服务零投诉，主动编写并验证案例，带教新人成效明显。\n",
            "evidence": [cid for cid, solved in s.case_ids[number % 50 : number % 50 + 2] if solved <= day],
        }
        if contests and number % 10 == 0:
            contest = contests[number // 10 % len(contests)]
            award.update(
                {
                    "award": "skills-contest",
                    "awarded_on": contest["date"],
                    "period": str(contest["date"].year),
                    "rank": 1 + number // 10 % 3,
                    "session": contest["id"],
                    "recipients": [rng.choice(contest["attendees"])],
                }
            )
        yield award


EXAMPLE = """\
id: 2026-skills-contest-second
award: skills-contest
recipients: [zhao-lei]
period: 2026
awarded_on: 2026-06-20
citation: |
  技能比武液压排故项目第二名，用时最短。
evidence: [20260412-hx200-pressure-drop]
rank: 2
session: 2026-06-skills-contest
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-award": ("荣誉", "award"),
    "noun-award": ("荣誉", "award"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new award` writes
    "new-award-period": ("2026、2026-H2、2026-Q3 或 2026-09", "2026, 2026-H2, 2026-Q3 or 2026-09"),
    "new-award-evidence": ("体现事迹的案例 id", "case ids that show the deeds"),
    "kind_award": ("荣誉", "Honour"),
    "workbook-title-award": ("荣誉", "Honours"),
    "reference-heading-award": ("荣誉", "Honours"),
    "reference-about-award": (
        "一个文件一项荣誉：称号、竞赛名次或表彰。",
        "One honour per file: a title, a contest place, a commendation.",
    ),
    "help-new-award": ("一项荣誉：称号、比赛名次或表彰。", "An honour: a title, a contest place or a commendation."),
    "help-new-award-awarded-on": ("颁奖的日期。", "When the award was given."),
    "help-new-award-award-prompt": (
        "奖项类别（taxonomy.yml 里的 awards id）",
        "Award kind (awards id from taxonomy.yml)",
    ),
    "help-new-award-award": ("taxonomy.yml 里的奖项类别 id。", "An awards id from taxonomy.yml."),
    "help-new-award-recipient-prompt": ("获奖人（人员 id）", "Recipient (person id)"),
    "help-new-award-recipient": ("获奖人的人员 id。", "The recipient's person id."),
    "help-new-award-period-prompt": (
        "期间（2026、2026-H2、2026-Q3 或 2026-09）",
        "Period (2026, 2026-H2, 2026-Q3 or 2026-09)",
    ),
    "help-new-award-period": ("获奖的期间。", "The period it is awarded for."),
    "help-new-award-citation-prompt": ("事迹（获奖人做了什么）", "Citation (what the recipient did)"),
    "help-new-award-citation": ("获奖人做了什么。", "What the recipient did."),
}


KIND = RecordKind(
    name="award",
    folder=FOLDER,
    url_folder="awards",
    attribute="awards",
    shape=Award,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    activities=activities,
    links=Links(
        indexes=(
            Index("awards_of"),
            Index("awards_by_kind"),
            Index("results_by_contest", _by_rank),
            Index("awards_citing"),  # commendation -> the awards that cite it as evidence
        ),
        link=link,
        order=_newest_first,
        place=4,
    ),
    pages=pages,
    search=Search(fields={"citation": ("citation", 2.0)}, data=search),
    document=Document(
        fields={
            "award": "keyword",
            "award_names": "text",
            "period": "keyword",
            "awarded_on": "date",
            "recipients": "keyword",
            "recipient_names": "text",
            "citation": "text",
            "evidence": "keyword",
            "rank": "integer",
            "session": "keyword",
            "commendations": "keyword",
        },
        make=document,
        place=5,
    ),
    sheet=Sheet(place=6),
    scaffold=Scaffold(
        options=(
            Option("--award", "award", prompt=True),
            Option("--recipient", "recipient", prompt=True),
            Option("--period", "period", prompt=True),
            Option("--citation", "citation", prompt=True),
            Option("--awarded-on", "awarded_on", value="date"),
        ),
        make=new_award,
    ),
    demo=Demo(records=demo, place=6),
)  # fmt: skip
