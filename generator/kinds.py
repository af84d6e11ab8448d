"""The one table of kinds: where each kind's files live, its pages, its shape and its
place in the Dataset. Every module that needs "all kinds" reads this table, so a new
kind is added here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.shapes import SHAPES, Shape


@dataclass(frozen=True)
class Kind:
    name: str  # as diagnostics, references and the schema files call it: "case"
    folder: str  # in data/ (a record kind), or the list in taxonomy.yml (a taxonomy kind)
    url_folder: str  # where its pages are served: /cases/<id>/
    attribute: str  # the Dataset's dict of it
    sub_folders: bool = False  # records may be kept in sub-folders of `folder` (cases by year)

    @property
    def shape(self) -> type[Shape] | None:
        return SHAPES.get(self.name)


# Records: one file each, in data/<folder>/.
RECORD_KINDS = (
    Kind("person", "people", "people", "people"),
    Kind("case", "cases", "cases", "cases", sub_folders=True),
    Kind("mentoring", "mentoring", "mentoring", "mentoring"),
    Kind("session", "sessions", "sessions", "sessions"),
    Kind("path", "paths", "paths", "paths"),
    Kind("award", "awards", "awards", "awards"),
)
# Taxonomy entries: the lists of data/taxonomy.yml.
TAXONOMY_KINDS = (
    Kind("product", "products", "products", "products"),
    Kind("skill", "skills", "skills", "skills"),
    Kind("team", "teams", "teams", "teams"),
    Kind("award-kind", "awards", "honours/kinds", "award_kinds"),
)
# Pages that group cases by a value rather than by a record.
GROUP_PAGE_FOLDERS = {"tag": "tags", "year": "years", "code": "codes"}

RECORD_KIND = {kind.name: kind for kind in RECORD_KINDS}
RECORD_KIND_OF_FOLDER = {kind.folder: kind for kind in RECORD_KINDS}
TAXONOMY_KIND = {kind.name: kind for kind in TAXONOMY_KINDS}
URL_FOLDERS = {kind.name: kind.url_folder for kind in RECORD_KINDS + TAXONOMY_KINDS} | GROUP_PAGE_FOLDERS

# Ids that would collide with a page or folder the site generates: each kind's index page,
# and every top-level name of the site, so that no future layout can turn a record page
# into an index page or a folder of feeds. Validation refuses them (KB307).
RESERVED_IDS = frozenset(
    {"index", "404", "sitemap", "search", "feeds", "api", "assets", "attachments", "pagefind", "kinds", "figures"}
    | {folder.split("/")[0] for folder in URL_FOLDERS.values()}
    | {"training", "honours", "health", "review", "checks", "guide", "reference", "calendar", "en"}
)
