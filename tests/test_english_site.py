"""An English site (`--language en`) of the demo: no Chinese outside record text, and every
taxonomy entry that has a `name_en` shows by it. Names and case text are data and stay as written."""

from __future__ import annotations

import re

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from generator.render.labels import LABELS
from tests.conftest import REPO, TESTS
from tests.publish.conftest import build_site

CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
# Where a page shows record text as it was written: Markdown fields and code (examples).
RECORD_TEXT = ".kb-text, .kb-honour-citation, .kb-log-note, .kb-record-line, pre, code"


def record_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in record_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in record_strings(item)]
    return []


def record_files(data_dir):
    return sorted([*data_dir.rglob("*.yml"), *data_dir.rglob("*.yaml")])


def taxonomy(data_dir):
    found = next(p for p in record_files(data_dir) if p.stem == "taxonomy" and p.parent == data_dir)
    return yaml.safe_load(found.read_text(encoding="utf-8"))


def record_text(data_dir) -> str:
    """Everything the records say, except the Chinese names that have an English one."""
    texts = []
    for entries in taxonomy(data_dir).values():
        for entry in entries:
            texts += [entry.get("description") or ""] + ([] if entry.get("name_en") else [entry["name"]])
    for path in record_files(data_dir):
        if path.stem != "taxonomy":
            texts += record_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(texts)


def visible_text(html_file) -> str:
    tree = LexborHTMLParser(html_file.read_text(encoding="utf-8"))
    for node in tree.css("script, style, [hidden]"):
        node.decompose()
    return tree.body.text(separator=" ") if tree.body else ""


@pytest.fixture(scope="module", params=["demo", "second-org"])
def english_site(request, tmp_path_factory):
    data_dir = REPO / "data" if request.param == "demo" else TESTS / "data" / "second-org"
    root = tmp_path_factory.mktemp(f"english-{request.param}")
    assert build_site(data_dir, root / "site", root / "cache", language="en").ok
    return data_dir, root / "site"


def pages(site):
    return [p for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts]


def test_no_chinese_outside_record_text(english_site):
    data_dir, site = english_site
    records = record_text(data_dir)
    words = set(records.splitlines())  # whole values (a tag, a name): a label's words may be data too
    labels = {label for label in LABELS["zh"].values() if CJK.fullmatch(label)} - words
    found = []
    for html in pages(site):
        tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
        for node in tree.css(f"script, style, [hidden], {RECORD_TEXT}"):
            node.decompose()
        text = tree.body.text(separator=" ") if tree.body else ""
        for run in CJK.findall(text):
            if run not in records or run in labels:
                found.append(f"{html.relative_to(site)}: {run}")
    assert not found, "\n".join(found[:40])


def test_every_taxonomy_name_with_an_english_one_shows_by_it(english_site):
    data_dir, site = english_site
    translated = [
        (e["name"], e["name_en"]) for entries in taxonomy(data_dir).values() for e in entries if e.get("name_en")
    ]
    assert translated
    records = "\n".join(
        text
        for path in data_dir.rglob("*.yml")
        if path.stem != "taxonomy"
        for text in record_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    shown = ""
    for html in pages(site):
        tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
        for node in tree.css(f"script, style, [hidden], {RECORD_TEXT}, h1, .kb-case-link"):
            node.decompose()  # case titles and Markdown may mention a product in Chinese: that is data
        shown += (tree.body.text(separator=" ") if tree.body else "") + "\n"
    for name, name_en in translated:
        if name not in records:  # a name that record text also uses cannot be told apart from it
            assert name not in shown, name
        assert name_en in shown, name_en
