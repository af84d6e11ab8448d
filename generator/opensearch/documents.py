"""One search document per record, in the shape mapping.py declares.

Text fields are plain text (generator/render/text.py `plain_text`): the words of the Markdown,
its code blocks and inline code included, without its marks (`**`, `|`, link targets), which
would only be noise to the analyzer and to highlighted excerpts. Ids (records, products,
skills, teams) stay ids, for filters; the names of the taxonomy entries a record names come
beside them, in both languages, because people search by them. A field with no value is left
out, never sent as null or an empty list.

Only what the site publishes is exported: no ticket data (their ids are not even in the
Dataset unless the site shows them), no attachments, no customer label. The records were
validated first, the personal-data checks included. Every text is one line without control
characters (generator/inert.py), as plain text is: a search server's excerpt or a terminal
that shows the body meets nothing that was not meant to be shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from generator.inert import one_line
from generator.kinds import RECORD_KINDS
from generator.language import DEFAULT_LANGUAGE
from generator.model import Dataset
from generator.render.formats import Formats
from generator.render.labels import taxonomy_name
from generator.render.text import plain_text
from generator.render.urls import record_url
from generator.shapes import Award, Case, Entry, Mentoring, Person, Session, TrainingPath

Document = dict[str, Any]


def document_id(kind: str, record_id: str) -> str:
    """The document's `_id`: ids are unique within a kind only, so the kind comes first."""
    return f"{kind}:{record_id}"


def documents(data: Dataset, language: str = DEFAULT_LANGUAGE) -> Iterator[tuple[str, Document]]:
    """(`_id`, document) of every record: kinds in the order of the table of kinds, ids sorted."""
    makers = {
        "person": _person,
        "case": _case,
        "mentoring": _mentoring,
        "session": _session,
        "path": _path,
        "award": _award,
    }
    for kind in RECORD_KINDS:
        records = getattr(data, kind.attribute)
        for record_id in sorted(records):
            fields = makers[kind.name](data, records[record_id], language)
            head = {"kind": kind.name, "id": record_id, "url": record_url(kind.name, record_id)}
            yield document_id(kind.name, record_id), _without_empty(head | fields)


def _without_empty(document: Document) -> Document:
    return {name: _inert(value) for name, value in document.items() if value not in (None, "", [])}


def _inert(value: Any) -> Any:
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, list):
        return [one_line(item) if isinstance(item, str) else item for item in value]
    return value


def _text(markdown: str | None) -> str | None:
    return plain_text(markdown) if markdown else None


def _day(day) -> str | None:
    return day.isoformat() if day else None


def _names(entries: Iterable[Entry]) -> list[str]:
    """Every name of the entries, Chinese and English: a query may use either."""
    return [name for entry in entries for name in (entry.name, entry.name_en) if name]


def _skills(data: Dataset, skill_ids: Iterable[str]) -> Document:
    ids = list(dict.fromkeys(skill_ids))  # in order, each once
    return {"skills": ids, "skill_names": _names(data.skills[s] for s in ids)}


def _case(data: Dataset, case: Case, _language: str) -> Document:
    return {
        "title": case.title,
        "state": case.state,
        "aka": [str(word) for word in case.aka],
        "tags": [str(word) for word in case.tags],
        "symptoms": _text(case.symptoms),
        "environment": _text(case.environment),
        "cause": _text(case.cause),
        "resolution": _text(case.resolution),
        "products": list(case.products),
        "product_names": _names(data.products[p] for p in case.products),
        **_skills(data, case.skills),
        "team": case.team,
        "team_names": _names([data.teams[case.team]]) if case.team else None,
        "authors": list(case.authors),
        "validated_by": case.validated_by,
        "solved_on": _day(case.solved_on),
        "review_by": _day(case.review_by),
        "hours_to_resolve": case.hours_to_resolve,
        "related": list(case.related),
        # reuse orders equal matches on the site; a server query can weigh it the same way
        "times_cited": len(data.cited_by.get(case.id, [])),
    }


def _person(data: Dataset, person: Person, _language: str) -> Document:
    return {
        "title": person.name,
        "name_en": person.name_en,
        "job_title": person.title,
        "team": person.team,
        "team_names": _names([data.teams[person.team]]),
        "role": person.role,
        "kcs_role": person.kcs_role,
        **_skills(data, sorted(person.skills)),
        "joined": _day(person.joined),
        "left": _day(person.left),
    }


def _session(data: Dataset, session: Session, _language: str) -> Document:
    return {
        "title": session.title,
        "date": _day(session.date),
        "hours": session.hours,
        "format": session.format,
        "trainers": list(session.trainers),
        "attendees": list(session.attendees),
        **_skills(data, session.skills),
        "summary": _text(session.summary),
        "cases": list(session.cases),
    }


def _path(data: Dataset, path: TrainingPath, _language: str) -> Document:
    return {
        "title": path.title,
        "for_role": path.for_role,
        "summary": _text(path.summary),
        "steps": [step.title for step in path.steps],
        **_skills(data, (step.skill for step in path.steps if step.skill)),
        "cases": list(dict.fromkeys(case for step in path.steps for case in step.read)),
        "sessions": list(dict.fromkeys(session for step in path.steps for session in step.sessions)),
        "enrolled": list(path.enrolled),
    }


def _award(data: Dataset, award: Award, language: str) -> Document:
    kind = data.award_kinds[award.award]
    return {
        # the award page's heading: 优秀服务工程师 · 2026 年第三季度
        "title": f"{taxonomy_name(kind, language)} · {Formats(language).period(award.period)}",
        "award": award.award,
        "award_names": _names([kind]),
        "period": award.period,
        "awarded_on": _day(award.awarded_on),
        "recipients": list(award.recipients),
        "recipient_names": [data.person_name(p) for p in award.recipients],
        "citation": _text(award.citation),
        "evidence": list(award.evidence),
        "rank": award.rank,
        "session": award.session,
    }


def _mentoring(data: Dataset, pair: Mentoring, _language: str) -> Document:
    return {
        # the pair's page heading: 师傅 → 徒弟
        "title": f"{data.person_name(pair.mentor)} → {data.person_name(pair.mentee)}",
        "mentor": pair.mentor,
        "mentee": pair.mentee,
        "started": _day(pair.started),
        "ends": _day(pair.ends),
        "status": pair.status,
        **_skills(data, (goal.skill for goal in pair.goals)),
        "log": [plain_text(entry.note) for entry in pair.log],
        "outcome": _text(pair.outcome),
        "cases": list(dict.fromkeys(entry.case for entry in pair.log if entry.case)),
    }
