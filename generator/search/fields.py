"""The index's fields, their weights, and the other names the page and the query side share.

A record page gives Pagefind, as its body, a search copy of each text field in a block
of its own (see generator/render/search_data.py): an empty element with the field's id
marks where the block starts, so the excerpt is read back from the field that matched,
and the block's `data-pagefind-weight` is the field's weight in Pagefind's ranking. What
people type first weighs most: the title, aka words, tags and symptoms; then the names of
products and skills; then the cause, environment and resolution.

(Each field was a Pagefind metadata field at first, which also says which field matched
before a page's data is loaded; but Pagefind's memory for metadata words at 10,000 cases
was some 230 MB above the same words as body text, and above the old index.)
"""

from __future__ import annotations

from generator.vocabulary import CASE_STATES

# Field -> (label key, data-pagefind-weight of its block): each kind declares the fields its
# pages give (generator/kinds/, `Search`); the table of all of them is generator.kinds.SEARCH_FIELDS.
# What people type first weighs most: a case's title, aka words, tags and symptoms.
TEXT_FIELD: dict[str, tuple[str, float]] = {"text": ("", 1.0)}  # a hand-written page's text
TITLE_WEIGHT = 10.0  # the title's block, first in the body
FIELD_ANCHOR = "kb-field-"  # + the field: the id of the empty element before a field's block
# Pagefind's language decides only how it cuts and stems words. The copies arrive cut
# (Chinese as bigram tokens), so the index must not segment them as Chinese; the other
# words in these records are English (parts, parameters, notes), which Pagefind stems.
INDEX_LANGUAGE = "en"
# A word in the body of every indexed page, never typed and no token's prefix: searching it
# finds every page by loading one index chunk, where Pagefind's search for no words at all
# loads the whole index. The filters and the sort of all pages are read through it.
EVERY_PAGE = "qz0"
SEARCH_LOG = "assets/kb-search-log.txt"  # an empty file of the site, asked for with each search when logging
# Between equal matches validated cases come first and archived ones last (CASE_STATES is
# the order of the workflow).
STATE_ORDER = ("validated", "not-validated", "wip", "archived")
assert sorted(STATE_ORDER) == sorted(CASE_STATES)
# A word for each state, in the body of each case next to EVERY_PAGE: searching it finds
# that state's cases from a small index chunk. (A Pagefind sort or filter per state says
# the same, but sorts come with the index metadata that every query loads, and the state
# filter is a chunk of every case: some 20 KB either way at 10,000 cases.) The words sort
# among the few words before EVERY_PAGE, not among the tokens, so their chunk stays small.
STATE_WORDS = {state: f"qy{rank}" for rank, state in enumerate(STATE_ORDER, start=1)}
# The word of an alarm code's page, in its body where a case has its state word: the search
# script finds the code pages from the same small chunk, and shows the page of a code typed
# exactly before the cases that hold it (generator/render/codes.py).
CODE_PAGE_WORD = "qy0"
# + "<times cited>-<date solved>": an empty element whose id orders equal matches (more
# citations, then newer, first). An element's id is kept in the page's data file, which
# results load anyway, without being a word of the index or a filter that loads with it.
ORDER_ANCHOR = "kb-order-"
