"""The web server of `kb serve`: MkDocs' live-reload server, with what kb serve changes in it.

It takes the system's file notifications (and keeps which files changed, for the line each
rebuild prints), answers a path that cannot name a file of the site itself, escapes what a
client writes before it reaches the terminal, and shows the session's errors on every page.
"""

from __future__ import annotations

import errno
import html
import os
import socket
import threading
from pathlib import Path

import watchdog.events
import watchdog.observers

from generator.messages import text
from generator.publish.mkdocs_adapter import PageServer, RequestHandler
from generator.publish.serve import ServeState, refused_request
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
    """The system's file notifications, changes only, for MkDocs' `watch`; it keeps the files
    that changed until the rebuild they start takes them."""

    def __init__(self) -> None:
        super().__init__()
        self._changed: dict[str, bool] = {}  # path -> whether it was first seen created
        self._guard = threading.Lock()

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        noting = _Noting(event_handler, self._note)
        return super().schedule(noting, path, recursive=recursive, event_filter=event_filter or CHANGES, **options)

    def _note(self, event: watchdog.events.FileSystemEvent) -> None:
        created = isinstance(event, watchdog.events.FileCreatedEvent)
        with self._guard:
            self._changed.setdefault(os.fsdecode(event.src_path), created)
            if event.dest_path:
                self._changed.setdefault(os.fsdecode(event.dest_path), False)

    def take_changes(self) -> list[str]:
        """The files changed since the last call, each once, in order; a file that was made and
        is gone again (an editor's or a tool's temporary file, renamed over the real one) is
        left out, a file deleted is not."""
        with self._guard:
            changed, self._changed = self._changed, {}
        return sorted(path for path, created in changed.items() if not created or Path(path).exists())


class _Noting(watchdog.events.FileSystemEventHandler):
    """Tells of each change of a file, then hands it on to MkDocs' handler."""

    def __init__(self, handler: watchdog.events.FileSystemEventHandler, note) -> None:
        self.handler = handler
        self.note = note

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        if not event.is_directory:
            self.note(event)
        self.handler.dispatch(event)


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
        self.changes = _ChangesObserver()
        super().__init__(self.changes, **options)
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


PORTS_TRIED = 10  # after the one asked for: 8001 ... 8010


def first_free_port(host: str, port: int) -> int | None:
    """The port asked for, else the next free one (at most PORTS_TRIED on), else None.
    Raises OSError when the address cannot be listened on at all (no such address, a
    port kept for the system)."""
    for candidate in range(port, min(port + PORTS_TRIED, 65535) + 1):
        if _free(host, candidate):
            return candidate
    return None


def _free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True
