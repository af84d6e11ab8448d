"""Commendations (反馈激励, 强化激励): one per file in data/commendations/, a customer's letter or
banner (表扬信, 锦旗), a colleague's thanks or a manager's recognition of progress, about one
or more engineers. Positive only: the site has no place for a reprimand.

A customer is an organisation's anonymised label (某食品厂), never a contact: the label is held
to what an organisation's looks like (KB604, generator/privacy.py), and every field passes the
personal-data check as every record does. The tickets a commendation refers to are checked
against data/tickets/ when it holds exports, and are never published besides the page, which
shows them only when the site shows ticket ids.

They show on the person's page, the team's page, the home page (the latest), in a feed of
their own, and on an award that cites them as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from generator import codes
from generator.kinds.kind import (
    Activity,
    Check,
    Document,
    Feed,
    FeedEntry,
    Import,
    Index,
    Links,
    Option,
    RecordKind,
    Scaffold,
    Section,
    Sheet,
    Words,
)
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.privacy import is_organisation_label
from generator.record_text import NewRecord, block, quoted
from generator.slug import NEW_ID_LENGTH, cut_at_word
from generator.vocabulary import CaseRef, Day, Id, Markdown, PersonRef, Ref, Shape, Title, Word, doc

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.records import Context
    from generator.render.engine import PageJob
    from generator.render.services import SiteRenderer as Renderer

FOLDER = "commendations"
SOURCES = ("customer", "colleague", "manager")
FORMS = ("letter", "banner", "thanks", "progress")
HOME_LIST = 5  # the latest on the home page
TicketRef = Annotated[Word, Ref("ticket")]


class Commendation(Shape):
    id: Id = doc("the commendation's id, equal to the file name", "表扬的 id，与文件名相同")
    about: Annotated[list[PersonRef], Field(min_length=1)] = doc(
        "the people it is about (at least one)", "受表扬的人（至少一人）"
    )
    date: Day = doc("the day it was given", "表扬的日期")
    source: Literal[SOURCES] = doc(  # type: ignore[valid-type]
        "who gave it: `customer`, `colleague` or `manager`",
        "来自谁：`customer`（客户）、`colleague`（同事）或 `manager`（主管）",
    )
    form: Literal[FORMS] = doc(  # type: ignore[valid-type]
        "`letter` (a letter of thanks), `banner` (a silk banner), `thanks` (a colleague's thanks) or `progress` "
        "(recognition of progress)",
        "`letter`（表扬信）、`banner`（锦旗）、`thanks`（感谢）或 `progress`（进步表扬）",
    )
    customer: Title | None = doc(
        "when `source: customer`: the organisation's anonymised label, e.g. `某食品厂` (starting with `某`, or ending "
        "in a word for an organisation: factory, company, hospital, centre …); never a contact's name, phone or e-mail",
        "`source: customer` 时必填：单位的匿名标签，如 某食品厂（以「某」开头，或以厂、公司、医院、中心等结尾）；"
        "不写联系人的姓名、电话或邮箱",
        default=None,
    )
    given_by: PersonRef | None = doc(
        "when `source` is `colleague` or `manager`: the person who gave it",
        "`source` 为 `colleague` 或 `manager` 时必填：表扬人的人员 id",
        default=None,
    )
    words: Markdown = doc("Markdown: what they said", "Markdown：表扬的内容")
    cases: list[CaseRef] = doc("cases it refers to", "提到的案例", default_factory=list)
    tickets: list[TicketRef] = doc(
        "tickets it refers to: checked against data/tickets/, shown only when the site shows ticket ids",
        "提到的工单：按 data/tickets/ 检查；只有网站显示工单号时才显示",
        default_factory=list,
    )


# --- what the rules read --------------------------------------------------------------------


def activities(commendation: Commendation) -> Iterator[Activity]:
    for index, person in enumerate(commendation.about):
        yield ("about", index), person, commendation.date
    if commendation.given_by:
        yield ("given_by",), commendation.given_by, commendation.date


def ensure_customers_are_organisations(context: Context) -> Iterator[Diagnostic]:
    """Ensure a commendation's customer is an organisation's label (某食品厂), never a contact's name."""
    for record in context.of("commendation"):
        label = record.model.customer
        if label is not None and not is_organisation_label(label):
            where = record.document.position(("customer",))
            yield codes.CUSTOMER_NOT_ORGANISATION.at(record.file, where, "commendation-customer-person", value=label)


# --- back-links -----------------------------------------------------------------------------


