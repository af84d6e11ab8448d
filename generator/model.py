"""The Dataset: validated records, indexed by id, with every back-link filled in.

Built once after validation; render reads only this. Collections are sorted so that
the same records always give the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from generator.history import NO_HISTORY, FileHistory, History, attributed
from generator.kinds import INDEXES, LINKING_KINDS, RECORD_KINDS, TAXONOMY_KINDS, named_attachments
from generator.kinds.person import Person
from generator.load.attachments import PICTURE_SUFFIXES, attachment_problem, normalised_name
from generator.load.files import ATTACHMENTS
from generator.records import Context
from generator.repository import NO_LINKS, RepositoryLinks
from generator.search.alarms import AlarmCode, find_alarm_codes
from generator.slug import pinyin_key
from generator.tickets.ticket import Ticket, dataset_tickets, link_tickets


@dataclass(frozen=True)
class NextStep:
    """What a person on a path does next: the first step open to them and not done."""

    step: str  # step id
    read: tuple[str, ...]  # cases to study for it
    sessions: tuple[str, ...]  # upcoming sessions that complete it: the person's own first, then soonest
    enrolled: tuple[str, ...]  # of those, the ones the person is enrolled in
    mentors: tuple[str, ...]  # mentors of the person's active pairs


@dataclass(init=False)
class Dataset:
    """Every kind's records and back-links by the names the table of kinds gives them
    (generator/kinds/): `data.cases`, `data.products`, `data.cases_by_author` are
    `data.records["cases"]`, `data.records["products"]`, `data.indexes["cases_by_author"]`.
    A name no kind declares is an AttributeError, as any misspelt attribute is."""

    today: dt.date
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # by the kind's attribute, each by id
    indexes: dict[str, Any] = field(default_factory=dict)  # the back-links the kinds declare, by name
    source_files: dict[tuple[str, str], str] = field(default_factory=dict)
    history: History = NO_HISTORY  # each record file's history from git, when there is one
    links: RepositoryLinks = NO_LINKS  # edit, history and report links of record pages
    attachments: list[str] = field(default_factory=list)  # "attachments/x.png": the only files published
    pictures: dict[str, str] = field(default_factory=dict)  # person id -> "attachments/people/<id>.jpg"

    similar: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # the alarm and fault codes the cases report, by key ("al1021"), in code order
    alarm_codes: dict[str, AlarmCode] = field(default_factory=dict)
    # service tickets from data/tickets/*.csv, oldest first, and who and what they name
    tickets: tuple[Ticket, ...] = ()
    tickets_of_case: dict[str, list[Ticket]] = field(default_factory=lambda: defaultdict(list))
    tickets_of_person: dict[str, list[Ticket]] = field(default_factory=lambda: defaultdict(list))

    def __init__(self, today: dt.date, **given: Any) -> None:
        """The fields by their names, and a kind's collection or a back-link index by its own
        name too (`Dataset(today, cases={...})`, as `dataclasses.replace(data, cases=...)` passes
        it): a name that is neither is a TypeError, as for any dataclass."""
        self.today = today
        for each in fields(self)[1:]:
            default = each.default_factory() if each.default_factory is not MISSING else each.default
            setattr(self, each.name, given.pop(each.name, default))
        collections = {kind.attribute for kind in RECORD_KINDS + TAXONOMY_KINDS}
        unknown = sorted(set(given) - collections - set(INDEXES))
        if unknown:
            raise TypeError(f"Dataset() got unexpected keyword arguments {unknown}")
        # new dicts of collections and indexes: the Dataset given these was made from another
        self.records = {**self.records, **{name: given[name] for name in given if name in collections}}
        self.indexes = {**self.indexes, **{name: given[name] for name in given if name in INDEXES}}
        self._by_name()

    def _by_name(self) -> None:
        for kind in RECORD_KINDS + TAXONOMY_KINDS:
            self.records.setdefault(kind.attribute, {})
        for name, index in INDEXES.items():
            self.indexes.setdefault(name, defaultdict(list) if index.lists else {})
        # Each collection and index by its own name too, as plain attributes: the templates
        # and helpers read them on every page.
        self.__dict__.update(self.records)
        self.__dict__.update(self.indexes)

    # ordering helpers -------------------------------------------------------

    def person_name(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id

    def sorted_people(self, ids: Any = None) -> list[str]:
        chosen = self.people if ids is None else ids
        return sorted(chosen, key=lambda pid: pinyin_key(self.person_name(pid)))

    def newest_cases(self, ids: Any = None) -> list[str]:
        chosen = self.cases if ids is None else ids
        return sorted(chosen, key=lambda cid: (-self.cases[cid].solved_on.toordinal(), cid))

    def sessions_in_order(self, ids: Any = None, newest_first: bool = False) -> list[str]:
        chosen = self.sessions if ids is None else ids
        ordered = sorted(chosen, key=lambda sid: (self.sessions[sid].date, sid))
        return ordered[::-1] if newest_first else ordered

    def awards_newest_first(self, ids: Any = None) -> list[str]:
        chosen = self.awards if ids is None else ids
        return sorted(
            chosen, key=lambda aid: (-self.awards[aid].awarded_on.toordinal(), self.awards[aid].rank or 0, aid)
        )

    def file_history(self, kind: str, record_id: str) -> FileHistory | None:
        source = self.source_files.get((kind, record_id))
        return self.history.of(source) if source else None

    def recently_changed_cases(self, ids: Any = None) -> list[str]:
        """Cases by their last change in git, newest first; cases without history are left out."""
        chosen = self.cases if ids is None else ids
        dated = [(history.changed, cid) for cid in chosen if (history := self.file_history("case", cid))]
        return [cid for _, cid in sorted(dated, key=lambda item: (-item[0].toordinal(), item[1]))]

    def upcoming_sessions(self) -> list[str]:
        """Sessions after today, soonest first."""
        return [sid for sid in self.sessions_in_order() if self.is_upcoming(sid)]

    def is_upcoming(self, session_id: str) -> bool:
        return self.sessions[session_id].date > self.today

    def active_mentors(self, person_id: str) -> list[str]:
        pairs = [self.mentoring[m] for m in self.mentoring_as_mentee.get(person_id, [])]
        return list(dict.fromkeys(pair.mentor for pair in pairs if pair.status == "active"))

    def next_step(self, path_id: str, person_id: str) -> NextStep | None:
        """The first step of the path that is available to the person and not done; None when
        every step is done (or waits on one that is)."""
        path, statuses = self.paths[path_id], self.progress[path_id][person_id]
        step = next((s for s in path.steps if statuses[s.id].state == "available"), None)
        if step is None:
            return None
        upcoming = [sid for sid in self.upcoming_sessions() if sid in step.sessions]
        enrolled = tuple(sid for sid in upcoming if person_id in self.sessions[sid].attendees)
        others = tuple(sid for sid in upcoming if sid not in enrolled)
        return NextStep(step.id, tuple(step.read), enrolled + others, enrolled, tuple(self.active_mentors(person_id)))

    def is_alumnus(self, person_id: str) -> bool:
        left = self.people[person_id].left
        return left is not None and left <= self.today


def build_dataset(context: Context, history: History = NO_HISTORY, links: RepositoryLinks = NO_LINKS) -> Dataset:
    """The Dataset of a context that validated without errors."""
    taxonomy = context.taxonomy
    data = Dataset(today=context.today, links=links.located(history.prefix) if history else links)
    for kind in TAXONOMY_KINDS if taxonomy is not None else ():
        data.records[kind.attribute].update({entry.id: entry for entry in getattr(taxonomy, kind.folder)})
    for kind in RECORD_KINDS:
        target = data.records[kind.attribute]
        for record in sorted(context.of(kind.name), key=lambda r: r.id):
            target[record.id] = record.model
            data.source_files[(kind.name, record.id)] = record.source.path.relative_to(context.data_dir).as_posix()
    # authors as the people they name, never as git wrote them
    data.history = attributed(history, {pid: (person.name, person.name_en) for pid, person in data.people.items()})
    link(data)
    data.alarm_codes = find_alarm_codes(data.cases, data.products.values())
    data.tickets = dataset_tickets(context, data.people, data.products, data.cases)
    link_tickets(data.tickets, data.tickets_of_case, data.tickets_of_person)
    data.pictures = people_pictures(context, data.people)
    data.attachments = sorted(set(published_attachments(context)) | set(data.pictures.values()))
    data.similar = context.similar  # computed once by the pipeline, shared with the near-duplicate check
    return data


def published_attachments(context: Context) -> list[str]:
    """The attachments that records name; files nobody names stay unpublished."""
    named = set()
    for record in context.all_records():
        for _, _, name in named_attachments(record.kind, record.model):
            relative = normalised_name(name)
            if relative in context.attachments:
                named.add(relative)
    return sorted(named)


def people_pictures(context: Context, people: dict[str, Person]) -> dict[str, str]:
    """Each person's photo, named by convention `attachments/people/<id>.jpg` (or .jpeg, .png)
    rather than by a record: published only when it is a real image of that type."""
    pictures = {}
    for person_id in people:
        for suffix in PICTURE_SUFFIXES:
            relative = f"{ATTACHMENTS}/people/{person_id}{suffix}"
            file = context.attachments.get(relative)
            if file is not None and attachment_problem(file) is None:
                pictures[person_id] = relative
                break
    return pictures


def link(data: Dataset) -> None:
    """Fill every back-link: each kind links its records (its `Links`, generator/kinds/) in the
    table's linking order, then each index that declares an order sorts its lists."""
    for kind in LINKING_KINDS:
        links, records = kind.links, data.records[kind.attribute]
        assert links is not None
        for record_id in links.order(data) if links.order else records:
            links.link(data, record_id, records[record_id])
    for name, index in INDEXES.items():
        if index.order is not None:
            lists = data.indexes[name]
            for key, ids in lists.items():
                lists[key] = index.order(data, ids)
