"""Advice: things worth doing that do not make a record wrong (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.load.attachments import PICTURE_SUFFIXES, attachment_problem
from generator.records import Context
from generator.search.similar import near_duplicates


def ensure_cases_reviewed_in_time(context: Context) -> Iterator[Diagnostic]:
    """Warn about a case past its `review_by` date that is not validated or archived."""
    for case in context.of("case"):
        model = case.model
        if model.review_by and model.review_by < context.today and model.state in ("wip", "not-validated"):
            yield codes.REVIEW_DUE.at(
                case.file,
                case.document.position(("review_by",)),
                "advice-review-due",
                due=model.review_by,
                state=model.state,
            )


def ensure_completed_mentoring_has_outcome(context: Context) -> Iterator[Diagnostic]:
    """Warn when a completed mentoring pair does not say what it achieved."""
    for pair in context.of("mentoring"):
        if pair.model.status == "completed" and not pair.model.outcome:
            yield codes.OUTCOME_MISSING.at(pair.file, pair.document.position(("status",)), "advice-outcome-missing")


def ensure_cases_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Warn when a case says nearly the same as an earlier one (KCS: one problem, one article)."""
    cases = {case.id: case for case in context.of("case")}
    models = {case_id: case.model for case_id, case in cases.items()}
    for later, earlier, score in near_duplicates(models, context.similar):
        case = cases[later]
        yield codes.NEAR_DUPLICATE.at(
            case.file,
            case.document.position(("title",)),
            "advice-near-duplicate",
            other=earlier,
            file=cases[earlier].file,
            score=f"{score:.2f}",
        )


QUIET_PAIR_DAYS = 60


def ensure_people_pictures_are_images(context: Context) -> Iterator[Diagnostic]:
    """Warn when a picture under attachments/people/ named after a person is not a usable image."""
    prefix = context.settings.shown + "/"
    for person in context.of("person"):
        for suffix in PICTURE_SUFFIXES:
            name = f"attachments/people/{person.id}{suffix}"
            file = context.attachments.get(name)
            problem = attachment_problem(file) if file is not None else None
            if problem:
                yield codes.PICTURE_UNUSABLE.at(
                    prefix + name, START, "advice-picture-unusable", name=name, problem=problem
                )


def ensure_mentors_are_not_overloaded(context: Context) -> Iterator[Diagnostic]:
    """Warn when a mentor has more active mentees than the configured limit."""
    limit = context.settings.max_mentees
    active: dict[str, list] = {}
    for pair in context.of("mentoring"):
        if pair.model.status == "active":
            active.setdefault(pair.model.mentor, []).append(pair)
    for mentor, pairs in sorted(active.items()):
        if len(pairs) > limit:
            for pair in pairs[limit:]:
                yield codes.MENTOR_OVERLOADED.at(
                    pair.file,
                    pair.document.position(("mentor",)),
                    "advice-mentor-overloaded",
                    mentor=mentor,
                    count=len(pairs),
                    limit=limit,
                )


def ensure_active_pairs_keep_a_log(context: Context) -> Iterator[Diagnostic]:
    """Warn when an active pair has written nothing in its log for 60 days."""
    for pair in context.of("mentoring"):
        model = pair.model
        if model.status != "active":
            continue
        last = max((entry.date for entry in model.log), default=model.started)
        quiet = (context.today - last).days
        if quiet > QUIET_PAIR_DAYS:
            where = pair.document.position(("log",)) if model.log else pair.document.position(("status",))
            yield codes.PAIR_WITHOUT_LOG.at(pair.file, where, "advice-quiet-pair", days=quiet, last=last)
