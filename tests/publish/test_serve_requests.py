"""`kb serve` answers any request path: one that cannot name a file of the site is a 400 or a
404, never a 500 with a traceback on the terminal, and live reload goes on working.

`/cases/%00/` made MkDocs' server open a path holding a NUL byte: a ValueError, a 500 and a
traceback from the live-reload code.
"""

from __future__ import annotations

import logging
import re
import signal
import socket
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.publish.serve import MAX_REQUEST_PATH, ServeState, refused_request
from generator.publish.server import RAW_PATH, ServeServer
from tests.conftest import MINIMAL, REPO
from tests.hostile import hostile_text

# (raw target of the request line, what it asks for)
UNSERVABLE = [
    ("/cases/%00/", 400),  # a NUL byte
    ("/cases/%00", 400),
    ("/index.html%00.png", 400),
    ("/%1b[31m/", 400),  # a terminal escape
    ("/cases/%ZZ/", 400),  # not a percent escape
    ("/cases/%E4%B8/", 400),  # UTF-8 cut short
    ("/cases/%FF%FE/", 400),  # not UTF-8
    ("/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd", 400),  # an overlong UTF-8 `.`
    ("/" + "a" * (MAX_REQUEST_PATH + 1), 400),
    ("/livereload/" + "9" * 5000 + "/1", 400),  # too many digits for int()
    ("/../../../etc/passwd", 404),
    ("/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/cases/..%2f..%2f..%2fetc/passwd", 404),
]
TRACEBACK = re.compile(r"Traceback|Error:|Exception")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def path_info(raw: str) -> str:
    """PATH_INFO as WSGI servers decode it: percent escapes as Latin-1."""
    from urllib.parse import unquote

    return unquote(raw.split("?", 1)[0], "iso-8859-1")


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    (site / "cases").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web", encoding="utf-8")
    (site / "cases" / "leak.txt").symlink_to(secret)
    served = ServeServer(ServeState(), "en", builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    yield served
    served.server_close()


def answer(server: ServeServer, raw: str) -> tuple[str, bytes]:
    started = []
    environ = {"PATH_INFO": path_info(raw), RAW_PATH: raw, "REQUEST_METHOD": "GET", "QUERY_STRING": ""}
    body = server.serve_request(environ, lambda status, headers: started.append(status))
    return started[0], b"".join(body)


@pytest.mark.parametrize(("raw", "status"), UNSERVABLE)
def test_a_path_that_cannot_name_a_file_is_refused_without_a_traceback(server, raw, status, caplog):
    with caplog.at_level(logging.DEBUG, logger="mkdocs.livereload"):
        line, body = answer(server, raw)
    assert line.startswith(str(status)), (raw, line)
    assert b"not for the web" not in body
    assert not [record for record in caplog.records if record.exc_info], "no traceback"


def test_a_link_out_of_the_site_is_not_followed(server):
    assert answer(server, "/cases/leak.txt")[0].startswith("404")


def test_the_pages_and_live_reload_are_still_served(server):
    assert answer(server, "/")[0].startswith("200")
    line, body = answer(server, "/index.html")
    assert line.startswith("200") and b"home" in body
    line, body = answer(server, "/livereload/0/0")  # a page from an older build asks: reload at once
    assert line.startswith("200") and body.strip().isdigit()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=hostile_text(), encoded=st.booleans())
def test_any_hostile_path_is_answered_without_an_exception(server, path, encoded):
    from urllib.parse import quote

    raw = "/" + (quote(path, safe="/%") if encoded else path.encode("utf-8", "replace").decode("latin-1"))
    line, _ = answer(server, raw)
    assert line[:3] in {"200", "302", "400", "404"}, (raw, line)


def test_the_rules_on_their_own():
    assert refused_request("/cases/x/", "/cases/x/") is None
    assert refused_request("/cases/%E6%B2%B9/", path_info("/cases/%E6%B2%B9/")) is None  # 油
    assert refused_request("/search/?q=%ZZ", "/search/") is None  # the query is not a path
    assert refused_request("/a%2Fb", "/a/b") is None


# --- a real `kb serve` ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def raw_request(port: int, target: bytes, timeout: float = 10) -> bytes:
    """The response to a request line sent as these bytes, as no HTTP library would send them."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        response = b""
        while chunk := connection.recv(65536):
            response += chunk
    return response


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0


def test_a_real_server_answers_hostile_paths_and_keeps_reloading(tmp_path):
    port = free_port()
    log_path = tmp_path / "serve.log"
    command = [sys.executable, "-m", "generator", "serve", "--data", str(MINIMAL), "--today", "2026-11-28"]
    command += ["--cache-dir", str(tmp_path / "cache"), "-a", f"127.0.0.1:{port}", "--language", "en"]
    command += ["--verbose"]  # request lines are printed with --verbose only
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and b"Serving on" not in log_path.read_bytes():
                assert server.poll() is None, log_path.read_text()
                time.sleep(0.2)
            assert status_of(raw_request(port, b"/")) == 200, log_path.read_text()
            for raw, status in UNSERVABLE:
                assert status_of(raw_request(port, raw.encode("latin-1"))) == status, raw
            # bytes no client library sends: a NUL, ESC and BEL in the request line itself
            assert status_of(raw_request(port, b"/cases/\x00/")) == 400
            assert status_of(raw_request(port, b"/\x1b]0;owned\x07/")) == 400
            assert status_of(raw_request(port, b"/cases/\xff/")) == 400
            page = raw_request(port, b"/")
            assert status_of(page) == 200 and b"livereload" in page
            reload = raw_request(port, b"/livereload/0/0")
            assert status_of(reload) == 200 and reload.rsplit(b"\r\n\r\n", 1)[1].strip().isdigit()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
    terminal = log_path.read_text(encoding="utf-8", errors="replace")
    assert not TRACEBACK.search(terminal), terminal
    assert not RAW_CONTROL.search(terminal), "request lines are printed with their controls escaped"
    assert "code 400" in terminal and "\\x1b]0;owned\\x07" in terminal
