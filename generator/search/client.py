"""What the query side (assets/kb-search.js) is told about the index, in the head of every page."""

from __future__ import annotations

from generator.kinds import RECORD_FOLDERS
from generator.render.labels import Labels
from generator.search.fields import EVERY_PAGE, FIELDS, ORDER_SORT, SEARCHED_KINDS, STATE_ORDER, TITLE_WEIGHT


def client_settings(language: str, search_log: str | None) -> dict:
    """What assets/kb-search.js reads from the page: field labels and weights, the states
    best first, kind labels, and where to log searches (None: not at all)."""
    t = Labels(language)
    return {
        "fields": {name: {"label": t[key] if key else "", "weight": weight} for name, (key, weight) in FIELDS.items()},
        "states": [t[state] for state in STATE_ORDER],
        "kinds": {RECORD_FOLDERS[kind]: t[f"kind_{kind}"] for kind in SEARCHED_KINDS},
        "order": ORDER_SORT,
        "every": EVERY_PAGE,
        "title_weight": TITLE_WEIGHT,
        "log": search_log,
    }
