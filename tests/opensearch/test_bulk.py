"""The lines of a bulk body, and where it is split into parts."""

from __future__ import annotations

import json

from generator.opensearch.bulk import bulk_body, is_index_name, lines_per_chunk, ndjson_line


def test_a_line_is_one_json_value_with_its_newline_and_chinese_as_written():
    line = ndjson_line({"title": "液压站\n压力\u2028上不去\u2029", "hours": 2.5})
    assert line.endswith("\n") and line.count("\n") == 1
    assert "\u2028" not in line and "\u2029" not in line and len(line.splitlines()) == 1
    assert "液压站" in line and json.loads(line) == {"title": "液压站\n压力\u2028上不去\u2029", "hours": 2.5}


def test_each_document_follows_its_action():
    body = bulk_body("kb", [("case:a", {"id": "a"}), ("person:b", {"id": "b"})]).decode("utf-8")
    assert body.split("\n") == [
        '{"index":{"_index":"kb","_id":"case:a"}}',
        '{"id":"a"}',
        '{"index":{"_index":"kb","_id":"person:b"}}',
        '{"id":"b"}',
        "",
    ]


def test_a_part_is_an_even_number_of_lines_of_about_the_size_asked():
    body = bulk_body("kb", [(f"case:{n}", {"text": "x" * 60}) for n in range(100)])
    pair = len(body) / 100
    lines = lines_per_chunk(body, chunk_bytes=int(pair * 10.5))
    assert lines == 20
    assert lines_per_chunk(body, chunk_bytes=1) == 2  # never less than one document
    assert lines_per_chunk(b"") == 2


def test_index_names():
    assert all(map(is_index_name, ["servicekb", "kb-2026.12", "kb_cases", "2026kb"]))
    bad = [
        "",
        "Servicekb",
        "-kb",
        "_kb",
        "+kb",
        ".kb",
        "kb cases",
        "kb/cases",
        "kb:cases",
        "kb#1",
        "知识库",
        "k" * 256,
        "kb\n",
    ]
    assert not any(map(is_index_name, bad))


def test_no_control_character_is_left_raw_and_each_line_reads_back_as_it_was():
    """json.dumps leaves DEL, the C1 controls and lone surrogates raw (the last could not even
    be encoded): each is escaped, so the body is valid UTF-8 lines a terminal shows inertly."""
    value = {"title": "a\x7fb\x85c\x9b2Jd\x1b[31me\ud800f\ufffe", "tags": ["\x07"]}
    body = bulk_body("kb", [("case:a", value)])
    text = body.decode("utf-8")
    assert all(ch.isprintable() for ch in text.replace("\n", "")), text
    _action, document, end = text.split("\n")
    assert end == "" and json.loads(document) == value
    assert "\\u007f" in document and "\\u0085" in document and "\\u009b" in document and "\\ud800" in document
