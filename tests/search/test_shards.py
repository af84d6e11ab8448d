"""What a search shard's name is made of: a page's digest finds the tags that give Pagefind a
filter, metadata or sort as its pattern finds them, faster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.shards import PAGEFIND_ATTRIBUTE, pagefind_attributes

PIECES = ["<", ">", "span ", "data-pagefind-", "meta", "filter", "sort", "default-meta", "x", "_", "-", " ", '"', "é"]
PIECES += ['data-pagefind-meta="title:1"', '<span data-pagefind-filter="kind:案例">', "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_tags_a_page_gives_pagefind_are_those_the_pattern_finds(pieces):
    html = "".join(pieces)
    assert pagefind_attributes(html) == PAGEFIND_ATTRIBUTE.findall(html)


def test_a_page_with_its_filters_and_metadata():
    html = '<h1>x</h1><span data-pagefind-meta="title:·">a</span><p data-x-data-pagefind-sort="1">b</p><i>c</i>'
    assert pagefind_attributes(html) == ['<span data-pagefind-meta="title:·">a', '<p data-x-data-pagefind-sort="1">b']
