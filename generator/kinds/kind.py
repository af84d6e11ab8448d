"""The contract of a kind of record: everything the generator knows about a kind, declared in
one `KIND = RecordKind(...)` at the end of its module (generator/kinds/<kind>.py).

A kind module imports, when it runs, only the layers below the kinds (generator/layers.py):
the shape vocabulary and the foundation. What its parts need from higher layers is handed
to them: its pages get the render layer's Renderer, its back-links the Dataset, its
OpenSearch document what the export passes, its demo hook the demo generator. Those types
are named for type checking only.

Several outputs list the kinds in an order of their own, kept as it has always been so that
the same records give the same bytes: a part that feeds one says its `place` there. A kind
that says none (a new one) comes after the placed ones, in the order of the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.codes import Code
from generator.vocabulary import Shape

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.record_text import NewRecord
    from generator.records import Context
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

Words = tuple[str, str]  # (Chinese, English)
# A time a record says someone took part in something: (path of the field, person id, day).
Activity = tuple[tuple, str, dt.date]
LAST = 1_000_000  # the place of a part that says none: after every placed one
# A diagnostic a kind declares: its code and the catalogue key of its message, which is given
# `field` (the field's name) and `id` (the value) where they apply.
Refusal = tuple[Code, str]


@dataclass(frozen=True)
class Citation:
    """A record that points at a case: which kind, which id, and in which role."""

    kind: str  # case, mentoring, session, award, path
    id: str
    role: str  # related, log, discussed, evidence, read


@dataclass(frozen=True)
class Index:
    """A back-link index of the Dataset (`data.cases_by_author`): key -> list, filled by the links
    of the kinds. Each index is declared by one kind; others may add to it (`cited_by`)."""

    name: str
    order: Callable[[Dataset, list], list] | None = None  # each list's order once every kind has linked
    lists: bool = True  # False: key -> one value each, set once (a path's progress by person)


@dataclass(frozen=True)
class Links:
    """How a kind's records link into the Dataset."""

    indexes: tuple[Index, ...]  # the indexes this kind declares
    link: Callable[[Dataset, str, Any], None]  # (data, record id, record): add its back-links
    order: Callable[[Dataset], Iterable[str]] | None = None  # its records in linking order; None: by id
    place: int = LAST  # when it links: a case's cited-by list shows citations in this order


@dataclass(frozen=True)
class Search:
    """What a kind's pages give the search index (generator/render/search_data.py)."""

    fields: Mapping[str, tuple[str, float]]  # field -> (its label key, the weight of its block)
    data: Callable[[Renderer, Any], SearchData]  # (r, record): the page's search data


@dataclass(frozen=True)
class Document:
    """A kind's document in the OpenSearch export (generator/opensearch/)."""

    fields: Mapping[str, str]  # field -> its type in the one index (text, keyword, date, float, integer)
    make: Callable[[DocumentTools, Any], dict[str, Any]]  # (tools, record): the document's fields
    place: int = LAST  # where its fields come in the mapping


@dataclass(frozen=True)
class Import:
    """How `kb import` reads a sheet of this kind (generator/sheets/)."""

    sheet_names: tuple[str, ...]  # names of a sheet that say it holds this kind
    key_fields: tuple[str, ...]  # a sheet of this kind has columns for these
    aliases: Mapping[str, tuple[str, ...]]  # headers teams write for a field, besides its name and labels
    made_id: Callable[[dict[str, Any]], str | None]  # the id `kb new` would give the row's record
    id_from: str  # the field an id is made from (and reported at, when the sheet has no id column)
    names: tuple[str, ...] = ()  # the fields a cell names a record of this kind by (besides its id)
    made_from: Mapping[str, str] = field(default_factory=dict)  # a field made from another column
    defaulted: tuple[str, ...] = ()  # fields an option of `kb import` gives (a case's `state`)
    ledger: bool = False  # rows are completed as a team's 台账 leaves them (generator/sheets/ledger.py)
    named_later: bool = False  # rows name records of this kind only once every row's id is made


