"""The index's settings and mappings: a Chinese analyzer built into OpenSearch, and every field
of every kind of document with its type.

Chinese text is cut into overlapping character bigrams (`cjk_bigram`), as the site's own search
does (generator/search/tokens.py): any substring of two or more characters is then a run of
whole bigrams, so 力上 finds 压力上不去, which a word segmenter (smartcn, ik) would cut as 压力 /
上不去 and miss. Everything in it ships with OpenSearch and Elasticsearch: no plugin to install
on the server. Full-width letters and digits meet their half-width forms (`cjk_width`), case
does not matter, and English words are stemmed (`porter_stem`, as Pagefind stems them).

Every text field also has a `codes` sub-field, because the standard tokenizer cuts `HX-VB-220`
into `hx`, `vb`, `220` and keeps `HXVB220` whole, so the code as typed one way never meets the
code written the other. The sub-field holds each code (a word with a digit, or words joined by
`-` or `_`) with its joiners taken out, `hxvb220`, whichever way it was written.

The mapping is strict: a document with a field it does not declare is refused, so a field added
to the documents but not here fails loudly rather than being guessed at by the server.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import MAPPING_KINDS

TEXT_ANALYZER = "kb_text"
CODE_ANALYZER = "kb_codes"
CODE_TOKENIZER = "kb_code"
CODE_JOINERS = "kb_code_joiners"
HALF_WIDTH = "kb_half_width"
CODES_FIELD = "codes"  # the sub-field of every text field: `symptoms.codes`
DATE_FORMAT = "strict_date"  # YYYY-MM-DD, as the records write dates
# A code: words joined by - or _ (HX-VB-220, SP_ORI_OFFSET), or a word holding a digit (E203,
# VMC850). The pattern tokenizer emits each match (group 0); the rest of the text is skipped.
CODE_PATTERN = r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+|[A-Za-z]*[0-9][A-Za-z0-9]*"
JOINER_PATTERN = r"[-_]"

TEXT = "text"
KEYWORD = "keyword"
DATE = "date"
FLOAT = "float"
INTEGER = "integer"

# Field -> type, for the documents of every kind (one index holds them all, so a name means
# one thing in every kind). Fields keep the record format's names (docs/records.md); the few
# added for search: `kind`, `url`, `title` (what the record's page is headed by), the names of
# the taxonomy entries a record names (`product_names` beside `products`), `times_cited`, and a
# person's job title as `job_title`, so that `title` means the same in every kind. Each kind
# declares its own fields (its `Document`, generator/kinds/); these four every document has.
EVERY_DOCUMENT: dict[str, str] = {"kind": KEYWORD, "id": KEYWORD, "url": KEYWORD, "title": TEXT}


def _field_types() -> dict[str, str]:
    types = dict(EVERY_DOCUMENT)
    for kind in MAPPING_KINDS:
        assert kind.document is not None
        for name, field_type in kind.document.fields.items():
            if types.setdefault(name, field_type) != field_type:
                raise ValueError(f"the field `{name}` of {kind.name} documents has another type in another kind")
    return types


FIELD_TYPES: dict[str, str] = _field_types()


def _half_width_mappings() -> list[str]:
    # The pattern tokenizer sees the text before any token filter, so full-width letters,
    # digits and joiners (ＨＸ－２２０, as Chinese input methods type them) become half-width first.
    characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return [f"{chr(ord(char) + 0xFEE0)}=>{char}" for char in characters]


ANALYSIS: dict[str, Any] = {
    "analyzer": {
        TEXT_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            # cjk_width before lowercase (ＰＬＣ -> PLC -> plc); the stemmer last, where it
            # meets only whole words and bigrams, which end in no English suffix
            "filter": ["cjk_width", "lowercase", "cjk_bigram", "porter_stem"],
        },
        CODE_ANALYZER: {
            "type": "custom",
            "char_filter": [HALF_WIDTH],
            "tokenizer": CODE_TOKENIZER,
            "filter": ["lowercase", CODE_JOINERS],
        },
    },
    "char_filter": {HALF_WIDTH: {"type": "mapping", "mappings": _half_width_mappings()}},
    "tokenizer": {CODE_TOKENIZER: {"type": "pattern", "pattern": CODE_PATTERN, "group": 0}},
    "filter": {CODE_JOINERS: {"type": "pattern_replace", "pattern": JOINER_PATTERN, "replacement": ""}},
}


def _field(field_type: str) -> dict[str, Any]:
    if field_type == TEXT:
        return {
            "type": TEXT,
            "analyzer": TEXT_ANALYZER,
            "fields": {CODES_FIELD: {"type": TEXT, "analyzer": CODE_ANALYZER}},
        }
    if field_type == DATE:
        return {"type": DATE, "format": DATE_FORMAT}
    return {"type": field_type}


def index_mapping() -> dict[str, Any]:
    """The body of the request that creates the index (`PUT /<index>`)."""
    return {
        # One shard holds far more than a service team writes (100,000 cases are some hundreds
        # of MB); more shards would only spread the scoring statistics thinner.
        "settings": {"number_of_shards": 1, "analysis": ANALYSIS},
        "mappings": {
            "dynamic": "strict",
            "_meta": {"source": "servicekb records, format 1.1", "export": "kb export --format opensearch"},
            "properties": {name: _field(field_type) for name, field_type in FIELD_TYPES.items()},
        },
    }
