"""The registry: every check, in the order it runs, with the codes it reports.

Loading and shape problems (KB1xx, KB2xx) come before any of these; a check here sees
only records whose shape is right. `kb validate --skip` takes a code or a check's name:
a check is not run when it is named or when every code it reports is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator import codes
from generator.diagnostics import Diagnostic
from generator.kinds import RECORD_KINDS
from generator.records import Context
from generator.tickets import checks as tickets
from generator.validate import advice, attachments, identity, privacy, references, rules

Check = Callable[[Context], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Entry:
    function: Check
    codes: tuple[codes.Code, ...]

    @property
    def name(self) -> str:
        return self.function.__name__

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()

    def skipped_by(self, skip: frozenset[str]) -> bool:
        return self.name in skip or all(code.code in skip for code in self.codes)


CHECKS: tuple[Entry, ...] = (
    # identity: each record is where its id says, and each id names one record
    Entry(identity.ensure_taxonomy_exists, (codes.MISSING_TAXONOMY,)),
    Entry(identity.ensure_ids_match_file_names, (codes.ID_NOT_FILENAME,)),
    Entry(identity.ensure_ids_are_unique, (codes.DUPLICATE_ID,)),
    Entry(identity.ensure_taxonomy_ids_are_unique, (codes.DUPLICATE_ID,)),
    Entry(identity.ensure_ids_are_not_reserved, (codes.RESERVED_ID,)),
    # references: every id a record names exists
    Entry(references.ensure_references_exist, tuple(code for code, _ in references.UNKNOWN.values())),
    # rules: what the record format asks beyond the field table
    Entry(rules.ensure_validator_may_validate, (codes.VALIDATOR_ROLE, codes.VALIDATOR_SOLE_AUTHOR)),
    Entry(rules.ensure_mentor_is_not_mentee, (codes.SELF_MENTORING,)),
    Entry(rules.ensure_case_is_not_related_to_itself, (codes.SELF_RELATED,)),
    Entry(rules.ensure_dates_in_order, (codes.DATE_ORDER,)),
    Entry(rules.ensure_people_had_joined, (codes.NOT_YET_JOINED,)),
    Entry(rules.ensure_people_had_not_left, (codes.LEFT_BEFORE,)),
    Entry(rules.ensure_path_steps_are_sound, (codes.DUPLICATE_STEP, codes.UNKNOWN_STEP, codes.STEP_CYCLE)),
    Entry(rules.ensure_award_session_is_a_contest, (codes.NOT_A_CONTEST,)),
    Entry(rules.ensure_paper_is_on_a_contest, (codes.PAPER_NOT_A_CONTEST,)),
    # each kind's own rules (generator/kinds/, a kind's `checks`), in the table's order
    *(Entry(check.function, check.codes) for kind in RECORD_KINDS for check in kind.checks),
    Entry(attachments.ensure_attachments_exist, (codes.ATTACHMENT_ESCAPES, codes.ATTACHMENT_MISSING)),
    Entry(attachments.ensure_attachments_are_inert, (codes.ATTACHMENT_TYPE,)),
    # tickets: what the exports in data/tickets/ name exists, once per ticket
    Entry(tickets.ensure_ticket_ids_are_unique, (codes.TICKETS_DUPLICATE,)),
    Entry(tickets.ensure_ticket_engineers_exist, (codes.TICKETS_UNKNOWN_ENGINEER,)),
    Entry(tickets.ensure_ticket_products_exist, (codes.TICKETS_UNKNOWN_PRODUCT,)),
    Entry(tickets.ensure_ticket_cases_exist, (codes.TICKETS_UNKNOWN_CASE,)),
    Entry(tickets.ensure_tickets_close_after_they_open, (codes.DATE_ORDER,)),
    # privacy: no customer personal data anywhere
    Entry(privacy.ensure_no_personal_data, (codes.MOBILE_NUMBER, codes.ID_CARD_NUMBER, codes.EMAIL_ADDRESS)),
    Entry(tickets.ensure_no_personal_data_in_tickets, (codes.MOBILE_NUMBER, codes.ID_CARD_NUMBER, codes.EMAIL_ADDRESS)),
    # advice: warnings
    Entry(advice.ensure_cases_reviewed_in_time, (codes.REVIEW_DUE,)),
    Entry(advice.ensure_completed_mentoring_has_outcome, (codes.OUTCOME_MISSING,)),
    Entry(advice.ensure_cases_are_unique, (codes.NEAR_DUPLICATE,)),
    Entry(advice.ensure_mentors_are_not_overloaded, (codes.MENTOR_OVERLOADED,)),
    Entry(advice.ensure_people_pictures_are_images, (codes.PICTURE_UNUSABLE,)),
    Entry(advice.ensure_active_pairs_keep_a_log, (codes.PAIR_WITHOUT_LOG,)),
)
