"""Record history from one `git log` over the data folder: created, last changed, revisions."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.history import NO_HISTORY, parse_log, read_history
from generator.repository import repository_links

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str, author: str = "张伟", day: str = "2026-04-12") -> None:
    moment = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(
        ["git", "-c", f"user.name={author}", "-c", "user.email=kb@example.com", *args],
        cwd=repo, env=env, check=True, capture_output=True,
    )  # fmt: skip


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root


def test_created_changed_and_revisions_across_commits_renames_and_deletions(repo):
    data = repo / "data"
    write(data / "cases/a.yml", "id: a\n")
    write(data / "cases/b.yml", "id: b\n")
    write(data / "cases/gone.yml", "id: gone\n")
    write(repo / "README.md", "outside data/\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    write(data / "cases/a.yml", "id: a\ntitle: x\n")
    (data / "cases/2026").mkdir()
    git(repo, "mv", "data/cases/b.yml", "data/cases/2026/b.yml")
    git(repo, "rm", "-q", "data/cases/gone.yml")
    git(repo, "commit", "-qam", "two", author="李娜", day="2026-05-01")
    write(data / "cases/gone.yml", "id: gone\ntitle: a new file of the same name\n")
    write(repo / "README.md", "changed, but not in data/\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "three", author="李娜", day="2026-06-02")
    history = read_history(data)
    assert history.prefix == "data/"
    assert set(history.files) == {"cases/a.yml", "cases/2026/b.yml", "cases/gone.yml"}
    a = history.of("cases/a.yml")
    assert (a.created, a.created_by, a.changed, a.changed_by, a.revisions) == (
        dt.date(2026, 4, 12), "张伟", dt.date(2026, 5, 1), "李娜", 2,
    )  # fmt: skip
    moved = history.of("cases/2026/b.yml")
    assert (moved.created, moved.created_by, moved.revisions) == (dt.date(2026, 4, 12), "张伟", 2)
    again = history.of("cases/gone.yml")  # re-created after a deletion: a new file
    assert (again.created, again.revisions, again.edited) == (dt.date(2026, 6, 2), 1, False)


def test_no_history_outside_a_repository_or_without_git_or_in_a_shallow_clone(tmp_path, repo, monkeypatch):
    plain = tmp_path / "plain"
    write(plain / "cases/a.yml", "id: a\n")
    assert read_history(plain) is NO_HISTORY
    write(repo / "data/cases/a.yml", "id: a\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    git(repo, "commit", "-q", "--allow-empty", "-m", "two")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    assert read_history(clone / "data") is NO_HISTORY
    assert read_history(repo / "data")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert read_history(repo / "data") is NO_HISTORY


def test_the_log_is_read_in_one_pass_newest_first():
    log = (
        "\x1ec3\x1f2026-06-02T10:00:00+08:00\x1f李娜\0\nR100\0old.yml\0new.yml\0M\0x.yml\0"
        "\x1ec2\x1f2026-05-01T10:00:00+08:00\x1f李娜\0\nM\0old.yml\0D\0y.yml\0"
        "\x1ec1\x1f2026-04-12T23:30:00+08:00\x1f张伟\0\nA\0old.yml\0A\0x.yml\0A\0y.yml\0"
    )
    files = parse_log(log)
    assert set(files) == {"new.yml", "x.yml"}
    assert files["new.yml"].revisions == 3 and files["new.yml"].created == dt.date(2026, 4, 12)  # the author's day
    assert files["x.yml"].changed_by == "李娜" and files["x.yml"].created_by == "张伟"


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "edit", "history"),
    [
        ("https://github.com/org/kb", "edit/main/kb/", "https://github.com/org/kb/edit/main/data/cases/a.yml",
         "https://github.com/org/kb/commits/main/data/cases/a.yml"),
        ("https://gitlab.com/org/kb/", "-/edit/master/docs/", "https://gitlab.com/org/kb/-/edit/master/data/cases/a.yml",
         "https://gitlab.com/org/kb/-/commits/master/data/cases/a.yml"),
        ("https://git.example.com/org/kb", "src/branch/main/kb/", "https://git.example.com/org/kb/src/branch/main/data/cases/a.yml", ""),
        (None, None, "", ""),
    ],
)  # fmt: skip
def test_edit_and_history_links_point_at_the_record_file_not_the_docs_folder(repo_url, edit_uri, edit, history):
    links = repository_links(repo_url, edit_uri, "kb", "data/")
    assert links.edit("cases/a.yml") == edit and links.history("cases/a.yml") == history


def test_the_report_link_carries_the_id_and_title_url_encoded():
    links = repository_links("https://github.com/org/kb", "edit/main/kb/", "kb", "data/")
    assert links.report("a-1", "压力掉 & 漏油?") == (
        "https://github.com/org/kb/issues/new?title=%5Ba-1%5D%20%E5%8E%8B%E5%8A%9B%E6%8E%89%20%26%20%E6%BC%8F%E6%B2%B9%3F"
    )
    mail = repository_links(None, None, "kb", None, "mailto:kb@example.com?subject={id}%20{title}")
    assert mail.report("a-1", "x y") == "mailto:kb@example.com?subject=a-1%20x%20y" and mail.edit("cases/a.yml") == ""
