from __future__ import annotations

import datetime as dt
import shutil

from generator.pipeline import check
from generator.search.similar import near_duplicates, neighbours
from generator.settings import Settings
from tests.conftest import REPO

ORIGINAL = "cases/2025/20250506-hx200-oil-overheat.yml"


def demo_cases(data_dir=REPO / "data"):
    checked = check(Settings(data_dir, dt.date(2026, 11, 28), shown_root="data"))
    return {case.id: case.model for case in checked.context.of("case")}, checked


def test_every_demo_case_has_similar_cases_and_none_is_a_duplicate():
    cases, _ = demo_cases()
    found = neighbours(cases)
    assert all(found[case_id] for case_id in cases)
    assert near_duplicates(cases, found) == []


def test_neighbours_share_the_subject():
    cases, _ = demo_cases()
    found = dict(neighbours(cases)["20250506-hx200-oil-overheat"])
    assert "20260316-im280-hydraulic-oil-temp" in found  # both: hydraulic oil too hot


def test_a_rewritten_copy_is_reported_as_a_near_duplicate(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(REPO / "data", data_dir)
    text = (data_dir / ORIGINAL).read_text(encoding="utf-8")
    lines = text.replace("id: 20250506-hx200-oil-overheat", "id: 20260910-hx200-oil-temp-alarm").splitlines()
    lines[1] = "title: 液压站下午油温太高报 AL-1021，自动停泵"
    rewritten = [line for number, line in enumerate(lines) if not (line.startswith("  ") and number % 5 == 0)]
    copy = "\n".join(rewritten).replace("solved_on: 2025-05-06", "solved_on: 2026-05-10") + "\n"
    (data_dir / "cases/2026/20260910-hx200-oil-temp-alarm.yml").write_text(copy, encoding="utf-8")
    _, checked = demo_cases(data_dir)
    warnings = [d for d in checked.report.warnings if d.code == "KB703"]
    assert len(warnings) == 1
    assert warnings[0].file.endswith("20260910-hx200-oil-temp-alarm.yml") and warnings[0].line == 2
    assert "`20250506-hx200-oil-overheat`" in warnings[0].message
