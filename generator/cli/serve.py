"""`kb serve`: the site with live reload while records and pages are edited."""

from __future__ import annotations

import html
import logging
import os
import signal
import tempfile
from pathlib import Path

import click
import watchdog.events
import watchdog.observers

from generator.cli.build import cache_option, config_option, data_override, language_option
from generator.cli.language import Command, say
from generator.cli.options import max_mentees_option, today_option
from generator.messages import text
from generator.publish.guard import BuildBusy
from generator.publish.mkdocs_adapter import PageServer, RequestHandler
from generator.publish.serve import ServeSession, ServeState, refused_request
from generator.publish.site import BuildRequest, ConfigProblem
from generator.report import printable, shown

# What changes a file. Notifications also tell of a file opened or read, as every rebuild
# reads data/: passed on, each rebuild would start the next one.
CHANGES = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent,  # closed after writing
    watchdog.events.FileAttribEvent,  # touched: a new time is a change, as MkDocs' polling sees it
]


class _ChangesObserver(watchdog.observers.Observer):
    """The system's file notifications, changes only, for MkDocs' `watch`."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES, **options
        )


RAW_PATH = "kb.raw_path"
MAX_LOGGED = 300  # characters of a request line on the terminal
STATUS_LINES = {400: "400 Bad Request", 404: "404 Not Found"}


class _RequestHandler(RequestHandler):
    """MkDocs' request handler, keeping the request's target as sent, and logging request
    lines with their control characters escaped and their length cut: a client writes them."""

    def get_environ(self) -> dict:
        environ = super().get_environ()
        environ[RAW_PATH] = self.path
        return environ

    def log_request(self, code="-", size="-") -> None:
        line = printable(self.requestline)
        self.requestline = line if len(line) <= MAX_LOGGED else line[:MAX_LOGGED] + "…"
        super().log_request(code, size)


class ServeServer(PageServer):
    """MkDocs' live-reload server, showing the session's errors on every page it serves, and
    answering a path that cannot name a file of the site with 400 or 404 rather than with the
    exception (and the traceback on the terminal) that opening it would raise."""

    def __init__(self, state: ServeState, language: str, **options) -> None:
        # MkDocs polls: every file of data/ looked at twice a second, which at 10,000 cases
        # takes most of that half second before an edit is even seen. The system's own
        # notifications (inotify on Linux; watchdog falls back to polling where there are none)
        # tell at once.
        super().__init__(_ChangesObserver(), **options)
        self.RequestHandlerClass = _RequestHandler
        self.state = state
        self.language = language

    def serve_request(self, environ, start_response):
        path_info = environ.get("PATH_INFO", "")
        status = refused_request(environ.get(RAW_PATH, path_info), path_info)
        if status is None and self._outside_site(path_info):
            status = 404
        if status is None:
            return super().serve_request(environ, start_response)
        page = self._error_page(status)
        start_response(STATUS_LINES[status], [("Content-Type", "text/html; charset=utf-8")])
        return [page or STATUS_LINES[status].encode()]

    def _error_page(self, status: int) -> bytes | None:
        try:
            return self.error_handler(status)
        except OSError:
            return None

    def _outside_site(self, path_info: str) -> bool:
        """Whether the file the path names resolves outside the site (through a link in it)."""
        path = path_info.encode("latin-1").decode("utf-8")
        site = Path(self.root).resolve()
        try:
            (site / path.lstrip("/")).resolve().relative_to(site)
        except (ValueError, OSError):
            return True
        return False

    def served_html(self, content: bytes) -> bytes:
        if not self.state.broken:
            return content
        at = content.rfind(b"</body>")
        at = len(content) if at < 0 else at
        return content[:at] + banner(self.state, self.language).encode("utf-8") + content[at:]


def banner(state: ServeState, language: str) -> str:
    """A dismissable notice with each error at its file, line and column, in the site's language."""
    intro, dismiss = text("serve-banner").render(language), text("serve-dismiss").render(language)
    # A YAML syntax error shows its line and caret: kept as written, in a monospaced block.
    items = [
        f"<li><code>{html.escape(shown(d.file))}:{d.line}:{d.column}</code> <code>{d.code}</code> "
        f"{_banner_message(shown(d.in_language(language), newlines=True))}</li>"
        for d in state.errors
    ]
    if state.failure:
        items.append(f"<li>{html.escape(shown(state.failure))}</li>")
    return (
        '<div class="kb-serve-errors" role="alert" style="position:fixed;inset:auto 0 0 0;z-index:10;max-height:50vh;'
        "overflow:auto;background:#fff4e5;color:#3d2600;border-top:3px solid #b35c00;padding:0.75rem 1rem;"
        'font:14px/1.5 sans-serif">'
        f"<strong>{html.escape(intro)}</strong><ul>{''.join(items)}</ul>"
        f'<button type="button" onclick="this.parentNode.remove()">{html.escape(dismiss)}</button></div>'
    )


def _banner_message(message: str) -> str:
    first, _, rest = message.partition("\n")
    if not rest:
        return html.escape(first)
    return f'{html.escape(first)}<pre style="margin:0.25rem 0;white-space:pre">{html.escape(rest)}</pre>'


_HELP = say("help-serve")


@click.command(
    "serve",
    cls=Command,
    help=_HELP,
    short_help=say("help-serve-short"),
)
@config_option
@data_override
@language_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help=say("help-serve-dev-addr"),
)
@cache_option
@max_mentees_option
@today_option
def command(config_file, data_dir, language, dev_addr, cache_dir, max_mentees, today) -> None:
    request = BuildRequest(
        Path(config_file),
        Path(data_dir) if data_dir else None,
        language,
        today,
        cache_dir=Path(cache_dir) if cache_dir else None,
        max_mentees=max_mentees,
    )
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter(say("help-serve-not-an-address", dev_addr=dev_addr), param_hint="--dev-addr")
    _show_server_messages()
    signal.signal(signal.SIGTERM, _stop)  # a terminated server cleans up like an interrupted one
    # A background pass may still be writing when the server stops: what it leaves is let go.
    with tempfile.TemporaryDirectory(prefix="kb-serve-", ignore_cleanup_errors=True) as serve_dir:
        session = ServeSession(request, Path(serve_dir), lambda line: click.echo(line, err=True))
        try:
            session.start()
        except (BuildBusy, ConfigProblem) as error:
            raise click.ClickException(str(error)) from None
        try:
            _serve(session, host, int(port))
        finally:
            session.stop()


def _serve(session: ServeSession, host: str, port: int) -> None:
    assert session.site is not None or session.state.broken
    language = session.language
    server = ServeServer(session.state, language, builder=session.rebuild, host=host, port=port, root=str(session.root))
    server.error_handler = lambda code: _error_page(session, code)
    for path in session.watched():
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        click.echo(text("serve-stopped").render(language), err=True)
    finally:
        server.shutdown()


_SERVER_PROCESS = os.getpid()


def _stop(_signal: int, _frame) -> None:
    if os.getpid() != _SERVER_PROCESS:
        os._exit(1)  # a forked worker of a build, stopped with its pool: leave without a word
    raise KeyboardInterrupt


def _error_page(session: ServeSession, code: int) -> bytes | None:
    page = session.root / f"{code}.html"
    return page.read_bytes() if page.is_file() else None


def _show_server_messages() -> None:
    """The server's own lines (serving on, reloading browsers); MkDocs' build chatter stays quiet."""
    logger = logging.getLogger("mkdocs.livereload")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
