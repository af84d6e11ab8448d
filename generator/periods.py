"""Periods (`2026`, `2026-H2`, `2026-Q3`, `2026-09`) of awards and goals: what they span, the
period before, and in words."""

from __future__ import annotations

import datetime as dt
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

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.first[0], self.first[1], 1)

    @property
    def last_day(self) -> dt.date:
        year, month = self.last
        following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        return following - dt.timedelta(days=1)

    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def previous(self) -> Period:
        """The period of the same length just before: 2026-Q1 before 2026-Q2, 2025-H2 before 2026-H1."""
        match = PERIOD.match(self.text)
        assert match is not None
        year = int(match["year"])
        if match["half"]:
            return _parsed(f"{year - 1}-H2" if match["half"] == "1" else f"{year}-H1")
        if match["quarter"]:
            quarter = int(match["quarter"])
            return _parsed(f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4")
        if match["month"]:
            month = int(match["month"])
            return _parsed(f"{year}-{month - 1:02d}" if month > 1 else f"{year - 1}-12")
        return _parsed(str(year - 1))

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


def _parsed(text: str) -> Period:
    period = parse_period(text)
    assert period is not None
    return period


def period_of(kind_of: Period, day: dt.date) -> Period:
    """The period of the same kind as `kind_of` (a year, half, quarter or month) that holds `day`."""
    match = PERIOD.match(kind_of.text)
    assert match is not None
    if match["half"]:
        return _parsed(f"{day.year}-H{1 if day.month <= 6 else 2}")
    if match["quarter"]:
        return _parsed(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    if match["month"]:
        return _parsed(f"{day.year}-{day.month:02d}")
    return _parsed(str(day.year))
