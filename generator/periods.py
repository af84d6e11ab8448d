"""Award periods (`2026`, `2026-H2`, `2026-Q3`, `2026-09`): what they span, and in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.messages import words

PERIOD = re.compile(r"^(?P<year>[0-9]{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class Period:
    text: str
    first: tuple[int, int]  # (year, month)
    last: tuple[int, int]

    def contains(self, other: Period) -> bool:
        return self.first <= other.first and other.last <= self.last

    def describe(self, language: str) -> str:
        match = PERIOD.match(self.text)
        assert match is not None
        year = match["year"]
        if match["half"]:
            return words(f"period-half-{match['half']}", language).format(year=year)
        if match["quarter"]:
            return words(f"period-quarter-{match['quarter']}", language).format(year=year)
        if match["month"]:
            month = words(f"month-{int(match['month'])}", language)
            return words("period-month", language).format(year=year, month=month)
        return words("period-year", language).format(year=year)


def parse_period(text: str) -> Period | None:
    match = PERIOD.match(text.strip())
    if match is None:
        return None
    year = int(match["year"])
    if match["half"]:
        start = 1 if match["half"] == "1" else 7
        return Period(match.group(0), (year, start), (year, start + 5))
    if match["quarter"]:
        start = 3 * (int(match["quarter"]) - 1) + 1
        return Period(match.group(0), (year, start), (year, start + 2))
    if match["month"]:
        return Period(match.group(0), (year, int(match["month"])), (year, int(match["month"])))
    return Period(match.group(0), (year, 1), (year, 12))
