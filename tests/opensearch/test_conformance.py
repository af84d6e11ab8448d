"""The offline check of a mapping, a document and a bulk body: each rule finds what it is for,
and the export's own mapping passes every one."""

from __future__ import annotations

import copy
import json

import pytest

from generator.opensearch.conformance import bulk_problems, document_problems, mapping_problems
from generator.opensearch.mapping import index_mapping


def changed(change) -> dict:
    mapping = copy.deepcopy(index_mapping())
    change(mapping)
    return mapping


def test_the_exported_mapping_is_json_and_well_formed():
    mapping = json.loads(json.dumps(index_mapping(), ensure_ascii=False))
    assert mapping_problems(mapping) == []
    assert mapping["mappings"]["dynamic"] == "strict"


def _analysis(mapping: dict) -> dict:
    return mapping["settings"]["analysis"]


def _properties(mapping: dict) -> dict:
    return mapping["mappings"]["properties"]


BROKEN_MAPPINGS = {
    "a filter nobody defined": (
        lambda m: _analysis(m)["analyzer"]["kb_text"]["filter"].append("smartcn_stop"),
        "filter `smartcn_stop` is neither defined nor built in",
    ),
    "a tokenizer nobody defined": (
        lambda m: _analysis(m)["analyzer"]["kb_text"].update(tokenizer="ik_max_word"),
        "tokenizer `ik_max_word` is neither defined nor built in",
    ),
    "a character filter nobody defined": (
        lambda m: _analysis(m)["analyzer"]["kb_codes"]["char_filter"].append("icu_normalizer"),
        "char_filter `icu_normalizer` is neither defined nor built in",
    ),
    "a field naming an analyzer nobody defined": (
        lambda m: _properties(m)["symptoms"].update(analyzer="kb_chinese"),
        "analyzer `kb_chinese` is neither defined nor built in",
    ),
    "a sub-field naming an analyzer nobody defined": (
        lambda m: _properties(m)["title"]["fields"]["codes"].update(analyzer="kb_code"),
        "mappings.properties.title.codes: analyzer `kb_code` is neither defined nor built in",
    ),
    "a field type OpenSearch does not have": (
        lambda m: _properties(m)["state"].update(type="string"),
        "mappings.properties.state: type `string` is unknown",
    ),
    "a field without a type": (lambda m: _properties(m)["state"].pop("type"), "type `None` is unknown"),
    "a parameter of another type": (
        lambda m: _properties(m)["state"].update(analyzer="kb_text"),
        "`analyzer` is not a parameter of `keyword`",
    ),
    "a misspelt parameter": (
        lambda m: _analysis(m)["filter"]["kb_code_joiners"].update(replacment=""),
        "`replacment` is not a parameter of `pattern_replace`",
    ),
    "a component type OpenSearch does not have": (
        lambda m: _analysis(m)["tokenizer"]["kb_code"].update(type="regex"),
        "type `regex` is unknown",
    ),
    "a required parameter left out": (
        lambda m: _analysis(m)["filter"]["kb_code_joiners"].pop("pattern"),
        "`pattern` is missing",
    ),
    "a pattern that does not compile": (
        lambda m: _analysis(m)["tokenizer"]["kb_code"].update(pattern="[A-Z"),
        "`pattern` does not compile",
    ),
    "a mapping rule without an arrow": (
        lambda m: _analysis(m)["char_filter"]["kb_half_width"]["mappings"].append("Ａ->A"),
        "`Ａ->A` is not a rule",
    ),
    "a date format it cannot read days in": (
        lambda m: _properties(m)["solved_on"].update(format="epoch_millis"),
        "date format `epoch_millis` is unknown",
    ),
    "a mapping that is not strict": (
        lambda m: m["mappings"].update(dynamic=True),
        "mappings.dynamic: not `strict`",
    ),
    "a dotted field name": (
        lambda m: _properties(m).update({"case.title": {"type": "text"}}),
        "mappings.properties.case.title: not a plain field name",
    ),
    "a field named like OpenSearch's own": (
        lambda m: _properties(m).update({"_id": {"type": "keyword"}}),
        "mappings.properties._id: not a plain field name",
    ),
    "an analyzer nothing uses": (
        lambda m: _analysis(m)["analyzer"].update(kb_spare={"type": "cjk"}),
        "settings.analysis.analyzer.kb_spare: defined but nothing uses it",
    ),
    "a filter no analyzer uses": (
        lambda m: _analysis(m)["analyzer"]["kb_codes"]["filter"].remove("kb_code_joiners"),
        "settings.analysis.filter.kb_code_joiners: defined but nothing uses it",
    ),
    "no shards": (lambda m: m["settings"].update(number_of_shards=0), "settings.number_of_shards"),
    "a part of the body that is not one": (lambda m: m.update(aliases={}), "`aliases`: not a part"),
}


