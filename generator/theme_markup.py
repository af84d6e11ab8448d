"""The few pieces of the theme's own markup that the Nu HTML Checker rejects, corrected in
each written page (the plugin calls this for every page and for the 404 page).

Material 9.7 writes them in templates that have no block to override:
- `autocomplete="off"` on its checkbox toggles (drawer, search): the attribute is not allowed
  on checkboxes. Material added it so that Firefox does not restore an open drawer after a
  reload; its script closes the drawer on every page change anyway.
- `tabindex=""` on the labels of nav sections (`navigation.indexes`): an empty value is not
  an integer. Browsers ignore it, so dropping it changes nothing for a reader.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r' tabindex=""')


def valid_theme_markup(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return EMPTY_TABINDEX.sub("", html)
