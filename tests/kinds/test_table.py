"""The table of kinds: each kind brings the words the generator reads for it, and the
Dataset knows a kind's records and back-links by the names the kinds declare, and no others."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.kinds import INDEXES, KINDS, RECORD_KIND, SEARCHED_KINDS, SHAPES, TAXONOMY, URL_FOLDERS
from generator.language import LANGUAGES
from generator.messages import CATALOGUE, MESSAGES, words
from generator.model import Dataset, build_dataset
from generator.search.shards import INDEXED_FOLDERS
from tests.conftest import MINIMAL, check


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_kind_brings_every_word_the_generator_reads_for_it(kind):
    own = {**kind.messages, **kind.words}
    assert kind.words_needed() - set(own) == set()
    assert set(kind.messages) <= set(MESSAGES) and set(own) <= set(CATALOGUE)  # registered with the catalogue
    for key in own:
        assert all(words(key, language).strip() for language in LANGUAGES), key


def test_the_words_a_kind_needs_follow_what_it_declares():
    case = RECORD_KIND["case"]
    assert {"kind-case", "kind_case", "workbook-title-case", "help-new-case", "help-new-case-title-prompt"} <= (
        case.words_needed()
    )
    bare = dataclasses.replace(case, search=None, document=None, sheet=None, scaffold=None)
    assert bare.words_needed() == {
        "kind-case",
        "noun-case",
        "reference-heading-case",
        "reference-about-case",
        "ref-unknown-case",  # what the reference check says of an id that names no case
    }


def test_everything_that_lists_kinds_lists_the_tables():
    assert list(SHAPES) == [TAXONOMY.name, *(kind.name for kind in KINDS)]
    assert {URL_FOLDERS[kind] for kind in SEARCHED_KINDS} <= set(INDEXED_FOLDERS)
    assert {kind.name for kind in KINDS if kind.search} == set(SEARCHED_KINDS) - {"code"}


def test_the_dataset_knows_each_kinds_records_and_back_links_by_name():
    data = build_dataset(check(MINIMAL).context)
    assert data.cases is data.records["cases"] and data.products is data.records["products"]
    assert data.cases_by_author is data.indexes["cases_by_author"] and set(data.indexes) == set(INDEXES)
    with pytest.raises(AttributeError):
        data.case_by_author  # noqa: B018 (a misspelt name)
    changed = dataclasses.replace(data, cases={})
    assert changed.cases == {} and changed.records["cases"] == {} and data.cases != {}
    with pytest.raises(TypeError, match="case_by_author"):
        Dataset(dt.date(2026, 11, 28), case_by_author={})
