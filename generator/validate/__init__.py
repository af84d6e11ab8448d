"""Validate: parse every document's shape, then run the registry of named checks.

A check is a small function `ensure_...(context)` that yields diagnostics. It never
stops at the first problem, and it only sees records whose shape is right. Which checks
run, and in which order, is the explicit table in `validate.registry`.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.load import Loaded
from generator.load.files import TAXONOMY, SourceFile
from generator.load.strict_yaml import Document
from generator.records import TAXONOMY_KINDS, Context, Record
from generator.settings import Settings
from generator.validate.registry import CHECKS
from generator.validate.shape import parse_record

__all__ = ["Context", "Record", "parse_records", "run_checks"]


def parse_records(loaded: Loaded, settings: Settings) -> tuple[Context, list[Diagnostic]]:
    """The records whose shape is right, and the shape problems of the others."""
    context = Context(settings, attachments=loaded.attachments)
    problems: list[Diagnostic] = []
    for source in loaded.unreadable:  # reported once, not again at each reference to it
        context.known_ids.setdefault(source.kind, set()).add(source.stem)
    for kind, entries in loaded.documents.items():
        for source, document in entries:
            context.documents.append(document)
            model, found = parse_record(kind, source, document)
            problems.extend(found)
            _remember_id(context, kind, source, document)
            if model is None:
                continue
            if kind == TAXONOMY:
                context.taxonomy, context.taxonomy_document = model, document
            else:
                context.records.setdefault(kind, []).append(Record(kind, source, document, model))
    _remember_taxonomy(context, loaded.taxonomy)
    return context, problems


def run_checks(context: Context) -> list[Diagnostic]:
    """Every check of the registry that is not skipped, in the registry's order."""
    skip = context.settings.skip
    found: list[Diagnostic] = []
    for entry in CHECKS:
        if entry.skipped_by(skip):
            continue
        found.extend(d for d in entry.function(context) if d.code not in skip)
    return found


def _remember_id(context: Context, kind: str, source: SourceFile, document: Document) -> None:
    # The file name counts too: when it and the id differ, that is reported once,
    # not again at every reference to the record.
    known = context.known_ids.setdefault(kind, set())
    known.add(source.stem)
    record_id = document.data.get("id")
    if isinstance(record_id, str):
        known.add(record_id)


def _remember_taxonomy(context: Context, taxonomy: Document | None) -> None:
    data = taxonomy.data if taxonomy else {}
    for list_name, kind in TAXONOMY_KINDS.items():
        entries = data.get(list_name)
        entries = entries if isinstance(entries, list) else []
        ids = {entry.get("id") for entry in entries if isinstance(entry, dict)}
        context.known_ids[kind] = {i for i in ids if isinstance(i, str)}
