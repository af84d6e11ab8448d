"""Every translated text is one entry of one catalogue, key -> (Chinese, English): walked whole
here, so that a text missing in one language, or a key the code names that the catalogue does
not hold, is a failure of this test and never a silent fallback on a page."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import jinja2
import pytest

from generator.catalogue import AREAS, WORDS
from generator.codes import CODES
from generator.language import LANGUAGES
from generator.messages import CATALOGUE, MESSAGES, UnknownKey, numbered, text, words
from generator.render.engine import page_environment
from generator.render.labels import LABELS, Labels
from tests.conftest import REPO

GENERATOR = REPO / "generator"


def placeholders(template: str) -> set[str] | None:
    """The names a template fills in; None for words that are never a template (a YAML example)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def test_every_entry_has_both_languages_with_the_same_placeholders():
    assert len(LANGUAGES) == 2
    for key, entry in CATALOGUE.items():
        assert isinstance(entry, tuple) and len(entry) == 2, key
        chinese, english = entry
        assert isinstance(chinese, str) and isinstance(english, str), key
        if key:  # "" is the empty hint
            assert chinese.strip() and english.strip(), f"{key}: a language is missing"
        assert placeholders(chinese) == placeholders(english), key


def test_the_catalogue_is_every_area_with_each_key_once():
    keys = [key for area in (*AREAS, *WORDS) for key in area]
    assert len(keys) == len(set(keys)), "a key is defined in two areas"
    assert set(keys) <= set(CATALOGUE)
    assert set(MESSAGES) <= set(CATALOGUE)
    assert len(CATALOGUE) == len(MESSAGES) + sum(len(area) for area in WORDS)


def test_every_code_has_its_words_and_every_code_entry_a_code():
    named = {f"{code.lower()}-{part}" for code in CODES for part in ("title", "example", "fix")}
    code_entries = {key for key in CATALOGUE if re.fullmatch(r"kb[0-9]{3}-(title|example|fix)", key)}
    assert named == code_entries, named ^ code_entries


def test_an_unknown_key_is_an_error_not_its_own_name():
    with pytest.raises(UnknownKey):
        text("no-such-message")
    with pytest.raises(UnknownKey):
        words("no-such-words", "en")
    with pytest.raises(UnknownKey):
        numbered("no-such-paragraphs", "zh")
    with pytest.raises(UnknownKey):
        Labels("zh")["no_such_label"]
    with pytest.raises(AttributeError):
        Labels("en").no_such_label  # noqa: B018
    template = page_environment().from_string("{{ t.cases }} {{ t.no_such_label }}")
    with pytest.raises(jinja2.UndefinedError):
        template.render(t=Labels("zh"))


def test_labels_read_the_catalogue_and_keep_their_shape_for_templates():
    assert Labels("zh").cases == "案例库" and Labels("en")["not-validated"] == "Not validated"
    assert LABELS["en"]["cases"] == words("cases", "en")
    assert set(LABELS) == set(LANGUAGES) and set(LABELS["zh"]) == set(LABELS["en"])


# --- every key the code names is in the catalogue ---------------------------------------------

READERS = {"text", "words", "say", "numbered", "_said", "said"}  # functions that take a catalogue key first


def _key_written(node: ast.Call) -> ast.expr | None:
    """The key a call names: the first argument of a reader, the words of `Code.at(file, where, key)`."""
    if isinstance(node.func, ast.Name) and node.func.id in READERS and node.args:
        return node.args[0]
    if isinstance(node.func, ast.Attribute) and node.func.attr == "at" and len(node.args) >= 3:
        return node.args[2]
    return None


def keys_named_in_python() -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            key = _key_written(node) if isinstance(node, ast.Call) else None
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                named.setdefault(key.value, []).append(f"{path.relative_to(REPO)}:{node.lineno}")
    return named


LABEL_USE = re.compile(r"(?<![\w.])(?:t|tl)\.([a-z_][a-z0-9_]*)|(?<![\w.])(?:t|tl)\[\s*['\"]([^'\"]+)['\"]\s*\]")


def labels_named_in_templates() -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for path in sorted((GENERATOR / "templates").rglob("*.j2")) + sorted((GENERATOR / "theme").rglob("*.html")):
        for match in LABEL_USE.finditer(path.read_text(encoding="utf-8")):
            key = match[1] or match[2]
            if key != "language":  # the Labels' own attribute
                named.setdefault(key, []).append(str(path.relative_to(REPO)))
    return named


def test_every_key_the_code_and_the_templates_name_is_in_the_catalogue():
    python, templates = keys_named_in_python(), labels_named_in_templates()
    assert len(python) > 400 and len(templates) > 150  # the scans see the code
    unknown = {key: places for key, places in {**python, **templates}.items() if key not in CATALOGUE}
    assert not unknown, unknown


def test_no_module_keeps_a_table_of_its_own_by_language():
    """A dict written with a key per language is a second catalogue."""
    tables = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                written = {key.value for key in node.keys if isinstance(key, ast.Constant)}
                if set(LANGUAGES) <= written:
                    tables.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not tables, tables


def test_the_catalogue_areas_are_plain_data():
    """An area imports nothing but the future: it is read by `kb --help` and by every layer."""
    for path in sorted((GENERATOR / "catalogue").glob("*.py")):
        if path.name == "__init__.py":
            continue
        imports = [
            node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, (ast.Import, ast.ImportFrom)) and getattr(node, "module", "") != "__future__"
        ]
        assert not imports, path


def test_a_template_that_names_a_label_reads_it_in_both_languages():
    used = set(labels_named_in_templates())
    for language in LANGUAGES:
        labels = Labels(language)
        assert all(labels[key] for key in used)


def test_paragraph_lists_are_numbered_without_gaps():
    lists = {match[1] for key in CATALOGUE if (match := re.fullmatch(r"(.+)-([0-9]+)", key))}
    for prefix in lists:
        numbers = sorted(int(key.rsplit("-", 1)[1]) for key in CATALOGUE if re.fullmatch(rf"{prefix}-[0-9]+", key))
        assert numbers == list(range(1, len(numbers) + 1)), prefix
        assert len(numbered(prefix, "zh")) == len(numbered(prefix, "en"))


def test_the_paths_in_this_test_exist():
    assert Path(GENERATOR / "templates").is_dir() and Path(GENERATOR / "theme").is_dir()
