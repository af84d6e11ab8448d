"""The one table of kinds. Each kind of record is one module here that declares everything
about it (generator/kinds/kind.py says what), and KINDS lists them; every place that needs
"all kinds" derives from this table. A new kind is its module, its templates and one line
in KINDS.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.kinds import award, case, commendation, glossary, goal, mentoring, path, person, session, taxonomy
from generator.kinds.kind import Index, RecordKind, Section, TaxonomyKind
from generator.markdown import attachment_references
from generator.messages import register
from generator.search.fields import TEXT_FIELD, block_marks
from generator.vocabulary import Shape, markdown_texts

KINDS: tuple[RecordKind, ...] = (
    person.KIND,
    case.KIND,
    mentoring.KIND,
    session.KIND,
    path.KIND,
    award.KIND,
    goal.KIND,
    commendation.KIND,
    glossary.KIND,
)
TAXONOMY = taxonomy.KIND  # data/taxonomy.yml and its lists

# Records: one file each, in data/<folder>/.
RECORD_KINDS = KINDS
RECORD_KIND = {kind.name: kind for kind in RECORD_KINDS}
RECORD_KIND_OF_FOLDER = {kind.folder: kind for kind in RECORD_KINDS if not kind.file}
# Kinds kept in one file of their own at the top of data/ (data/glossary.yml), by the file's stem.
RECORD_KIND_OF_FILE = {kind.file: kind for kind in RECORD_KINDS if kind.file}
# Taxonomy entries: the lists of data/taxonomy.yml.
TAXONOMY_KINDS: tuple[TaxonomyKind, ...] = TAXONOMY.lists
TAXONOMY_KIND = {kind.name: kind for kind in TAXONOMY_KINDS}
# Pages that group cases by a value rather than by a record.
GROUP_PAGE_FOLDERS = {"tag": "tags", "year": "years", "code": "codes"}
URL_FOLDERS = {kind.name: kind.url_folder for kind in RECORD_KINDS + TAXONOMY_KINDS} | GROUP_PAGE_FOLDERS

# Ids that would collide with a page or folder the site generates: each kind's index page,
# and every top-level name of the site, so that no future layout can turn a record page
# into an index page or a folder of feeds. Validation refuses them (KB307).
RESERVED_IDS = frozenset(
    {"index", "404", "sitemap", "search", "feeds", "api", "assets", "attachments", "pagefind", "kinds", "figures"}
    | {folder.split("/")[0] for folder in URL_FOLDERS.values()}
    | {"training", "honours", "health", "review", "checks", "guide", "reference", "calendar", "en"}
)

# Kind -> its shape, in the order records.md describes them: the schema, the reference and validation.
SHAPES: dict[str, type[Shape]] = {TAXONOMY.name: TAXONOMY.shape} | {kind.name: kind.shape for kind in RECORD_KINDS}
# One example of each kind for the reference; together they validate.
EXAMPLES: dict[str, str] = {TAXONOMY.name: TAXONOMY.example} | {kind.name: kind.example for kind in RECORD_KINDS}


def in_place(part: str) -> tuple[RecordKind, ...]:
    """The kinds that declare `part`, in the order of its places (the table's among equals)."""
    having = [kind for kind in RECORD_KINDS if getattr(kind, part) is not None]
    return tuple(sorted(having, key=lambda kind: getattr(kind, part).place))


# Search: the kinds whose pages are indexed (and the alarm code pages), and every field's
# label and weight; a field several kinds give is one field, with one weight.
SEARCHED_KINDS = tuple(kind.name for kind in RECORD_KINDS if kind.search is not None) + ("code",)


def _search_fields() -> dict[str, tuple[str, float]]:
    fields = dict(TEXT_FIELD)
    for kind in RECORD_KINDS:
        for name, label_and_weight in kind.search.fields.items() if kind.search else ():
            if fields.setdefault(name, label_and_weight) != label_and_weight:
                raise ValueError(f"the search field `{name}` of {kind.name} has another label or weight elsewhere")
    return fields


SEARCH_FIELDS = _search_fields()
# Block -> the mark that starts it in a page's search body (generator/search/fields.py).
SEARCH_MARKS = block_marks(SEARCH_FIELDS)

LINKING_KINDS = in_place("links")  # the order kinds link in: a case's cited-by list follows it
SHEET_KINDS = in_place("sheet")  # the workbook's sheets, in order
IMPORT_KINDS = tuple(kind for kind in SHEET_KINDS if kind.sheet and kind.sheet.importing)
DOCUMENT_KINDS = tuple(kind for kind in RECORD_KINDS if kind.document is not None)
MAPPING_KINDS = in_place("document")  # the order their fields come in the index's mapping
SCAFFOLD_KINDS = tuple(kind for kind in RECORD_KINDS if kind.scaffold is not None)
DEMO_KINDS = in_place("demo")  # the order the demo generator makes them in
FEED_KINDS = tuple(kind for kind in RECORD_KINDS if kind.feed is not None)


def _sections() -> dict[str, tuple[Section, ...]]:
    """Slot -> what the kinds show there on pages that are not their own, by place, then the table's order."""
    slots: dict[str, list[tuple[int, int, Section]]] = {}
    for number, kind in enumerate(RECORD_KINDS):
        for section in kind.sections:
            slots.setdefault(section.slot, []).append((section.place, number, section))
    return {slot: tuple(section for *_, section in sorted(found, key=lambda x: x[:2])) for slot, found in slots.items()}


SECTIONS = _sections()


def _indexes() -> dict[str, Index]:
    """Every back-link index of the Dataset, by name: each declared by one kind."""
    found: dict[str, Index] = {}
    for kind in LINKING_KINDS:
        for index in kind.links.indexes if kind.links else ():
            if index.name in found or index.name in {k.attribute for k in RECORD_KINDS + TAXONOMY_KINDS}:
                raise ValueError(f"the Dataset's `{index.name}` is declared twice")
            found[index.name] = index
    return found


INDEXES = _indexes()

# Each kind's own words join the one catalogue: what messages, pages, the reference, the
# workbook and `kb new` call it (RecordKind.words_needed), kept with the kind.
for _kind in (TAXONOMY, *RECORD_KINDS):
    register(messages=_kind.messages, words=_kind.words)


def named_attachments(kind: str, model: Shape) -> Iterator[tuple[tuple, str, str]]:
    """(path, text at that path, name as written) of every attachment a record names: in the
    fields its kind declares (a case's `attachments`, a session's file `materials`) and in
    its Markdown's images and links."""
    declared = RECORD_KIND[kind].attachments if kind in RECORD_KIND else None
    for where, name in declared(model) if declared else ():
        yield where, name, name
    for where, text in markdown_texts(model):
        for name in attachment_references(text):
            yield where, text, name
