"""What the query side (assets/kb-search.js) is told about the index, in the head of every page."""

from __future__ import annotations

from generator.kinds import SEARCH_FIELDS, SEARCH_MARKS, SEARCHED_KINDS, URL_FOLDERS
from generator.render.labels import Labels
from generator.search.fields import (
    CODE_PAGE_WORD,
    EVERY_PAGE,
    MARK,
    NO_TITLE,
    ORDER_SYMBOLS,
    STATE_ORDER,
    STATE_WORDS,
    TITLE_WEIGHT,
)
from generator.search.vocabulary import CHARS_FILE, WORDS_FILE


def client_settings(language: str, search_log: str | None, glossary: bool = False) -> dict:
    """What assets/kb-search.js reads from the page: field labels and weights, the states best
    first with the word of each, the code pages' word, kind labels, where to log searches (None:
    not at all), the files of the site's words and the characters' readings, and whether there
    is a glossary (every query then reads the words' file, generator/search/vocabulary.py)."""
    t = Labels(language)
    return {
        "fields": {
            name: {"label": t[key] if key else "", "weight": weight} for name, (key, weight) in SEARCH_FIELDS.items()
        },
        "states": [t[state] for state in STATE_ORDER],
        "kinds": {URL_FOLDERS[kind]: t[f"kind_{kind}"] for kind in SEARCHED_KINDS},
        "state_words": [STATE_WORDS[state] for state in STATE_ORDER],
        "code_word": CODE_PAGE_WORD,
        "order": ORDER_SYMBOLS,
        "every": EVERY_PAGE,
        "title_weight": TITLE_WEIGHT,
        "mark": MARK,
        "marks": "".join(mark.removeprefix(MARK) for mark in SEARCH_MARKS.values()),
        "marked": list(SEARCH_MARKS),
        "no_title": NO_TITLE,
        "log": search_log,
        "words": WORDS_FILE,
        "chars": CHARS_FILE,
        "glossary": glossary,
    }
