"""The readers' verdicts on cases, read from a web server's access log: which cases did not
solve the problem of the reader who found them, and what was different.

At the end of every case page a site built with `search_log: true` asks "did this solve your
problem?" (assets/kb-learning.js). The answer is a request for FEEDBACK_LOG, an empty file of
the site, with `case=<id>&v=yes|no` and, after no, the reader's optional remark `r=` in its
address: one setting, `search_log`, decides whether readers' signals reach the log at all,
searches and verdicts alike, so that whoever agreed to the one agreed to the other.

The logs are read exactly as `kb search-report` reads them (generator/search/report.py: its
bounds on a log's size after decompression, its lines, each line's length, and its refusals
of what is no log); here a line is a verdict only when it names a case id, `yes` or `no`, and
a remark of at most MAX_REMARK_LENGTH characters. A remark that holds personal data (every
form the records' check finds) or a control character is dropped and only counted; the
verdict itself still counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator import codes
from generator.diagnostics import START, Diagnostic, Position
from generator.load.text import control_character_in_value
from generator.messages import text
from generator.privacy import find_personal_data
from generator.search.report import LOG_FORMAT, LOG_LINE, LogProblem, normalised, read_log
from generator.shapes import ID_PATTERN

FEEDBACK_LOG = "assets/kb-feedback.txt"  # an empty file of the site, asked for with each verdict
MAX_REMARK_LENGTH = 200  # characters; the page's field takes no more
MAX_CASE_ID_LENGTH = 64
MAX_KEPT = 100_000  # different cases, and different remarks, in one report
CASE_ID = re.compile(ID_PATTERN)
VERDICTS = {"yes": True, "no": False}


@dataclass(frozen=True)
class Verdict:
    case: str
    helpful: bool
    remark: str = ""


@dataclass
class FeedbackReport:
    """How often each case was said to help and not to, and the remarks after a no."""

    helped: Counter = field(default_factory=Counter)
    did_not: Counter = field(default_factory=Counter)
    remarks: dict[str, Counter] = field(default_factory=dict)  # case -> normalised remark -> count
    shown_as: dict[str, str] = field(default_factory=dict)  # normalised remark -> the first spelling seen
    personal: int = 0  # remarks dropped for personal data
    unprintable: int = 0  # remarks dropped for control characters
    lines: int = 0  # log lines that were verdicts
    problems: list[Diagnostic] = field(default_factory=list)  # the logs refused, one each
    kept: int = 0  # different cases and remarks counted

    def add(self, verdict: Verdict) -> None:
        self.lines += 1
        counter = self.helped if verdict.helpful else self.did_not
        self._keep(verdict.case not in self.helped and verdict.case not in self.did_not)
        counter[verdict.case] += 1
        if verdict.remark and not verdict.helpful:
            self._add_remark(verdict.case, verdict.remark)

    def _add_remark(self, case: str, remark: str) -> None:
        if control_character_in_value(remark) is not None:
            self.unprintable += 1
            return
        if any(True for _ in find_personal_data(remark)):
            self.personal += 1
            return
        key = normalised(remark)
        remarks = self.remarks.setdefault(case, Counter())
        self._keep(key not in remarks)
        remarks[key] += 1
        self.shown_as.setdefault(key, remark)

    def _keep(self, new: bool) -> None:
        self.kept += new
        if self.kept > MAX_KEPT:
            raise _TooMany

    def unhelpful(self, top: int = 30) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
        """(case, times not helpful, times helpful, [(remark, times)]) of the cases marked
        unhelpful, most often first; each case's remarks most frequent first."""
        rows = []
        for case, count in self.did_not.items():
            remarks = sorted(self.remarks.get(case, Counter()).items(), key=lambda item: (-item[1], item[0]))
            rows.append((case, count, self.helped[case], [(self.shown_as[key], n) for key, n in remarks]))
        return sorted(rows, key=lambda row: (-row[1], row[2], row[0]))[:top]


class _TooMany(Exception):
    """More different cases and remarks than a report keeps."""


def verdict_in(line: str, path: str = FEEDBACK_LOG) -> Verdict | None:
    """The verdict a log line records, or None: another request, another format, or a case,
    verdict or remark that the page never sends."""
    match = LOG_LINE.match(line)
    if not match:
        return None
    try:
        target = urlsplit(match["target"])
    except ValueError:  # `//[` reads as a broken IPv6 host
        return None
    if not target.path.endswith("/" + path):
        return None
    try:  # the page sends UTF-8; other bytes could hide a phone number behind a `�`
        values = parse_qs(target.query, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None
    case, verdict, remark = (values.get(name, []) for name in ("case", "v", "r"))
    if len(case) != 1 or len(verdict) != 1 or len(remark) > 1 or verdict[0] not in VERDICTS:
        return None
    if len(case[0]) > MAX_CASE_ID_LENGTH or not CASE_ID.fullmatch(case[0]):
        return None
    words = " ".join(remark[0].split()) if remark else ""
    if len(words) > MAX_REMARK_LENGTH:
        return None
    return Verdict(case[0], VERDICTS[verdict[0]], words)


def feedback_report_for(paths: Iterable[Path]) -> FeedbackReport:
    """The verdicts of every log; a log that is refused is one of the report's `problems`."""
    report = FeedbackReport()
    for path in paths:
        try:
            _add_log(report, path, str(path))
        except LogProblem as problem:
            report.problems.append(problem.diagnostic)
    return report


def _add_log(report: FeedbackReport, path: Path, name: str) -> None:
    in_format = 0
    number = 0
    for number, line in enumerate(read_log(path, name), start=1):
        if line is None or not LOG_FORMAT.match(line):
            continue
        in_format += 1
        verdict = verdict_in(line)
        if verdict is None:
            continue
        try:
            report.add(verdict)
        except _TooMany:
            words = text("log-too-many-verdicts", limit=f"{MAX_KEPT:,}")
            raise LogProblem(name, Position(number, 1), codes.LOG_LIMIT, words) from None
    if number and not in_format:
        raise LogProblem(name, START, codes.LOG_UNREADABLE, text("log-not-a-log"))
