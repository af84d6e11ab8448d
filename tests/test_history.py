"""Record history from one `git log` over the data folder: created, last changed, revisions."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from generator import history as history_module
from generator.history import NO_HISTORY, FileHistory, History, attributed, parse_log, read_history
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


PEOPLE = {
    "zhang-wei": ("张伟", "Zhang Wei"),
    "li-na": ("李娜", None),
    "wang-fang": ("王芳", None),
    "wang-fang-2": ("王芳", None),
}


def only(author: str) -> str | None:
    """Whom a file created and changed by `author` is attributed to."""
    history = History("", {"a.yml": FileHistory(dt.date(2026, 4, 12), author, dt.date(2026, 4, 12), author, 1)})
    entry = attributed(history, PEOPLE).of("a.yml")
    assert entry.created_by == entry.changed_by
    return entry.created_by


@pytest.mark.parametrize(
    ("author", "person"),
    [
        ("张伟", "zhang-wei"),
        (" 张伟\t", "zhang-wei"),  # whitespace-normalised
        ("zhang wei", "zhang-wei"),  # name_en, case-insensitive
        ("ZHANG   WEI", "zhang-wei"),
        ("Zhang-Wei", "zhang-wei"),  # the id
        ("李娜", "li-na"),
        ("王芳", None),  # two people share the name: no one is guessed
        ("张伟伟", None),
        ("zw", None),
        ("", None),
    ],
)
def test_an_author_is_the_person_it_names_by_name_english_name_or_id(author, person):
    assert only(author) == person


@pytest.mark.parametrize(
    "author",
    [
        "张伟\x1b[31m",
        "张伟\x07",
        "张\n伟",
        "张伟 13812345678",
        "zhang.wei@example.com",
        "张伟 11010519491231002X",
        "张伟" + " " * 300,
    ],
)
def test_an_author_holding_control_characters_or_personal_data_names_no_one(author):
    assert only(author) is None


def test_a_commit_whose_metadata_cannot_be_read_leaves_its_files_without_history():
    log = (
        "\x1ec4\x1f2026-07-01T10:00:00+08:00\x1f张伟\0\nM\0kept.yml\0"
        "\x1ec3\x1f2023-11-19T02:52:20+99:99\x1f张伟\0\nM\0odd-offset.yml\0"
        "\x1ec2\x1f%aI\x1f张伟\0\nM\0no-date.yml\0M\0renamed.yml\0"
        "\x1ec1\x1f2026-04-12T10:00:00+08:00\x1fa\x1eb\x1fc\0\nA\0split-name.yml\0"
        "\x1ec0\x1f2026-04-01T10:00:00+08:00\x1f李娜\0\nA\0kept.yml\0A\0odd-offset.yml\0A\0no-date.yml\0"
        "R100\0old.yml\0renamed.yml\0A\0old.yml\0"
    )
    files = parse_log(log)
    assert set(files) == {"kept.yml"}
    assert (files["kept.yml"].created, files["kept.yml"].revisions) == (dt.date(2026, 4, 1), 2)


def test_a_repository_with_a_date_git_cannot_read_gives_no_history_for_that_file_and_no_traceback(repo):
    write(repo / "data/cases/a.yml", "id: a\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    write(repo / "data/cases/b.yml", "id: b\n")
    git(repo, "add", ".")
    tree = subprocess.run(["git", "write-tree"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    parent = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout
    commit = (
        f"tree {tree}\nparent {parent.strip()}\nauthor 张伟 <z@example.com> abc +0000\ncommitter c <c@c> 1 +0000\n\nx\n"
    )
    made = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
        cwd=repo, input=commit, capture_output=True, text=True, check=True,
    )  # fmt: skip
    subprocess.run(["git", "update-ref", "refs/heads/main", made.stdout.strip()], cwd=repo, check=True)
    history = read_history(repo / "data")
    assert set(history.files) == {"cases/a.yml"}


def test_what_git_prints_is_bounded_in_size(repo, monkeypatch, caplog):
    write(repo / "data/cases/a.yml", "id: a\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    assert read_history(repo / "data")
    monkeypatch.setattr(history_module, "MAX_LOG_BYTES", 64)
    assert read_history(repo / "data") is NO_HISTORY
    assert "记录没有修改历史" in caplog.text and "超过了 0 MiB" in caplog.text


def test_a_git_that_hangs_is_stopped_in_time(tmp_path, monkeypatch, caplog):
    """A hostile repository (or a hook, a filter, a network file system) may keep git waiting."""
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "git").write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    (tools / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(history_module, "GIT_TIMEOUT", 0.5)
    started = time.monotonic()
    assert read_history(tmp_path, "en") is NO_HISTORY
    assert time.monotonic() - started < 25  # the fake git sleeps 30 s: it was stopped, not waited for
    assert "did not finish within 0.5 s" in caplog.text
