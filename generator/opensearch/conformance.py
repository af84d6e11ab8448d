"""What OpenSearch would refuse in the export, found without a server.

- `mapping_problems`: the index's settings and mappings are well formed. Every analyzer,
  tokenizer, token filter and character filter that a name refers to is defined in the
  settings or built in; each definition has a known type and only that type's parameters, and
  its regular expressions compile; every field has a known type with only that type's
  parameters, and its analyzers exist; the mapping is strict. Definitions nothing uses are
  reported too: they are usually a field that names the wrong one.
- `document_problems`: a document fits the mapping. Every field is declared, and every value
  is of the JSON type the field is meant for: text and keyword fields take strings, date fields
  `YYYY-MM-DD` days that exist, float and integer fields numbers (integers within 32 bits), or
  lists of these. OpenSearch would coerce some others (a number into a keyword field), and
  treats null as no value; the export relies on neither, so both are reported.
- `bulk_problems`: a bulk request body. UTF-8, one JSON value per line, an action line before
  each document, unique ids, and a newline after the last line.

This knows the parts of OpenSearch the export uses and a few around them, not all of
OpenSearch: anything else is reported as unknown to this check, which is not the same as wrong.
Regular expressions are compiled by Python's `re` in place of Java's; the two agree on the
classes, groups and alternatives the mapping uses.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from generator.opensearch.bulk import is_index_name

# What OpenSearch has under these names with nothing to configure.
BUILT_IN_ANALYZERS = frozenset({"standard", "simple", "whitespace", "stop", "keyword", "pattern", "cjk", "english"})
BUILT_IN_TOKENIZERS = frozenset(
    {"standard", "whitespace", "keyword", "letter", "lowercase", "classic", "uax_url_email", "ngram", "edge_ngram"}
    | {"pattern", "simple_pattern", "simple_pattern_split", "char_group", "path_hierarchy", "thai"}
)
BUILT_IN_FILTERS = frozenset(
    {"apostrophe", "asciifolding", "cjk_bigram", "cjk_width", "classic", "decimal_digit", "flatten_graph", "kstem"}
    | {"lowercase", "porter_stem", "remove_duplicates", "reverse", "stemmer", "stop", "trim", "unique", "uppercase"}
    | {"word_delimiter", "word_delimiter_graph"}
)
BUILT_IN_CHAR_FILTERS = frozenset({"html_strip"})

# Per part of the analysis settings: type -> the parameters a definition of it may have
# besides `type`, and those it must have.
COMPONENT_TYPES: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "analyzer": {
        "custom": (
            frozenset({"tokenizer", "filter", "char_filter", "position_increment_gap"}),
            frozenset({"tokenizer"}),
        ),
        "cjk": (frozenset({"stopwords", "stopwords_path"}), frozenset()),
        "standard": (frozenset({"max_token_length", "stopwords", "stopwords_path"}), frozenset()),
    },
    "tokenizer": {
        "pattern": (frozenset({"pattern", "flags", "group"}), frozenset()),
        "standard": (frozenset({"max_token_length"}), frozenset()),
    },
    "filter": {
        "pattern_replace": (frozenset({"pattern", "replacement", "all"}), frozenset({"pattern"})),
        "stemmer": (frozenset({"language"}), frozenset()),
        "cjk_bigram": (frozenset({"ignored_scripts", "output_unigrams"}), frozenset()),
        "stop": (frozenset({"stopwords", "stopwords_path", "ignore_case", "remove_trailing"}), frozenset()),
    },
    "char_filter": {
        "mapping": (frozenset({"mappings", "mappings_path"}), frozenset()),
        "pattern_replace": (frozenset({"pattern", "replacement", "flags"}), frozenset({"pattern"})),
    },
}
BUILT_IN = {
    "analyzer": BUILT_IN_ANALYZERS,
    "tokenizer": BUILT_IN_TOKENIZERS,
    "filter": BUILT_IN_FILTERS,
    "char_filter": BUILT_IN_CHAR_FILTERS,
}
SETTINGS = frozenset({"number_of_shards", "number_of_replicas", "refresh_interval", "analysis"})
MAPPINGS = frozenset({"dynamic", "properties", "_meta", "_source"})
_COMMON = frozenset({"index", "doc_values", "store"})
FIELD_PARAMETERS: dict[str, frozenset[str]] = {
    "text": frozenset({"analyzer", "search_analyzer", "fields", "index", "norms", "index_options", "store"}),
    "keyword": _COMMON | {"ignore_above", "normalizer", "fields"},
    "date": _COMMON | {"format"},
    "float": _COMMON | {"coerce"},
    "integer": _COMMON | {"coerce"},
}
DAY_FORMATS = frozenset({"strict_date", "yyyy-MM-dd"})  # both read YYYY-MM-DD only
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INTEGER_RANGE = (-(2**31), 2**31 - 1)
FLOAT_MAX = 3.4028234663852886e38  # a 32-bit float's largest
MAX_ID_BYTES = 512


def _is(value: Any, kind: type) -> bool:
    # JSON's true and false are Python ints: never a number here
    return isinstance(value, kind) and not isinstance(value, bool)


# --- the index's settings and mappings -------------------------------------------------------


def mapping_problems(mapping: Any) -> list[str]:
    if not isinstance(mapping, dict):
        return ["the body is not a JSON object"]
    problems = [f"`{key}`: not a part of an index's body" for key in mapping if key not in ("settings", "mappings")]
    settings = mapping.get("settings", {})
    analysis = settings.get("analysis", {}) if isinstance(settings, dict) else {}
    problems += _settings_problems(settings)
    problems += _analysis_problems(analysis)
    used = _used_analyzers(mapping.get("mappings"))
    problems += _mappings_problems(mapping.get("mappings"), _names(analysis, "analyzer"))
    problems += _unused_problems(analysis, used)
    return problems


def _names(analysis: Any, part: str) -> set[str]:
    defined = analysis.get(part, {}) if isinstance(analysis, dict) else {}
    return set(defined if isinstance(defined, dict) else ()) | BUILT_IN[part]


def _settings_problems(settings: Any) -> list[str]:
    if not isinstance(settings, dict):
        return ["settings: not an object"]
    problems = [f"settings.{key}: unknown to this check" for key in settings if key not in SETTINGS]
    for key, least in (("number_of_shards", 1), ("number_of_replicas", 0)):
        if key in settings and not (_is(settings[key], int) and settings[key] >= least):
            problems.append(f"settings.{key}: `{settings[key]}` is not a whole number from {least}")
    return problems


def _analysis_problems(analysis: Any) -> list[str]:
    if not isinstance(analysis, dict):
        return ["settings.analysis: not an object"]
    problems = [f"settings.analysis.{part}: unknown to this check" for part in analysis if part not in COMPONENT_TYPES]
    for part in COMPONENT_TYPES:
        definitions = analysis.get(part, {})
        if not isinstance(definitions, dict):
            problems.append(f"settings.analysis.{part}: not an object")
            continue
        for name, definition in definitions.items():
            where = f"settings.analysis.{part}.{name}"
            problems += [f"{where}: {problem}" for problem in _component_problems(part, definition, analysis)]
    return problems


def _component_problems(part: str, definition: Any, analysis: dict) -> list[str]:
    if not isinstance(definition, dict):
        return ["not an object"]
    kind = definition.get("type", "custom" if part == "analyzer" else None)
    if kind not in COMPONENT_TYPES[part]:
        return [f"type `{kind}` is unknown to this check"]
    allowed, required = COMPONENT_TYPES[part][kind]
    problems = [f"`{key}` is not a parameter of `{kind}`" for key in definition if key != "type" and key not in allowed]
    problems += [f"`{key}` is missing" for key in sorted(required) if key not in definition]
    if "pattern" in definition:
        problems += _pattern_problems(definition["pattern"])
    if kind == "mapping":
        problems += _mapping_rule_problems(definition.get("mappings"))
    if part == "analyzer" and kind == "custom":
        problems += _chain_problems(definition, analysis)
    return problems


def _pattern_problems(pattern: Any) -> list[str]:
    if not isinstance(pattern, str):
        return ["`pattern` is not a string"]
    try:
        re.compile(pattern)
    except re.error as error:
        return [f"`pattern` does not compile: {error}"]
    return []


def _mapping_rule_problems(rules: Any) -> list[str]:
    if not isinstance(rules, list) or not rules:
        return ["`mappings` is not a list of rules"]
    problems = []
    for rule in rules:
        source, arrow, target = rule.partition("=>") if isinstance(rule, str) else ("", "", "")
        if not arrow or not source.strip() or not target.strip():
            problems.append(f"`{rule}` is not a rule `from=>to`")
    return problems


def _chain_problems(analyzer: dict, analysis: dict) -> list[str]:
    """A custom analyzer's tokenizer, filters and character filters exist."""
    problems = []
    tokenizer = analyzer.get("tokenizer")
    if tokenizer is not None and tokenizer not in _names(analysis, "tokenizer"):
        problems.append(f"tokenizer `{tokenizer}` is neither defined nor built in")
    for part in ("filter", "char_filter"):
        names = analyzer.get(part, [])
        if not isinstance(names, list):
            problems.append(f"`{part}` is not a list")
            continue
        known = _names(analysis, part)
        problems += [f"{part} `{name}` is neither defined nor built in" for name in names if name not in known]
    return problems


