"""`kb serve` picks up an edited record: its page first, the pages that mention it after."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import REPO, copy_minimal

KB = str(Path(sys.executable).with_name("kb"))
CASE = "cases/2026/20260412-hx200-pressure-drop.yml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(url: str, text: str, limit: float = 90) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def test_an_edited_case_shows_up_and_so_do_the_pages_that_mention_it(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_CACHE": str(tmp_path / "cache")}
    with log.open("w") as output:
        server = subprocess.Popen(
            [KB, "serve", "--data", str(data_dir), "--today", "2026-11-28", "-a", f"127.0.0.1:{port}"],
            cwd=REPO,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_until(base + "cases/20260412-hx200-pressure-drop/", "液压站运行半小时后压力掉到"), log.read_text()
        time.sleep(1)
        case = data_dir / CASE
        case.write_text(
            case.read_text(encoding="utf-8").replace("液压站运行半小时后压力掉到 8 MPa", "改过的标题：油温高时压力掉"),
            encoding="utf-8",
        )
        assert wait_until(base + "cases/20260412-hx200-pressure-drop/", "改过的标题：油温高时压力掉"), log.read_text()
        assert wait_until(base + "people/chen-hao/", "改过的标题：油温高时压力掉"), "the author's page follows"
        person = data_dir / "people/li-na.yml"
        person.write_text(
            person.read_text(encoding="utf-8").replace("team: hotline", "teem: hotline"), encoding="utf-8"
        )
        assert wait_until(base + "cases/20260412-hx200-pressure-drop/", "改过的标题"), "the last good site stays up"
        assert "KB202" in log.read_text(encoding="utf-8") or wait_until(base, "", 2)
    finally:
        server.terminate()
        server.wait(30)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text.split("KB202")[0], text
