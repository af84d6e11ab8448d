"""The kinds of pages the site has, and the URL folder of each.

Every module that needs "all kinds" reads this table, so a new kind is added in one place.
"""

from __future__ import annotations

RECORD_FOLDERS = {
    "case": "cases",
    "person": "people",
    "mentoring": "mentoring",
    "session": "sessions",
    "path": "paths",
    "award": "awards",
    "product": "products",
    "skill": "skills",
    "tag": "tags",
    "year": "years",
    "award-kind": "honours/kinds",
    "team": "teams",
}

# Ids that would collide with a page or folder the site generates: each kind's index page,
# and every top-level name of the site, so that no future layout can turn a record page
# into an index page or a folder of feeds. Validation refuses them (KB307).
RESERVED_IDS = frozenset(
    {"index", "404", "sitemap", "search", "feeds", "api", "assets", "attachments", "pagefind", "kinds", "figures"}
    | {folder.split("/")[0] for folder in RECORD_FOLDERS.values()}
    | {"training", "honours", "health", "review", "checks", "guide", "reference", "calendar", "en"}
)
