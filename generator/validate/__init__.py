"""Validate: parse every document's shape, then run the registry of named checks.

A check is a small function `ensure_...(context)` that yields diagnostics. It never
stops at the first problem, and it only sees records whose shape is right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from generator.diagnostics import Diagnostic, Report
from generator.load import Loaded
from generator.load.files import TAXONOMY, SourceFile
from generator.load.strict_yaml import Document
from generator.validate.context import TAXONOMY_KINDS, Context, Record
from generator.validate.shape import parse_record

Check = Callable[[Context], Iterable[Diagnostic]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    """Register a check; checks run in the order their modules register them."""
    CHECKS.append(function)
    return function


def validate(loaded: Loaded, today: dt.date | None = None, options: dict | None = None) -> tuple[Report, Context]:
    """Every problem in the loaded records, and the context of the records that parsed."""
    context = Context(
        loaded.data_dir, today or dt.date.today(), options=dict(options or {}), attachments=loaded.attachments
    )
    report = Report(loaded.diagnostics)
    for source in loaded.unreadable:  # reported once, not again at each reference to it
        context.known_ids.setdefault(source.kind, set()).add(source.stem)
    for kind, entries in loaded.documents.items():
        for source, document in entries:
            model, problems = parse_record(kind, source, document)
            report.extend(problems)
            _remember_id(context, kind, source, document)
            if model is None:
                continue
            if kind == TAXONOMY:
                context.taxonomy, context.taxonomy_document = model, document
            else:
                context.records.setdefault(kind, []).append(Record(kind, source, document, model))
    _remember_taxonomy(context, loaded.taxonomy)
    for function in CHECKS:
        report.extend(function(context))
    return report, context


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


# The checks register themselves in pipeline order: identity, references, rules, privacy, advice.
from generator.validate import advice, attachments, identity, privacy, references, rules  # noqa: E402,F401

__all__ = ["CHECKS", "Context", "Record", "check", "validate"]
