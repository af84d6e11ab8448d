"""Settings: what one run of the pipeline is asked to do, decided once and passed down.

The CLI makes them from its options and mkdocs.yml; the MkDocs plugin makes them from
its own options when MkDocs runs it directly. Nothing below reads the environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.language import DEFAULT_LANGUAGE, check_language
from generator.language import LANGUAGES as LANGUAGES  # where callers have long found it
from generator.repository import NO_LINKS, RepositoryLinks
from generator.search.shards import SHARD_PAGES, bucket

DEFAULT_MAX_MENTEES = 3


@dataclass(frozen=True)
class Part:
    """One of `count` independent parts of a build (`kb build --shard 2/4`), numbered from 1.

    Every part reads and checks all records and builds every shared page the same way;
    it writes only the record pages it owns and indexes only the pages it owns, chosen by
    a hash of their path,
    so that the parts can be built on different machines and merged (generator/publish/merge.py).
    """

    number: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= self.count:
            raise ValueError(f"{self.number}/{self.count}")

    @classmethod
    def parse(cls, written: str) -> Part:
        """`2/4` as written on the command line; ValueError for anything else."""
        number, slash, count = written.strip().partition("/")
        if not slash or not number.isdigit() or not count.isdigit():
            raise ValueError(written)
        return cls(int(number), int(count))

    @property
    def label(self) -> str:
        return f"{self.number}/{self.count}"

    def owns(self, page: str) -> bool:
        """Whether this part writes and indexes the page (its file in the site, e.g.
        cases/x/index.html). The same hash as the search shards': N parts hold the very
        bundles of a build in one piece with N search shards."""
        return bucket(page, self.count) == self.number - 1


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    today: dt.date = field(default_factory=dt.date.today)
    language: str = DEFAULT_LANGUAGE  # as generator/language.py decides it for the run
    shown_root: str = ""  # how the data folder is written in messages; "" = as data_dir
    cache_dir: Path = Path(".cache/pages")  # where generated pages are materialised
    site_name: str = ""
    site_url: str = ""
    max_mentees: int = DEFAULT_MAX_MENTEES  # more active mentees than this is warning KB704
    skip: frozenset[str] = frozenset()  # check codes or check names not to run
    repository: RepositoryLinks = NO_LINKS  # edit, history and report links (repo_url, edit_uri, report_url)
    show_ticket_ids: bool = False  # ticket ids on case pages; off: the Dataset does not even hold them
    show_progress: bool = False
    search_shard_pages: int = SHARD_PAGES  # pages per search index shard (generator/search/shards.py)
    # a part of a `kb build --shard` build: the checks' result is kept for the other parts,
    # and taken from there when one of them checked the same records (generator/validate/kept.py)
    share_validation: bool = False

    def __post_init__(self) -> None:
        check_language(self.language)

    @property
    def shown(self) -> str:
        return (self.shown_root or str(self.data_dir)).rstrip("/")

    @property
    def search_cache_dir(self) -> Path:
        """Where search bundles are kept by content hash, beside the page cache."""
        return self.cache_dir.with_name(self.cache_dir.name + "-search")

    @property
    def html_cache_dir(self) -> Path:
        """Where record pages' HTML is kept by what it is made of (generator/publish/html_cache.py)."""
        return self.cache_dir.with_name(self.cache_dir.name + "-html")

    @property
    def links_cache_file(self) -> Path:
        """Where the link check keeps what it read of each page, by the page's hash."""
        return self.cache_dir.with_name(self.cache_dir.name + "-links") / "pages.json"

    @property
    def pack_cache_dir(self) -> Path:
        """Where the offline packs' search bundles are kept by content hash."""
        return self.cache_dir.with_name(self.cache_dir.name + "-packs")

    @property
    def validated_dir(self) -> Path:
        """Where a validation's result is kept, beside the page caches (every part's alike)."""
        return self.cache_dir.parent / "validated"

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
