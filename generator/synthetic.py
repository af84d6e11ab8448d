"""A synthetic data folder of any size, for scale tests and benchmarks: deterministic for a seed.

The text is assembled from pieces of real service language (Chinese with English terms,
alarm codes, parameters) so that search, similarity and the site behave as they would on
a large real team's records. Every field of every record kind is used, in proportion.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator import demo_words
from generator.kinds import DEMO_KINDS, TAXONOMY
from generator.kinds.kind import RecordKind
from generator.synthetic_tickets import Engineer, KnownCase, Product, TicketSynthesizer, write_exports

END = demo_words.END
TICKETS_PER_CASE = 10  # a case is written for every few problems; most tickets reuse one or link none


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no aliases, Markdown in literal blocks."""

    def ignore_aliases(self, data) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


@dataclass
class Sizes:
    cases: int

    @property
    def people(self) -> int:
        return max(24, self.cases // 25)

    @property
    def teams(self) -> int:
        return max(3, self.people // 30)

    @property
    def sessions(self) -> int:
        return max(12, self.cases // 20)

    @property
    def mentoring(self) -> int:
        return max(6, self.people // 4)

    @property
    def awards(self) -> int:
        return max(10, self.people // 3)


class Synthesizer:
    """The demo generator: each kind makes its records (its `Demo` hook, generator/kinds/) in
    turn, drawing from one random sequence and reading what the kinds before it made."""

    words = demo_words

    def __init__(self, cases: int, seed: int = 1, tickets: int | None = None) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.sizes = Sizes(cases)
        self.tickets = TICKETS_PER_CASE * cases if tickets is None else tickets
        self.people: list[dict] = []  # as the people's hook makes them
        self.case_ids: list[tuple[str, dt.date]] = []  # (id, solved on) as the cases' hook makes them
        self.sessions: list[dict] = []  # as the sessions' hook makes them
        self.written: list[KnownCase] = []  # what the ticket export names of each case

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        if TAXONOMY.demo is not None:
            self._dump(out / f"{TAXONOMY.name}.yml", TAXONOMY.demo(self))
        for kind in DEMO_KINDS:
            assert kind.demo is not None
            for record in kind.demo.records(self):
                self._dump(_record_file(out, kind, record), record)
        if self.tickets:
            self._write_tickets(out)

    def active(self, day: dt.date, veteran: bool = False) -> list[dict]:
        """The people at work on a day (only coaches, for `veteran`)."""
        return [
            p
            for p in self.people
            if p["joined"] <= day
            and ("left" not in p or p["left"] >= day)
            and (not veteran or p["kcs_role"] == "coach")
        ]

    def written_case(self, case_id: str, day: dt.date, products: tuple[str, ...], authors: tuple[str, ...]) -> None:
        """A case made, for the ticket export to name."""
        self.written.append(KnownCase(case_id, day, products, authors))

    def _write_tickets(self, out: Path) -> None:
        # A generator of its own, seeded from the same seed: adding tickets changes no record.
        people = [Engineer(p["id"], p["name"], p["joined"], p.get("left")) for p in self.people]
        products = [Product(i, n) for i, n in demo_words.PRODUCTS]
        synthesizer = TicketSynthesizer(people, products, self.written, self.seed, END)
        write_exports(out / "tickets", synthesizer.rows(self.tickets))

    @staticmethod
    def _dump(path: Path, record: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )


def _record_file(out: Path, kind: RecordKind, record: dict[str, Any]) -> Path:
    """data/<folder>/<id>.yml, in the folder of its year for a kind kept by year (cases)."""
    folder = out / kind.folder
    if kind.sub_folders:
        folder = folder / str(record[kind.sub_folders].year)
    return folder / f"{record['id']}.yml"


def write_synthetic(out: Path, cases: int, seed: int = 1, tickets: int | None = None) -> None:
    """A data folder of `cases` cases and, by default, ten tickets per case in data/tickets/."""
    Synthesizer(cases, seed, tickets).write(out)