def _fields(properties: Any) -> Iterator[tuple[str, str, Any]]:
    """(path, name, definition) of every field and sub-field (`title.codes`, `codes`, ...)."""
    for name, field in properties.items() if isinstance(properties, dict) else ():
        yield name, name, field
        if isinstance(field, dict) and isinstance(field.get("fields"), dict):
            for sub_name, sub_field in field["fields"].items():
                yield f"{name}.{sub_name}", sub_name, sub_field


def _used_analyzers(mappings: Any) -> set[str]:
    properties = mappings.get("properties") if isinstance(mappings, dict) else None
    return {
        field[key]
        for _, _, field in _fields(properties)
        if isinstance(field, dict)
        for key in ("analyzer", "search_analyzer")
        if isinstance(field.get(key), str)
    }


def _mappings_problems(mappings: Any, analyzers: set[str]) -> list[str]:
    if not isinstance(mappings, dict):
        return ["mappings: not an object"]
    problems = [f"mappings.{key}: unknown to this check" for key in mappings if key not in MAPPINGS]
    if mappings.get("dynamic") != "strict":
        problems.append("mappings.dynamic: not `strict`, so a field missing from the mapping would be guessed at")
    if "_meta" in mappings and not isinstance(mappings["_meta"], dict):
        problems.append("mappings._meta: not an object")
    properties = mappings.get("properties")
    if not isinstance(properties, dict) or not properties:
        return [*problems, "mappings.properties: no fields"]
    for path, name, field in _fields(properties):
        sub_field = path != name
        problems += [f"mappings.properties.{path}: {p}" for p in _field_problems(name, field, analyzers, sub_field)]
    return problems


