"""How each language writes what is not a sentence: lists of values, award periods, months,
and what libraries and browsers call the language: key -> (Chinese, English).
"""

from __future__ import annotations

WRITING: dict[str, tuple[str, str]] = {
    # a list of values in a message (generator/messages.py, Listing): in Chinese every value is
    # a code span, so that ids never read as words of the text; English quotes only a choice
    "listing-item-and": ("`{item}`", "{item}"),
    "listing-item-or": ("`{item}`", "'{item}'"),  # as pydantic writes the allowed values of a field
    "listing-item-arrow": ("`{item}`", "{item}"),
    "listing-separator": ("、", ", "),
    "listing-last-or": (" 或 ", " or "),
    "listing-separator-arrow": (" → ", " → "),
    # an award's period in words (generator/periods.py)
    "period-year": ("{year} 年度", "{year}"),
    "period-half-1": ("{year} 年上半年", "H1 {year}"),
    "period-half-2": ("{year} 年下半年", "H2 {year}"),
    "period-quarter-1": ("{year} 年第一季度", "Q1 {year}"),
    "period-quarter-2": ("{year} 年第二季度", "Q2 {year}"),
    "period-quarter-3": ("{year} 年第三季度", "Q3 {year}"),
    "period-quarter-4": ("{year} 年第四季度", "Q4 {year}"),
    "period-month": ("{year} 年 {month} 月", "{month} {year}"),
    "month-1": ("1", "January"),
    "month-2": ("2", "February"),
    "month-3": ("3", "March"),
    "month-4": ("4", "April"),
    "month-5": ("5", "May"),
    "month-6": ("6", "June"),
    "month-7": ("7", "July"),
    "month-8": ("8", "August"),
    "month-9": ("9", "September"),
    "month-10": ("10", "October"),
    "month-11": ("11", "November"),
    "month-12": ("12", "December"),
    # a person with their team and title, as an announcement names a recipient (generator/honours.py)
    "recipient-details": ("{name}（{details}）", "{name} ({details})"),
    # what the libraries and the browser call the language
    "locale-babel": ("zh_CN", "en_GB"),  # dates and months (Babel)
    "locale-date-format": ("long", "d MMM y"),  # a day, in Babel's words
    "locale-tag": ("zh-CN", "en"),  # the feeds' and the web app manifest's language
}
