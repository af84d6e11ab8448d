from __future__ import annotations

import datetime as dt

from generator.kinds.kind import Citation
from generator.model import build_dataset, pinyin_key
from generator.pipeline import check
from generator.settings import Settings
from tests.conftest import MINIMAL

PRESSURE = "20260412-hx200-pressure-drop"
SPINDLE = "20260501-vmc850-spindle-alarm"


def dataset(today=dt.date(2026, 11, 28)):
    checked = check(Settings(MINIMAL, today, shown_root="data"))
    assert not checked.report.errors
    return build_dataset(checked.context)


def test_back_links_of_people():
    data = dataset()
    assert data.cases_by_author["chen-hao"] == [SPINDLE, PRESSURE]  # newest first
    assert data.cases_validated_by["li-na"] == [PRESSURE]
    assert data.mentoring_as_mentor["zhang-wei"] == ["zhang-wei-chen-hao-2026"]
    assert data.sessions_attended["chen-hao"] == ["2026-03-hydraulics-basics", "2026-06-skills-contest"]
    assert data.sessions_trained["li-na"] == ["2026-06-skills-contest"]
    assert data.awards_of["chen-hao"] == ["2026-skills-contest-first"]
    assert data.paths_of["chen-hao"] == ["new-field-engineer"]


def test_a_case_knows_everything_that_cites_it():
    data = dataset()
    assert data.cited_by[PRESSURE] == [
        Citation("mentoring", "zhang-wei-chen-hao-2026", "log"),
        Citation("session", "2026-03-hydraulics-basics", "discussed"),
        Citation("award", "2026-h1-excellent-service-zhang-wei", "evidence"),
        Citation("path", "new-field-engineer", "read"),
    ]
    assert data.cited_by[SPINDLE] == [Citation("case", PRESSURE, "related")]


def test_path_progress_from_attendance_and_sign_off():
    progress = dataset().progress["new-field-engineer"]["chen-hao"]
    assert (progress["basics"].state, progress["basics"].how, progress["basics"].via) == (
        "done",
        "session",
        "2026-03-hydraulics-basics",
    )
    assert (progress["cases"].state, progress["cases"].how, progress["cases"].via) == (
        "done",
        "signed-off",
        "zhang-wei",
    )


def test_a_session_in_the_future_does_not_complete_a_step():
    progress = dataset(today=dt.date(2026, 3, 1)).progress["new-field-engineer"]["chen-hao"]
    assert progress["basics"].state == "available"
    assert progress["cases"].state == "done"  # signed off on its own; done beats blocked


def test_blocked_until_the_prerequisite_is_done(tmp_path):
    import shutil

    shutil.copytree(MINIMAL, tmp_path / "data")
    path = tmp_path / "data/paths/new-field-engineer.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("      - {person: chen-hao, by: zhang-wei, date: 2026-05-10}\n", "      []\n")
        .replace("signed_off:\n      []", "signed_off: []"),
        encoding="utf-8",
    )
    checked = check(Settings(tmp_path / "data", dt.date(2026, 3, 1), shown_root="data"))
    progress = build_dataset(checked.context).progress["new-field-engineer"]["chen-hao"]
    assert (progress["cases"].state, progress["cases"].how) == ("blocked", "basics")


def test_names_sort_by_pinyin():
    names = ["张伟", "李娜", "陈浩", "王芳", "安然"]
    assert sorted(names, key=pinyin_key) == ["安然", "陈浩", "李娜", "王芳", "张伟"]
    data = dataset()
    assert data.sorted_people() == ["chen-hao", "li-na", "zhang-wei"]