@dataclass(frozen=True)
class Sheet:
    """A kind's sheet in the workbook `kb export` writes, titled `workbook-title-<kind>`."""

    label_keys: Mapping[str, str] = field(default_factory=dict)  # field -> its label key, where they differ
    importing: Import | None = None  # None: a sheet for reading only
    place: int = LAST  # its place among the sheets


@dataclass(frozen=True)
class Option:
    """An option of `kb new <kind>`. Its help is the catalogue's `help-new-<kind>-<name>`, and
    its question `help-new-<kind>-<name>-prompt` (`help-new-case-title`)."""

    name: str  # "--title"
    dest: str  # the value's name for `make`
    prompt: bool = False  # asked for when not given
    value: str = "text"  # text, date (default today), level (1-4), hours (more than 0), number, or a choice
    choices: tuple[str, ...] = ()
    default: Any = None


@dataclass(frozen=True)
class Scaffold:
    """`kb new <kind>`: its options and the record it writes. Its help is the catalogue's
    `help-new-<kind>`."""

    options: tuple[Option, ...]
    # (**values, record_id, language) -> the new record, its comments in that language
    make: Callable[..., NewRecord]


@dataclass(frozen=True)
class Demo:
    """The kind's records in `kb demo` (generator/synthetic.py)."""

    records: Callable[[Synthesizer], Iterator[dict[str, Any]]]
    # Every kind draws from one random sequence, so the order of the kinds is part of what a
    # seed means: the same seed writes the same records.
    place: int = LAST


@dataclass(frozen=True)
class Check:
    """A check of the kind's own (generator/validate/registry.py runs it after the rules):
    `function(context)` yields diagnostics, of the codes it says; its docstring says "Ensure …"."""

    function: Callable[[Context], Iterable[Diagnostic]]
    codes: tuple[Code, ...]


