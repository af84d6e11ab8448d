"""The words of the record reference in one language: headings, type words, the general
rules and the rules beyond the field table, as generator/reference.py reads them. The
words are entries of the one catalogue (generator/catalogue/reference.py, and each kind's
own heading, introduction and name in its words, generator/kinds/); the fields' meanings
are not there: they live with the fields, in each kind's shape.
"""

from __future__ import annotations

import re
from typing import Any

from generator.catalogue.reference import TERMS
from generator.kinds import RECORD_KIND, RECORD_KINDS, TAXONOMY_KINDS
from generator.kinds import TAXONOMY as TAXONOMY_FILE
from generator.load.files import TAXONOMY
from generator.messages import words

PREFIX = "reference-"
BY_KIND = ("heading", "about", "kinds")  # `reference-heading-<kind>`: one word for each kind
_NUMBERED = re.compile(r"^(?P<name>.+)-(?P<number>[0-9]+)$")  # `reference-general-1`: a list of paragraphs
# The reference's words that each kind keeps with itself: `reference-heading-case` …
KIND_TERMS = tuple(key for kind in (TAXONOMY_FILE, *RECORD_KINDS) for key in kind.words if key.startswith(PREFIX))


def terms(language: str) -> dict[str, Any]:
    """The reference's words in `language`, by the names generator/reference.py reads
    (`files_label`, `heading[kind]`, the paragraphs of `general`, …)."""
    said: dict[str, Any] = {"language": language, "ref_allowed": _ref_places(language)}
    for key in (*TERMS, *KIND_TERMS):
        name = key.removeprefix(PREFIX)
        group = next((group for group in BY_KIND if name.startswith(group + "-")), None)
        numbered = _NUMBERED.match(name)
        if name.startswith("place-"):
            continue  # the places are put together by _ref_places
        if group:
            said.setdefault(group, {})[name.removeprefix(group + "-")] = words(key, language)
        elif numbered:
            name = numbered["name"].replace("-", "_")
            said[name] = (*said.get(name, ()), words(key, language))
        else:
            said[name.replace("-", "_")] = words(key, language)
    return said


def _ref_places(language: str) -> dict[str, str]:
    """Where the id that a reference field names is found, by the kind it names."""
    record = words(PREFIX + "place-record", language)
    taxonomy = words(PREFIX + "place-taxonomy", language)
    return {
        "step": words(PREFIX + "place-step", language),
        "ticket": words(PREFIX + "place-ticket", language),
        **{kind: record.format(folder=entry.folder) for kind, entry in RECORD_KIND.items()},
        **{entry.name: taxonomy.format(file=TAXONOMY, folder=entry.folder) for entry in TAXONOMY_KINDS},
    }
