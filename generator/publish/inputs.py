"""What one build of the site is given: a value made once, before MkDocs runs.

`kb build` and `kb serve` make it from mkdocs.yml, the command line and the records they
have checked and rendered, and hand it to the MkDocs plugin (`KnowledgeBasePlugin.take`);
plain `mkdocs build` and `mkdocs serve` make the same value from the plugin's options. The
plugin derives all it does in a build from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from generator.pipeline import Prepared
from generator.settings import Part, Settings


class SearchStep(Enum):
    """What the build does about the search index (and the offline packs made with it)."""

    WAIT = "wait"  # plain `mkdocs build`: made at the end of the build, which waits for it
    START = "start"  # `kb build`: started at the end of the build; the caller checks the links, then waits
    NONE = "none"  # `kb serve`: not made by the build; the caller makes it in the background


@dataclass(frozen=True)
class BuildInputs:
    settings: Settings
    prepared: Prepared  # the records checked, the Dataset and every page rendered into the page cache
    search: SearchStep = SearchStep.WAIT
    # Record pages written by forked workers (generator/publish/workers.py) in a large build; off
    # where the pages are built one by one with the navigation of a build already done (kb serve).
    page_workers: bool = True
    part: Part | None = None  # `kb build --shard I/N`: the record pages this build writes and indexes
    # The record pages written outside MkDocs' page loop (generator/publish/page_writer.py); off,
    # MkDocs reads and writes them as it does every other page: the bytes the writer is held to
    # (tests/publish/test_page_writer.py).
    outside_loop: bool = True
    # Record pages' HTML kept between builds and copied when what it is made of did not change
    # (generator/publish/html_cache.py): `kb build`, whose day and settings are fixed.
    html_cache: bool = False

    def __post_init__(self) -> None:
        if not self.prepared.ok:
            raise ValueError("a build needs records without errors")
