"""The words of the workbook `kb export` writes and `kb import` reads back: the headers of
fields that the site shows no label for: key -> (Chinese, English). Each sheet's title
(`workbook-title-<kind>`) is its kind's own words (generator/kinds/).
"""

from __future__ import annotations

WORKBOOK: dict[str, tuple[str, str]] = {
    "workbook-header-id": ("编号", "ID"),
    "workbook-header-name": ("姓名", "Name"),
    "workbook-header-name-en": ("英文名", "Name (English)"),
}