@dataclass(frozen=True)
class Section:
    """A part the kind adds to a page of the site that is not its own: the commendations on a
    person's page, a team's goals on the team's page. The page names the slot (`person`, `team`,
    `team-lead`, `home`, `health`, `award`) and the key of what it shows (the person's id, the
    team's, "" for a page of the whole site); `template` is rendered there with the page's
    links and the words of every page, `key`, and what `values(r, key)` gives, if anything."""

    slot: str
    template: str
    values: Callable[[Renderer, str], Mapping[str, Any]] | None = None
    place: int = LAST  # its place among the sections of the same slot


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a kind's feed: a record's page, its title, its day and its words (Markdown)."""

    record_id: str
    title: str
    day: dt.date
    summary: str


@dataclass(frozen=True)
class Feed:
    """The kind's feed, `feeds/<name>.xml` and `.atom`: its newest records (generator/render/feeds.py).
    Its title is the catalogue's `feed-<name>`; the home page links it."""

    name: str
    entries: Callable[[Dataset, str], list[FeedEntry]]  # (data, language) -> newest first


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: one file each, in data/<folder>/; or, for a kind that declares `file`,
    one optional file of its own, data/<file>.yml, which is its one record."""

    name: str  # as diagnostics, references and the schema files call it: "case"
    folder: str  # its files: data/<folder>/<id>.yml (a kind kept in one file: its api/<folder>.json)
    url_folder: str  # its pages: /<url_folder>/<id>/
    attribute: str  # the Dataset's dict of its records: data.cases
    shape: type[Shape]
    example: str  # the reference's example: a record that validates with the other kinds' examples
    # Its own areas of the catalogue, key -> (Chinese, English) (see words_needed): what
    # messages call it, and its other words (its label on pages, the reference's, `kb new`'s help).
    messages: dict[str, Words]
    words: dict[str, Words]
    sub_folders: str = ""  # the date field whose year is the sub-folder of a new record (cases/2026/)
    required_when: tuple[str, Mapping[str, tuple[str, ...]]] | None = None  # (field, value -> fields it needs)
    attachments: Callable[[Any], Iterator[tuple[tuple, str]]] | None = None  # files named outside Markdown
    # the rules' facts (generator/validate/rules.py): (a date field, a later one that may not come before it)
    dates_in_order: tuple[tuple[str, str], ...] = ()
    activities: Callable[[Any], Iterator[Activity]] | None = None  # who took part, on what day
    links: Links | None = None
    pages: Callable[[Renderer], Iterable[PageJob]] | None = None  # its pages and index page
    search: Search | None = None
    document: Document | None = None
    sheet: Sheet | None = None
    scaffold: Scaffold | None = None
    demo: Demo | None = None
    # What the reference check says of an id of this kind that does not exist (`Ref("case")`):
    # a kind that other kinds' fields name declares it.
    unknown: Refusal | None = None
    # Top-level fields refused for a reason of the kind's own, with their code rather than as an
    # unknown field: a goal's `person` (a goal names a team, never a person).
    refused_fields: Mapping[str, Refusal] = field(default_factory=dict)
    checks: tuple[Check, ...] = ()  # its own checks, run after the rules
    sections: tuple[Section, ...] = ()  # what it shows on other pages
    feed: Feed | None = None
    # Fields kept out of everything the site publishes besides its pages (api/*.json, the
    # search index, OpenSearch): the ticket ids a commendation names.
    unpublished: tuple[str, ...] = ()
    # A kind kept in one file, data/<file>.yml (or .yaml), rather than one file per record in
    # data/<folder>/: the file is its one record (named by the file's stem, with no `id` field),
    # optional, and its one page is its index page, /<url_folder>/ (the glossary).
    file: str = ""

    def words_needed(self) -> set[str]:
        """The keys of the catalogue that the generator reads for this kind, which its `messages`
        and `words` give: what messages call it, its heading and introduction in the reference,
        and by what it declares, the kind of a search result, its sheet's title and `kb new`'s
        help (tests/kinds/test_table.py). `reference-kinds-<kind>`, the kind a field's type
        names, is needed once a field refers to the kind: the reference is not written without
        it (tests/test_reference.py). The words a kind's own code reads (the comments of the
        file `kb new` writes) are its own business."""
        needed = {f"kind-{self.name}", f"noun-{self.name}"}  # in `messages`, the rest in `words`
        needed |= {f"reference-heading-{self.name}", f"reference-about-{self.name}"}
        if self.search is not None or self.document is not None:  # a search result's kind, an export's count
            needed.add(f"kind_{self.name}")
        if self.sheet is not None:
            needed.add(f"workbook-title-{self.name}")
        if self.feed is not None:
            needed.add(f"feed-{self.feed.name}")
        needed |= {key for _, key in (*self.refused_fields.values(), *([self.unknown] if self.unknown else []))}
        if self.scaffold is not None:
            command = f"help-new-{self.name}"
            needed |= {command} | {f"{command}-{option.name.removeprefix('--')}" for option in self.scaffold.options}
            needed |= {
                f"{command}-{option.name.removeprefix('--')}-prompt"
                for option in self.scaffold.options
                if option.prompt
            }
        return needed


@dataclass(frozen=True)
class TaxonomyKind:
    """Entries of a list in data/taxonomy.yml (products, skills, teams, award kinds)."""

    name: str  # as references name it: "product"
    folder: str  # its list in taxonomy.yml
    url_folder: str  # its pages
    attribute: str  # the Dataset's dict of it: data.products
    sub_folders: str = ""


@dataclass(frozen=True)
class TaxonomyFile:
    """data/taxonomy.yml: the lists whose entries records name by id."""

    name: str  # "taxonomy": as the schema file and the reference call it
    shape: type[Shape]
    lists: tuple[TaxonomyKind, ...]
    example: str
    messages: dict[str, Words]  # what messages call each list's entries
    words: dict[str, Words]  # the reference's words
    demo: Callable[[Synthesizer], dict[str, Any]] | None = None
