"""The message catalogue: one set of keys, each with the same placeholders in Chinese and English."""

from __future__ import annotations

import re
import string

import pytest

from generator.catalogue import AREAS
from generator.codes import CODES
from generator.messages import MESSAGES, NOTHING, Listing, Text, text
from tests.conftest import english_words

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_WRITING = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")  # characters or full-width punctuation


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_has_a_chinese_and_an_english_text_with_the_same_placeholders():
    for key, entry in MESSAGES.items():
        assert isinstance(entry, tuple) and len(entry) == 2, key
        chinese, english = entry
        assert placeholders(chinese) == placeholders(english), key
        if key:
            assert chinese and english, key


# Entries with no words of their own: a name, a value, a code span.
NO_WORDS = {
    "",
    "shape-word-id",
    "file-family-pdf",
    "value-other",
    "privacy-field",
    "stage-mkdocs-build",
    "character-bare",
    "encoding-named",
}


def test_the_chinese_is_chinese_and_the_english_is_not():
    same = {key for key, (chinese, english) in MESSAGES.items() if chinese == english}
    assert same <= NO_WORDS, same
    for key, (chinese, english) in MESSAGES.items():
        if key not in NO_WORDS:
            assert CHINESE_WRITING.search(chinese), key
        assert not CJK.search(english.replace("：", "")) or key == "yaml-full-width-colon", key


def test_no_chinese_text_leaves_english_words_outside_code_spans():
    for key, (chinese, _) in MESSAGES.items():
        words = chinese.format(**{name: "" for name in placeholders(chinese)})
        assert not english_words(words), (key, chinese)


def test_keys_are_kebab_case_and_each_area_adds_its_own():
    assert all(KEY.match(key) for key in MESSAGES if key), [k for k in MESSAGES if k and not KEY.match(k)]
    keys = [key for area in AREAS for key in area]
    assert len(keys) == len(set(keys)), "a key is defined in two areas"
    assert set(keys) <= set(MESSAGES)


def test_every_template_renders_in_both_languages():
    for key, (chinese, _) in MESSAGES.items():
        args = {name: "x" for name in placeholders(chinese)}
        words = text(key, **args)
        assert (words.render("zh") and words.render("en")) or key == "", key


def test_hints_render_in_the_language_of_the_message():
    words = text("ref-unknown-skill", id="hydralics", hint=text("hint-did-you-mean", name="hydraulics"))
    assert words.render("zh") == "未知的技能 `hydralics`；是不是 `hydraulics`？"
    assert words.render("en") == "unknown skill `hydralics`; did you mean `hydraulics`?"
    assert text("ref-unknown-skill", id="x", hint=NOTHING).render("en") == "unknown skill `x`"


@pytest.mark.parametrize(
    ("joiner", "zh", "en"),
    [
        ("or", "`wip`、`validated` 或 `archived`", "'wip', 'validated' or 'archived'"),
        ("and", "`api`、`index`", "api, index"),
        ("arrow", "`a` → `b` → `a`", "a → b → a"),
    ],
)
def test_a_listing_is_joined_as_each_language_writes_a_list(joiner, zh, en):
    items = {"or": ("wip", "validated", "archived"), "and": ("api", "index"), "arrow": ("a", "b", "a")}[joiner]
    assert Listing(items, joiner).render("zh") == zh
    assert Listing(items, joiner).render("en") == en


def test_plain_words_stay_as_they_are():
    assert Text("written elsewhere").render("zh") == "written elsewhere"


def test_every_code_has_its_title_example_and_fix_in_both_languages():
    for code in CODES.values():
        chinese, english = code.in_language("zh"), code.in_language("en")
        assert CJK.search(chinese.title) and CJK.search(chinese.fix), code.code
        assert not CJK.search(english.title + english.fix), code.code
        assert chinese.example and english.example, code.code
