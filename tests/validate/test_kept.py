"""The parts of a `kb build --shard` build check the records once: the first keeps the result,
the others take it, and only when it was made from the very same files, settings and code."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import generator.pipeline
from generator.pipeline import check
from generator.settings import Settings
from tests.conftest import TESTS, TODAY

SECOND_ORG = TESTS / "data" / "second-org"
LATER = dt.date(2029, 1, 1)  # two pairs have written nothing in their logs for two years: warnings to keep


def part_settings(data_dir: Path) -> Settings:
    return Settings(data_dir, LATER, shown_root="data", cache_dir=data_dir.parent / ".cache" / "pages-part-2-of-4")


def shared(data_dir: Path, **more) -> Settings:
    return part_settings(data_dir).with_(share_validation=True, **more)


def lines(checked) -> list[tuple]:
    return [
        (item.file, item.line, item.column, item.code, item.severity, item.in_language("zh"), item.message)
        for item in checked.report.items
    ]


@pytest.fixture
def second_org(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SECOND_ORG, tmp_path / "data"))


def refuse_to_check(monkeypatch) -> None:
    def not_again(*args, **kwargs):
        raise AssertionError("checked again")

    monkeypatch.setattr(generator.pipeline, "run_checks", not_again)
    monkeypatch.setattr(generator.pipeline, "neighbours", not_again)


def kept_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir.parent / ".cache" / "validated").glob("*.json"))


def test_a_part_takes_the_report_and_similar_cases_another_part_kept(second_org, monkeypatch):
    alone = check(part_settings(second_org))
    first = check(shared(second_org))
    assert len(kept_files(second_org)) == 1
    refuse_to_check(monkeypatch)
    other = check(shared(second_org, cache_dir=second_org.parent / ".cache" / "pages-part-3-of-4"))
    assert lines(other) == lines(first) == lines(alone)
    assert any(item.severity == "warning" for item in other.report.items)  # there is something to keep
    assert other.context.similar == alone.context.similar
    assert [record.id for record in other.context.all_records()] == [
        record.id for record in alone.context.all_records()
    ]


@pytest.mark.parametrize(
    "change",
    [
        lambda data_dir, settings: ((data_dir / "attachments" / "new.txt").write_text("x"), settings)[1],
        lambda data_dir, settings: (_touch_a_case(data_dir), settings)[1],
        lambda data_dir, settings: settings.with_(today=TODAY),
        lambda data_dir, settings: settings.with_(language="en"),
        lambda data_dir, settings: settings.with_(skip=frozenset({"KB511"})),
    ],
    ids=["an attachment added", "a record changed", "another today", "another language", "a code skipped"],
)
def test_anything_the_result_is_made_from_makes_another_key(second_org, change):
    check(shared(second_org))
    checked = check(change(second_org, shared(second_org)))
    assert len(kept_files(second_org)) == 2
    assert lines(checked) == lines(check(change(second_org, part_settings(second_org))))


def _touch_a_case(data_dir: Path) -> None:
    case = sorted((data_dir / "cases").rglob("*.yml"))[0]
    case.write_text(case.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def test_a_kept_file_naming_cases_that_are_not_there_is_not_taken(second_org):
    first = check(shared(second_org))
    (kept,) = kept_files(second_org)
    forged = json.loads(kept.read_text(encoding="utf-8"))
    forged["similar"] = {"no-such-case": [["nor-this", 0.9]]}
    forged["report"] = []
    kept.write_text(json.dumps(forged), encoding="utf-8")
    assert lines(check(shared(second_org))) == lines(first)


@pytest.mark.parametrize("written", ["", "{", "[]", '{"format": 1}', '{"format": 1, "key": "x", "report": 3}'])
def test_an_unreadable_kept_file_means_checking_again(second_org, written):
    first = check(shared(second_org))
    (kept,) = kept_files(second_org)
    kept.write_text(written.replace('"x"', json.dumps(kept.stem)), encoding="utf-8")
    assert lines(check(shared(second_org))) == lines(first)


def test_records_with_errors_are_not_kept(second_org):
    person = sorted((second_org / "people").glob("*.yml"))[0]
    person.write_text(person.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    checked = check(shared(second_org))
    assert checked.report.errors
    assert kept_files(second_org) == []


def test_a_build_in_one_piece_keeps_nothing(second_org):
    check(part_settings(second_org))
    assert kept_files(second_org) == []
