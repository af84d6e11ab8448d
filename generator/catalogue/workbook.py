"""The words of the workbook `kb export` writes and `kb import` reads back: its sheets' titles,
and the headers of fields that the site shows no label for: key -> (Chinese, English).
"""

from __future__ import annotations

WORKBOOK: dict[str, tuple[str, str]] = {
    "workbook-header-id": ("编号", "ID"),
    "workbook-header-name": ("姓名", "Name"),
    "workbook-header-name-en": ("英文名", "Name (English)"),
    "workbook-title-case": ("案例", "Cases"),
    "workbook-title-person": ("人员", "People"),
    "workbook-title-session": ("培训场次", "Sessions"),
    "workbook-title-mentoring": ("传帮带", "Mentoring"),
    "workbook-title-path": ("培养路径", "Training paths"),
    "workbook-title-award": ("荣誉", "Honours"),
}
