"""The pinyin table of new ids: drawn from pypinyin, read the way pypinyin reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from generator.pinyin import READ_RANGES, readings


def test_every_character_reads_as_pypinyin_reads_it_alone():
    table = readings()
    for first, last in READ_RANGES:
        for code in range(first, last + 1, 7):  # every seventh: the whole table takes a minute
            character = chr(code)
            expected = lazy_pinyin(character, style=Style.NORMAL)[0]
            assert table.characters.get(character, character) == expected, character


def test_a_phrase_reads_as_pypinyin_reads_it():
    table = readings()
    assert table.words("重启") == ["chong", "qi"]
    assert table.words("重量") == ["zhong", "liang"]
    assert table.words("长度调试") == ["chang", "du", "tiao", "shi"]
    for phrase in list(table.phrases)[::50]:
        assert table.words(phrase) == lazy_pinyin(phrase, style=Style.NORMAL), phrase


def test_other_characters_stay_as_they_are_between_the_syllables():
    assert readings().words("HX-200 液压站报 E203！") == ["HX-200 ", "ye", "ya", "zhan", "bao", " E203！"]


@given(
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80) | st.sampled_from(" -A1"), max_size=30)
)
def test_every_chinese_character_gives_one_syllable_and_the_rest_stays_in_order(text):
    table = readings()
    words = table.words(text)
    syllables = [word for word in words if word.isalpha() and word.islower()]
    assert len(syllables) == sum(1 for character in text if character in table.characters)
    others = "".join(word for word in words if word not in syllables)
    assert others == "".join(character for character in text if character not in table.characters)


def test_the_browsers_table_holds_the_same_readings():
    told = readings().as_json()
    characters = {character: reading for reading, written in told["characters"].items() for character in written}
    assert characters == readings().characters
    assert {phrase: tuple(read.split(" ")) for phrase, read in told["phrases"].items()} == readings().phrases
    assert told["longest"] == max(len(phrase) for phrase in readings().phrases)