def _field_problems(name: str, field: Any, analyzers: set[str], sub_field: bool) -> list[str]:
    # A dot would make OpenSearch read the name as a path into an object field
    if not name or name.startswith("_") or "." in name:
        return ["not a plain field name (a dot is a path; a leading `_` is OpenSearch's own)"]
    if not isinstance(field, dict):
        return ["not an object"]
    kind = field.get("type")
    if kind not in FIELD_PARAMETERS:
        return [f"type `{kind}` is unknown to this check"]
    problems = [
        f"`{key}` is not a parameter of `{kind}`"
        for key in field
        if key != "type" and key not in FIELD_PARAMETERS[kind]
    ]
    if sub_field and "fields" in field:
        problems.append("a sub-field has sub-fields of its own")
    for key in ("analyzer", "search_analyzer"):
        if key in field and field[key] not in analyzers:
            problems.append(f"{key} `{field[key]}` is neither defined nor built in")
    if kind == "date" and field.get("format", "strict_date") not in DAY_FORMATS:
        problems.append(f"date format `{field.get('format')}` is unknown to this check")
    return problems


def _unused_problems(analysis: Any, used_analyzers: set[str]) -> list[str]:
    if not isinstance(analysis, dict):
        return []
    analyzers = analysis.get("analyzer", {})
    chains = [a for a in analyzers.values() if isinstance(a, dict)] if isinstance(analyzers, dict) else []
    used = {
        "analyzer": used_analyzers,
        "tokenizer": {a.get("tokenizer") for a in chains},
        "filter": {name for a in chains for name in a.get("filter", []) if isinstance(name, str)},
        "char_filter": {name for a in chains for name in a.get("char_filter", []) if isinstance(name, str)},
    }
    problems = []
    for part, names in used.items():
        defined = analysis.get(part, {})
        for name in defined if isinstance(defined, dict) else ():
            if name not in names:
                problems.append(f"settings.analysis.{part}.{name}: defined but nothing uses it")
    return problems


