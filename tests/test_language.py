"""The language is decided once (generator/language.py) and handed down as a value."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from generator.language import DEFAULT_LANGUAGE, LANGUAGES, decide_language, plugin_language
from generator.publish.site import BuildRequest, load_site_config
from tests.conftest import REPO, write

CONFIG = """site_name: x
docs_dir: {docs}
theme:
  name: material
plugins:
  - servicekb:
      data_dir: {data}
      language: {language}
  - tags:
      tags_slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def config(folder: Path, language: str) -> Path:
    (folder / "kb").mkdir(exist_ok=True)
    return write(folder, "mkdocs.yml", CONFIG.format(docs=folder / "kb", data=REPO / "data", language=language))


@pytest.fixture(autouse=True)
def no_environment(monkeypatch):
    monkeypatch.delenv("KB_LANGUAGE", raising=False)


def test_the_command_line_comes_first(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert decide_language("zh", config(tmp_path, "en")) == "zh"
    assert decide_language("zh", plugin_option="en") == "zh"
    assert decide_language("en", tmp_path / "missing.yml") == "en"


def test_then_the_plugin_option_as_mkdocs_read_it_or_as_read_here(tmp_path, monkeypatch):
    path = config(tmp_path, "!ENV [KB_LANGUAGE, zh]")
    assert plugin_language(path) == "zh"
    assert decide_language(None, path) == "zh"
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert decide_language(None, path) == "en", "!ENV is read as MkDocs reads it"
    assert decide_language(None, config(tmp_path, "zh")) == "zh", "a language written out is not overridden"
    # MkDocs has read the configuration: its value is taken, the file is not read again
    assert decide_language(None, tmp_path / "missing.yml", plugin_option="zh") == "zh"
    assert decide_language(None, plugin_option=None) == DEFAULT_LANGUAGE


def test_kb_language_only_without_a_configuration_and_chinese_at_last(tmp_path, monkeypatch):
    missing = tmp_path / "mkdocs.yml"
    assert decide_language(None, missing) == "zh"
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert decide_language(None, missing) == "en"
    write(tmp_path, "mkdocs.yml", "site_name: x\n")
    assert decide_language(None, missing) == "zh", "a configuration without the option means Chinese"
    monkeypatch.setenv("KB_LANGUAGE", "fr")
    missing.unlink()
    assert decide_language(None, missing) == "zh", "a value that is not a language counts as none"


def test_kb_build_decides_the_same_way_from_the_configuration_mkdocs_loaded(tmp_path, monkeypatch):
    path = config(tmp_path, "!ENV [KB_LANGUAGE, zh]")
    request = BuildRequest(path, today=dt.date(2026, 11, 28))
    assert load_site_config(request).settings.language == "zh"
    monkeypatch.setenv("KB_LANGUAGE", "en")
    assert load_site_config(request).settings.language == "en"
    assert load_site_config(BuildRequest(path, language="zh")).settings.language == "zh"


# --- no second decision anywhere ------------------------------------------------------

GENERATOR = REPO / "generator"
DECIDER = GENERATOR / "language.py"


def modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(GENERATOR.rglob("*.py"))]


def test_languages_are_defined_once_and_kb_language_is_read_in_one_place():
    defined, environment = [], []
    for path, tree in modules():
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(
                isinstance(target, ast.Name) and target.id == "LANGUAGES" for target in targets
            ):
                defined.append(path)
            if isinstance(node, ast.Constant) and node.value == "KB_LANGUAGE":
                environment.append(path)
    assert defined == [DECIDER]
    assert set(environment) <= {DECIDER}, environment
    assert LANGUAGES == ("zh", "en")


def _language_defaults(tree: ast.Module) -> list[int]:
    """Lines where a parameter, a field or an `or` falls back to a language written out."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            defaults = node.args.defaults + [d for d in node.args.kw_defaults if d is not None]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            defaults = [node.value]
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            defaults = node.values[1:]
        else:
            continue
        found += [d.lineno for d in defaults if isinstance(d, ast.Constant) and d.value in LANGUAGES]
    return found


def test_no_module_falls_back_to_a_language_of_its_own():
    fallbacks = {
        str(path.relative_to(REPO)): lines
        for path, tree in modules()
        if path != DECIDER and (lines := _language_defaults(tree))
    }
    assert not fallbacks, fallbacks
