"""The site's page labels (generator/catalogue/labels.py) as one mapping per language.

For code that shows a label outside a page or looks a label up by its words: the workbook's
headers and values, the columns `kb import` reads, its dry run's lines. It reads the catalogue
only, so that those need not import the renderer (generator/render/, whose package loads every
page's module and Jinja) for a word; the renderer's `Labels` reads the same mapping.
"""

from __future__ import annotations

from generator.catalogue.labels import LABELS as PAGE_LABELS
from generator.language import LANGUAGES
from generator.messages import CATALOGUE, words

LABELS: dict[str, dict[str, str]] = {
    language: {key: words(key, language) for key in PAGE_LABELS} for language in LANGUAGES
}


def field_label(key: str, language: str) -> str | None:
    """The label of a field by its key: a page label, or a kind's own word (a goal's `goal_targets`,
    generator/kinds/); None when there is none."""
    if key in LABELS[language]:
        return LABELS[language][key]
    return words(key, language) if key in CATALOGUE else None
