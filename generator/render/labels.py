"""Generated labels in the site's language: Chinese by default, English by the `language` setting.

The words are entries of the one catalogue (generator/catalogue/labels.py); `Labels` reads
them for templates, and a key that is not in the catalogue is an error, not its own name.
"""

from __future__ import annotations

from typing import Any

from generator.messages import UnknownKey, words
from generator.page_labels import LABELS  # each language's page labels as one mapping (translate_label)


def taxonomy_name(entry: Any, language: str) -> str:
    """A product, skill, team or award kind by its name in the site's language: an English
    site shows `name_en` wherever the taxonomy gives one."""
    return entry.name_en if language == "en" and entry.name_en else entry.name


def translate_label(text: str, language: str) -> str:
    """A label written in Chinese (e.g. a nav section in mkdocs.yml) in the site's language."""
    for key, chinese in LABELS["zh"].items():
        if chinese == text:
            return LABELS[language][key]
    return text


class Labels:
    """`t.symptoms` or `t["not-validated"]`: the label in the site's language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):  # Python's own protocols (copy, pickle) ask for these
            raise AttributeError(key)
        try:
            return self[key]
        except UnknownKey:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> str:
        return words(key, self.language)
