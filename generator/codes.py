"""The stable diagnostic codes: what each means, an example and the fix.

Codes never change meaning once published; a retired code is not reused.
KB1xx loading, KB2xx shape, KB3xx identity, KB4xx references, KB5xx rules,
KB6xx personal data, KB7xx advice (warnings), KB9xx service-ticket exports (data/tickets/*.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostic, Position, Severity
from generator.messages import MESSAGES, Text, text


@dataclass(frozen=True)
class Code:
    code: str
    title: str
    example: str
    fix: str
    severity: Severity = "error"

    def at(self, file: str, position: Position, words: Text | str, **args: Any) -> Diagnostic:
        """This problem at a place: `words` is a catalogue key (with `args`) or plain words."""
        if args or words in MESSAGES:
            words = text(words, **args) if isinstance(words, str) else words
        return Diagnostic(file, position.line, position.column, self.code, words, self.severity)


def _code(code: str, title: str, example: str, fix: str, severity: Severity = "error") -> Code:
    entry = Code(code, title, example, fix, severity)
    CODES[code] = entry
    return entry


CODES: dict[str, Code] = {}

# Loading
YAML_SYNTAX = _code(
    "KB101",
    "YAML syntax error",
    "title: [unclosed",
    "Fix the YAML at the line shown; quote text that contains `: ` or starts with `[`, `{`, `*`, `&`, `!`.",
)
DUPLICATE_KEY = _code(
    "KB102",
    "Duplicate key in a mapping",
    "title: A\ntitle: B",
    "Keep one of the two keys: YAML would silently drop the first.",
)
ANCHOR_ALIAS = _code(
    "KB103",
    "Anchors and aliases are not allowed",
    "a: &x 1\nb: *x",
    "Write the value out in full; records must read the same to a person and to the generator.",
)
UNSAFE_TAG = _code(
    "KB104",
    "Non-standard YAML tag",
    "x: !!python/object:os.system",
    "Remove the tag; records hold only text, numbers, dates, lists and mappings.",
)
NOT_A_MAPPING = _code(
    "KB105",
    "The file is not a mapping of fields",
    "- just a list",
    "A record file holds `field: value` lines at the top level.",
)
EMPTY_FILE = _code(
    "KB106", "Empty file", "(nothing, or only comments)", "Write the record's fields, or delete the file."
)
TOO_LARGE = _code(
    "KB107",
    "File too large",
    "a 5 MiB log pasted into a case",
    "Move large logs and images to data/attachments/ and list them under `attachments`.",
)
NOT_UTF8 = _code(
    "KB108",
    "File is not UTF-8",
    "a case saved as GBK by an old editor",
    "Re-save the file as UTF-8, e.g. `iconv -f GBK -t UTF-8 in.yml > out.yml`.",
)
KEY_NOT_TEXT = _code("KB109", "A key is not plain text", "? [a, b]\n: value", "Use plain field names as keys.")
STRUCTURE = _code(
    "KB110",
    "Unsupported YAML structure",
    "two documents separated by `---`",
    "Keep one record per file and at most 64 levels of nesting.",
)
CONTROL_CHARACTER = _code(
    "KB111",
    "Control character in text",
    'note: "ready\\x1b[31m"',
    "Delete the invisible character (often pasted from a terminal or a log, or written as an escape such as "
    "`\\x1b` in double quotes); tabs and line breaks are the only control characters a record may hold.",
)
GUESSED_NUMBER = _code(
    "KB112",
    "Number in a form YAML 1.1 would guess",
    "hours_to_resolve: 1:30   (read as 90)",
    "Write the number plainly (1.5), or put the text in quotes if it is not a number.",
)
SYMLINK = _code(
    "KB113",
    "Symbolic link or path leaving data/",
    "data/attachments/notes.txt -> /etc/passwd",
    "Replace the link with a real copy of the file inside data/; nothing outside data/ is published.",
)

# Shape
MISSING_FIELD = _code(
    "KB201",
    "Required field missing",
    "a case without `symptoms`",
    "Add the field; docs/records.md lists the required ones.",
)
UNKNOWN_FIELD = _code(
    "KB202",
    "Unknown field",
    "validatd_by: li-na",
    "Fix the spelling (the message suggests the nearest field) or remove the field.",
)
WRONG_TYPE = _code(
    "KB203",
    "Value has the wrong type",
    "authors: zhang-wei   (a list is expected)",
    "Write the value in the type docs/records.md gives; quote text that YAML reads as a number or yes/no.",
)
NOT_ALLOWED_VALUE = _code(
    "KB204", "Value is not one of the allowed values", "state: done", "Use one of the values listed in the message."
)
BAD_DATE = _code(
    "KB205", "Not a real calendar date in YYYY-MM-DD form", "solved_on: 2026-02-30", "Write a real date as YYYY-MM-DD."
)
BAD_ID = _code(
    "KB206",
    "Id does not match the id pattern",
    "id: Zhang_Wei",
    "Use lower-case ASCII letters, digits and single hyphens, at most 64 characters.",
)
OUT_OF_RANGE = _code("KB207", "Number out of range", "hours: 0", "Use a number in the range the message gives.")
EMPTY_LIST = _code("KB208", "List must not be empty", "products: []", "Name at least one entry.")
STATE_REQUIRES = _code(
    "KB209",
    "Field required by the case's state",
    "state: validated without validated_by",
    "Add the field, or choose the state that matches what the case holds.",
)
BAD_PERIOD = _code(
    "KB210", "Period not in a known form", "period: 2026Q3", "Write `2026`, `2026-H2`, `2026-Q3` or `2026-09`."
)

BLANK_TEXT = _code(
    "KB211",
    "Text holds only spaces",
    'title: "   "',
    "Write the text, or remove the field if it is optional.",
)

# Identity
ID_NOT_FILENAME = _code(
    "KB301",
    "Id differs from the file name",
    "cases/a.yml with id: b",
    "Rename the file or change the id so they match.",
)
DUPLICATE_ID = _code(
    "KB302", "Id used twice in one kind", "two people with id zhang-wei", "Give each record of a kind its own id."
)
PATH_LIKE_ID = _code(
    "KB303", "Id looks like a path", "id: ../../etc/passwd", "Ids are plain slugs; they become URLs and file names."
)
UNKNOWN_FOLDER = _code(
    "KB304",
    "File outside the known record folders",
    "data/case/x.yml",
    "Put records in people/, cases/, mentoring/, sessions/, paths/ or awards/.",
)
MISSING_TAXONOMY = _code(
    "KB306",
    "taxonomy.yml is missing",
    "data/ without taxonomy.yml",
    "Create data/taxonomy.yml with the products, skills, teams and award kinds.",
)
RESERVED_ID = _code(
    "KB307",
    "Id is reserved for a page the site generates",
    "cases/index.yml with id: index",
    "Choose another id; the message lists the reserved ones.",
)
DUPLICATE_STEP = _code(
    "KB305", "Step id used twice in one path", "two steps with id basics", "Give each step of a path its own id."
)

# References
UNKNOWN_PERSON = _code(
    "KB401", "Unknown person", "authors: [zhang-wie]", "Use the id of a file in data/people/, or add that person."
)
UNKNOWN_CASE = _code("KB402", "Unknown case", "related: [no-such-case]", "Use the id of a file under data/cases/.")
UNKNOWN_SESSION = _code("KB403", "Unknown session", "sessions: [2026-13-x]", "Use the id of a file in data/sessions/.")
UNKNOWN_SKILL = _code(
    "KB404", "Unknown skill", "skills: [hydralics]", "Use a `skills` id from taxonomy.yml, or add it there."
)
UNKNOWN_PRODUCT = _code(
    "KB405", "Unknown product", "products: [hx-300]", "Use a `products` id from taxonomy.yml, or add it there."
)
UNKNOWN_TEAM = _code("KB406", "Unknown team", "team: west", "Use a `teams` id from taxonomy.yml, or add it there.")
UNKNOWN_AWARD_KIND = _code(
    "KB407", "Unknown award kind", "award: best-engineer", "Use an `awards` id from taxonomy.yml, or add it there."
)
UNKNOWN_STEP = _code("KB408", "Unknown step of this path", "requires: [basic]", "Name a step id of the same path.")

# Rules
VALIDATOR_ROLE = _code(
    "KB501",
    "Validator may not validate",
    "validated_by a contributor",
    "Cases are validated by a person whose kcs_role is publisher or coach.",
)
VALIDATOR_SOLE_AUTHOR = _code(
    "KB502",
    "Validator is the only author",
    "authors: [li-na], validated_by: li-na",
    "Another publisher or coach validates the case.",
)
SELF_MENTORING = _code(
    "KB503", "Mentor and mentee are the same person", "mentor: li-na, mentee: li-na", "Name two different people."
)
DATE_ORDER = _code(
    "KB504",
    "Dates in the wrong order",
    "ends before started",
    "Fix the later date so it is not before the earlier one.",
)
NOT_YET_JOINED = _code(
    "KB505",
    "Person had not joined by that date",
    "an author who joined after solved_on",
    "Check the date or the person's `joined`.",
)
STEP_CYCLE = _code(
    "KB506",
    "Path steps require each other in a cycle",
    "a requires b, b requires a",
    "Remove one of the requirements so the steps have an order.",
)
ATTACHMENT_MISSING = _code(
    "KB507",
    "Attachment not found",
    "attachments: [photo.png] without the file",
    "Put the file under data/attachments/ or fix the path.",
)
ATTACHMENT_ESCAPES = _code(
    "KB508",
    "Attachment path leaves data/attachments/",
    "attachments: [../../secret.txt]",
    "Point only at files inside data/attachments/.",
)
SELF_RELATED = _code(
    "KB509", "Case names itself as related", "related: [its own id]", "Remove its own id from `related`."
)
NOT_A_CONTEST = _code(
    "KB510",
    "Award session is not a contest",
    "session: a classroom session",
    "Name a session whose format is `contest`, or drop `session`.",
)
LEFT_BEFORE = _code(
    "KB511",
    "Person had left by that date",
    "an attendee who left before the session",
    "Check the date or the person's `left`.",
    "warning",
)

ATTACHMENT_TYPE = _code(
    "KB512",
    "Attachment type not allowed",
    "attachments: [report.html]   (or an SVG with a script)",
    "Attach images, PDF, Office documents, text, archives or video; export a web page or an active SVG as PDF or PNG.",
)

# Personal data
MOBILE_NUMBER = _code(
    "KB601",
    "Mobile phone number in text",
    "联系人 13812345678",
    "Remove the number: customer contact data never goes into records.",
)
ID_CARD_NUMBER = _code(
    "KB602",
    "Chinese ID-card number in text",
    "身份证 11010519491231002X",
    "Remove the number: customer personal data never goes into records.",
)
EMAIL_ADDRESS = _code(
    "KB603",
    "E-mail address in text",
    "wang@example.com",
    "Remove the address: customer contact data never goes into records.",
)

# Advice
REVIEW_DUE = _code(
    "KB701",
    "Case is past its review date",
    "review_by: 2025-01-01 on a not-validated case",
    "Review the case, then validate it or set a new review_by.",
    "warning",
)
NEAR_DUPLICATE = _code(
    "KB703",
    "Case looks like a near-duplicate of another",
    "the same fault written up twice by two engineers",
    "Merge the two into one case (KCS: one problem, one article), or make the difference clear in title and symptoms.",
    "warning",
)
MENTOR_OVERLOADED = _code(
    "KB704",
    "Mentor has more active mentees than the limit",
    "four active pairs with the same mentor (limit 3)",
    "Finish or stop a pair, or share the mentees with another veteran; the limit is `--max-mentees`.",
    "warning",
)
PAIR_WITHOUT_LOG = _code(
    "KB705",
    "Active mentoring pair without a log entry for 60 days",
    "last log entry in August, today is November",
    "Write what the pair did together under `log`, or mark the pair completed or stopped.",
    "warning",
)
OUTCOME_MISSING = _code(
    "KB702",
    "Completed mentoring without an outcome",
    "status: completed without outcome",
    "Write what the pair achieved under `outcome`.",
    "warning",
)

# Service-ticket exports (data/tickets/*.csv), reported at the row's line and the cell's column.
# KB9xx rather than KB8xx: the spreadsheet import (`kb import`) numbers its codes from KB801.
TICKETS_UNREADABLE = _code(
    "KB901",
    "Ticket export cannot be read",
    "tickets/export.xlsx, a CSV in neither UTF-8 nor GBK, or one over 50 MiB",
    "Export the tickets again as CSV (UTF-8 or GBK) with the header row first, and keep each file under 50 MiB "
    "(one per month or year).",
)
TICKETS_MISSING_COLUMN = _code(
    "KB902",
    "Ticket column or value missing",
    "an export without a 处理人 (engineer) column, or a row with an empty 工单号",
    "Export the column under one of the headers docs/records.md gives (English or Chinese), or fill in the cell.",
)
TICKETS_BAD_DATE = _code(
    "KB903",
    "Ticket date is not a date",
    "创建日期 2025-13-01, or 上周三",
    "Write the date as YYYY-MM-DD (YYYY/M/D and a time after the date are read too).",
)
TICKETS_UNKNOWN_ENGINEER = _code(
    "KB904",
    "Ticket names an unknown engineer",
    "处理人 张玮 where the person is 张伟",
    "Write the person's id or name as in data/people/, or add the person there (with `left` if they have left).",
)
# A warning, as KB906: the fix is in the ticket system, and the export must stay buildable meanwhile.
TICKETS_UNKNOWN_PRODUCT = _code(
    "KB905",
    "Ticket names an unknown product",
    "产品 HX-300",
    "Add the product (or the name the ticket system uses for it) to taxonomy.yml, or correct it in the "
    "ticket system; until then the ticket counts without a product.",
    "warning",
)
# A warning: historical tickets keep the ids of cases merged or removed since, and an export
# cannot be edited like a record. The link is left out of every figure.
TICKETS_UNKNOWN_CASE = _code(
    "KB906",
    "Ticket links an unknown case",
    "关联案例 20260412-hx200-pressure-dorp",
    "Correct the case id in the ticket system (the message suggests the nearest one) and export again; until "
    "then the link is not counted.",
    "warning",
)
TICKETS_DUPLICATE = _code(
    "KB907",
    "Ticket id used twice",
    "GD20250001 in tickets/2025.csv and again in tickets/2025-12.csv",
    "Keep each ticket in one export: remove the overlapping rows, or the file that repeats an earlier one.",
)
