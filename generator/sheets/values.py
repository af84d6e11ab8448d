"""What a cell means for its field: names to ids, Chinese states to their ids, dates in the
forms people type, several values in one cell, numbers as numbers.

A value that cannot be read is passed on as written, so that validation names the
problem in its usual words; names that fit no record, or several, are reported here,
where the names are known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from generator import codes
from generator.messages import NOTHING, Text
from generator.messages import text as text_of
from generator.names import Names
from generator.page_labels import LABELS, field_label
from generator.sheets.columns import normalise
from generator.sheets.fields import NAMED_LATER, UNNAMED, Field
from generator.sheets.read import cell_text
from generator.validate.references import UNKNOWN

# 、 ， , ; ； and line breaks separate values; a space does not (product names hold spaces).
SEPARATORS = re.compile(r"[、，,;；\n]+")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(?:小时|个小时|h|hours?|学时)?$", re.IGNORECASE)
_LEVEL = re.compile(r"^(.*?)[\s:：=]*(\d+)\s*级?$")
# Stands in for a name that fits no record, so that the rest of the row is still checked;
# a row holding one is never written.
PLACEHOLDER = "not-found-{}"


@dataclass(frozen=True)
class Problem:
    code: codes.Code
    message: Text | str


@dataclass
class Reading:
    """A row's cells read for their fields, with what could not be read."""

    names: Names
    problems: list[Problem] = field(default_factory=list)
    placeholders: int = 0

    def value(self, spec: Field, raw: Any) -> Any:
        """The field's value from a cell, or None when the cell says nothing."""
        if spec.value == "levels":
            return self._levels(raw) or None
        if spec.many:
            items = [self._one(spec, item) for item in split(raw)]
            return [item for item in items if item is not None] or None
        return self._one(spec, raw)

    def _one(self, spec: Field, raw: Any) -> Any:
        if spec.value == "markdown":
            text = cell_text(raw).replace("\r\n", "\n")
            return text if text.strip() else None
        if spec.value == "date":
            return read_date(raw)
        if spec.value == "number":
            return read_number(raw)
        if spec.value == "yes-no":
            return self._yes_no(spec, raw)
        text = cell_text(raw).strip()
        if not text:
            return None
        if spec.value == "choice":
            return self._choice(spec, text)
        if spec.ref is not None and spec.ref not in NAMED_LATER | UNNAMED:
            return self.reference(spec.ref, text)
        return text

    def reference(self, kind: str, text: str) -> str:
        found = self.names.find(kind, text)
        if found.id is not None:
            return found.id
        code, key = UNKNOWN[kind]
        if found.ambiguous:
            candidates = ", ".join(self.names.described(kind, i) for i in found.ambiguous)
            words = text_of("sheet-ambiguous-name", text=text, noun=text_of(f"noun-{kind}"), candidates=candidates)
            self.problems.append(Problem(codes.AMBIGUOUS_NAME, words))
        else:
            near = " / ".join(self.names.described(kind, i) for i in found.near)
            hint = text_of("sheet-near-names", names=near) if near else NOTHING
            self.problems.append(Problem(code, text_of(key, id=text, hint=hint)))
        self.placeholders += 1
        return PLACEHOLDER.format(self.placeholders)

    def _yes_no(self, spec: Field, raw: Any) -> bool | None:
        if isinstance(raw, bool):  # a cell Excel holds as TRUE or FALSE
            return raw
        text = normalise(cell_text(raw))
        if not text:
            return None
        for answer, said in ((True, YES), (False, NO)):
            if text in said:
                return answer
        allowed = f"{LABELS['zh']['sheet_yes']}/{LABELS['zh']['sheet_no']} (yes/no)"
        self.problems.append(
            Problem(codes.NOT_ALLOWED_VALUE, text_of("sheet-not-a-choice", field=spec.name, text=text, allowed=allowed))
        )
        return None

    def _choice(self, spec: Field, text: str) -> str:
        wanted = normalise(text)
        for choice in spec.choices:
            labels = {normalise(field_label(spec.choice_key(choice), lang) or choice) for lang in LABELS}
            if wanted in {normalise(choice), *labels}:
                return choice
        allowed = ", ".join(f"{field_label(spec.choice_key(c), 'zh') or c} ({c})" for c in spec.choices)
        words = text_of("sheet-not-a-choice", field=spec.name, text=text, allowed=allowed)
        self.problems.append(Problem(codes.NOT_ALLOWED_VALUE, words))
        return text

    def _levels(self, raw: Any) -> dict[str, Any]:
        """`液压系统 4、数控系统 3` or `hydraulics: 4, cnc: 3` -> {skill id: level}."""
        levels: dict[str, Any] = {}
        for item in split(raw):
            match = _LEVEL.match(item)
            if not match or not match.group(1).strip():
                self.problems.append(Problem(codes.WRONG_TYPE, text_of("sheet-bad-skill-level", item=item)))
                continue
            levels[self.reference("skill", match.group(1).strip())] = int(match.group(2))
        return levels


YES = frozenset({"是", "yes", "y", "true", "1", "对"})
NO = frozenset({"否", "no", "n", "false", "0", "不"})


def split(raw: Any) -> list[str]:
    return [item.strip() for item in SEPARATORS.split(cell_text(raw).replace("\r\n", "\n")) if item.strip()]


def read_date(raw: Any) -> Any:
    """A real Excel date, or text such as 2026-04-12, 2026/4/12, 2026.4.12 or 2026年4月12日."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = cell_text(raw).strip()
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        return text  # validation says it is not a date, at this cell
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}"  # reported as not a real calendar date


def read_number(raw: Any) -> Any:
    """A number cell as it is; text such as `6.5` or `6.5 小时` as the number it says."""
    if isinstance(raw, bool):
        return cell_text(raw)
    if isinstance(raw, (int, float)):
        return whole(raw)
    text = cell_text(raw).strip()
    if not text:
        return None
    match = _NUMBER.match(text)
    return whole(float(match.group(1))) if match else text


def whole(number: int | float) -> int | float:
    """3.0 is written `3`, as a person would."""
    return int(number) if isinstance(number, float) and number.is_integer() else number
