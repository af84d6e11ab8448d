"""Pinyin in search: a title's sound tokens, the syllables a pinyin word cuts into, the
characters' readings and the site's words the query side is given."""

from __future__ import annotations

import json
import time
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from generator.search.pinyin import (
    CODE_SYMBOLS,
    SOUND_PREFIX,
    character_table,
    code,
    code_rows,
    common_characters,
    cuts,
    first_reading,
    initial_symbols,
    sound_copy,
    sound_token,
    syllables,
    word_codes,
)
from generator.search.vocabulary import as_json, chars_data, packed, words_data

VOWELS = set("aeiouy")


def test_a_title_sounds_as_its_pairs_of_syllables_in_order():
    tokens = sound_copy("反向间隙大").split()
    assert tokens == [sound_token(a, b) for a, b in [("fan", "xiang"), ("xiang", "jian"), ("jian", "xi"), ("xi", "da")]]


def test_a_token_is_no_english_word_and_nothing_the_stemmer_shortens():
    """No vowel: the English stemmer changes no such word, and none is an English word."""
    assert not VOWELS & set(CODE_SYMBOLS) and not VOWELS & set(SOUND_PREFIX)
    for word in sound_copy("冷库机组相序保护不启动，银行卡").split():
        assert word == ";" or (word.startswith(SOUND_PREFIX) and not VOWELS & set(word) and len(word) == 6)


def test_stretches_of_a_title_stay_apart():
    """A phrase of sound tokens never runs across punctuation, a code or a letter."""
    copy = sound_copy("螺杆机报 AL1105 油压差低，机头跳停")
    assert copy.count(" ; ") == 2
    assert sound_token("bao", "you") not in copy and sound_token("di", "ji") not in copy


def test_a_character_is_read_in_context_and_alone():
    """银行 in context is yin hang; the query side, reading one character at a time, says yin xing."""
    tokens = sound_copy("银行").split()
    assert tokens[0] == sound_token("yin", "hang")
    assert sound_token("yin", "xing") in tokens
    assert sound_copy("行程开关") == " ".join(
        sound_token(a, b) for a, b in [("xing", "cheng"), ("cheng", "kai"), ("kai", "guan")]
    )


def test_a_word_of_letters_cuts_into_syllables_fewest_first():
    assert cuts("fanxiangjianxi")[0] == ("fan", "xiang", "jian", "xi")
    assert cuts("xian") == [("xian",), ("xi", "an")]
    assert cuts("fangan")[:2] == [("fang", "an"), ("fan", "gan")]
    assert cuts("lve")[0] == ("lve",)  # ü typed as v
    assert cuts("bearing") == [] and cuts("zzxj") == []


def test_cutting_stays_fast_however_many_ways_a_word_cuts():
    started = time.perf_counter()
    found = cuts("xian" * 40)
    assert time.perf_counter() - started < 2 and len(found) == 3 and found[0] == ("xian",) * 40


def test_interjections_are_no_syllables():
    """嗯 n, 呣 m, 哼 hng: with them `han` would also cut as ha n."""
    assert not {"m", "n", "ng", "hng"} & set(syllables())
    assert cuts("han") == [("han",)]


def test_every_syllable_has_its_own_code_of_two_symbols():
    codes = [code([syllable]) for syllable in syllables()]
    assert len(set(codes)) == len(codes) and all(len(one) == 2 for one in codes)
    assert sorted(syllable for row in code_rows().values() for syllable in row) == sorted(syllables())


def test_a_titles_initials_are_the_start_of_its_sound_tokens():
    """相序保护 is xiang xu bao hu: its tokens start with the prefix and the symbols of x x, x b, b h;
    zh, ch and sh are typed by their first letter."""
    first = initial_symbols()
    tokens = sound_copy("相序保护").split()
    assert [token[: len(SOUND_PREFIX) + 2] for token in tokens] == [
        SOUND_PREFIX + first[a] + first[b] for a, b in ["xx", "xb", "bh"]
    ]
    assert sound_copy("主轴").startswith(SOUND_PREFIX + first["z"] + first["z"])
    assert sound_copy("安装").startswith(SOUND_PREFIX + first["a"] + first["z"])
    # a letter's common syllables share its symbol; the rarest of z, c and s have one of their own
    assert code(["zhong"])[0] == code(["zi"])[0] == first["z"] and code(["zhei"])[0] != first["z"]
    assert set(first.values()) <= set(CODE_SYMBOLS)


def test_the_readings_table_has_the_common_characters_and_the_sites_own():
    table = character_table(["㐀"])  # a rare character of a site's words
    reading = {char: syllable for syllable, chars in table.items() for char in chars}
    assert reading["蹦"] == "beng" and reading["伐"] == "fa" and reading["长"] == first_reading("长")
    assert all(char in reading for char in common_characters()[:3755])
    assert "㐀" in reading


def test_the_site_words_file_has_each_chinese_run_once_with_its_readings():
    data = words_data(["四通阀", "FM12 四通阀", "银行", "压"], ())
    assert data["words"] == [["四通阀", code(["si", "tong", "fa"])], ["银行", *word_codes("银行")]]
    assert len(data["words"][1]) == 3  # yin hang, and yin xing as the query side reads it
    assert data["rows"] == {first: ",".join(row) for first, row in code_rows().items()} and data["groups"] == []
    assert data["initials"]["x"] == code(["xiang"])[0]
    assert json.loads(as_json(data)) == data


def test_the_readings_file_is_small_and_the_same_for_the_same_data():
    """It is loaded by a query with a homophone typo, on top of the index's own files."""
    assert len(packed(chars_data(["冷库"]))) < 11_000
    assert packed(chars_data(["冷库"])) == packed(chars_data(["冷库"]))


chinese = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=12)


@given(chinese)
def test_any_chinese_title_that_can_be_read_has_sound_tokens_and_nothing_else(title):
    words = sound_copy(title).split()
    readable = [first_reading(char) is not None for char in title]
    if any(a and b for a, b in pairwise(readable)):
        assert words
    assert all(word == ";" or (word.startswith(SOUND_PREFIX) and len(word) == 6) for word in words)