# --- documents --------------------------------------------------------------------------------


def document_problems(document: Any, mapping: dict) -> list[str]:
    if not isinstance(document, dict):
        return ["the document is not a JSON object"]
    properties = mapping["mappings"]["properties"]
    problems = []
    for name, value in document.items():
        field = properties.get(name)
        if field is None:
            problems.append(f"`{name}`: not in the mapping, which is strict")
            continue
        values = value if isinstance(value, list) else [value]
        problems += [f"`{name}`: {problem}" for item in values for problem in _value_problems(item, field)]
    return problems


def _value_problems(value: Any, field: dict) -> list[str]:
    kind = field["type"]
    shown = json.dumps(value, ensure_ascii=False, default=repr)
    if value is None:
        return ["null: a field without a value is left out"]
    if isinstance(value, (list, dict)):
        return [f"{shown} is not a single value"]
    if kind in ("text", "keyword"):
        return [] if isinstance(value, str) else [f"{shown} is not a string"]
    if kind == "date":
        return [] if _is_day(value) else [f"{shown} is not a day written YYYY-MM-DD"]
    if kind == "float":
        fits = (_is(value, int) or _is(value, float)) and math.isfinite(value) and abs(value) <= FLOAT_MAX
        return [] if fits else [f"{shown} is not a number a float holds"]
    if kind == "integer":
        fits = _is(value, int) and INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1]
        return [] if fits else [f"{shown} is not a 32-bit integer"]
    return [f"type `{kind}` is unknown to this check"]


def _is_day(value: Any) -> bool:
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- the bulk request ---------------------------------------------------------------------------


def bulk_problems(body: bytes, mapping: dict, index: str | None = None) -> list[str]:
    """Problems of a bulk request body, each with its line number (from 1)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"not UTF-8 at byte {error.start}"]
    if not text:
        return ["the body is empty"]
    problems = [] if text.endswith("\n") else ["the last line does not end with a newline"]
    lines = text.split("\n")  # only "\n" ends a line for the bulk API, not U+2028 or "\r"
    if lines[-1] == "":
        lines.pop()
    if len(lines) % 2:
        problems.append(f"line {len(lines)}: an action without its document")
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
        except ValueError as error:
            problems.append(f"line {number}: not one JSON value ({error.msg})")
            continue
        if number % 2:
            problems += [f"line {number}: {p}" for p in _action_problems(value, index, seen)]
        else:
            problems += [f"line {number}: {p}" for p in document_problems(value, mapping)]
    return problems


def _action_problems(action: Any, index: str | None, seen: set[str]) -> list[str]:
    if not isinstance(action, dict) or list(action) != ["index"] or not isinstance(action["index"], dict):
        return ["not an `index` action"]
    meta = action["index"]
    problems = [f"`{key}` is unknown to this check" for key in meta if key not in ("_index", "_id")]
    name = meta.get("_index")
    if not isinstance(name, str) or not is_index_name(name):
        problems.append(f"`_index` {json.dumps(name, ensure_ascii=False)} is not an index name")
    elif index is not None and name != index:
        problems.append(f"`_index` is `{name}`, not `{index}`")
    document_id = meta.get("_id")
    if not isinstance(document_id, str) or not document_id or len(document_id.encode("utf-8")) > MAX_ID_BYTES:
        problems.append(f"`_id` {json.dumps(document_id, ensure_ascii=False)} is not an id of 1 to 512 bytes")
    elif document_id in seen:
        problems.append(f"`_id` `{document_id}` is used twice")
    else:
        seen.add(document_id)
    return problems
