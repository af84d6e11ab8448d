"""What the query side (assets/kb-search.js) is told about the index, in the head of every page."""

from __future__ import annotations

from generator.kinds import SEARCH_FIELDS, SEARCHED_KINDS, URL_FOLDERS
from generator.render.labels import Labels
from generator.search.fields import (
    CODE_PAGE_WORD,
    EVERY_PAGE,
    FIELD_ANCHOR,
    ORDER_ANCHOR,
    STATE_ORDER,
    STATE_WORDS,
    TITLE_WEIGHT,
)


def client_settings(language: str, search_log: str | None) -> dict:
    """What assets/kb-search.js reads from the page: field labels and weights, the states best
    first with the word of each, the code pages' word, kind labels, and where to log searches (None: not at all)."""
    t = Labels(language)
    return {
        "fields": {
            name: {"label": t[key] if key else "", "weight": weight} for name, (key, weight) in SEARCH_FIELDS.items()
        },
        "states": [t[state] for state in STATE_ORDER],
        "kinds": {URL_FOLDERS[kind]: t[f"kind_{kind}"] for kind in SEARCHED_KINDS},
        "state_words": [STATE_WORDS[state] for state in STATE_ORDER],
        "code_word": CODE_PAGE_WORD,
        "order_anchor": ORDER_ANCHOR,
        "every": EVERY_PAGE,
        "title_weight": TITLE_WEIGHT,
        "anchor": FIELD_ANCHOR,
        "log": search_log,
    }
