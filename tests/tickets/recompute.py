"""The ticket figures worked out again from the raw files, without the generator's code:
the CSV read with Python's own codecs and csv module, the records with PyYAML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

HEADERS = {
    "ticket": "ticket", "工单号": "ticket",
    "opened": "opened", "创建日期": "opened",
    "closed": "closed", "关闭日期": "closed",
    "engineer": "engineer", "处理人": "engineer",
    "product": "product", "产品": "product",
    "cases": "cases", "关联案例": "cases",
}  # fmt: skip


@dataclass
class Row:
    ticket: str
    opened: dt.date
    closed: dt.date | None
    engineer: str  # a person id
    cases: list[str]


def text_of(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gbk")


@cache  # a folder's files do not change during a test
def yaml_records(data_dir: Path, folder: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data_dir / folder).rglob("*.y*ml"))]


@cache  # a folder's files do not change during a test
def people(data_dir: Path) -> dict[str, dict]:
    return {p["id"]: p for p in yaml_records(data_dir, "people")}


@cache  # a folder's files do not change during a test
def solved(data_dir: Path) -> dict[str, dt.date]:
    return {c["id"]: c["solved_on"] for c in yaml_records(data_dir, "cases")}


@cache  # a folder's files do not change during a test
def rows(data_dir: Path) -> list[Row]:
    by_name = {p["name"]: pid for pid, p in people(data_dir).items()}
    found = []
    for path in sorted((data_dir / "tickets").glob("*.csv")):
        table = list(csv.reader(io.StringIO(text_of(path), newline="")))
        names = [HEADERS.get(h.strip().lower(), HEADERS.get(h.strip())) for h in table[0]]
        for cells in table[1:]:
            if not any(cells):
                continue
            values = {name: cells[i].strip() for i, name in enumerate(names) if name}
            engineer = values["engineer"]
            found.append(
                Row(
                    values["ticket"],
                    dt.date.fromisoformat(values["opened"]),
                    dt.date.fromisoformat(values["closed"]) if values.get("closed") else None,
                    by_name.get(engineer, engineer),
                    [c for c in re.split(r"[、,，;；\s]+", values.get("cases", "")) if c],
                )
            )
    return found


@dataclass(frozen=True)
class Figures:
    closed: int
    linked: int
    reuse: int
    new: int
    engineers: int
    participants: int


def figures(data_dir: Path, first: dt.date, last: dt.date, team: str | None = None) -> Figures:
    """The figures of tickets closed from `first` to `last` (both included) by a team or everyone."""
    staff = people(data_dir)
    solved_on = solved(data_dir)
    in_post = {
        pid
        for pid, p in staff.items()
        if (team is None or p["team"] == team) and p["joined"] <= last and (not p.get("left") or p["left"] > last)
    }
    closed = [
        r
        for r in rows(data_dir)
        if r.closed and first <= r.closed <= last and (team is None or staff[r.engineer]["team"] == team)
    ]
    linked = [r for r in closed if r.cases]
    links = [(r, case) for r in linked for case in r.cases]
    reuse = sum(1 for r, case in links if solved_on[case] < r.opened)
    participants = {r.engineer for r in linked} & in_post
    return Figures(len(closed), len(linked), reuse, len(links) - reuse, len(in_post), len(participants))


def month_range(month: str) -> tuple[dt.date, dt.date]:
    year, number = int(month[:4]), int(month[5:])
    following = dt.date(year + (number == 12), number % 12 + 1, 1)
    return dt.date(year, number, 1), following - dt.timedelta(days=1)


def months_closed(data_dir: Path) -> list[str]:
    return sorted({f"{r.closed:%Y-%m}" for r in rows(data_dir) if r.closed})


def percent(part: int, whole: int) -> str:
    if not whole:
        return "—"
    hundredths = part * 100 / whole
    return f"{int(hundredths) + (hundredths - int(hundredths) >= 0.5)}%"


def by_case(data_dir: Path) -> dict[str, list[Row]]:
    found = defaultdict(list)
    for r in rows(data_dir):
        for case in r.cases:
            found[case].append(r)
    return found
