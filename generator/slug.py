"""Readable ASCII ids from titles and names, Chinese included (via pinyin).

Names (people, and names matched to ids) are read by pypinyin itself; the ids `kb new` and
`kb import` make from titles are read by the table of generator/pinyin.py, which the capture
page on a phone reads too, so that both make the same id.
"""

from __future__ import annotations

import re
from functools import cache

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # every id of every record: lower-case ASCII words and single hyphens
MAX_ID_LENGTH = 64  # what the record format allows
NEW_ID_LENGTH = 40  # what `kb new` makes: short enough to read in a URL, a file list and a message
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ID = re.compile(ID_PATTERN)

# Words of a Chinese title that carry no meaning in an id: particles, "always", "a while",
# "after"... Dropping them leaves room within NEW_ID_LENGTH for the words that say what
# the problem is (屏幕上的压力乱跳 -> ping-mu-shang-ya-li-luan-tiao, not ...-de-...).
_FILLERS = (
    "一会儿|会儿|时不时|的时候|时候|以后|之后|一直|一下|一点|一阵子|老是|总是|明明|突然|特别|自己|那边|这边|"
    "就是|还是|可是|但是|什么|怎么|[的了着吗呢吧啊呀就都也还又很才一后时与和及个]"
)
# Words that contain a filler character but mean something: kept whole (tried first).
_KEPT = "小时|时间|超时|定时|及时|同时|后面|后台|售后|前后|第一|一样|统一|一致|唯一|个人|着火|了解|还原"
WORDS_TO_DROP = re.compile(f"(?P<kept>{_KEPT})|{_FILLERS}")
# English ones are dropped from the title before pinyin: `an` is also the pinyin of 按 and 安.
ENGLISH_FILLERS = re.compile(r"\b(an|the|of|and|to|is|are|was|were|with|for)\b", re.IGNORECASE | re.ASCII)


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """`HX-200 液压站压力掉` -> `hx-200-ye-ya-zhan-ya-li-diao`, cut at a word boundary."""
    from pypinyin import (
        Style,
        lazy_pinyin,
    )  # here: its tables take a third of a second to import, and `kb validate` never reads them

    words = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    slug = _NOT_SLUG.sub("-", "-".join(words).lower()).strip("-")
    return cut_at_word(slug, max_length)


def title_slug(text: str, max_length: int = NEW_ID_LENGTH) -> str:
    """The meaningful words of a title as an id part: `液压站报 AL-1021 油温高，一到下午就停机`
    -> `ye-ya-zhan-bao-al-1021-you-wen-gao`, without fillers, cut at a word boundary."""
    meaningful = WORDS_TO_DROP.sub(lambda match: match["kept"] or " ", text)
    meaningful = ENGLISH_FILLERS.sub(" ", meaningful)
    return read_slug(meaningful, max_length) or read_slug(text, max_length)


def read_slug(text: str, max_length: int) -> str:
    """`text` as an id part, its Chinese read by the table the capture page reads too."""
    from generator.pinyin import readings  # imports pypinyin's tables: only when an id is made

    slug = _NOT_SLUG.sub("-", "-".join(readings().words(text)).lower()).strip("-")
    return cut_at_word(slug, max_length)


def cut_at_word(slug: str, max_length: int) -> str:
    """`slug` shortened to at most `max_length` at a hyphen, never ending in one."""
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]  # a hyphen just after the limit is a word boundary too
    return head.rsplit("-", 1)[0] if "-" in head else slug[:max_length]


def javascript_pattern(pattern: re.Pattern) -> dict[str, str]:
    """A pattern above as the capture page reads it (generator/offline/capture.py): the same
    source, its named group written as JavaScript writes one, and its flags."""
    flags = "g" + ("i" if pattern.flags & re.IGNORECASE else "")
    return {"source": pattern.pattern.replace("(?P<", "(?<"), "flags": flags}


def is_id(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and bool(_ID.match(text))


@cache  # names repeat on every page that lists people
def pinyin_key(text: str) -> tuple[str, str]:
    """Sort key that orders Chinese names as a Chinese reader expects (by pinyin)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE3)).lower(), text
