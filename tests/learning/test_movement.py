"""The pipeline's movement read from a scripted git history of the people's records: levels raised
in known commits are the steps the pages show, exactly, with their days; what is no step (the
levels a record starts with, a lowered level, a broken version, a file written anew) is none;
the reader's git settings and a hostile repository's settings change nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.learning.movement import (
    NO_LEVELS,
    LevelStep,
    days_to_level,
    parse_level_log,
    person_steps,
    read_level_history,
)
from generator.model import build_dataset
from generator.pipeline import check
from generator.render import render_site
from generator.render.learning_view import LearningView
from generator.settings import Settings
from tests.conftest import MINIMAL

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
D = dt.date


def git(repo: Path, *args: str, day: str = "2026-02-01") -> None:
    moment = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(
        ["git", "-c", "user.name=张伟", "-c", "user.email=kb@example.com", *args],
        cwd=repo, env=env, check=True, capture_output=True,
    )  # fmt: skip


def set_levels(data: Path, person: str, levels: str, extra: str = "") -> None:
    """The person's file with `skills: {levels}` (and a blank line, which some diff settings drop)."""
    written = (MINIMAL / "people" / f"{person}.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^skills:.*?(?=^kcs_role:)", f"skills: {levels}\n\n", written)
    (data / "people" / f"{person}.yml").write_text(text + extra, encoding="utf-8")


