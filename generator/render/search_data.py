"""What each record page tells the search index: filters, result badges and expanded tokens."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.engine import Renderer
from generator.search.tokens import alarm_codes, search_tokens
from generator.shapes import Award, Case, Mentoring, Person, Session, TrainingPath

HEAVY = 6.0  # titles, aka words and tags: what people type
BODY = 1.0
ARCHIVED = 0.4  # archived cases rank below live ones


@dataclass(frozen=True)
class SearchData:
    filters: list[tuple[str, str]]
    meta: list[tuple[str, str]]
    heavy: str
    body: str
    heavy_weight: float = HEAVY
    body_weight: float = BODY


def for_case(r: Renderer, case: Case) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_case), ("state", t[case.state]), ("year", str(case.solved_on.year))]
    filters += [("product", data.products[p].name) for p in case.products]
    filters += [("skill", data.skills[s].name) for s in case.skills]
    meta = [("kind", t.kind_case), ("state", t[case.state]), ("date", case.solved_on.isoformat())]
    factor = ARCHIVED if case.state == "archived" else 1.0
    words = [str(word) for word in [*case.aka, *case.tags]]
    # The aka words and tags as written (the panel that shows them is not indexed), and cut into tokens.
    heavy = " ".join([*words, search_tokens(case.title, *words)])
    # What people search by is what they see: the symptoms. The other fields are still found
    # word by word through Pagefind's own index; expanding them too doubled the index's size.
    body = (
        search_tokens(case.symptoms)
        + " "
        + " ".join(alarm_codes(case.cause or "") + alarm_codes(case.resolution or ""))
    )
    return SearchData(filters, meta, heavy, body, HEAVY * factor, BODY * factor)


def for_person(r: Renderer, person: Person) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_person)] + [("skill", data.skills[s].name) for s in sorted(person.skills)]
    return SearchData(filters, [("kind", t.kind_person)], search_tokens(person.name, person.title or ""), "")


def for_session(r: Renderer, session: Session) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_session), ("year", str(session.date.year))]
    filters += [("skill", data.skills[s].name) for s in session.skills]
    meta = [("kind", t.kind_session), ("date", session.date.isoformat())]
    return SearchData(filters, meta, search_tokens(session.title), search_tokens(session.summary or ""))


def for_path(r: Renderer, path: TrainingPath) -> SearchData:
    t = r.t
    steps = [step.title for step in path.steps]
    return SearchData(
        [("kind", t.kind_path)],
        [("kind", t.kind_path)],
        search_tokens(path.title),
        search_tokens(path.summary or "", *steps),
    )


def for_award(r: Renderer, award: Award) -> SearchData:
    data, t = r.data, r.t
    kind = data.award_kinds[award.award].name
    names = [data.person_name(p) for p in award.recipients]
    filters = [("kind", t.kind_award), ("year", award.period[:4])]
    return SearchData(filters, [("kind", t.kind_award)], search_tokens(kind, *names), search_tokens(award.citation))


def for_mentoring(r: Renderer, pair: Mentoring) -> SearchData:
    data, t = r.data, r.t
    names = [data.person_name(pair.mentor), data.person_name(pair.mentee)]
    notes = [entry.note for entry in pair.log]
    return SearchData(
        [("kind", t.kind_mentoring)],
        [("kind", t.kind_mentoring)],
        search_tokens(*names),
        search_tokens(*notes, pair.outcome or ""),
    )
