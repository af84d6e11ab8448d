"""The records of one run, parsed into their shapes, with the files they came from.

Validation's checks read this, and so does the Dataset that is built from it once the
records are valid. Results worked out once for the whole run (similar cases) are handed
in by the pipeline, never computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.kinds import TAXONOMY_KINDS as _TAXONOMY
from generator.load.files import SourceFile
from generator.load.strict_yaml import Document
from generator.search.similar import Neighbours
from generator.settings import Settings
from generator.shapes import Taxonomy

if TYPE_CHECKING:  # the tickets' parser reads this module's Context
    from generator.tickets.parse import TicketSet

# Taxonomy lists and the reference kinds that name their entries.
TAXONOMY_KINDS = {kind.folder: kind.name for kind in _TAXONOMY}


@dataclass(frozen=True)
class Record:
    """A record that has the right shape, with the file it came from."""

    kind: str
    source: SourceFile
    document: Document
    model: Any  # the kind's Shape

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def file(self) -> str:
        return self.source.shown


@dataclass
class Context:
    settings: Settings
    records: dict[str, list[Record]] = field(default_factory=dict)
    taxonomy: Taxonomy | None = None
    taxonomy_document: Document | None = None
    # Every id that exists per kind, including records whose shape failed:
    # a typo in one field must not turn every reference to that record into an error too.
    known_ids: dict[str, set[str]] = field(default_factory=dict)
    attachments: dict[str, Path] = field(default_factory=dict)  # "attachments/x.png" -> file, as discovered
    similar: Neighbours = field(default_factory=dict)  # each case's most similar cases, from the pipeline
    documents: list[Document] = field(default_factory=list)  # every file that could be read, shape right or not
    tickets: TicketSet | None = None  # the rows of data/tickets/*.csv whose cells are right, from the pipeline
    _indexes: dict[str, dict[str, Record]] = field(default_factory=dict, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    @property
    def today(self) -> dt.date:
        return self.settings.today

    def of(self, kind: str) -> list[Record]:
        return self.records.get(kind, [])

    def all_records(self) -> Iterator[Record]:
        for records in self.records.values():
            yield from records

    def index(self, kind: str) -> dict[str, Record]:
        """Records of a kind by id; the first one wins when an id is used twice."""
        if kind not in self._indexes:
            found: dict[str, Record] = {}
            for record in self.of(kind):
                found.setdefault(record.id, record)
            self._indexes[kind] = found
        return self._indexes[kind]

    def exists(self, kind: str, record_id: str) -> bool:
        return record_id in self.known_ids.get(kind, set())