def commit(repo: Path, message: str, day: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, day=day)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The minimal records with levels raised, lowered, broken and written anew in known commits."""
    root = tmp_path_factory.mktemp("movement") / "repo"
    data = root / "data"
    shutil.copytree(MINIMAL, data)
    git(root, "init", "-q", "-b", "main")
    commit(root, "records", "2026-02-01")  # chen-hao {hydraulics: 1}, li-na {hydraulics: 3}, zhang-wei {4, cnc 3}
    set_levels(data, "chen-hao", "{hydraulics: 2}")
    commit(root, "chen-hao works with help", "2026-04-15")
    set_levels(data, "chen-hao", "{hydraulics: 3, cnc: 1}")
    (data / "cases/2026/20260501-vmc850-spindle-alarm.yml").write_text(
        (data / "cases/2026/20260501-vmc850-spindle-alarm.yml").read_text(encoding="utf-8") + "tags: [主轴]\n",
        encoding="utf-8",
    )
    commit(root, "chen-hao independent in hydraulics, learning cnc", "2026-06-20")
    set_levels(data, "chen-hao", "{hydraulics: 4, cnc: 4", extra="broken: [\n")
    commit(root, "a broken file", "2026-07-01")
    set_levels(data, "chen-hao", "{hydraulics: 3, cnc: 2}")
    commit(root, "fixed", "2026-07-02")
    git(root, "checkout", "-q", "-b", "raise")
    set_levels(data, "zhang-wei", "{hydraulics: 4, cnc: 4}")
    commit(root, "zhang-wei can teach cnc (on a branch)", "2026-08-01")
    git(root, "checkout", "-q", "main")
    (data / "sessions/2026-03-hydraulics-basics.yml").write_text(
        (data / "sessions/2026-03-hydraulics-basics.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    git(root, "commit", "-q", "--allow-empty", "-m", "meanwhile on main", day="2026-08-05")
    git(root, "merge", "-q", "--no-ff", "-m", "merge the raise", "raise", day="2026-08-10")
    set_levels(data, "zhang-wei", "{hydraulics: 3, cnc: 4}")
    commit(root, "a correction: lowered", "2026-09-01")
    git(root, "rm", "-q", "data/people/li-na.yml", day="2026-10-01")
    commit(root, "li-na's file removed", "2026-10-01")
    shutil.copy(MINIMAL / "people/li-na.yml", data / "people/li-na.yml")
    set_levels(data, "li-na", "{hydraulics: 4}")
    commit(root, "li-na's file written anew", "2026-10-02")
    return root


EXPECTED = {
    "chen-hao": [
        LevelStep("chen-hao", "hydraulics", 1, 2, D(2026, 4, 15)),
        LevelStep("chen-hao", "cnc", 0, 1, D(2026, 6, 20)),
        LevelStep("chen-hao", "hydraulics", 2, 3, D(2026, 6, 20)),
        LevelStep("chen-hao", "cnc", 1, 2, D(2026, 7, 2)),  # against the last version that could be read
    ],
    "zhang-wei": [LevelStep("zhang-wei", "cnc", 3, 4, D(2026, 8, 10))],  # the day it reached main
    "li-na": [],  # written anew: the new file's levels are where it starts
}


def test_the_steps_are_the_scripted_raises_exactly(repo):
    history = read_level_history(repo / "data")
    for person, steps in EXPECTED.items():
        assert person_steps(history, person) == steps, person
    assert [v.day for v in history.versions["li-na"]] == [D(2026, 10, 2)]
    assert history.versions["chen-hao"][0].skills == {"hydraulics": 1}
    assert D(2026, 7, 1) not in [v.day for v in history.versions["chen-hao"]], "the broken version is passed over"
    assert history.since() == D(2026, 2, 1)


def test_time_from_joining_to_level_three(repo):
    history = read_level_history(repo / "data")
    joined = D(2026, 2, 1)
    assert days_to_level(person_steps(history, "chen-hao"), joined) == {"hydraulics": (D(2026, 6, 20) - joined).days}
    assert days_to_level(person_steps(history, "zhang-wei"), D(2015, 3, 1)) == {}, "started at level 3 in cnc"


def test_the_readers_and_the_repositorys_git_settings_change_nothing(repo, tmp_path):
    marker = tmp_path / "ran"
    script = tmp_path / "diff.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    script.chmod(0o755)
    settings = {
        "diff.noprefix": "true",
        "diff.mnemonicPrefix": "true",
        "diff.suppressBlankEmpty": "true",
        "color.ui": "always",
        "log.showRoot": "false",
        "diff.external": str(script),
        "diff.renames": "copies",
        "log.follow": "true",
    }
    for key, value in settings.items():
        git(repo, "config", key, value)
    try:
        history = read_level_history(repo / "data")
    finally:
        for key in settings:
            git(repo, "config", "--unset", key)
    for person, steps in EXPECTED.items():
        assert person_steps(history, person) == steps, person
    assert not marker.exists(), "no program of the repository's settings runs"


def test_without_git_or_in_a_shallow_clone_there_is_no_movement(repo, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(repo / "data", copy)
    assert read_level_history(copy) is NO_LEVELS
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow)], check=True)
    assert read_level_history(shallow / "data") is NO_LEVELS


def test_a_commit_whose_date_cannot_be_read_leaves_its_files_without_movement():
    created = "diff --git a/people/x.yml b/people/x.yml\nnew file mode 100644\n--- /dev/null\n+++ b/people/x.yml\n"
    created += "@@ -0,0 +1,2 @@\n+id: x\n+skills: {a: 1}\n"
    changed = "diff --git a/people/x.yml b/people/x.yml\n--- a/people/x.yml\n+++ b/people/x.yml\n"
    changed += "@@ -1,2 +1,2 @@\n id: x\n-skills: {a: 1}\n+skills: {a: 2}\n"
    good = "\x1eabc\x1f2026-01-01T10:00:00+08:00\n\n" + created
    assert parse_level_log(good).versions["x"][0].skills == {"a": 1}
    assert "x" not in parse_level_log("\x1edef\x1fnot a date\n\n" + changed + good).versions
    later = "\x1edef\x1f2026-02-01T10:00:00+08:00\n\n" + changed + good
    assert person_steps(parse_level_log(later), "x") == [LevelStep("x", "a", 1, 2, D(2026, 2, 1))]


def test_a_line_of_a_file_that_looks_like_a_header_is_read_as_the_files_line():
    body = ["id: x", "note: |", "  diff --git a/people/y.yml b/people/y.yml", "  +++ b/people/y.yml", "skills: {a: 3}"]
    log = "\x1eabc\x1f2026-01-01T10:00:00+08:00\n\ndiff --git a/people/x.yml b/people/x.yml\nnew file mode 100644\n"
    log += "--- /dev/null\n+++ b/people/x.yml\n@@ -0,0 +1,5 @@\n" + "".join(f"+{line}\n" for line in body)
    history = parse_level_log(log)
    assert set(history.versions) == {"x"} and history.versions["x"][0].skills == {"a": 3}


def site(repo: Path, today: dt.date) -> dict[str, str]:
    data_dir = repo / "data"
    checked = check(Settings(data_dir, today))
    assert not checked.report.errors, checked.report.errors
    dataset = build_dataset(checked.context)
    return {p.src_uri: p.text for p in render_site(dataset, "zh", "站点", levels=read_level_history(data_dir))}


ROW = re.compile(r"<tr><td class=\"kb-nowrap\">([^<]+)</td>(.*?)</tr>")


def test_the_person_and_team_pages_show_the_history(repo):
    pages = site(repo, D(2026, 11, 28))
    person = pages["people/chen-hao.md"].split("## 技能成长", 1)[1].split("\n## ", 1)[0]
    rows = ROW.findall(person)
    assert [day for day, _ in rows] == ["2026年4月15日", "2026年6月20日", "2026年6月20日", "2026年7月2日"]
    assert "自 2026年2月1日 起" in person
    assert "入职后 5 个月" in person, "139 days from joining to level 3 in hydraulics"
    team = pages["teams/east.md"].split("## 技能成长", 1)[1].split("\n## ", 1)[0]
    assert [day for day, _ in ROW.findall(team)] == [
        "2026年8月10日",
        "2026年7月2日",
        "2026年6月20日",
        "2026年6月20日",
        "2026年4月15日",
    ]
    assert "张伟" in ROW.findall(team)[0][1] and "数控系统" in ROW.findall(team)[0][1]
    assert "<td>5 个月</td><td>1</td>" in team, "the median per skill, over the one person who got there"
    assert "记录的历史还不到一年" in team and '<ul class="kb-movement-quiet">' not in team
    assert "入职后" not in team, "time per person only on their own page"
    hotline = pages["teams/hotline.md"]
    assert "记录的历史里没有技能等级的提高" in hotline


def test_skills_nobody_moved_in_for_a_year(repo):
    view = LearningView(
        build_dataset(check(Settings(repo / "data", D(2027, 8, 1))).context), read_level_history(repo / "data")
    )
    team = view.team(["chen-hao", "zhang-wei"], ["hydraulics", "cnc"])
    assert team.year_covered
    assert team.quiet == (("hydraulics", D(2026, 6, 20)),), "cnc moved on 2026-08-10, within the year"
    assert view.team(["chen-hao"], ["hydraulics"]).medians == (("hydraulics", 5, 1),)


def test_a_site_without_history_says_nothing_of_movement(tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "data")
    checked = check(Settings(tmp_path / "data", D(2026, 11, 28)))
    pages = {p.src_uri: p.text for p in render_site(build_dataset(checked.context), "zh", "站点")}
    assert "技能成长" not in pages["people/chen-hao.md"] and "技能成长" not in pages["teams/east.md"]
