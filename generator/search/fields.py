"""The index's fields, their weights, and the other names the page and the query side share.

A record page gives Pagefind, as its body, a search copy of each text field in a block
of its own (see generator/render/search_data.py): a mark (`block_marks`) starts the block, so the
excerpt is read back from the field that matched, and the block's `data-pagefind-weight`
is the field's weight in Pagefind's ranking. What
people type first weighs most: the title, aka words, tags and symptoms; then the names of
products and skills; then the cause, environment and resolution.

(Each field was a Pagefind metadata field at first, which also says which field matched
before a page's data is loaded; but Pagefind's memory for metadata words at 10,000 cases
was some 230 MB above the same words as body text, and above the old index.)
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.vocabulary import CASE_STATES

# Field -> (label key, data-pagefind-weight of its block): each kind declares the fields its
# pages give (generator/kinds/, `Search`); the table of all of them is generator.kinds.SEARCH_FIELDS.
# What people type first weighs most: a case's title, aka words, tags and symptoms.
TEXT_FIELD: dict[str, tuple[str, float]] = {"text": ("", 1.0)}  # a hand-written page's text
TITLE_WEIGHT = 10.0  # the title's block, first in the body
# A block of words a record is found by but never shows, after the title's block: the sound of
# its title (generator/search/pinyin.py), model codes written inside longer words (tokens.py),
# its glossary groups' words (glossary.py). It weighs little: a match by sound or synonym
# ranks below one by the characters anyway (assets/kb-search.js).
HIDDEN_WEIGHT = 1.0
# A block of the names of a record's products, skills, team or honour in the site's other
# language (`name_en` on a Chinese site, the Chinese name on an English one): a page shows one
# name, and is found by both, as its products and skills weigh.
OTHER_NAMES_WEIGHT = 4.0
# Each block of the body starts with a *mark*, a word of two symbols that Pagefind keeps in the
# page's text but indexes nothing for (no letter or digit, no emoji): the search script cuts
# the text it reads back at the marks, into the title, the hidden block and each field, to show
# the field that matched. (An empty element with an id before each block did this at first;
# Pagefind keeps each as an anchor of the page, some 2 MB per 1,000 cases.)
MARK = "¶"
# The title Pagefind is given for every page, no word: a result's title is read from the
# title's block, and Pagefind would index the words of a title of its own (the page's h1).
NO_TITLE = "·"
MARK_SYMBOLS = "†‡§¤※⁂⁑⁎⁕⁖⁘⁙⁚⁛⁜⁝⁞⁌⁍⁏"
# The blocks before the fields (a case's order sits among the first words, not in a block of
# its own weight) and after them; the fields are the kinds' (generator.kinds.SEARCH_MARKS).
BLOCKS_BEFORE_FIELDS = ("title", "hidden", "order")
BLOCKS_AFTER_FIELDS = ("names",)


def block_marks(fields: Iterable[str]) -> dict[str, str]:
    """Block -> the mark that starts it: the title, the hidden block, the order, each field
    and the other language's names, each a symbol of its own in this order."""
    blocks = (*BLOCKS_BEFORE_FIELDS, *fields, *BLOCKS_AFTER_FIELDS)
    if len(blocks) > len(MARK_SYMBOLS):
        raise ValueError(f"{len(blocks)} search blocks, and marks for {len(MARK_SYMBOLS)} only (MARK_SYMBOLS)")
    return {block: MARK + symbol for block, symbol in zip(blocks, MARK_SYMBOLS, strict=False)}


def order_word(order: str) -> str:
    """A case's order ("3-20250120") as symbols that are no word of the index."""
    return "".join(MARK_SYMBOLS[ORDER_SYMBOLS.index(char)] for char in order)


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
# A case's place among equal matches: "<times cited>-<date solved>" (more citations, then
# newer, first), as a block of its own after the state word, written in the marks' symbols
# (a digit would be a word of the index): results load the page's text anyway.
ORDER_SYMBOLS = "0123456789-"
