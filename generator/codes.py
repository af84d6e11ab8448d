"""The stable diagnostic codes, each with its severity. What each means, an example and the
fix are the catalogue's, in Chinese and English (`kb101-title`, `kb101-example`,
`kb101-fix` in generator/catalogue/codes.py); the site's checks page is made from both.

Codes never change meaning once published; a retired code is not reused.
KB1xx loading, KB2xx shape, KB3xx identity, KB4xx references, KB5xx rules,
KB6xx personal data, KB7xx advice (warnings), KB8xx importing spreadsheets (`kb import`), KB9xx service-ticket
exports (data/tickets/*.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.diagnostics import Diagnostic, Position, Severity
from generator.messages import MESSAGES, Text, text, words


class CodeText(NamedTuple):
    """A code as the checks page shows it, in one language."""

    code: str
    severity: Severity
    title: str
    example: str
    fix: str


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity = "error"

    def at(self, file: str, position: Position, words: Text | str, /, **args: Any) -> Diagnostic:
        """This problem at a place: `words` is a Text, a catalogue key (with `args`) or plain words."""
        if isinstance(words, str) and (args or words in MESSAGES):
            words = text(words, **args)
        return Diagnostic(file, position.line, position.column, self.code, words, self.severity)

    def in_language(self, language: str) -> CodeText:
        key = self.code.lower()
        return CodeText(
            self.code,
            self.severity,
            words(f"{key}-title", language),
            words(f"{key}-example", language),
            words(f"{key}-fix", language),
        )


def _code(code: str, severity: Severity = "error") -> Code:
    entry = Code(code, severity)
    CODES[code] = entry
    return entry


CODES: dict[str, Code] = {}

# Loading
YAML_SYNTAX = _code("KB101")
DUPLICATE_KEY = _code("KB102")
ANCHOR_ALIAS = _code("KB103")
UNSAFE_TAG = _code("KB104")
NOT_A_MAPPING = _code("KB105")
EMPTY_FILE = _code("KB106")
TOO_LARGE = _code("KB107")
NOT_UTF8 = _code("KB108")
KEY_NOT_TEXT = _code("KB109")
STRUCTURE = _code("KB110")
CONTROL_CHARACTER = _code("KB111")
GUESSED_NUMBER = _code("KB112")
SYMLINK = _code("KB113")

LOG_UNREADABLE = _code("KB114")
LOG_LIMIT = _code("KB115")
PAGE_REFUSED = _code("KB116")
CONTEST_OUT_REFUSED = _code("KB117")

# Shape
MISSING_FIELD = _code("KB201")
UNKNOWN_FIELD = _code("KB202")
WRONG_TYPE = _code("KB203")
NOT_ALLOWED_VALUE = _code("KB204")
BAD_DATE = _code("KB205")
BAD_ID = _code("KB206")
OUT_OF_RANGE = _code("KB207")
EMPTY_LIST = _code("KB208")
STATE_REQUIRES = _code("KB209")
BAD_PERIOD = _code("KB210")

BLANK_TEXT = _code("KB211")
LINE_BREAK = _code("KB212")

# Identity
ID_NOT_FILENAME = _code("KB301")
DUPLICATE_ID = _code("KB302")
PATH_LIKE_ID = _code("KB303")
UNKNOWN_FOLDER = _code("KB304")
MISSING_TAXONOMY = _code("KB306")
RESERVED_ID = _code("KB307")
DUPLICATE_STEP = _code("KB305")

# References
UNKNOWN_PERSON = _code("KB401")
UNKNOWN_CASE = _code("KB402")
UNKNOWN_SESSION = _code("KB403")
UNKNOWN_SKILL = _code("KB404")
UNKNOWN_PRODUCT = _code("KB405")
UNKNOWN_TEAM = _code("KB406")
UNKNOWN_AWARD_KIND = _code("KB407")
UNKNOWN_STEP = _code("KB408")
# A ticket id a record names (a commendation's `tickets`), checked when data/tickets/ holds exports.
UNKNOWN_TICKET = _code("KB409")
UNKNOWN_COMMENDATION = _code("KB410")

# Rules
VALIDATOR_ROLE = _code("KB501")
VALIDATOR_SOLE_AUTHOR = _code("KB502")
SELF_MENTORING = _code("KB503")
DATE_ORDER = _code("KB504")
NOT_YET_JOINED = _code("KB505")
STEP_CYCLE = _code("KB506")
ATTACHMENT_MISSING = _code("KB507")
ATTACHMENT_ESCAPES = _code("KB508")
SELF_RELATED = _code("KB509")
NOT_A_CONTEST = _code("KB510")
LEFT_BEFORE = _code("KB511", "warning")

ATTACHMENT_TYPE = _code("KB512")

MARKDOWN_NESTING = _code("KB513")
MARKDOWN_BRACKETS = _code("KB514")
MARKDOWN_LINKS = _code("KB515")

# Goals: a team's, never a person's; a target the figure can reach.
GOAL_NAMES_PERSON = _code("KB516")
TARGET_OUT_OF_RANGE = _code("KB517")

PAPER_NOT_A_CONTEST = _code("KB520")

# The glossary (data/glossary.yml): a term belongs to one group, a group holds more than its headword.
GLOSSARY_TERM_TWICE = _code("KB521")
GLOSSARY_EMPTY_GROUP = _code("KB522")

# Personal data
MOBILE_NUMBER = _code("KB601")
ID_CARD_NUMBER = _code("KB602")
EMAIL_ADDRESS = _code("KB603")
# A customer named by a commendation is an organisation's label (某食品厂), never a contact.
CUSTOMER_NOT_ORGANISATION = _code("KB604")

# Advice
REVIEW_DUE = _code("KB701", "warning")
NEAR_DUPLICATE = _code("KB703", "warning")
MENTOR_OVERLOADED = _code("KB704", "warning")
PAIR_WITHOUT_LOG = _code("KB705", "warning")
PICTURE_UNUSABLE = _code("KB706", "warning")
OUTCOME_MISSING = _code("KB702", "warning")

# KB8xx importing spreadsheets (`kb import`): reported at the sheet's cell, `台账.xlsx:案例!K14`
COLUMN_IGNORED = _code("KB801", "warning")
ALREADY_EXISTS = _code("KB802")
AMBIGUOUS_NAME = _code("KB803")
SHEET_UNREADABLE = _code("KB804")
SHEET_SKIPPED = _code("KB805", "warning")
COLUMN_MISSING = _code("KB806")
# A formula's cached value is whatever the program that saved the file last calculated (or
# what a hostile file says it calculated): it is never taken as text.
FORMULA_CELL = _code("KB807")
SHEET_TOO_LARGE = _code("KB808")
IMPORT_OUTSIDE_DATA = _code("KB809")

# Service-ticket exports (data/tickets/*.csv), reported at the row's line and the cell's column.
# KB9xx rather than KB8xx: the spreadsheet import (`kb import`) numbers its codes from KB801.
TICKETS_UNREADABLE = _code("KB901")
TICKETS_MISSING_COLUMN = _code("KB902")
TICKETS_BAD_DATE = _code("KB903")
TICKETS_UNKNOWN_ENGINEER = _code("KB904")
# A warning, as KB906: the fix is in the ticket system, and the export must stay buildable meanwhile.
TICKETS_UNKNOWN_PRODUCT = _code("KB905", "warning")
# A warning: historical tickets keep the ids of cases merged or removed since, and an export
# cannot be edited like a record. The link is left out of every figure.
TICKETS_UNKNOWN_CASE = _code("KB906", "warning")
TICKETS_DUPLICATE = _code("KB907")
