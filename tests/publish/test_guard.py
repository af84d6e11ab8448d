"""A build never hurts what is there: one at a time, OS errors as one line, no leftovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner
from filelock import FileLock, Timeout

from generator.cli import main
from generator.publish import site as site_module
from tests.conftest import REPO, copy_minimal
from tests.publish.conftest import build_site


def kb_build(data_dir, site_dir, cache_dir) -> subprocess.Popen:
    command = [sys.executable, "-m", "generator", "build", "-f", str(REPO / "mkdocs.yml"), "--data", str(data_dir)]
    command += ["--site-dir", str(site_dir), "--today", "2026-11-28"]
    env = {"KB_CACHE": str(cache_dir), "PATH": "/usr/bin:/bin", "CI": "1"}
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_builds_in_one_folder_queue_instead_of_racing(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    first = kb_build(data_dir, tmp_path / "site", tmp_path / "cache")
    second = kb_build(data_dir, tmp_path / "site", tmp_path / "cache")
    outputs = [process.communicate(timeout=180)[0] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert all("Traceback" not in output for output in outputs)
    assert (tmp_path / "site/index.html").is_file()


def test_folders_left_by_killed_builds_are_removed(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    for leftover in (".site-new-x1y2", ".site-old-4242"):
        (tmp_path / leftover / "cases").mkdir(parents=True)
    assert build_site(data_dir, tmp_path / "site", tmp_path / "cache").ok
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")) == []


def test_a_site_folder_that_is_a_link_is_updated_where_it_points(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    served = tmp_path / "www" / "kb"
    served.mkdir(parents=True)
    (served / "old.html").write_text("old", encoding="utf-8")
    (tmp_path / "site").symlink_to(served, target_is_directory=True)
    assert build_site(data_dir, tmp_path / "site", tmp_path / "cache").ok
    assert (tmp_path / "site").is_symlink()
    assert (served / "index.html").is_file() and not (served / "old.html").exists()


def test_a_path_that_cannot_be_written_is_one_line_and_exit_1(tmp_path, monkeypatch):
    data_dir = copy_minimal(tmp_path / "data")
    blocker = tmp_path / "a-file"
    blocker.write_text("a file stands where the site's folder would go", encoding="utf-8")
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--data",
            str(data_dir),
            "--site-dir",
            str(blocker / "site"),
            "--today",
            "2026-11-28",
            "--language",
            "en",
        ],
    )
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and str(blocker) in errors[0] and "move it away" in errors[0]


@pytest.mark.parametrize(
    "error, advice",
    [
        (PermissionError(13, "Permission denied", "/srv/kb/site"), "permissions"),
        (OSError(28, "No space left on device", "/srv/kb/site/cases"), "disk is full"),
        (OSError(30, "Read-only file system", "/srv/kb"), "read-only"),
    ],
)
def test_os_errors_during_the_build_leave_the_previous_site_and_no_temporary_folder(
    minimal_site, tmp_path, monkeypatch, error, advice
):
    data_dir, site = minimal_site
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))

    def failing_build(config):
        raise error

    monkeypatch.setattr(site_module, "mkdocs_build", failing_build)
    result = build_site(data_dir, site, tmp_path / "cache", language="en")
    assert not result.ok and error.filename in result.error and advice in result.error
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site-new-")]


def test_an_os_error_names_the_path_and_what_to_do_in_the_sites_language():
    from generator.publish.guard import os_error_message

    error = OSError(28, "No space left on device", "/srv/kb/site")
    assert os_error_message(error, "zh") == "/srv/kb/site：`No space left on device`；磁盘满了：请腾出空间后再构建"
    assert (
        os_error_message(error, "en")
        == "/srv/kb/site: No space left on device; the disk is full: free some space and build again"
    )


# --- who holds a lock: named, waited for, or taken over ----------------------------------------

HOLDING = """
import os, subprocess, sys, time
from pathlib import Path
from generator.publish.guard import Holder, one_build_at_a_time

folder, command, keep = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "keep"
lock = folder.parent / f".{folder.name}.lock"
with one_build_at_a_time([folder], print, "en", Holder.this_process(command, "http://127.0.0.1:8123/")):
    worker = 0
    if keep:  # a process it started that kept the lock's open file: it holds the lock on
        fd = next(int(n) for n in os.listdir("/proc/self/fd") if os.path.realpath(f"/proc/self/fd/{n}") == str(lock))
        worker = subprocess.Popen(["sleep", "120"], pass_fds=[fd]).pid
    print("held", worker, flush=True)
    if keep:
        os._exit(0)  # ended without letting go: its note stays beside the lock
    time.sleep(120)
"""


def holding(folder, command: str, keep: str = "") -> tuple[subprocess.Popen, int]:
    """A process holding the lock beside `folder` as `command`, and its forked worker's id."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDING, str(folder), command, keep or "no"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    held, worker = process.stdout.readline().split()
    assert held == "held"
    return process, int(worker)


def test_a_server_holding_the_cache_is_named_at_once(tmp_path):
    from generator.publish.guard import ServerRunning, one_build_at_a_time

    server, _ = holding(tmp_path / "pages", "serve")
    try:
        said: list[str] = []
        with pytest.raises(ServerRunning) as refused, one_build_at_a_time([tmp_path / "pages"], said.append, "en"):
            pass
        assert f"kb serve is already running at http://127.0.0.1:8123/ (process {server.pid})" in str(refused.value)
        assert said == [], "no waiting: a server does not finish on its own"
    finally:
        server.kill()
        server.wait()


def test_a_lock_whose_holder_has_ended_is_taken_over_though_a_process_it_started_still_holds_it(tmp_path):
    from generator.publish.guard import Holder, one_build_at_a_time, read_holder

    ended, worker = holding(tmp_path / "pages", "serve", keep="keep")
    try:
        ended.wait(30)
        stale = read_holder(tmp_path / "pages")
        assert stale is not None and stale.pid == ended.pid and not stale.alive()
        with pytest.raises(Timeout):  # the worker still holds the lock
            FileLock(str(tmp_path / ".pages.lock")).acquire(timeout=0)
        said: list[str] = []
        with one_build_at_a_time([tmp_path / "pages"], said.append, "en"):
            assert read_holder(tmp_path / "pages") == Holder.this_process("build")
        assert said == [
            f"The lock of {tmp_path / 'pages'} belonged to process {ended.pid}, which has ended; taking it over."
        ]
        assert read_holder(tmp_path / "pages") is None, "the note goes with the lock"
    finally:
        os.kill(worker, signal.SIGKILL)
