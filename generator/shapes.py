"""The record shapes, by the names they have always had here: each kind's shape lives in its
own module (generator/kinds/), the types they are made of in generator/vocabulary.py, and
SHAPES, kind -> shape in the order records.md describes them, in the table of kinds.
"""

from __future__ import annotations

from generator.kinds import SHAPES, named_attachments
from generator.kinds.award import Award
from generator.kinds.case import CASE_STATE_REQUIRES, Case
from generator.kinds.mentoring import Goal, LogEntry, Mentoring
from generator.kinds.path import SignOff, Step, TrainingPath
from generator.kinds.person import Person
from generator.kinds.session import Session
from generator.kinds.taxonomy import Entry, SkillEntry, Taxonomy
from generator.vocabulary import (
    CASE_STATES,
    ID_PATTERN,
    KCS_ROLES,
    MENTORING_STATUSES,
    PERIOD_PATTERN,
    ROLES,
    SESSION_FORMATS,
    VALIDATING_ROLES,
    WEB_LINK_PREFIXES,
    AwardKindRef,
    CaseRef,
    Day,
    Id,
    Level,
    Markdown,
    Period,
    PersonRef,
    ProductRef,
    Ref,
    SessionRef,
    Shape,
    SkillRef,
    StepRef,
    TeamRef,
    Title,
    Word,
    description_zh,
    doc,
    markdown_texts,
    single_line_texts,
)

__all__ = [
    "CASE_STATES",
    "CASE_STATE_REQUIRES",
    "ID_PATTERN",
    "KCS_ROLES",
    "MENTORING_STATUSES",
    "PERIOD_PATTERN",
    "ROLES",
    "SESSION_FORMATS",
    "SHAPES",
    "VALIDATING_ROLES",
    "WEB_LINK_PREFIXES",
    "Award",
    "AwardKindRef",
    "Case",
    "CaseRef",
    "Day",
    "Entry",
    "Goal",
    "Id",
    "Level",
    "LogEntry",
    "Markdown",
    "Mentoring",
    "Period",
    "Person",
    "PersonRef",
    "ProductRef",
    "Ref",
    "Session",
    "SessionRef",
    "Shape",
    "SignOff",
    "SkillEntry",
    "SkillRef",
    "Step",
    "StepRef",
    "Taxonomy",
    "TeamRef",
    "Title",
    "TrainingPath",
    "Word",
    "description_zh",
    "doc",
    "markdown_texts",
    "named_attachments",
    "single_line_texts",
]
