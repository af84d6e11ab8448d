"""What the query side is given to read pinyin, initials and homophones, and the glossary.

Two files of the site, JSON compressed with gzip, read by assets/kb-search.js when a query needs them:

- `search/words.json.gz`: the syllables (for cutting a pinyin word), in rows by the first symbol
  of their code (a syllable's code is that symbol and the symbol of its place in the row,
  generator/search/pinyin.py), the first symbol of each first letter (for initials), and the site's *words*: each run of two or more
  Chinese characters of its aka words, tags, product and skill names and glossary terms, with
  the codes of its syllables; and the glossary's groups, each its index word and its terms.
  Loaded by a query with a word of letters or a homophone, and by every query when there is a
  glossary.
- `search/chars.json.gz`: each syllable and the characters whose first reading it is (the common
  characters, and those of the site's words and titles), for reading a Chinese query's
  characters when some pair of them is nowhere in the index: a homophone typo.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable

from generator.inert import json_escaped
from generator.search.glossary import Glossary, folded
from generator.search.pinyin import CODE_SYMBOLS, SOUND_PREFIX, character_table, code_rows, initial_symbols, word_codes
from generator.search.tokens import CJK_RUN, normalise

WORDS_FILE = "search/words.json.gz"
CHARS_FILE = "search/chars.json.gz"


def _runs(words: Iterable[str]) -> list[str]:
    found = {run for word in words for run in CJK_RUN.findall(normalise(word)) if len(run) > 1}
    return sorted(found)


def words_data(words: Iterable[str], glossary: Glossary) -> dict:
    """The content of the words' file (see the top of this file)."""
    terms = [term.text for group in glossary for term in group.terms]
    runs = _runs([*words, *terms])
    return {
        "rows": {first: ",".join(row) for first, row in code_rows().items()},
        "initials": initial_symbols(),
        "symbols": CODE_SYMBOLS,
        "prefix": SOUND_PREFIX,
        "words": [[run, *word_codes(run)] for run in runs],
        "groups": [
            {
                "word": group.word,
                "terms": [[folded(term.text), term.kind.value, *word_codes(term.text)] for term in group.terms],
            }
            for group in glossary
        ],
    }


def chars_data(texts: Iterable[str]) -> dict[str, str]:
    """The content of the readings' file: the common characters and those of the given texts."""
    extra = {char for text in texts for run in CJK_RUN.findall(normalise(text)) for char in run}
    return character_table(extra)


def as_json(value: dict) -> bytes:
    return json_escaped(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)).encode("utf-8")


def packed(value: dict) -> bytes:
    """A file's JSON, compressed as Pagefind's own files are, whether or not the web server
    compresses what it sends (the script reads it either way); the same bytes for the same data."""
    return gzip.compress(as_json(value), compresslevel=9, mtime=0)
