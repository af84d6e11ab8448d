"""The index's metadata fields, their weights, and the other names the page and the query side share.

Each text field of a record is a Pagefind metadata field of its own (see
generator/render/search_data.py), so a result says which fields matched before its
data is loaded. Their weights are Pagefind's `ranking.metaWeights`: what people
type first (aka words, tags, symptoms) weighs most, then the names of products and
skills, then the environment, cause and resolution. The page body is the title's
copy, weighed with `data-pagefind-weight`.
"""

from __future__ import annotations

from generator.shapes import CASE_STATES

# Metadata field -> (label key of the field, weight). A metadata match adds weight × the
# term's IDF to the page's score; the title, the page body, scores about 2 × IDF at
# TITLE_WEIGHT (BM25 saturates there). So: title, then aka words, tags and symptoms, then
# products and skills, then cause, environment and resolution.
FIELDS: dict[str, tuple[str, float]] = {
    "title": ("title", 1.0),  # the title as shown: its Latin words are metadata words too
    "kb_aka": ("aka", 1.5),
    "kb_tags": ("tags", 1.2),
    "kb_symptoms": ("symptoms", 1.2),
    "kb_products": ("products", 0.8),
    "kb_skills": ("skills", 0.8),
    "kb_cause": ("cause", 0.4),
    "kb_environment": ("environment", 0.3),
    "kb_resolution": ("resolution", 0.3),
    "kb_summary": ("summary", 0.5),
    "kb_steps": ("steps", 0.5),
    "kb_citation": ("citation", 0.5),
    "kb_log": ("log", 0.4),
    "kb_outcome": ("outcome", 0.4),
    "kb_team": ("team", 0.5),
    "kb_text": ("", 0.5),  # a hand-written page's text
}
TITLE_WEIGHT = 10.0  # data-pagefind-weight of the page body, the title's copy
ORDER_SORT = "kb_order"  # a case's reuse, then its date: what breaks ties between equal matches
# A word in the body of every indexed page, never typed and no token's prefix: searching it
# finds every page by loading one index chunk, where Pagefind's search for no words at all
# loads the whole index. The filters and the sort of all pages are read through it.
EVERY_PAGE = "qz0"
SEARCH_LOG = "assets/kb-search-log.txt"  # an empty file of the site, asked for with each search when logging
# Between equal matches validated cases come first and archived ones last (CASE_STATES is
# the order of the workflow).
STATE_ORDER = ("validated", "not-validated", "wip", "archived")
assert sorted(STATE_ORDER) == sorted(CASE_STATES)
# The kinds of record that search finds; a result's badge names its kind by its URL folder.
SEARCHED_KINDS = ("case", "person", "session", "path", "award", "mentoring")
