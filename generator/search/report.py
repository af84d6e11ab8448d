"""Searches that found little, read from a web server's access log: the KCS signal of missing knowledge.

With `search_log: true` in the plugin settings, the search box and the search page ask for
SEARCH_LOG with the query and its number of results in the URL once the reader has
stopped typing (assets/kb-search.js), so a static site leaves its searches in the access
log of the intranet server. This module reads those lines in the common and the combined
log formats of nginx and Apache, and counts the queries that found no or few results. A
query that holds personal data (a phone or ID-card number, an e-mail address) or a control
character is dropped and only counted, so that the report can be shared and published.

Anyone who can reach the server writes into its log, so a log is read as untrusted input:
its size after decompression, its number of lines, each line's length, each query's length
and the number of different queries are bounded; a count that is not a plain number of a
few ASCII digits makes its line no search. A file that cannot be read, is not a log or
passes a limit is refused with a LogProblem at its line: the report is of every file or of none.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs, urlsplit

from generator import codes
from generator.diagnostics import START, Diagnostic, Position
from generator.load.text import character_name, control_character_in_file, control_character_in_value
from generator.messages import Text, text
from generator.privacy import find_personal_data
from generator.search.fields import SEARCH_LOG

MAX_LOG_BYTES = 1024**3  # one file as read, after decompression: a gzip bomb stops here
MAX_LOG_LINES = 10_000_000  # one file
MAX_LINE_BYTES = 16 * 1024  # servers refuse longer request lines (nginx: 8 KiB); such a line is no search
MAX_QUERY_LENGTH = 200  # characters; the search box sends what a person types
MAX_QUERIES = 100_000  # different queries in one report
MAX_RESULTS_DIGITS = 6
SNIFFED_BYTES = 64 * 1024  # a NUL byte in the first of these: not a text file
GZIP_MAGIC = b"\x1f\x8b"

# host ident user [time] "request" status size, then the combined format's "referer" "user agent".
LOG_FORMAT = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "[^"]*" \d{3} ')
LOG_LINE = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "(?:GET|HEAD) (?P<target>\S+)(?: [^"]*)?" \d{3} ')
RESULTS = re.compile(f"[0-9]{{1,{MAX_RESULTS_DIGITS}}}")  # ASCII only: `²`, `５` and `-1` are no counts


@dataclass(frozen=True)
class Search:
    query: str
    results: int


class LogProblem(Exception):
    """A log that is refused: the file, the line and why (a KB11x diagnostic)."""

    def __init__(self, file: str, position: Position, code: codes.Code, words: Text) -> None:
        super().__init__(words.render("en"))
        self.diagnostic = code.at(file, position, words)


@dataclass
class SearchReport:
    """How often each query was searched, and how many results it last had."""

    counts: Counter = field(default_factory=Counter)
    results: dict[str, int] = field(default_factory=dict)
    shown_as: dict[str, str] = field(default_factory=dict)  # the first spelling seen of each query
    personal: int = 0  # searches dropped for personal data
    unprintable: int = 0  # searches dropped for control characters
    lines: int = 0  # log lines that were searches
    problems: list[Diagnostic] = field(default_factory=list)  # the logs refused, one each

    def add(self, search: Search) -> None:
        self.lines += 1
        if control_character_in_value(search.query) is not None:
            self.unprintable += 1  # a record with one is refused; a query is left out
            return
        if any(True for _ in find_personal_data(search.query)):
            self.personal += 1
            return
        key = normalised(search.query)
        self.counts[key] += 1
        self.results[key] = search.results
        self.shown_as.setdefault(key, search.query)

    def missed(self, few: int = 0, top: int = 30) -> list[tuple[str, int, int]]:
        """(query, searches, results) of the queries with at most `few` results, most searched first."""
        rows = [(self.shown_as[key], count, self.results[key]) for key, count in self.counts.items()]
        rows = [row for row in rows if row[2] <= few]
        return sorted(rows, key=lambda row: (-row[1], row[2], row[0]))[:top]


def normalised(query: str) -> str:
    """One spelling for queries that search the same: half-width, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", query).casefold().split())


def searches_in(lines: Iterable[str], path: str = SEARCH_LOG) -> Iterator[Search]:
    """The logged searches among access log lines; any other line is skipped."""
    for line in lines:
        search = search_in(line, path)
        if search is not None:
            yield search


