"""`kb serve` in a terminal, as an author meets it: a real server in a subprocess, on a free port,
with a minimal data folder.

- The terminal shows the address to open and one line per rebuild (what changed, how long, how
  many warnings; the warnings themselves when they change), and none of MkDocs' own lines: no
  temporary folder, no `Browser connected`, no request lines (those only with --verbose).
- A second server of the same site names the first (its address and process id) and exits 1.
- A server killed with -9 leaves its lock and its note behind: the next one takes them over, and
  serves on the next free port when its own is taken, saying so.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

CASE = "data/cases/2026/20260412-hx200-pressure-drop.yml"
WIP_CASE = "data/cases/2026/20260501-vmc850-spindle-alarm.yml"  # past its review date: a warning (KB701)
REBUILD_LINE = re.compile(r"^\[\d\d:\d\d:\d\d\] .* 有改动：.*$", re.MULTILINE)
MKDOCS_LINES = ("Serving on", "Watching paths", "Detected file changes", "Reloading browsers", "kb-serve-")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def eventually(check, limit: float = 120.0) -> bool:
    """Whether `check()` comes true before the deadline (polled, never a fixed wait)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def get(url: str, timeout: float = 10) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Server:
    """A `kb serve` in a subprocess, its terminal written to a file."""

    def __init__(self, folder: Path, name: str, *arguments: str) -> None:
        self.log = folder / f"{name}.log"
        command = [sys.executable, "-m", "generator", "serve", "-f", str(REPO / "mkdocs.yml"), "--data", "data"]
        command += ["--cache-dir", "cache", "--today", "2026-11-28", *arguments]
        env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
        with self.log.open("w", encoding="utf-8") as log:
            self.process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)

    def said(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def serving(self) -> re.Match | None:
        return re.search(r"在 (http://127\.0\.0\.1:(\d+)/) 提供网站（进程 (\d+)）", self.said())

    def wait_serving(self) -> re.Match:
        assert eventually(lambda: self.serving() is not None or self.process.poll() is not None), self.said()
        match = self.serving()
        assert match is not None, self.said()
        assert eventually(lambda: get(match.group(1)) == 200), self.said()
        return match

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)


@pytest.fixture
def site(tmp_path):
    """A folder with a copy of the minimal data, and every server started in it stopped after."""
    shutil.copytree(MINIMAL, tmp_path / "data")
    servers: list[Server] = []

    def start(name: str, *arguments: str) -> Server:
        servers.append(Server(tmp_path, name, *arguments))
        return servers[-1]

    yield tmp_path, start
    for server in servers:
        server.stop()


def browser_connects(address: str) -> None:
    """What the live-reload script of a page asks; the server answers it when the site changes."""
    request = urllib.request.Request(address + "livereload/99999999999999/1", headers={"Referer": address})
    with contextlib.suppress(OSError):  # left waiting for a change, as a browser is
        urllib.request.urlopen(request, timeout=0.5).close()


