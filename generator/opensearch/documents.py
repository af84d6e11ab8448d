"""One search document per record, in the shape mapping.py declares.

Text fields are plain text (generator/render/text.py `plain_text`): the words of the Markdown,
its code blocks and inline code included, without its marks (`**`, `|`, link targets), which
would only be noise to the analyzer and to highlighted excerpts. Ids (records, products,
skills, teams) stay ids, for filters; the names of the taxonomy entries a record names come
beside them, in both languages, because people search by them. A field with no value is left
out, never sent as null or an empty list.

Only what the site publishes is exported: no ticket data (their ids are not even in the
Dataset unless the site shows them), no attachments, no customer label. The records were
validated first, the personal-data checks included. Every text is one line without control
characters (generator/inert.py), as plain text is: a search server's excerpt or a terminal
that shows the body meets nothing that was not meant to be shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.inert import one_line
from generator.kinds import DOCUMENT_KINDS
from generator.language import DEFAULT_LANGUAGE
from generator.model import Dataset
from generator.render.formats import Formats
from generator.render.labels import taxonomy_name
from generator.render.text import plain_text
from generator.render.urls import record_url
from generator.vocabulary import entry_names

Document = dict[str, Any]


@dataclass(frozen=True)
class DocumentTools:
    """What a kind's document is made with (its `Document.make`, generator/kinds/)."""

    data: Dataset
    language: str

    plain_text = staticmethod(plain_text)  # the words of Markdown, without its marks

    def text(self, markdown: str | None) -> str | None:
        """A Markdown field as plain text; None when there is none (the field is left out)."""
        return plain_text(markdown) if markdown else None

    @staticmethod
    def day(day) -> str | None:
        return day.isoformat() if day else None

    def skills(self, skill_ids: Iterable[str]) -> Document:
        """The skills' ids, each once in order, and their names in both languages."""
        ids = list(dict.fromkeys(skill_ids))
        return {"skills": ids, "skill_names": entry_names(self.data.skills[s] for s in ids)}

    def name(self, entry: Any) -> str:
        """A taxonomy entry's name in the export's language."""
        return taxonomy_name(entry, self.language)

    def period(self, text: str) -> str:
        """An award's period in words, in the export's language."""
        return Formats(self.language).period(text)


def document_id(kind: str, record_id: str) -> str:
    """The document's `_id`: ids are unique within a kind only, so the kind comes first."""
    return f"{kind}:{record_id}"


def documents(data: Dataset, language: str = DEFAULT_LANGUAGE) -> Iterator[tuple[str, Document]]:
    """(`_id`, document) of every record: kinds in the order of the table of kinds, ids sorted;
    each kind makes its own document's fields."""
    tools = DocumentTools(data, language)
    for kind in DOCUMENT_KINDS:
        assert kind.document is not None
        records = data.records[kind.attribute]
        for record_id in sorted(records):
            fields = kind.document.make(tools, records[record_id])
            head = {"kind": kind.name, "id": record_id, "url": record_url(kind.name, record_id)}
            yield document_id(kind.name, record_id), _without_empty(head | fields)


def _without_empty(document: Document) -> Document:
    return {name: _inert(value) for name, value in document.items() if value not in (None, "", [])}


def _inert(value: Any) -> Any:
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, list):
        return [one_line(item) if isinstance(item, str) else item for item in value]
    return value
