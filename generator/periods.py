"""Award periods (`2026`, `2026-H2`, `2026-Q3`, `2026-09`): what they span, and in words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PERIOD = re.compile(r"^(?P<year>[0-9]{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")
QUARTER_NAMES = {"zh": "一二三四"}


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
        if language == "zh":
            if match["half"]:
                return f"{year} 年{'上' if match['half'] == '1' else '下'}半年"
            if match["quarter"]:
                return f"{year} 年第{QUARTER_NAMES['zh'][int(match['quarter']) - 1]}季度"
            if match["month"]:
                return f"{year} 年 {int(match['month'])} 月"
            return f"{year} 年度"
        if match["half"]:
            return f"H{match['half']} {year}"
        if match["quarter"]:
            return f"Q{match['quarter']} {year}"
        if match["month"]:
            return dt.date(int(year), int(match["month"]), 1).strftime("%B %Y")
        return year


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
