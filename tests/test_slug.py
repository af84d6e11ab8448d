from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.slug import NEW_ID_LENGTH, cut_at_word, is_id, slugify, title_slug


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


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("屏幕上的压力乱跳，可压力表是稳的", "ping-mu-shang-ya-li-luan-tiao-ke"),  # 的 dropped
        ("泵一会儿加载一会儿卸荷，压力忽高忽低", "beng-jia-zai-xie-he-ya-li-hu-gao"),  # 一会儿 dropped
        ("液压站报 AL-1021 油温高，一到下午就停机", "ye-ya-zhan-bao-al-1021-you-wen"),  # the alarm code kept
        ("系统升级以后屏幕隔几个小时就卡死不动", "xi-tong-sheng-ji-ping-mu-ge-ji"),  # 以后 dropped
        ("运行半小时后压力掉", "yun-xing-ban-xiao-shi-ya-li-diao"),  # 小时 is a word; the 后 after it is not
        ("按了夹紧按钮", "an-jia-jin-an-niu"),  # pinyin `an` is not the English `an`
        ("Spindle alarm after the power cut", "spindle-alarm-after-power-cut"),
    ],
)
def test_title_slug_keeps_the_words_that_say_what(title, slug):
    assert title_slug(title, 32) == slug


def test_a_title_of_fillers_only_still_gives_its_pinyin():
    assert title_slug("了") == "le"


@given(st.text(min_size=1, max_size=120), st.integers(min_value=1, max_value=NEW_ID_LENGTH))
def test_title_slugs_are_ids_within_the_limit(text, limit):
    slug = title_slug(text, limit)
    assert slug == "" or (is_id(slug) and len(slug) <= limit)


def test_cut_keeps_a_word_that_ends_at_the_limit():
    assert cut_at_word("ye-ya-zhan", 5) == "ye-ya"
    assert cut_at_word("ye-ya-zhan", 6) == "ye-ya"
    assert cut_at_word("yeyazhan", 4) == "yeya"
