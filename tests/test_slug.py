from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.slug import is_id, slugify


def test_chinese_becomes_pinyin():
    assert slugify("张伟") == "zhang-wei"
    assert slugify("HX-200 液压站压力掉") == "hx-200-ye-ya-zhan-ya-li-diao"


def test_long_titles_are_cut_at_a_word():
    slug = slugify("数控加工中心主轴报警无法复位客户停线" * 4, 30)
    assert len(slug) <= 30 and not slug.endswith("-")


@given(st.text(min_size=1, max_size=80))
def test_any_text_gives_an_id_or_nothing(text):
    slug = slugify(text)
    assert slug == "" or is_id(slug)
