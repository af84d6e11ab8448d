"""New record files: a valid starting point with the editor schema line and guiding comments.

Each kind declares what `kb new <kind>` asks and the file it writes (its `Scaffold`,
generator/kinds/); the layout every new file shares is generator/record_text.py. The names
below are where they have always been found.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import RECORD_KIND
from generator.kinds.award import award_id, new_award
from generator.kinds.case import CODE_SEPARATORS, PHOTO_SEPARATORS, PRODUCT_IN_ID, CaseNotes, case_id, new_case
from generator.kinds.mentoring import mentoring_id, new_mentoring
from generator.kinds.path import new_path
from generator.kinds.person import new_person, person_id
from generator.kinds.session import new_session, session_id
from generator.record_text import LINE_BREAK, SPACES, NewRecord, block, one_line, quoted, words_in

__all__ = [
    "CODE_SEPARATORS",
    "LINE_BREAK",
    "PHOTO_SEPARATORS",
    "PRODUCT_IN_ID",
    "SPACES",
    "CaseNotes",
    "NewRecord",
    "award_id",
    "block",
    "case_id",
    "mentoring_id",
    "new_award",
    "new_case",
    "new_mentoring",
    "new_path",
    "new_person",
    "new_record",
    "new_session",
    "one_line",
    "person_id",
    "quoted",
    "session_id",
    "words_in",
]


def new_record(kind: str, **values: Any) -> NewRecord:
    """The new record `kb new <kind>` writes for these values (its options by their names, and
    `language`, of its comments)."""
    scaffold = RECORD_KIND[kind].scaffold
    if scaffold is None:
        raise ValueError(f"`kb new` does not write {kind} records")
    return scaffold.make(**values)
