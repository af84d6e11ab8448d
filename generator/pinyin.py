"""Pinyin for the ids of new records, by a rule the browser can follow too.

pypinyin reads a character by the phrase it stands in (重启 chong-qi, 重量 zhong-liang),
cutting a text into the longest phrases of its dictionary. The capture page on a phone
(generator/offline/capture.py) has to make the same case id offline, and cannot carry
pypinyin, so ids are made from a table drawn from pypinyin's: every character's own reading,
and the phrases whose reading differs from their characters' own (some 3,400). A text is read
left to right, taking at each Chinese character the longest such phrase that starts there,
else the character's own reading. The same table goes to the browser as JSON and the same
few lines read it there (assets/kb-capture.js), so that both make the same id by
construction; tests/browser/test_capture.py checks that they agree on many titles.

Characters outside the basic block and extension A (U+3400–U+9FFF) have no reading here:
an id passes over them as over punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.style import convert

READ_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@dataclass(frozen=True)
class Readings:
    characters: dict[str, str]  # 压 -> ya
    phrases: dict[str, tuple[str, ...]]  # 重启 -> (chong, qi): only where it differs from the characters'
    longest: int  # characters in the longest phrase

    def words(self, text: str) -> list[str]:
        """The text as pinyin syllables, each run of other characters kept as one word."""
        words: list[str] = []
        other = ""
        index = 0
        while index < len(text):
            if text[index] not in self.characters:
                other += text[index]
                index += 1
                continue
            if other:
                words.append(other)
                other = ""
            read = self._phrase_at(text, index)
            words.extend(read)
            index += len(read)
        if other:
            words.append(other)
        return words

    def _phrase_at(self, text: str, index: int) -> tuple[str, ...]:
        for length in range(min(self.longest, len(text) - index), 1, -1):
            found = self.phrases.get(text[index : index + length])
            if found is not None:
                return found
        return (self.characters[text[index]],)

    def as_json(self) -> dict:
        """The table for the browser: characters grouped by reading, phrases with their syllables."""
        grouped: dict[str, str] = {}
        for character, reading in self.characters.items():
            grouped[reading] = grouped.get(reading, "") + character
        return {
            "characters": dict(sorted(grouped.items())),
            "phrases": {phrase: " ".join(read) for phrase, read in sorted(self.phrases.items())},
            "longest": self.longest,
        }


@cache
def readings() -> Readings:
    """The table, drawn from the installed pypinyin's dictionaries once per process: each
    character's first reading and each phrase's, in pypinyin's NORMAL style (as lazy_pinyin
    gives them; tests/test_pinyin.py holds the two to each other)."""
    marked: dict[str, str] = {}  # with tone marks, as the dictionaries write them
    for first, last in READ_RANGES:
        for code in range(first, last + 1):
            found = PINYIN_DICT.get(code)
            if found:
                marked[chr(code)] = found.split(",")[0]
    characters = {character: _plain(reading) for character, reading in marked.items()}
    phrases: dict[str, tuple[str, ...]] = {}
    for phrase, spoken in PHRASES_DICT.items():
        if len(phrase) < 2 or len(spoken) != len(phrase) or not all(character in marked for character in phrase):
            continue
        if all(syllable[0] == marked[character] for syllable, character in zip(spoken, phrase, strict=True)):
            continue  # read as its characters are (most phrases): nothing to convert
        plain = tuple(_plain(syllable[0]) for syllable in spoken)
        if plain != tuple(characters[character] for character in phrase):
            phrases[phrase] = plain
    return Readings(characters, phrases, max((len(phrase) for phrase in phrases), default=1))


def _plain(reading: str) -> str:
    return convert(reading, Style.NORMAL, strict=True)
