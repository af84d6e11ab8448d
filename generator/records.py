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
from typing import Any

from generator.kinds import RECORD_KIND_OF_FILE
from generator.kinds import TAXONOMY_KINDS as _TAXONOMY
from generator.load.files import SourceFile
from generator.load.strict_yaml import Document
from generator.names import Names, Resolver
from generator.search.similar import Neighbours
from generator.settings import Settings
from generator.shapes import Taxonomy
from generator.tickets.parsed import TicketSet

# Taxonomy lists and the reference kinds that name their entries.
TAXONOMY_KINDS = {kind.folder: kind.name for kind in _TAXONOMY}
_IN_ONE_FILE = {kind.name for kind in RECORD_KIND_OF_FILE.values()}


@dataclass(frozen=True)
class Record:
    """A record that has the right shape, with the file it came from."""

    kind: str
    source: SourceFile
    document: Document
    model: Any  # the kind's Shape

    @property
    def id(self) -> str:
        # A kind kept in one file (data/glossary.yml) has no `id` field: the file names its record.
        return self.source.stem if self.kind in _IN_ONE_FILE else self.model.id

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


def names_of(context: Context) -> Names:
    """The people, products and teams of a run, by id, name and English name."""
    names = Names()
    taxonomy = context.taxonomy
    if taxonomy is not None:
        for entry in taxonomy.products:
            names.add("product", entry.id, entry.name, entry.name_en)
        for entry in taxonomy.teams:
            names.add("team", entry.id, entry.name, entry.name_en)
    for record in context.of("person"):
        names.add("person", record.id, record.model.name, record.model.name_en)
    _add_people_of_the_wrong_shape(names, context)
    return names


def _add_people_of_the_wrong_shape(names: Names, context: Context) -> None:
    # A person whose record has one wrong field is reported there; what names them by
    # name must not be reported again at every row (only person records have a `name`).
    known, valid = context.known_ids.get("person", set()), {record.id for record in context.of("person")}
    for document in context.documents:
        data = document.data if isinstance(document.data, dict) else {}
        record_id, name, name_en = data.get("id"), data.get("name"), data.get("name_en")
        if isinstance(record_id, str) and record_id in known and record_id not in valid and isinstance(name, str):
            names.add("person", record_id, name, name_en if isinstance(name_en, str) else None)


def resolve(kind: str, value: str, context: Context) -> str | None:
    """The id of the person, product or team that `value` names (by id or name), or None.

    For one value; to resolve many, make one `Resolver(names_of(context))` and ask it.
    """
    return Resolver(names_of(context)).resolve(kind, value)