def test_the_terminal_says_what_an_author_needs_and_a_second_server_names_the_first(site):
    folder, start = site
    port = free_port()
    first = start("first", "--port", str(port))
    serving = first.wait_serving()
    address, pid = serving.group(1), int(serving.group(3))
    assert address == f"http://127.0.0.1:{port}/" and pid == first.process.pid
    said = first.said()
    assert said.startswith("[") and "网站已构建：" in said and "没有警告" in said, said
    assert "`data`、" in said, "the banner names the watched folders"
    assert not any(line in said for line in MKDOCS_LINES), said
    holder = json.loads((folder / ".cache.holder.json").read_text(encoding="utf-8"))
    assert holder["pid"] == pid and holder["command"] == "serve" and holder["address"] == address

    # an edit: one line, naming the file, how long and the warnings; no browser or request lines
    browser_connects(address)
    assert get(address + "no/such/page/") == 404
    case = folder / CASE
    case.write_text(case.read_text(encoding="utf-8").replace("压力掉到", "压力降到"), encoding="utf-8")
    assert eventually(lambda: REBUILD_LINE.search(first.said()) is not None), first.said()
    assert get(address + "cases/20260412-hx200-pressure-drop/") == 200
    lines = REBUILD_LINE.findall(first.said())
    assert len(lines) == 1 and f"`{CASE}` 有改动：" in lines[0] and re.search(r"用时 \d+\.\d 秒，没有警告。$", lines[0])
    assert "Browser connected" not in first.said() and "GET" not in first.said(), first.said()

    # a warning: said with the line of the edit that made it, and not again while it stays
    overdue = folder / WIP_CASE
    overdue.write_text(overdue.read_text(encoding="utf-8") + "review_by: 2026-06-01\n", encoding="utf-8")
    assert eventually(lambda: len(REBUILD_LINE.findall(first.said())) == 2), first.said()
    assert REBUILD_LINE.findall(first.said())[1].endswith("，1 条警告。") and first.said().count("KB701") == 1
    case.write_text(case.read_text(encoding="utf-8").replace("压力降到", "压力掉到"), encoding="utf-8")
    assert eventually(lambda: len(REBUILD_LINE.findall(first.said())) == 3), first.said()
    assert REBUILD_LINE.findall(first.said())[2].endswith("，1 条警告。") and first.said().count("KB701") == 1

    # a second server of the same site: one line naming the first, exit 1, at once
    second = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "-f", str(REPO / "mkdocs.yml"), "--data", "data"]
        + ["--cache-dir", "cache", "--port", str(free_port())],
        cwd=folder,
        env={key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 1 and second.stdout == "", second.stderr
    assert second.stderr.count("\n") == 1 and second.stderr.startswith("错误：`kb serve` 已经在 "), second.stderr
    assert f"{address} 运行（进程 {pid}）" in second.stderr and "--cache-dir" in second.stderr
    assert "Traceback" not in second.stderr
    assert len(REBUILD_LINE.findall(first.said())) == 3, "each edit was said once, and nothing since"
    assert "Traceback" not in first.said()


def test_a_server_killed_leaves_a_lock_the_next_takes_over_on_the_next_free_port(site):
    folder, start = site
    port = free_port()
    first = start("first", "--port", str(port))
    first.wait_serving()
    first.process.kill()  # kill -9: no cleanup, its note stays beside the lock
    first.process.wait(30)
    assert json.loads((folder / ".cache.holder.json").read_text(encoding="utf-8"))["pid"] == first.process.pid

    with socket.socket() as other_program:  # another program took the port meanwhile
        other_program.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        other_program.bind(("127.0.0.1", port))
        other_program.listen()
        third = start("third", "--port", str(port), "--verbose")
        serving = third.wait_serving()
    moved = re.search(rf"端口 {port} 已被占用，改用 (\d+)。", third.said())
    assert moved is not None and serving.group(2) == moved.group(1), third.said()
    assert int(serving.group(3)) == third.process.pid and "已经在" not in third.said()
    holder = json.loads((folder / ".cache.holder.json").read_text(encoding="utf-8"))
    assert holder["pid"] == third.process.pid and holder["address"] == serving.group(1)

    # with --verbose, the server's own lines too: each request, each browser
    address = serving.group(1)
    assert get(address + "no/such/page/") == 404
    browser_connects(address)
    assert eventually(lambda: '"GET /no/such/page/ HTTP/1.1" code 404' in third.said()), third.said()
    assert eventually(lambda: "Browser connected" in third.said()), third.said()
    assert "kb-serve-" not in third.said() and "Traceback" not in third.said()


# --- what the line of a rebuild names, and what MkDocs' server lines are let through -----------


def test_a_rebuild_names_the_files_changed_but_not_a_tools_temporary_file(tmp_path):
    from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

    from generator.publish.server import _ChangesObserver, _Noting

    changes = _ChangesObserver()
    handed_on = []
    handler = _Noting(type("Handler", (), {"dispatch": lambda self, event: handed_on.append(event)})(), changes._note)
    target, temporary, gone = tmp_path / "case.yml", tmp_path / "sedX1y2", tmp_path / "old.yml"
    target.write_text("title: x\n", encoding="utf-8")
    events = [
        FileCreatedEvent(str(temporary)),  # sed -i and many editors write aside, then rename over the file
        FileModifiedEvent(str(temporary)),
        FileMovedEvent(str(temporary), str(target)),
        FileDeletedEvent(str(gone)),  # a record deleted is a change to name
    ]
    for event in events:
        handler.dispatch(event)
    assert handed_on == events, "every event still reaches MkDocs' handler"
    assert changes.take_changes() == [str(target), str(gone)]
    assert changes.take_changes() == [], "each change is named once"


def test_mkdocs_server_lines_are_let_through_only_when_an_author_needs_them():
    import logging

    from generator.cli.serving import ServerLines

    def record(level: int, said: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.livereload", level, __file__, 1, f"[10:42:07] {said}", None, None)

    lines = {
        "serving": record(logging.INFO, "Serving on http://127.0.0.1:8000/"),
        "watching": record(logging.INFO, "Watching paths for changes: 'data', '/tmp/kb-serve-x/refresh'"),
        "rebuild": record(logging.INFO, "Detected file changes"),
        "browser": record(logging.INFO, "Browser connected: http://127.0.0.1:8000/"),
        "not found": record(logging.WARNING, '"GET /x/ HTTP/1.1" code 404'),
        "found": record(logging.DEBUG, '"GET / HTTP/1.1" code 200'),
        "event": record(logging.DEBUG, "<FileModifiedEvent: src_path='data/x.yml'>"),
        "failure": record(logging.ERROR, "An error happened during the rebuild."),
    }
    for verbose, shown in ((False, {"failure"}), (True, {"rebuild", "browser", "not found", "found", "failure"})):
        served: list[int] = []
        filtered = ServerLines(verbose, functools.partial(served.append, 1))
        kept = {name for name, line in lines.items() if filtered.filter(line)}
        assert kept == shown, verbose
        assert len(served) == 1, "kb serve says where it serves when MkDocs does, in the site's language"


def test_a_site_whose_records_have_errors_at_the_start_is_built_once_they_are_fixed(site):
    folder, start = site
    person = folder / "data/people/li-na.yml"
    good = person.read_text(encoding="utf-8")
    person.write_text(good.replace("team:", "teem:"), encoding="utf-8")
    server = start("broken", "--port", str(free_port()))
    serving = server.wait_serving()
    said = server.said()
    assert "error KB202" in said and re.search(
        r"^\[[\d:]+\] 网站还没有构建：记录有 \d+ 个错误（见上）；改好后自动构建", said, re.M
    )
    person.write_text(good, encoding="utf-8")
    assert eventually(lambda: "网站已构建：" in server.said()), server.said()
    assert eventually(lambda: get(serving.group(1) + "people/li-na/") == 200), server.said()
    assert "Traceback" not in server.said()
