"""Rules: what records.md asks beyond the field table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator import codes
from generator.diagnostics import Diagnostic
from generator.kinds import RECORD_KIND
from generator.kinds.kind import Activity
from generator.messages import Listing
from generator.records import Context, Record
from generator.shapes import VALIDATING_ROLES


def ensure_validator_may_validate(context: Context) -> Iterator[Diagnostic]:
    """Ensure a case's validator is a publisher or coach and not its only author."""
    people = context.index("person")
    for case in context.of("case"):
        validator = case.model.validated_by
        if validator is None:
            continue
        person = people.get(validator)
        wrong_role = person is not None and person.model.kcs_role not in VALIDATING_ROLES
        only_author = list(case.model.authors) == [validator]
        if not (wrong_role or only_author):
            continue  # asked only when there is something to say: finding a position reads the file again
        where = case.document.position(("validated_by",))
        if wrong_role:
            yield codes.VALIDATOR_ROLE.at(
                case.file,
                where,
                "rule-validator-role",
                person=validator,
                role=person.model.kcs_role,
            )
        if only_author:
            yield codes.VALIDATOR_SOLE_AUTHOR.at(case.file, where, "rule-validator-sole-author", person=validator)


def ensure_mentor_is_not_mentee(context: Context) -> Iterator[Diagnostic]:
    """Ensure a mentoring pair is two different people."""
    for pair in context.of("mentoring"):
        if pair.model.mentor == pair.model.mentee:
            yield codes.SELF_MENTORING.at(
                pair.file, pair.document.position(("mentee",)), "rule-self-mentoring", person=pair.model.mentee
            )


def ensure_case_is_not_related_to_itself(context: Context) -> Iterator[Diagnostic]:
    """Ensure a case's `related` names other cases only."""
    for case in context.of("case"):
        for index, related in enumerate(case.model.related):
            if related == case.id:
                yield codes.SELF_RELATED.at(case.file, case.document.position(("related", index)), "rule-self-related")


def _date_pairs(record: Record) -> Iterator[tuple[str, dt.date | None, str, dt.date | None]]:
    model = record.model
    for first, later in RECORD_KIND[record.kind].dates_in_order:
        yield first, getattr(model, first), later, getattr(model, later)


def ensure_dates_in_order(context: Context) -> Iterator[Diagnostic]:
    """Ensure `ends`, `review_by` and `left` are not before the date they follow."""
    for record in context.all_records():
        for first_name, first, later_name, later in _date_pairs(record):
            if first is not None and later is not None and later < first:
                yield codes.DATE_ORDER.at(
                    record.file,
                    record.document.position((later_name,)),
                    "rule-date-order",
                    later_name=later_name,
                    later=later,
                    first_name=first_name,
                    first=first,
                )


def activities(record: Record) -> Iterator[Activity]:
    """(path, person id, date) for every time a record says someone took part in something
    (each kind says it: generator/kinds/)."""
    of_kind = RECORD_KIND[record.kind].activities
    return of_kind(record.model) if of_kind is not None else iter(())


def ensure_people_had_joined(context: Context) -> Iterator[Diagnostic]:
    """Ensure an author, trainer, attendee, mentor or recipient had joined by that date."""
    people = context.index("person")
    for record in context.all_records():
        for path, person_id, day in activities(record):
            person = people.get(person_id)
            if person is not None and day < person.model.joined:
                yield codes.NOT_YET_JOINED.at(
                    record.file,
                    record.document.position(path),
                    "rule-not-yet-joined",
                    person=person_id,
                    joined=person.model.joined,
                    day=day,
                )


def ensure_people_had_not_left(context: Context) -> Iterator[Diagnostic]:
    """Warn when someone takes part in something after the date they left."""
    people = context.index("person")
    for record in context.all_records():
        for path, person_id, day in activities(record):
            person = people.get(person_id)
            if person is not None and person.model.left is not None and day > person.model.left:
                yield codes.LEFT_BEFORE.at(
                    record.file,
                    record.document.position(path),
                    "rule-left-before",
                    person=person_id,
                    left=person.model.left,
                    day=day,
                )


def ensure_path_steps_are_sound(context: Context) -> Iterator[Diagnostic]:
    """Ensure a path's step ids are unique, its `requires` name its own steps, and form no cycle."""
    for path in context.of("path"):
        yield from _duplicate_steps(path)
        yield from _unknown_required_steps(path)
        yield from _step_cycles(path)


def _duplicate_steps(path: Record) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for index, step in enumerate(path.model.steps):
        if step.id in seen:
            yield codes.DUPLICATE_STEP.at(
                path.file, path.document.position(("steps", index, "id")), "rule-duplicate-step", id=step.id
            )
        seen.add(step.id)


def _unknown_required_steps(path: Record) -> Iterator[Diagnostic]:
    step_ids = {step.id for step in path.model.steps}
    for index, step in enumerate(path.model.steps):
        for required_index, required in enumerate(step.requires):
            if required not in step_ids:
                where = path.document.position(("steps", index, "requires", required_index))
                yield codes.UNKNOWN_STEP.at(path.file, where, "rule-unknown-step", step=step.id, required=required)


def _step_cycles(path: Record) -> Iterator[Diagnostic]:
    requires = {step.id: list(step.requires) for step in path.model.steps}
    index_of = {step.id: index for index, step in enumerate(path.model.steps)}
    cycle = find_cycle(requires)
    if cycle:
        where = path.document.position(("steps", index_of[cycle[0]], "requires"))
        yield codes.STEP_CYCLE.at(path.file, where, "rule-step-cycle", cycle=Listing((*cycle, cycle[0]), "arrow"))


def find_cycle(edges: dict[str, list[str]]) -> list[str]:
    """One cycle in a directed graph, as the list of its nodes, or [] when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for start in edges:
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[str] = []
        while stack:
            node, next_edge = stack.pop()
            if next_edge == 0:
                state[node] = 1
                trail.append(node)
            targets = [t for t in edges.get(node, []) if t in edges]
            if next_edge < len(targets):
                stack.append((node, next_edge + 1))
                target = targets[next_edge]
                if state.get(target) == 1:
                    return trail[trail.index(target) :]
                if not state.get(target):
                    stack.append((target, 0))
            else:
                state[node] = 2
                trail.pop()
    return []


def ensure_paper_is_on_a_contest(context: Context) -> Iterator[Diagnostic]:
    """Ensure only a contest session names a contest paper."""
    for session in context.of("session"):
        if session.model.paper is not None and session.model.format != "contest":
            yield codes.PAPER_NOT_A_CONTEST.at(
                session.file,
                session.document.position(("paper",)),
                "rule-not-a-contest",
                session=session.id,
                format=session.model.format,
            )


def ensure_award_session_is_a_contest(context: Context) -> Iterator[Diagnostic]:
    """Ensure an award's `session` is a contest."""
    sessions = context.index("session")
    for award in context.of("award"):
        session = sessions.get(award.model.session) if award.model.session else None
        if session is not None and session.model.format != "contest":
            yield codes.NOT_A_CONTEST.at(
                award.file,
                award.document.position(("session",)),
                "rule-not-a-contest",
                session=session.id,
                format=session.model.format,
            )