@pytest.mark.parametrize("name", BROKEN_MAPPINGS)
def test_a_broken_mapping_is_reported(name):
    change, expected = BROKEN_MAPPINGS[name]
    problems = mapping_problems(changed(change))
    assert any(expected in problem for problem in problems), problems


def test_a_mapping_that_is_not_an_object_is_reported_without_a_traceback():
    assert mapping_problems([]) == ["the body is not a JSON object"]
    assert mapping_problems({"settings": 1, "mappings": "x"})


GOOD = {
    "kind": "case",
    "id": "x",
    "title": "液压站压力上不去",
    "aka": ["掉压", "E-203"],
    "solved_on": "2026-04-12",
    "hours_to_resolve": 2.5,
    "times_cited": 3,
}


def test_a_document_that_fits_has_no_problems():
    assert document_problems(GOOD, index_mapping()) == []


UNFIT = {
    "an undeclared field": ({"customer": "某食品厂"}, "`customer`: not in the mapping"),
    "a number in a text field": ({"title": 203}, "`title`: 203 is not a string"),
    "a number in a keyword list": ({"products": ["hx-200", 220]}, "`products`: 220 is not a string"),
    "a list in a list": ({"aka": [["掉压"]]}, "is not a single value"),
    "a day in another form": ({"solved_on": "2026/04/12"}, "is not a day written YYYY-MM-DD"),
    "a day that does not exist": ({"solved_on": "2026-02-30"}, "is not a day written YYYY-MM-DD"),
    "a date with a time": ({"solved_on": "2026-04-12T08:00:00"}, "is not a day"),
    "text in a float field": ({"hours_to_resolve": "2.5"}, "is not a number a float holds"),
    "true in a float field": ({"hours_to_resolve": True}, "is not a number a float holds"),
    "a fraction in an integer field": ({"times_cited": 1.5}, "is not a 32-bit integer"),
    "an integer beyond 32 bits": ({"rank": 2**31}, "is not a 32-bit integer"),
    "a null": ({"cause": None}, "null"),
}


@pytest.mark.parametrize("name", UNFIT)
def test_a_document_that_does_not_fit_is_reported(name):
    fields, expected = UNFIT[name]
    problems = document_problems(GOOD | fields, index_mapping())
    assert any(expected in problem for problem in problems), problems


def _body(*lines: str) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


ACTION = '{"index":{"_index":"kb","_id":"case:x"}}'
DOCUMENT = json.dumps(GOOD, ensure_ascii=False)


def test_a_good_bulk_body_has_no_problems():
    assert bulk_problems(_body(ACTION, DOCUMENT), index_mapping(), "kb") == []


BROKEN_BODIES = {
    "no newline after the last line": (_body(ACTION, DOCUMENT)[:-1], "does not end with a newline"),
    "an action without its document": (_body(ACTION, DOCUMENT, ACTION.replace("case:x", "case:y")), "line 3: an action without its document"),
    "an empty line": (_body(ACTION, "", ACTION, DOCUMENT), "line 2: not one JSON value"),
    "two documents on one line": (_body(ACTION, DOCUMENT + DOCUMENT), "line 2: not one JSON value"),
    "a document where an action belongs": (_body(DOCUMENT, ACTION), "line 1: not an `index` action"),
    "an id used twice": (_body(ACTION, DOCUMENT, ACTION, DOCUMENT), "line 3: `_id` `case:x` is used twice"),
    "another index": (_body(ACTION.replace('"kb"', '"other"'), DOCUMENT), "`_index` is `other`, not `kb`"),
    "no id": (_body('{"index":{"_index":"kb"}}', DOCUMENT), "`_id` null is not an id"),
    "an undeclared field": (_body(ACTION, '{"kind":"case","colour":"red"}'), "line 2: `colour`: not in the mapping"),
    "not UTF-8": (_body(ACTION) + "案".encode("gbk") + b"\n", "not UTF-8"),
    "nothing": (b"", "the body is empty"),
}  # fmt: skip


@pytest.mark.parametrize("name", BROKEN_BODIES)
def test_a_broken_bulk_body_is_reported(name):
    body, expected = BROKEN_BODIES[name]
    problems = bulk_problems(body, index_mapping(), "kb")
    assert any(expected in problem for problem in problems), problems


def test_only_a_newline_ends_a_line_of_the_body():
    # U+2028 inside a string is JSON; a reader splitting at it would see two broken lines
    document = json.dumps(GOOD | {"title": "第一行\u2028第二行"}, ensure_ascii=False)
    assert bulk_problems(_body(ACTION, document), index_mapping(), "kb") == []