def search_in(line: str, path: str = SEARCH_LOG) -> Search | None:
    """The search a log line records, or None: another request, another format, or a
    query or count that no search box sends."""
    # Any status: a search is a search even where the server lacks the file (404).
    match = LOG_LINE.match(line)
    if not match:
        return None
    try:
        target = urlsplit(match["target"])
    except ValueError:  # `//[` reads as a broken IPv6 host
        return None
    if not target.path.endswith("/" + path):
        return None
    try:  # the search box sends UTF-8; other bytes could hide a phone number behind a `�`
        values = parse_qs(target.query, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None
    query = " ".join((values.get("q") or [""])[0].split())
    results = (values.get("n") or [""])[0]
    if not query or len(query) > MAX_QUERY_LENGTH or not RESULTS.fullmatch(results):
        return None
    return Search(query, int(results))


def report_for(paths: Iterable[Path]) -> SearchReport:
    """The searches of every log; a log that is refused is one of the report's `problems`."""
    report = SearchReport()
    for path in paths:
        try:
            _add_log(report, path, str(path))
        except LogProblem as problem:
            report.problems.append(problem.diagnostic)
    return report


def _add_log(report: SearchReport, path: Path, name: str) -> None:
    in_format = 0
    number = 0
    for number, line in enumerate(read_log(path, name), start=1):
        if line is None or not LOG_FORMAT.match(line):
            continue
        in_format += 1
        search = search_in(line)
        if search is not None:
            report.add(search)
            if len(report.counts) > MAX_QUERIES:
                words = text("log-too-many-queries", limit=f"{MAX_QUERIES:,}")
                raise LogProblem(name, Position(number, 1), codes.LOG_LIMIT, words)
    if number and not in_format:
        raise LogProblem(name, START, codes.LOG_UNREADABLE, text("log-not-a-log"))


def read_log(path: Path, name: str | None = None) -> Iterator[str | None]:
    """The lines of an access log, gzip-compressed ones (rotated logs) too, within the
    limits; a line too long to be a search is given as None."""
    name = name or str(path)
    if not path.is_file():
        words = text("log-missing") if not path.exists() and not path.is_symlink() else text("log-not-a-file")
        raise LogProblem(name, START, codes.LOG_UNREADABLE, words)
    try:
        with path.open("rb") as raw:
            packed = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            if path.suffix == ".gz" and not packed:
                raise LogProblem(name, START, codes.LOG_UNREADABLE, text("log-not-gzip"))
            stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if packed else raw  # type: ignore[assignment]
            for line in _bounded_lines(stream, name):
                yield None if line is None else line.decode("utf-8", errors="replace")
    except (OSError, EOFError, zlib.error) as error:
        raise LogProblem(name, START, codes.LOG_UNREADABLE, _unreadable(error)) from None


def _unreadable(error: BaseException) -> Text:
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return text("log-damaged-gzip")
    return text("log-cannot-read", reason=getattr(error, "strerror", None) or type(error).__name__)


def _bounded_lines(stream: BinaryIO, name: str) -> Iterator[bytes | None]:
    """Each line's bytes (None for one longer than MAX_LINE_BYTES, read through and
    dropped), refusing a file past MAX_LOG_BYTES or MAX_LOG_LINES."""
    size = 0
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        size += len(line)
        overlong = len(line) > MAX_LINE_BYTES
        while line and not line.endswith(b"\n") and overlong:  # the rest of the line, in pieces
            line = stream.readline(MAX_LINE_BYTES + 1)
            size += len(line)
            _within_size(size, number, name)
        _within_size(size, number, name)
        if number > MAX_LOG_LINES:
            words = text("log-too-many-lines", limit=f"{MAX_LOG_LINES:,}")
            raise LogProblem(name, Position(number, 1), codes.LOG_LIMIT, words)
        if size <= SNIFFED_BYTES and b"\x00" in line:
            raise LogProblem(name, Position(number, 1), codes.LOG_UNREADABLE, text("log-not-text"))
        yield None if overlong else line


def _within_size(size: int, number: int, name: str) -> None:
    if size > MAX_LOG_BYTES:
        limit = f"{MAX_LOG_BYTES / 1024**3:g} GiB" if MAX_LOG_BYTES >= 1024**3 else f"{MAX_LOG_BYTES / 1024**2:g} MiB"
        raise LogProblem(name, Position(number, 1), codes.LOG_LIMIT, text("log-too-large", limit=limit))


def page_problem(page: str) -> Text | None:
    """What keeps a page of the report from being published, by the checks a record file
    passes: a control character (KB111), personal data (KB601-KB603). None for a clean page."""
    index = control_character_in_file(page)
    if index is not None:
        return character_name(page[index])
    for _offset, _code, what in find_personal_data(page):
        return what
    return None
