"""The files the search script reads to understand pinyin, homophones and the glossary
(generator/search/vocabulary.py): the site's words and the characters' readings."""

from __future__ import annotations

from generator.kinds.glossary import glossary_of, search_groups
from generator.model import Dataset
from generator.search.glossary import NO_GLOSSARY, Glossary
from generator.search.vocabulary import CHARS_FILE, WORDS_FILE, chars_data, packed, words_data


def search_files(data: Dataset, glossary: Glossary) -> dict[str, bytes]:
    """The words' and the readings' files: aka words, tags and the names of products and skills (a
    record's title carries its sound in the index instead, generator/search/pinyin.py)."""
    words = [str(word) for case in data.cases.values() for word in (*case.aka, *case.tags)]
    words += [entry.name for entry in (*data.products.values(), *data.skills.values())]
    titles = [case.title for case in data.cases.values()]
    return {WORDS_FILE: packed(words_data(words, glossary)), CHARS_FILE: packed(chars_data([*words, *titles]))}


def site_glossary(data: Dataset) -> Glossary:
    """The glossary search applies (generator/search/glossary.py): the groups of data/glossary.yml
    (generator/kinds/glossary.py), none when there is no such file."""
    return search_groups(glossary_of(data)) or NO_GLOSSARY
