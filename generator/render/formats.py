"""Dates, periods and numbers in the site's locale: one format for each, per language."""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import format_date, format_skeleton

from generator.messages import words
from generator.periods import parse_period


class Formats:
    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = words("locale-babel", language)
        self.date_format = words("locale-date-format", language)

    def date(self, day: dt.date | None) -> str:
        return _date(day, self.date_format, self.locale) if day else ""

    def month(self, year: int, month: int) -> str:
        return _month(year, month, self.locale)

    def period(self, text: str) -> str:
        """An award's period in words: `2026-Q3` is 2026 年第三季度 or Q3 2026."""
        period = parse_period(text)
        return period.describe(self.language) if period else text

    def number(self, value: float | int | None) -> str:
        if value is None:
            return ""
        return f"{value:g}" if isinstance(value, float) else str(value)


@cache
def _date(day: dt.date, date_format: str, locale: str) -> str:
    return format_date(day, date_format, locale=locale)


@cache
def _month(year: int, month: int, locale: str) -> str:
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale)
