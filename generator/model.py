"""The Dataset: validated records, indexed by id, with every back-link filled in.

Built once after validation; render reads only this. Collections are sorted so that
the same records always give the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pypinyin import Style, lazy_pinyin

from generator.history import NO_HISTORY, FileHistory, History, attributed
from generator.kinds import RECORD_KINDS, TAXONOMY_KINDS
from generator.load.attachments import PICTURE_SUFFIXES, attachment_problem, normalised_name
from generator.load.files import ATTACHMENTS
from generator.records import Context
from generator.repository import NO_LINKS, RepositoryLinks
from generator.search.alarms import AlarmCode, find_alarm_codes
from generator.shapes import (
    Award,
    Case,
    Entry,
    Mentoring,
    Person,
    Session,
    SkillEntry,
    TrainingPath,
    named_attachments,
)
from generator.tickets.ticket import Ticket, dataset_tickets, link_tickets


@cache  # names repeat on every page that lists people
def pinyin_key(text: str) -> tuple[str, str]:
    """Sort key that orders Chinese names as a Chinese reader expects (by pinyin)."""
    return " ".join(lazy_pinyin(text, style=Style.TONE3)).lower(), text


@dataclass(frozen=True)
class Citation:
    """A record that points at a case: which kind, which id, and in which role."""

    kind: str  # case, mentoring, session, award, path
    id: str
    role: str  # related, log, discussed, evidence, read


@dataclass(frozen=True)
class StepStatus:
    state: str  # done, available, blocked
    how: str = ""  # for done: "session" or "signed-off"; for blocked: the missing step ids
    via: str = ""  # the session id, or who signed off
    when: dt.date | None = None
    scheduled: tuple[str, ...] = ()  # upcoming sessions of the step the person is enrolled in


@dataclass(frozen=True)
class NextStep:
    """What a person on a path does next: the first step open to them and not done."""

    step: str  # step id
    read: tuple[str, ...]  # cases to study for it
    sessions: tuple[str, ...]  # upcoming sessions that complete it: the person's own first, then soonest
    enrolled: tuple[str, ...]  # of those, the ones the person is enrolled in
    mentors: tuple[str, ...]  # mentors of the person's active pairs


@dataclass
class Dataset:
    today: dt.date
    products: dict[str, Entry] = field(default_factory=dict)
    skills: dict[str, SkillEntry] = field(default_factory=dict)
    teams: dict[str, Entry] = field(default_factory=dict)
    award_kinds: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    mentoring: dict[str, Mentoring] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    paths: dict[str, TrainingPath] = field(default_factory=dict)
    awards: dict[str, Award] = field(default_factory=dict)
    source_files: dict[tuple[str, str], str] = field(default_factory=dict)
    history: History = NO_HISTORY  # each record file's history from git, when there is one
    links: RepositoryLinks = NO_LINKS  # edit, history and report links of record pages
    attachments: list[str] = field(default_factory=list)  # "attachments/x.png": the only files published
    pictures: dict[str, str] = field(default_factory=dict)  # person id -> "attachments/people/<id>.jpg"

    # back-links, filled by link()
    cases_by_author: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cases_validated_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mentoring_as_mentor: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mentoring_as_mentee: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sessions_trained: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sessions_attended: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    awards_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    paths_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    cases_by_product: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cases_by_skill: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cases_by_tag: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cases_by_year: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    sessions_by_skill: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    awards_by_kind: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    results_by_contest: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # by rank
    progress: dict[str, dict[str, dict[str, StepStatus]]] = field(default_factory=dict)
    similar: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # the alarm and fault codes the cases report, by key ("al1021"), in code order
    alarm_codes: dict[str, AlarmCode] = field(default_factory=dict)
    # service tickets from data/tickets/*.csv, oldest first, and who and what they name
    tickets: tuple[Ticket, ...] = ()
    tickets_of_case: dict[str, list[Ticket]] = field(default_factory=lambda: defaultdict(list))
    tickets_of_person: dict[str, list[Ticket]] = field(default_factory=lambda: defaultdict(list))

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
        setattr(data, kind.attribute, {entry.id: entry for entry in getattr(taxonomy, kind.folder)})
    for kind in RECORD_KINDS:
        target = getattr(data, kind.attribute)
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
    """Fill every back-link. Ids are visited in sorted order, so lists come out stable."""
    _link_cases(data)
    _link_mentoring(data)
    _link_sessions(data)
    _link_awards(data)
    _link_paths(data)
    for person_lists in (
        data.cases_by_author,
        data.cases_validated_by,
        data.cases_by_product,
        data.cases_by_skill,
        data.cases_by_tag,
        data.cases_by_year,
    ):
        for key, ids in person_lists.items():
            person_lists[key] = data.newest_cases(ids)


def _link_cases(data: Dataset) -> None:
    for case_id, case in data.cases.items():
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


def _link_mentoring(data: Dataset) -> None:
    for pair_id, pair in data.mentoring.items():
        data.mentoring_as_mentor[pair.mentor].append(pair_id)
        data.mentoring_as_mentee[pair.mentee].append(pair_id)
        for entry in pair.log:
            if entry.case:
                data.cited_by[entry.case].append(Citation("mentoring", pair_id, "log"))


def _link_sessions(data: Dataset) -> None:
    for session_id in data.sessions_in_order():
        session = data.sessions[session_id]
        for trainer in session.trainers:
            data.sessions_trained[trainer].append(session_id)
        for attendee in session.attendees:
            data.sessions_attended[attendee].append(session_id)
        for skill in session.skills:
            data.sessions_by_skill[skill].append(session_id)
        for case_id in session.cases:
            data.cited_by[case_id].append(Citation("session", session_id, "discussed"))


def _link_awards(data: Dataset) -> None:
    for award_id in data.awards_newest_first():
        award = data.awards[award_id]
        data.awards_by_kind[award.award].append(award_id)
        for person in award.recipients:
            data.awards_of[person].append(award_id)
        for case_id in award.evidence:
            data.cited_by[case_id].append(Citation("award", award_id, "evidence"))
    for award_id in sorted(data.awards, key=lambda a: (data.awards[a].rank or 99, a)):
        if data.awards[award_id].session:
            data.results_by_contest[data.awards[award_id].session].append(award_id)


def _link_paths(data: Dataset) -> None:
    for path_id, path in data.paths.items():
        for person in path.enrolled:
            data.paths_of[person].append(path_id)
        for step in path.steps:
            for case_id in step.read:
                data.cited_by[case_id].append(Citation("path", path_id, "read"))
        data.progress[path_id] = {person: step_statuses(data, path, person) for person in path.enrolled}


def step_statuses(data: Dataset, path: TrainingPath, person: str) -> dict[str, StepStatus]:
    """Each step's status for one person: done (attended or signed off), available or blocked."""
    completed = {step.id: _completion(data, step, person) for step in path.steps}
    statuses: dict[str, StepStatus] = {}
    for step in path.steps:
        done = completed[step.id]
        if done is not None:
            statuses[step.id] = done
            continue
        missing = tuple(required for required in step.requires if completed.get(required) is None)
        scheduled = tuple(
            s
            for s in step.sessions
            if s in data.sessions and data.is_upcoming(s) and person in data.sessions[s].attendees
        )
        statuses[step.id] = StepStatus("blocked" if missing else "available", ",".join(missing), scheduled=scheduled)
    return statuses


def _completion(data: Dataset, step, person: str) -> StepStatus | None:
    attended = [
        s
        for s in step.sessions
        if s in data.sessions and not data.is_upcoming(s) and person in data.sessions[s].attendees
    ]
    if attended:
        first = min(attended, key=lambda s: data.sessions[s].date)
        return StepStatus("done", "session", first, data.sessions[first].date)
    for sign_off in step.signed_off:
        if sign_off.person == person:
            return StepStatus("done", "signed-off", sign_off.by, sign_off.date)
    return None
