"""Advice: things worth doing that do not make a record wrong (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from generator import codes
from generator.diagnostics import Diagnostic
from generator.search.similar import Neighbours, near_duplicates, neighbours
from generator.validate import check
from generator.validate.context import Context


@check
def ensure_cases_reviewed_in_time(context: Context) -> Iterator[Diagnostic]:
    """Warn about a case past its `review_by` date that is not validated or archived."""
    for case in context.of("case"):
        model = case.model
        if model.review_by and model.review_by < context.today and model.state in ("wip", "not-validated"):
            yield codes.REVIEW_DUE.at(
                case.file,
                case.document.position(("review_by",)),
                f"review was due on {model.review_by}; the case is still {model.state}",
            )


@check
def ensure_completed_mentoring_has_outcome(context: Context) -> Iterator[Diagnostic]:
    """Warn when a completed mentoring pair does not say what it achieved."""
    for pair in context.of("mentoring"):
        if pair.model.status == "completed" and not pair.model.outcome:
            yield codes.OUTCOME_MISSING.at(
                pair.file, pair.document.position(("status",)), "a completed pair should describe its `outcome`"
            )


def similar_cases(context: Context) -> Neighbours:
    """The neighbours of every case, computed once per run and shared with the build."""
    if "similar" not in context.options:
        context.options["similar"] = neighbours({case.id: case.model for case in context.of("case")})
    return context.options["similar"]


@check
def ensure_cases_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Warn when a case says nearly the same as an earlier one (KCS: one problem, one article)."""
    cases = {case.id: case for case in context.of("case")}
    models = {case_id: case.model for case_id, case in cases.items()}
    for later, earlier, score in near_duplicates(models, similar_cases(context)):
        case = cases[later]
        yield codes.NEAR_DUPLICATE.at(
            case.file,
            case.document.position(("title",)),
            f"looks like a near-duplicate of `{earlier}` ({cases[earlier].file}, similarity {score:.2f}); merge them or make the difference clear",
        )
