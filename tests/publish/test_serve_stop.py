"""A stopping `kb serve` leaves no work behind: a full pass that was checking the records when
the server stopped renders nothing, and the processes a full pass forked end with the server
(a pool forked after the SIGTERM never received it, and held both cores while the server's
folder was removed)."""

from __future__ import annotations

import multiprocessing
import signal
import time
from pathlib import Path
from types import SimpleNamespace

import generator.publish.serve as serve
from generator.publish.serve import ServeSession
from generator.publish.site import BuildRequest
from tests.conftest import REPO, copy_minimal
from tests.publish.conftest import TODAY


def session(tmp_path: Path) -> ServeSession:
    request = BuildRequest(REPO / "mkdocs.yml", copy_minimal(tmp_path / "data"), None, TODAY, tmp_path / "site")
    return ServeSession(request, tmp_path / "serve", lambda line: None)


def test_stopping_ends_the_processes_a_full_pass_forked(tmp_path):
    rendering = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
    rendering.start()
    started = time.monotonic()
    session(tmp_path).stop()
    rendering.join(10)
    assert rendering.exitcode == -signal.SIGTERM
    assert time.monotonic() - started < 10


def test_a_full_pass_renders_nothing_once_the_server_stopped_while_it_checked(tmp_path, monkeypatch):
    stopping = session(tmp_path)
    rendered = []

    def checked_while_stopping(settings, cache):
        stopping.stop()
        return object()

    monkeypatch.setattr(serve, "check", checked_while_stopping)
    monkeypatch.setattr(serve, "prepare_checked", lambda *args: rendered.append(args))
    stopping._full_pass(SimpleNamespace(settings=SimpleNamespace(today=TODAY)), stopping._edits)
    assert rendered == []
