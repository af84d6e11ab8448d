"""Readable ASCII ids from titles and names, Chinese included (via pinyin)."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from generator.shapes import ID_PATTERN

MAX_ID_LENGTH = 64
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ID = re.compile(ID_PATTERN)


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """`HX-200 液压站压力掉` -> `hx-200-ye-ya-zhan-ya-li-diao`, cut at a word boundary."""
    words = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    slug = _NOT_SLUG.sub("-", "-".join(words).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


def is_id(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and bool(_ID.match(text))