def link(data: Dataset, commendation_id: str, commendation: Commendation) -> None:
    teams = []
    for person in commendation.about:
        data.commendations_about[person].append(commendation_id)
        team = data.people[person].team
        if team not in teams:
            teams.append(team)
    for team in teams:
        data.commendations_of_team[team].append(commendation_id)


def newest_first(data: Dataset, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda cid: (-data.commendations[cid].date.toordinal(), cid))


def _newest(data: Dataset) -> list[str]:
    return newest_first(data, list(data.commendations))


# --- pages, sections and the feed -----------------------------------------------------------


def heading(data: Dataset, commendation: Commendation, language: str) -> str:
    """`表扬信 · 张伟、李娜`: its form and whom it is about."""
    names = words("list-separator", language).join(data.person_name(p) for p in commendation.about)
    return f"{words(f'commendation-form-{commendation.form}', language)} · {names}"


def given_by(data: Dataset, commendation: Commendation, language: str) -> str:
    """Who gave it, in words: the customer's label, or the colleague's or manager's name."""
    if commendation.source == "customer":
        return commendation.customer or words("commendation-source-customer", language)
    source = words(f"commendation-source-{commendation.source}", language)
    return f"{source} {data.person_name(commendation.given_by)}" if commendation.given_by else source


def pages(r: Renderer) -> Iterator[PageJob]:
    data = r.data
    for commendation_id, commendation in data.commendations.items():
        if r.skips(r.record_page("commendation", commendation_id)):
            continue
        title = heading(data, commendation, r.language)
        yield r.page(
            "commendation.md.j2",
            r.record_page("commendation", commendation_id),
            meta={"title": title},
            heading=title,
            c=commendation,
            source=given_by(data, commendation, r.language),
            ticket_ids=_shown_tickets(data, commendation),
        )
    if r.wants_any("commendations"):
        yield r.page(
            "commendations_index.md.j2",
            r.index_page("commendation"),
            meta={"title": r.t.commendations},
            ids=_newest(data),
            given_by=partial(given_by, data, language=r.language),
        )


def _shown_tickets(data: Dataset, commendation: Commendation) -> list[str]:
    """The ticket ids it names, when the site shows ticket ids (the Dataset's tickets then carry theirs)."""
    shown = any(ticket.id for ticket in data.tickets)
    return list(commendation.tickets) if shown else []


def _listed(r: Renderer, ids: list[str], title: str, empty: bool = False) -> Mapping[str, Any]:
    """A list of commendations under `title`; `empty`: the heading stays, saying there are none."""
    source = partial(given_by, r.data, language=r.language)
    return {"ids": ids, "title": title, "given_by": source, "show_empty": empty}


def person_commendations(r: Renderer, person_id: str) -> Mapping[str, Any]:
    return _listed(r, r.data.commendations_about.get(person_id, []), r.t.commendations_received, empty=True)


def team_commendations(r: Renderer, team_id: str) -> Mapping[str, Any]:
    return _listed(r, r.data.commendations_of_team.get(team_id, []), r.t.commendations_of_team)


def latest_commendations(r: Renderer, _key: str) -> Mapping[str, Any]:
    return _listed(r, _newest(r.data)[:HOME_LIST], r.t.commendations_latest)


def feed_entries(data: Dataset, language: str) -> list[FeedEntry]:
    return [
        FeedEntry(cid, f"{heading(data, c, language)} · {given_by(data, c, language)}", c.date, c.words)
        for cid in _newest(data)
        for c in (data.commendations[cid],)
    ]


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, commendation: Commendation) -> dict[str, Any]:
    data = tools.data
    # No customer label and no ticket id: the export carries what search needs, as for cases.
    return {
        "title": heading(data, commendation, tools.language),
        "about": list(commendation.about),
        "about_names": [data.person_name(p) for p in commendation.about],
        "date": tools.day(commendation.date),
        "source": commendation.source,
        "form": commendation.form,
        "given_by": commendation.given_by,
        "words": tools.text(commendation.words),
        "cases": list(commendation.cases),
    }


# --- kb new commendation and kb import ------------------------------------------------------


def commendation_id(day: dt.date, form: str, about: str) -> str:
    head = f"{day:%Y%m%d}-{form}"
    return f"{head}-{cut_at_word(about, NEW_ID_LENGTH - len(head) - 1)}"


def _made_id(record: dict[str, Any]) -> str | None:
    day, form, about = record.get("date"), record.get("form"), record.get("about")
    if isinstance(day, dt.date) and isinstance(form, str) and isinstance(about, list) and about:
        return commendation_id(day, form, str(about[0]))
    return None


