"""`kb export --format opensearch` on both organisations: a mapping OpenSearch takes, and a bulk
body whose every document fits it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import RECORD_KINDS
from generator.opensearch.conformance import bulk_problems, document_problems, mapping_problems
from generator.render.text import plain_text
from generator.render.urls import record_url
from tests.conftest import REPO, TESTS, check, copy_minimal, write
from tests.tickets.conftest import FIRST_HALF, SECOND_HALF, add_tickets, unread_values

FOLDERS = {"demo": REPO / "data", "second-org": TESTS / "data" / "second-org"}
TEXT_FIELDS = ("title", "aka", "tags", "symptoms", "environment", "cause", "resolution")


def kb(*args: str):
    return CliRunner().invoke(main, [*args, "--today", "2026-11-28"])


def export(data_dir: Path, out: Path, *args: str):
    return kb("export", "--format", "opensearch", "--data", str(data_dir), "--out", str(out), *args)


@pytest.fixture(scope="module", params=list(FOLDERS))
def exported(request, tmp_path_factory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("opensearch") / request.param
    result = export(FOLDERS[request.param], out)
    assert result.exit_code == 0, result.output
    return request.param, out


def lines_of(out: Path) -> list[str]:
    body = (out / "bulk.ndjson").read_bytes().decode("utf-8")
    assert body.endswith("\n")  # the bulk API refuses a body without the final newline
    return body.split("\n")[:-1]


def pairs_of(out: Path) -> list[tuple[dict, dict]]:
    lines = [json.loads(line) for line in lines_of(out)]
    assert len(lines) % 2 == 0
    return list(zip(lines[::2], lines[1::2], strict=True))


def test_the_mapping_is_json_and_well_formed(exported):
    _, out = exported
    mapping = json.loads((out / "mapping.json").read_text(encoding="utf-8"))
    assert mapping_problems(mapping) == []


def test_every_document_fits_the_mapping(exported):
    _, out = exported
    mapping = json.loads((out / "mapping.json").read_text(encoding="utf-8"))
    for _, document in pairs_of(out):
        assert document_problems(document, mapping) == [], document["id"]
    assert bulk_problems((out / "bulk.ndjson").read_bytes(), mapping, "servicekb") == []


def test_actions_and_documents_alternate_one_per_record_in_order(exported):
    name, out = exported
    pairs = pairs_of(out)
    for action, document in pairs:
        assert list(action) == ["index"] and action["index"]["_index"] == "servicekb"
        assert action["index"]["_id"] == f"{document['kind']}:{document['id']}"
        assert "index" not in document and document["url"] == record_url(document["kind"], document["id"])
    ids = [action["index"]["_id"] for action, _ in pairs]
    assert len(ids) == len(set(ids))
    context = check(FOLDERS[name]).context
    exported_kinds = [kind for kind in RECORD_KINDS if kind.document is not None]  # the glossary is no document
    expected = [f"{kind.name}:{record_id}" for kind in exported_kinds for record_id in sorted(context.index(kind.name))]
    assert ids == expected  # every record of a kind with a document, kinds in the table's order, ids sorted


def test_case_text_is_the_plain_text_of_every_searchable_field(exported):
    name, out = exported
    documents = {document["id"]: document for _, document in pairs_of(out) if document["kind"] == "case"}
    cases = {record.id: record.model for record in check(FOLDERS[name]).context.of("case")}
    complete = [c for c in cases.values() if c.aka and c.tags and c.cause and c.environment and c.resolution]
    assert complete
    for case in complete:
        document = documents[case.id]
        assert document["title"] == case.title and document["state"] == case.state
        assert document["aka"] == [str(word) for word in case.aka] and document["tags"] == [str(w) for w in case.tags]
        for field in ("symptoms", "environment", "cause", "resolution"):
            assert document[field] == plain_text(getattr(case, field)), (case.id, field)
        assert document["products"] == list(case.products) and document["solved_on"] == case.solved_on.isoformat()
    bulk = (out / "bulk.ndjson").read_text(encoding="utf-8")
    assert "**" not in bulk and "](" not in bulk  # Markdown's marks stay out
    assert re.search(r"[\u4e00-\u9fff]{4}", bulk) and "\\u" not in bulk  # Chinese as written, UTF-8


def test_no_field_is_sent_empty(exported):
    _, out = exported
    for _, document in pairs_of(out):
        empty = [field for field, value in document.items() if value in (None, "", [])]
        assert empty == [], document["id"]


def test_the_same_records_give_the_same_bytes(exported, tmp_path):
    name, out = exported
    assert export(FOLDERS[name], tmp_path / "again").exit_code == 0
    for file in ("mapping.json", "bulk.ndjson"):
        assert (tmp_path / "again" / file).read_bytes() == (out / file).read_bytes()


def test_the_run_says_what_it_wrote_and_how_to_load_it(tmp_path):
    result = export(FOLDERS["second-org"], tmp_path / "out", "--index", "kb-2026", "--language", "en")
    assert result.exit_code == 0, result.output
    assert re.search(r"Wrote \S+bulk\.ndjson: \d+ documents for index `kb-2026` \(Person \d+, Case \d+", result.output)
    assert f"curl -XPUT \"$URL/kb-2026\" -H 'Content-Type: application/json' --data-binary @{tmp_path}" in result.output
    assert "curl -XPOST \"$URL/_bulk\" -H 'Content-Type: application/x-ndjson'" in result.output
    assert {action["index"]["_index"] for action, _ in pairs_of(tmp_path / "out")} == {"kb-2026"}


def test_a_large_body_is_loaded_in_parts(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.opensearch.bulk.SPLIT_ABOVE", 1000)
    monkeypatch.setattr("generator.opensearch.bulk.CHUNK_BYTES", 20_000)
    result = export(FOLDERS["second-org"], tmp_path / "out", "--language", "en")
    assert result.exit_code == 0, result.output
    lines = int(re.search(r"split -l (\d+) ", result.output).group(1))
    assert lines % 2 == 0 and lines >= 2  # an action never parts from its document
    assert "for part in " in result.output and '--data-binary "@$part"; done' in result.output


def test_records_with_errors_are_not_exported(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    write(data_dir, "people/li-na.yml", "id: li-na\n")
    result = export(data_dir, tmp_path / "out", "--language", "en")
    assert result.exit_code == 1 and "Nothing exported: fix the errors above first." in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_personal_data_in_a_record_is_refused_and_never_written(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    case = next((data_dir / "cases").rglob("*.yml"))
    text = case.read_text(encoding="utf-8").replace("symptoms: |\n", "symptoms: |\n  客户电话 13905311234。\n", 1)
    assert "13905311234" in text
    case.write_text(text, encoding="utf-8")
    result = export(data_dir, tmp_path / "out")
    assert result.exit_code == 1 and "KB601" in result.output and "记录有错误，什么都没有导出" in result.output
    assert not (tmp_path / "out").exists()


def test_the_columns_of_ticket_exports_that_are_not_read_never_reach_the_export(tmp_path):
    data_dir = add_tickets(copy_minimal(tmp_path / "data"))
    assert export(data_dir, tmp_path / "out").exit_code == 0
    written = (tmp_path / "out" / "bulk.ndjson").read_text(encoding="utf-8")
    written += (tmp_path / "out" / "mapping.json").read_text(encoding="utf-8")
    values = unread_values(FIRST_HALF, SECOND_HALF)
    assert values and [value for value in values if value in written] == []


@pytest.mark.parametrize("name", ["Cases 2026", "_kb", "kb/2026", "a" * 256, "案例"])
def test_a_bad_index_name_is_refused(tmp_path, name):
    # click's own words and say()'s follow the language the command line starts with
    result = export(FOLDERS["second-org"], tmp_path / "out", "--index", name)
    assert (
        result.exit_code == 2 and f"`--index` 的值不对：`{name}` " in result.output and "Traceback" not in result.output
    )
    assert not (tmp_path / "out").exists()


def test_a_good_index_name_is_taken(tmp_path):
    assert export(FOLDERS["second-org"], tmp_path / "out", "--index", "kb.cases_2026-v1").exit_code == 0


def test_index_is_only_for_opensearch(tmp_path):
    result = kb("export", "--data", str(FOLDERS["second-org"]), "--out", str(tmp_path / "r.xlsx"), "--index", "kb")
    assert result.exit_code == 2 and "--index" in result.output and not (tmp_path / "r.xlsx").exists()


def test_out_that_is_a_file_is_refused_without_a_traceback(tmp_path):
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    result = export(FOLDERS["second-org"], tmp_path / "out", "--language", "en")
    assert result.exit_code == 1 and "is a file; --format opensearch writes into a folder" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_folder_without_records_has_nothing_to_export(tmp_path):
    data_dir = tmp_path / "data"
    write(data_dir, "taxonomy.yml", "products:\n  - {id: hx-200, name: HX-200 液压站}\n")
    result = export(data_dir, tmp_path / "out", "--language", "en")
    assert result.exit_code == 1 and "nothing to export" in result.output, result.output
    assert not (tmp_path / "out" / "bulk.ndjson").exists()


def test_a_document_the_mapping_does_not_take_stops_the_export_before_anything_is_written(tmp_path, monkeypatch):
    from generator.opensearch import export as module

    made = module.documents

    def with_an_undeclared_field(data, language):
        for document_id, document in made(data, language):
            yield document_id, document | ({"customer": "某食品厂"} if document["kind"] == "case" else {})

    monkeypatch.setattr(module, "documents", with_an_undeclared_field)
    result = export(FOLDERS["second-org"], tmp_path / "out", "--language", "en")
    assert result.exit_code == 1 and "does not fit its own mapping" in result.output
    assert "`customer`: not in the mapping, which is strict" in result.output
    assert not (tmp_path / "out").exists()
