"""Searches that found little, read from a web server's access log: the KCS signal of missing knowledge.

With `search_log: true` in the plugin settings, the search box and the search page ask for
SEARCH_LOG with the query and its number of results in the URL once the reader has
stopped typing (assets/kb-search.js), so a static site leaves its searches in the access
log of the intranet server. This module reads those lines in the common and the combined
log formats of nginx and Apache, and counts the queries that found no or few results. A
query that holds personal data (a phone or ID-card number, an e-mail address) is dropped
and only counted, so that the report can be shared.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.search.fields import SEARCH_LOG
from generator.validate.privacy import find_personal_data

# host ident user [time] "METHOD target PROTOCOL" status size, then the combined format's
# "referer" "user agent", which are not needed.
LOG_LINE = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "(?:GET|HEAD) (?P<target>\S+)(?: [^"]*)?" \d{3} ')


@dataclass(frozen=True)
class Search:
    query: str
    results: int


@dataclass
class SearchReport:
    """How often each query was searched, and how many results it last had."""

    counts: Counter = field(default_factory=Counter)
    results: dict[str, int] = field(default_factory=dict)
    shown_as: dict[str, str] = field(default_factory=dict)  # the first spelling seen of each query
    personal: int = 0  # searches dropped for personal data
    lines: int = 0  # log lines that were searches

    def add(self, search: Search) -> None:
        self.lines += 1
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
        # Any status: a search is a search even where the server lacks the file (404).
        match = LOG_LINE.match(line)
        if not match:
            continue
        target = urlsplit(match["target"])
        if not target.path.endswith("/" + path):
            continue
        values = parse_qs(target.query, encoding="utf-8", errors="replace")
        query = " ".join((values.get("q") or [""])[0].split())
        results = (values.get("n") or [""])[0]
        if query and results.isdigit():
            yield Search(query, int(results))


def read_log(path: Path) -> Iterator[str]:
    """The lines of an access log, gzip-compressed ones (rotated logs) too."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
        yield from lines


def report_for(paths: Iterable[Path]) -> SearchReport:
    report = SearchReport()
    for path in paths:
        for search in searches_in(read_log(path)):
            report.add(search)
    return report
