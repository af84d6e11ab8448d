from __future__ import annotations

from generator.validate.rules import find_cycle
from tests.conftest import check, found, write


def test_find_cycle_returns_the_nodes_of_a_cycle():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c"]
    assert find_cycle({"a": ["b", "c"], "b": ["c"], "c": []}) == []
    assert find_cycle({"a": ["a"]}) == ["a"]
    assert find_cycle({"a": ["missing"]}) == []


def test_deep_chain_has_no_recursion_limit():
    chain = {str(i): [str(i + 1)] for i in range(5000)}
    chain["5000"] = ["0"]
    assert len(find_cycle(chain)) == 5001


def test_minimal_data_is_clean(data):
    assert found(check(data)) == []


def test_activity_after_leaving_is_a_warning_not_an_error(data):
    text = (data / "people/chen-hao.yml").read_text(encoding="utf-8") + "left: 2026-03-01\n"
    write(data, "people/chen-hao.yml", text)
    report = check(data).report
    assert report.errors == [] and {w.code for w in report.warnings} == {"KB511"}


def test_attachment_prefix_and_web_links_are_accepted(data):
    path = "cases/2026/20260412-hx200-pressure-drop.yml"
    text = (
        (data / path)
        .read_text(encoding="utf-8")
        .replace("attachments: [valve.png]", "attachments: [attachments/valve.png]")
    )
    write(data, path, text)
    assert found(check(data)) == []


def test_typo_in_one_record_does_not_cascade_to_references(data):
    path = "people/li-na.yml"
    write(data, path, (data / path).read_text(encoding="utf-8").replace("kcs_role:", "kcs_rol:"))
    assert found(check(data)) == [(path, 7, "KB202")]
