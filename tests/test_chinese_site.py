"""The Chinese site speaks Chinese: outside record text, code and proper names, no page shows
a phrase of English (the theme's footer and the search page's noscript text included)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import REPO
from tests.test_english_site import RECORD_TEXT, pages, record_text

# Two or more English words in a row: a phrase, not a name like RSS or an id.
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,.'’-]+[A-Za-z][a-z]+)+\b")
# `kb validate`, `in.yml`, `max-mentees`: commands, files and options, written as they are typed.
COMMAND_OR_FILE = re.compile(r"^kb |\.|^[a-z]+-[a-z]+$")
PROPER_NAMES = ("Material for MkDocs", "Red Hat", "Knowledge-Centered Service")


def test_no_english_phrase_outside_record_text(demo_build):
    records = record_text(REPO / "data")
    found = set()
    for html in pages(demo_build):
        tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
        for node in tree.css(f"script, style, [hidden], {RECORD_TEXT}"):
            node.decompose()
        text = tree.body.text(separator=" ") if tree.body else ""
        for name in PROPER_NAMES:
            text = text.replace(name, " ")
        found |= {
            f"{html.relative_to(demo_build)}: {phrase}"
            for phrase in ENGLISH_PHRASE.findall(text)
            if phrase not in records and not COMMAND_OR_FILE.search(phrase)
        }
    assert not found, "\n".join(sorted(found)[:60])