def new_commendation(
    about: str,
    source: str,
    form: str,
    words_said: str,
    date: dt.date,
    customer: str | None = None,
    given_by: str | None = None,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """The new commendation, its comments in `language`."""
    record_id = record_id or commendation_id(date, form, about)
    if source == "customer":
        giver = f"customer: {quoted(customer or '某')}  # {words('new-commendation-customer', language)}"
    else:
        giver = f"given_by: {given_by or ''}  # {words('new-commendation-given-by', language)}"
    body = f"""id: {record_id}
about: [{about}]
date: {date.isoformat()}
source: {source}
form: {form}  # {words("new-commendation-form", language)}
{giver}
words: {block(words_said)}cases: []  # {words("new-commendation-cases", language)}
"""
    return NewRecord("commendation", record_id, body, FOLDER)


EXAMPLE = """\
id: 20261105-letter-zhao-lei
about: [zhao-lei]
date: 2026-11-05
source: customer
form: letter
customer: 某食品厂
words: |
  赵工连夜赶到现场，两小时恢复了灌装线，还教会了我们的维修工怎么换比例阀。
cases: [20260412-hx200-pressure-drop]
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-commendation": ("表扬", "commendation"),
    "noun-commendation": ("表扬", "commendation"),
    "ref-unknown-commendation": ("未知的表扬 `{id}`{hint}", "unknown commendation `{id}`{hint}"),
    "commendation-requires": (
        "来自 `{state}` 的表扬需要 `{field}`",
        "a commendation from a `{state}` needs `{field}`",
    ),
    "commendation-customer-person": (
        "`customer: {value}` 不像单位的标签：只写匿名的单位（如 `某食品厂`，以「某」开头或以厂、公司、医院、中心等结尾），"
        "不写联系人的姓名",
        "`customer: {value}` does not read as an organisation's label: write the organisation, anonymised (starting "
        'with the character for "a certain", or ending in a word for an organisation such as factory, company, '
        "hospital or centre), never a contact's name",
    ),
}
# and its other words: its labels on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    "commendations": ("表扬", "Commendations"),
    "kind_commendation": ("表扬", "Commendation"),
    "commendations_intro": (
        "客户的表扬信和锦旗、同事的感谢、主管对进步的肯定。只记好事：这里没有批评。",
        "Customers' letters and banners, colleagues' thanks, a manager's recognition of progress. Positive only: "
        "there is no place for a reprimand here.",
    ),
    "commendations_received": ("收到的表扬", "Commendations received"),
    "commendations_of_team": ("班组收到的表扬", "Commendations for the team"),
    "commendations_latest": ("最新表扬", "Latest commendations"),
    "commendation_about": ("受表扬的人", "About"),
    "commendation_source": ("来自", "From"),
    "commendation_form": ("形式", "Form"),
    "commendation_given_by": ("表扬人", "Given by"),
    "commendation_words": ("表扬内容", "What they said"),
    "commendation_tickets": ("相关工单", "Tickets"),
    "commendation_tickets_count": ("涉及 {n} 张工单", "Refers to {n} ticket(s)"),
    "commendation_cited_by": ("作为荣誉的事迹", "Cited by honours"),
    "commendation_none": ("还没有表扬。", "No commendations yet."),
    "commendation-source-customer": ("客户", "Customer"),
    "commendation-source-colleague": ("同事", "Colleague"),
    "commendation-source-manager": ("主管", "Manager"),
    "commendation-form-letter": ("表扬信", "Letter of thanks"),
    "commendation-form-banner": ("锦旗", "Banner"),
    "commendation-form-thanks": ("感谢", "Thanks"),
    "commendation-form-progress": ("进步表扬", "Recognition of progress"),
    "feed-commendations": ("表扬", "Commendations"),
    # the comments of the file `kb new commendation` writes
    "new-commendation-customer": (
        "单位的匿名标签，如 某食品厂；不写联系人姓名、电话、邮箱",
        "the organisation's anonymised label, such as a food factory; never a contact's name, phone or e-mail",
    ),
    "new-commendation-given-by": ("表扬人的人员 id", "the person id of whoever gave it"),
    "new-commendation-form": (
        "`letter` 表扬信、`banner` 锦旗、`thanks` 感谢或 `progress` 进步表扬",
        "letter, banner, thanks or progress",
    ),
    "new-commendation-cases": ("提到的案例 id", "case ids it refers to"),
    "workbook-title-commendation": ("表扬", "Commendations"),
    "reference-heading-commendation": ("表扬", "Commendations"),
    "reference-about-commendation": (
        "一个文件一条表扬：客户的表扬信或锦旗、同事的感谢、主管对进步的肯定，只记好事。客户只写单位的匿名标签"
        "（KB604），从不写联系人的个人信息。",
        "One commendation per file: a customer's letter or banner, a colleague's thanks, a manager's recognition "
        "of progress; positive only. A customer is an organisation's anonymised label (KB604), never a contact's "
        "personal data.",
    ),
    "reference-kinds-commendation": ("表扬", "commendation"),
    "help-new-commendation": (
        "一条表扬：客户、同事或主管对工程师的肯定。",
        "A commendation: a customer's, colleague's or manager's words about an engineer.",
    ),
    "help-new-commendation-about-prompt": ("受表扬的人（人员 id）", "About (person id)"),
    "help-new-commendation-about": ("受表扬的人的人员 id。", "The person id of whom it is about."),
    "help-new-commendation-source-prompt": (
        "来自（customer、colleague 或 manager）",
        "Source (customer, colleague or manager)",
    ),
    "help-new-commendation-source": (
        "来自客户、同事还是主管。",
        "Whether a customer, a colleague or the manager gave it.",
    ),
    "help-new-commendation-form-prompt": (
        "形式（letter、banner、thanks 或 progress）",
        "Form (letter, banner, thanks or progress)",
    ),
    "help-new-commendation-form": (
        "表扬信、锦旗、感谢或进步表扬。",
        "A letter, a banner, thanks or recognition of progress.",
    ),
    "help-new-commendation-words-prompt": ("表扬内容", "What they said"),
    "help-new-commendation-words": ("表扬的内容。", "What they said."),
    "help-new-commendation-customer": (
        "客户单位的匿名标签，如 某食品厂。",
        'The customer\'s anonymised label, such as "a food factory".',
    ),
    "help-new-commendation-given-by": ("同事或主管的人员 id。", "The colleague's or manager's person id."),
    "help-new-commendation-date": ("表扬的日期。", "When it was given."),
}


KIND = RecordKind(
    name="commendation",
    folder=FOLDER,
    url_folder="commendations",
    attribute="commendations",
    shape=Commendation,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    required_when=("source", {"customer": ("customer",), "colleague": ("given_by",), "manager": ("given_by",)}),
    activities=activities,
    links=Links(
        indexes=(Index("commendations_about", newest_first), Index("commendations_of_team", newest_first)),
        link=link,
    ),
    pages=pages,
    document=Document(
        fields={
            "about": "keyword",
            "about_names": "text",
            "date": "date",
            "source": "keyword",
            "form": "keyword",
            "given_by": "keyword",
            "words": "text",
            "cases": "keyword",
        },
        make=document,
    ),
    sheet=Sheet(
        label_keys={
            "about": "commendation_about",
            "source": "commendation_source",
            "form": "commendation_form",
            "given_by": "commendation_given_by",
            "words": "commendation_words",
            "tickets": "commendation_tickets",
        },
        importing=Import(
            sheet_names=("表扬", "表扬记录", "commendations", "commendation"),
            key_fields=("about", "words"),
            aliases={
                "about": ("受表扬人", "被表扬人", "工程师"),
                "date": ("表扬日期", "收到日期"),
                "source": ("来源",),
                "form": ("表扬形式", "类型"),
                "customer": ("客户单位", "单位"),
                "given_by": ("表扬人",),
                "words": ("内容", "表扬内容", "原话"),
                "cases": ("相关案例",),
                "tickets": ("工单", "工单号", "相关工单"),
            },
            made_id=_made_id,
            id_from="about",
        ),
    ),
    scaffold=Scaffold(
        options=(
            Option("--about", "about", prompt=True),
            Option("--source", "source", prompt=True, value="choice", choices=SOURCES),
            Option("--form", "form", prompt=True, value="choice", choices=FORMS),
            Option("--words", "words_said", prompt=True),
            Option("--customer", "customer"),
            Option("--given-by", "given_by"),
            Option("--date", "date", value="date"),
        ),
        make=new_commendation,
    ),
    unknown=(codes.UNKNOWN_COMMENDATION, "ref-unknown-commendation"),
    checks=(Check(ensure_customers_are_organisations, (codes.CUSTOMER_NOT_ORGANISATION,)),),
    sections=(
        Section("person", "_commendations_section.md.j2", person_commendations),
        Section("team", "_commendations_section.md.j2", team_commendations),
        Section("home", "_commendations_section.md.j2", latest_commendations),
        Section("home-records", "_commendations_link.md.j2"),
    ),
    feed=Feed("commendations", feed_entries),
    unpublished=("tickets",),
)
