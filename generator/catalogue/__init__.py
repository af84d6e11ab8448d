"""The one catalogue of translated words, by area: key -> (Chinese, English).

Every text a reader sees in the site's language is an entry here: what diagnostics and
runs of the commands say (the message areas), the words of the site's pages, the record
reference, the check codes, the commands' help
# and how each language writes lists, periods and dates. generator.messages joins the areas into
one catalogue (a key is defined once) and reads it: `text(key, ...)` for a message,
`words(key, language)` for anything else. A missing translation is a test failure
(tests/test_catalogue.py), never a silent fallback.

Chinese is written for the engineer who keeps the records: short, field names and values
in backticks; English keeps the wording tools and tests know.
"""

from __future__ import annotations

from generator.catalogue import (
    checks,
    codes,
    command_line,
    digest,
    exports,
    figures,
    help,
    inputs,
    labels,
    learning,
    loading,
    qr,
    reference,
    runs,
    shape,
    sheets,
    syntax,
    ticket_labels,
    workbook,
    writing,
)

# What diagnostics and runs of the commands say: kebab-case keys, each a message; then what
# each record kind's messages call it, registered by the table of kinds (generator/kinds/,
# generator.messages.register).
AREAS: list[dict[str, tuple[str, str]]] = [
    loading.MESSAGES,
    syntax.MESSAGES,
    shape.MESSAGES,
    checks.MESSAGES,
    runs.MESSAGES,
    sheets.MESSAGES,
    exports.MESSAGES,
    command_line.MESSAGES,
    qr.MESSAGES,
    inputs.MESSAGES,
    learning.MESSAGES,
]

# The other words: the pages' labels, the record reference, the check codes, the commands' help
# and how each language writes lists, periods and dates; then each record kind's own words,
# registered the same way.
WORDS: list[dict[str, tuple[str, str]]] = [
    labels.LABELS,
    ticket_labels.TICKET_LABELS,
    reference.TERMS,
    reference.TICKET_TERMS,
    codes.CODES,
    figures.FIGURES,
    digest.DIGEST,
    help.HELP,
    workbook.WORKBOOK,
    writing.WRITING,
    learning.WORDS,
]
