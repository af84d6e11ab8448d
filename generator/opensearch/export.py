"""The two files of the export, checked against each other before either is written.

A document the strict mapping does not take would be refused by the server one by one in the
bulk response, which says `"errors": true` and goes on with the rest: a load that looks done
and is not. The export checks every document against its mapping first (conformance.py) and
writes nothing when one does not fit.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.model import Dataset
from generator.opensearch.bulk import bulk_body
from generator.opensearch.conformance import document_problems, mapping_problems
from generator.opensearch.documents import documents
from generator.opensearch.mapping import index_mapping

MAPPING_FILE = "mapping.json"
BULK_FILE = "bulk.ndjson"


class DoesNotFit(Exception):
    """The export's documents or mapping would be refused: a fault of the exporter, not the records."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Export:
    mapping: bytes
    bulk: bytes
    counts: dict[str, int]  # documents per kind, in the order they are in the bulk body

    @property
    def documents(self) -> int:
        return sum(self.counts.values())


def opensearch_export(data: Dataset, index: str, language: str) -> Export:
    mapping = index_mapping()
    records = list(documents(data, language))
    problems = mapping_problems(mapping)
    problems += [f"{doc_id}: {problem}" for doc_id, doc in records for problem in document_problems(doc, mapping)]
    if problems:
        raise DoesNotFit(problems)
    counts = Counter(document["kind"] for _, document in records)
    mapping_text = json.dumps(mapping, ensure_ascii=False, indent=2) + "\n"
    return Export(mapping_text.encode("utf-8"), bulk_body(index, records), dict(counts))


def write_export(export: Export, folder: Path) -> tuple[Path, Path]:
    """Write both files into `folder`, each replaced whole: a reader never sees half of one.

    Raises OSError as the file system gives it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in ((MAPPING_FILE, export.mapping), (BULK_FILE, export.bulk)):
        target = folder / name
        partial = folder / f".{name}.partial"
        try:
            partial.write_bytes(content)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        written.append(target)
    return written[0], written[1]
