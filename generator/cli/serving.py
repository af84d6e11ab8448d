"""What `kb serve` runs once its command line is read: a port, the session that holds the page
cache and rebuilds the site, MkDocs' live-reload server, and what the terminal shows.

The terminal shows what an author needs: the address to open, one line per rebuild (said by
the session, generator/publish/serve.py), the records' problems when they change, and the
server's errors. MkDocs' server logs much more (every rebuild twice, each browser that
connects, requests that are not 200, the folders it watches, a temporary one among them):
those lines go through a logging filter, and only with --verbose.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from generator.cli.mistakes import Failure
from generator.language import decide_language
from generator.messages import Listing, text
from generator.publish.guard import BuildBusy, Holder
from generator.publish.mkdocs_adapter import REQUEST_LINE, SERVER_LOGGER, SERVING, WATCHING, server_says
from generator.publish.serve import ServeSession
from generator.publish.server import PORTS_TRIED, ServeServer, first_free_port
from generator.publish.site import BuildRequest, ConfigProblem
from generator.report import printable


@dataclass(frozen=True)
class Wanted:
    """What the command line asks of the site (what it does not give comes from mkdocs.yml)."""

    config_file: str
    data_dir: str | None
    language: str | None
    cache_dir: str | None
    max_mentees: int | None
    today: dt.date | None

    def request(self) -> BuildRequest:
        return BuildRequest(
            Path(self.config_file),
            Path(self.data_dir) if self.data_dir else None,
            self.language,
            self.today,
            cache_dir=Path(self.cache_dir) if self.cache_dir else None,
            max_mentees=self.max_mentees,
        )


def serve(wanted: Wanted, host: str, port: int, verbose: bool) -> None:
    request = wanted.request()
    language = decide_language(request.language, request.config_file)
    free = _free_port(host, port, language)
    address = f"http://{f'[{host}]' if ':' in host else host}:{free}/"
    signal.signal(signal.SIGTERM, _stop)  # a terminated server cleans up like an interrupted one
    # A background pass may still be writing when the server stops: what it leaves is let go.
    with tempfile.TemporaryDirectory(prefix="kb-serve-", ignore_cleanup_errors=True) as serve_dir:
        session = ServeSession(request, Path(serve_dir), _say, Holder.this_process("serve", address))
        try:
            session.hold()  # a second server of the same site stops here, naming the first
        except BuildBusy as error:
            raise Failure(str(error)) from None
        except ConfigProblem as error:
            raise Failure(error.said(session.language)) from None
        if free != port:
            _say(text("serve-port-taken", port=port, free=free).render(session.language))
        try:
            session.rebuild()
            _serve(session, host, free, address, verbose)
        finally:
            session.stop()


def _say(line: str) -> None:
    click.echo(line, err=True)


def _free_port(host: str, port: int, language: str) -> int:
    try:
        free = first_free_port(host, port)
    except OSError as error:
        reason = printable(error.strerror or str(error))
        raise Failure(text("serve-cannot-listen", host=host, port=port, reason=reason).render(language)) from None
    if free is None:
        last = min(port + PORTS_TRIED, 65535)
        raise Failure(text("serve-no-free-port", first=port, last=last).render(language))
    return free


def _serve(session: ServeSession, host: str, port: int, address: str, verbose: bool) -> None:
    assert session.site is not None or session.state.broken
    language = session.language
    server = ServeServer(
        session.state,
        language,
        builder=lambda: session.rebuild(server.changes.take_changes()),
        host=host,
        port=port,
        root=str(session.root),
    )
    server.error_handler = lambda code: _error_page(session, code)
    watched = session.watched()
    for path in watched:
        server.watch(str(path))
    shown = Listing(tuple(printable(_relative(path)) for path in watched if path != session.trigger))
    banner = text("serve-serving", address=address, pid=os.getpid(), watched=shown).render(language)
    lines = _server_lines(verbose, lambda: _say(banner))
    try:
        server.serve()
    except KeyboardInterrupt:
        _say(text("serve-stopped").render(language))
    except OSError as error:  # the port was taken while the site was being built
        reason = printable(error.strerror or str(error))
        raise Failure(text("serve-cannot-listen", host=host, port=port, reason=reason).render(language)) from None
    finally:
        server.shutdown()
        logging.getLogger(SERVER_LOGGER).removeHandler(lines)


def _relative(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


_SERVER_PROCESS = os.getpid()


def _stop(_signal: int, _frame) -> None:
    if os.getpid() != _SERVER_PROCESS:
        os._exit(1)  # a forked worker of a build, stopped with its pool: leave without a word
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # stopping once; a second signal would cut the cleanup short
    raise KeyboardInterrupt


def _error_page(session: ServeSession, code: int) -> bytes | None:
    page = session.root / f"{code}.html"
    return page.read_bytes() if page.is_file() else None


class ServerLines(logging.Filter):
    """The lines of MkDocs' server an author needs: its errors; with --verbose, all it says
    (each request, each browser that connects, each rebuild it starts). Where it serves and
    what it watches kb serve says itself: when it serves, `serving` says so in the site's
    language, and the paths it watches hold kb serve's temporary folder."""

    def __init__(self, verbose: bool, serving: Callable[[], None]) -> None:
        super().__init__()
        self.verbose = verbose
        self.serving = serving

    def filter(self, record: logging.LogRecord) -> bool:
        said = server_says(record)
        if said.startswith(SERVING):
            self.serving()
            return False
        if said.startswith(WATCHING):
            return False
        if record.levelno >= logging.ERROR:
            return True
        return self.verbose and (record.levelno >= logging.INFO or said.startswith(REQUEST_LINE))


def _server_lines(verbose: bool, serving: Callable[[], None]) -> logging.Handler:
    """MkDocs' server lines through ServerLines, on standard error."""
    logger = logging.getLogger(SERVER_LOGGER)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(ServerLines(verbose, serving))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False
    return handler
