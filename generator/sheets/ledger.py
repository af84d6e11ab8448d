"""What a team's 台账 (case log) leaves out, filled in the same way for every row: a title made
from the symptoms, a state (`kb import --state`), and for a case that needs one, an
environment that says what the row does tell (the equipment) and that the rest was not kept.

Nothing is made up: the title is the first clause of the symptoms as written, the
environment names only the row's products. A row without a resolution is imported as
`wip` (处理中), since a not-validated or validated case needs one; a row without a cause
stays without one (`cause` is optional).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.constants import IMPORTED_STATE
from generator.kinds.case import CASE_STATE_REQUIRES
from generator.messages import Listing, Text, text, words
from generator.sheets.columns import Columns

DEFAULT_STATE = IMPORTED_STATE
TITLE_LENGTH = 30  # characters: a title that reads at a glance in a list of results
# A clause ends at a full stop, a comma or a semicolon (full-width or not), or a line break.
CLAUSE_END = re.compile(r"[。，；,;\n]")
_LIST_MARK = re.compile(r"^\s*(?:[-*+#]+|\d{1,2}[.、)）])\s*")  # `1. `, `- `: Markdown, not words of the title
_CODE_CHARACTER = re.compile(r"[A-Za-z0-9_./-]")  # `AL-1021`, `0.02mm`, `E203`: never cut inside one
_TRAILING = " \t-_/.:：、（(【[“\"'‘"


@dataclass(frozen=True)
class Ledger:
    """How rows without a title, state or environment column are completed."""

    state: str  # for rows that say none
    language: str  # the site's: of the environment's words
    product_names: Mapping[str, str] = field(default_factory=dict)  # product id -> its name in that language


def title_from_symptoms(symptoms: str, length: int = TITLE_LENGTH) -> str:
    """The first clause of the symptoms, cut to `length` characters where no code or number is cut in two."""
    clauses = (_LIST_MARK.sub("", part).strip() for part in CLAUSE_END.split(symptoms))
    clause = " ".join(next((part for part in clauses if part), "").split())
    if len(clause) <= length:
        return clause
    cut = length
    while cut > 0 and _inside(clause, cut):
        cut -= 1
    if cut == 0:  # the clause starts with a code longer than a title: keep the code whole
        cut = length
        while cut < len(clause) and _inside(clause, cut):
            cut += 1
    return clause[:cut].rstrip(_TRAILING) or clause[:cut]


def _inside(clause: str, cut: int) -> bool:
    """True when cutting before `clause[cut]` splits a code, a number or a character from its accent."""
    if unicodedata.combining(clause[cut]) or unicodedata.category(clause[cut]) == "Mn":
        return True
    return bool(_CODE_CHARACTER.match(clause[cut - 1]) and _CODE_CHARACTER.match(clause[cut]))


def complete_case(record: dict[str, Any], columns: Columns, ledger: Ledger) -> dict[str, Text]:
    """Fill what the sheet has no column (or, for the state, no value) for; what was made, by field
    (a record that exists keeps its own value of a made field when it is updated)."""
    made: dict[str, Text] = {}
    symptoms = record.get("symptoms")
    if "title" not in record and columns.made_from("title") is not None and isinstance(symptoms, str):
        record["title"] = title_from_symptoms(symptoms)
        made["title"] = text("sheet-made-title", title=record["title"])
    if "state" in record:
        return made
    state = ledger.state
    needs = CASE_STATE_REQUIRES.get(state, ())
    # The environment is made only where the sheet has no column for it: an empty cell of an
    # environment column is a gap in what the team wrote, and the row waits as `wip`.
    can_make = columns.column_of("environment") is None and bool(record.get("products"))
    lacking = [
        name
        for name in needs
        if name != "validated_by" and not record.get(name) and not (name == "environment" and can_make)
    ]
    made["state"] = text("sheet-made-state", state=state)
    if lacking:
        state = "wip"
        made["state"] = text("sheet-made-wip", state=ledger.state, fields=Listing(tuple(lacking)))
    elif "environment" in needs and not record.get("environment") and can_make:
        record["environment"] = _environment(record["products"], ledger)
        made["environment"] = text("sheet-made-environment-note")
    record["state"] = state
    return made


def _environment(products: list[str], ledger: Ledger) -> str:
    names = [ledger.product_names.get(product, product) for product in products]
    separator = words("listing-separator", ledger.language)
    return text("sheet-made-environment", products=separator.join(names)).render(ledger.language)
