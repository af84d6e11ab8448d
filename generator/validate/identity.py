"""Identity: each record is where its id says, and each id names one record."""

from __future__ import annotations

from collections.abc import Iterator

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.kinds import RECORD_KIND, RESERVED_IDS
from generator.messages import Listing, text
from generator.records import TAXONOMY_KINDS, Context


def ensure_taxonomy_exists(context: Context) -> Iterator[Diagnostic]:
    """Ensure data/taxonomy.yml is there: every product, skill and team is named in it."""
    if context.taxonomy_document is None and not (context.data_dir / "taxonomy.yml").exists():
        shown = context.settings.shown + "/taxonomy.yml"
        yield codes.MISSING_TAXONOMY.at(shown, START, "id-taxonomy-missing")


def ensure_ids_match_file_names(context: Context) -> Iterator[Diagnostic]:
    """Ensure each record's id is its file name, so a URL always finds its file."""
    for record in context.all_records():
        if record.id != record.source.stem:
            yield codes.ID_NOT_FILENAME.at(
                record.file,
                record.document.position(("id",)),
                "id-not-file-name",
                id=record.id,
                file=record.source.path.name,
            )


def ensure_ids_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Ensure no two records of one kind share an id."""
    for kind, records in context.records.items():
        first_file: dict[str, str] = {}
        for record in records:
            if record.id in first_file:
                yield codes.DUPLICATE_ID.at(
                    record.file,
                    record.document.position(("id",)),
                    "id-duplicate",
                    kind=text("kind-" + kind),
                    id=record.id,
                    other=first_file[record.id],
                )
            else:
                first_file[record.id] = record.file


def ensure_taxonomy_ids_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Ensure each product, skill, team and award kind is listed once."""
    if context.taxonomy is None or context.taxonomy_document is None:
        return
    document = context.taxonomy_document
    for list_name in TAXONOMY_KINDS:
        first_index: dict[str, int] = {}
        for index, entry in enumerate(getattr(context.taxonomy, list_name)):
            if entry.id in first_index:
                yield codes.DUPLICATE_ID.at(
                    document.file,
                    document.position((list_name, index, "id")),
                    "id-taxonomy-duplicate",
                    list=list_name,
                    id=entry.id,
                    line=document.position((list_name, first_index[entry.id], "id")).line,
                )
            else:
                first_index[entry.id] = index


def ensure_ids_are_not_reserved(context: Context) -> Iterator[Diagnostic]:
    """Ensure no record or taxonomy entry takes an id that a generated page or folder uses."""
    reserved = Listing(tuple(sorted(RESERVED_IDS)))
    for record in context.all_records():
        # a kind kept in one file is named by its file, which is its page's folder (glossary)
        if record.id in RESERVED_IDS and not RECORD_KIND[record.kind].file:
            yield codes.RESERVED_ID.at(
                record.file,
                record.document.position(("id",)),
                "id-reserved",
                id=record.id,
                reserved=reserved,
            )
    if context.taxonomy is None or context.taxonomy_document is None:
        return
    for list_name in TAXONOMY_KINDS:
        for index, entry in enumerate(getattr(context.taxonomy, list_name)):
            if entry.id in RESERVED_IDS:
                yield codes.RESERVED_ID.at(
                    context.taxonomy_document.file,
                    context.taxonomy_document.position((list_name, index, "id")),
                    "id-taxonomy-reserved",
                    list=list_name,
                    id=entry.id,
                    reserved=reserved,
                )
