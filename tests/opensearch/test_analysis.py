"""What the mapping's analyzers are meant to do, and the README's query against the mapping.

The code analyzer is simple enough to follow here step by step from the mapping's own
definitions (Python's `re` reads its patterns as Java's does); the Chinese analyzer is
OpenSearch's own chain of built-in filters, which is not re-implemented here.
"""

from __future__ import annotations

import json
import re

import pytest

from generator.opensearch.mapping import index_mapping
from tests.conftest import REPO

ANALYSIS = index_mapping()["settings"]["analysis"]
PROPERTIES = index_mapping()["mappings"]["properties"]


def codes_of(text: str) -> list[str]:
    """The tokens of the `kb_codes` analyzer, step by step as the mapping defines it."""
    analyzer = ANALYSIS["analyzer"]["kb_codes"]
    assert analyzer == {
        "type": "custom",
        "char_filter": ["kb_half_width"],
        "tokenizer": "kb_code",
        "filter": ["lowercase", "kb_code_joiners"],
    }  # the steps below, in this order
    rules = dict(rule.split("=>") for rule in ANALYSIS["char_filter"]["kb_half_width"]["mappings"])
    text = "".join(rules.get(character, character) for character in text)
    tokenizer = ANALYSIS["tokenizer"]["kb_code"]
    tokens = [match.group(tokenizer["group"]) for match in re.finditer(tokenizer["pattern"], text)]
    joiners = ANALYSIS["filter"]["kb_code_joiners"]
    return [re.sub(joiners["pattern"], joiners["replacement"], token.lower()) for token in tokens]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("报警E-203后停机，更换HX-VB-220阀", ["e203", "hxvb220"]),
        ("ＨＸ－ＶＢ－２２０", ["hxvb220"]),  # as a Chinese input method types it
        ("hxvb220", ["hxvb220"]),
        ("E203", ["e203"]),
        ("调整 SP_ORI_OFFSET 参数", ["sporioffset"]),
        ("VMC850 和 VMC-850", ["vmc850", "vmc850"]),
        ("E-203/E-204", ["e203", "e204"]),  # a slash parts two codes
        ("replace the worn valve seal", []),  # plain words are the text field's, not the codes'
    ],
)
def test_codes_meet_however_they_are_typed(text, tokens):
    assert codes_of(text) == tokens


def test_every_text_field_has_the_codes_sub_field_and_the_chinese_analyzer():
    text_fields = [field for field in PROPERTIES.values() if field["type"] == "text"]
    assert text_fields
    for field in text_fields:
        assert field["analyzer"] == "kb_text"
        assert field["fields"] == {"codes": {"type": "text", "analyzer": "kb_codes"}}
    chain = ANALYSIS["analyzer"]["kb_text"]
    # bigrams need the tokenizer that marks CJK characters as such, and come after width and case
    assert chain["tokenizer"] == "standard" and chain["filter"][:3] == ["cjk_width", "lowercase", "cjk_bigram"]


def readme_query() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## When to move search to a server", 1)[1].split("\n## ", 1)[0]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.DOTALL).group(1))


def walk(value, key=None):
    yield key, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, key)


def test_the_readme_query_uses_fields_the_mapping_has_and_searches_every_text_field():
    query = readme_query()
    searched = set()
    for key, value in walk(query):
        if key == "multi_match":
            fields = [name.split("^")[0] for name in value["fields"]]
            searched |= {name for name in fields if not name.startswith("*")}
            assert all(name == "*.codes" or PROPERTIES[name]["type"] == "text" for name in fields), fields
        elif key == "terms" and "field" in value:  # an aggregation: counts per value
            assert PROPERTIES[value["field"]]["type"] == "keyword", value
        elif key in ("term", "terms"):  # a filter
            assert all(PROPERTIES[name]["type"] == "keyword" for name in value), value
        elif key == "highlight":
            assert all(PROPERTIES[name]["type"] == "text" for name in value["fields"])
    assert searched == {name for name, field in PROPERTIES.items() if field["type"] == "text"}
