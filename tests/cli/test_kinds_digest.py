"""The digest of the table of kinds that the command line's help reads (generator/cli/kinds_digest.py):
it says what the table says, is kept between runs, and is built again when a module changes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import kinds_digest
from generator.kinds import IMPORT_KINDS, SCAFFOLD_KINDS
from generator.sheets.columns import ALIASES, PASSED_OVER
from generator.sheets.fields import LEDGER_KIND
from generator.vocabulary import CASE_STATES

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kinds_digest.digest.cache_clear()
    yield tmp_path
    kinds_digest.digest.cache_clear()


def test_the_digest_says_what_the_table_says():
    made = kinds_digest.from_table()
    assert made.importable == tuple(kind.name for kind in IMPORT_KINDS) == ("case", "person", "session", "commendation")
    assert made.states == CASE_STATES and made.ledger_kind == LEDGER_KIND == "case"
    assert {name: headers for name, _label, headers in made.ledger_fields} == ALIASES[LEDGER_KIND]
    assert dict((name, label) for name, label, _ in made.ledger_fields)["symptoms"] == "症状"
    assert "备注" in made.passed_over and len(made.passed_over) == sum(map(len, PASSED_OVER.values()))
    assert [kind.name for kind in made.new_kinds] == [kind.name for kind in SCAFFOLD_KINDS]
    for kind, declared in zip(made.new_kinds, SCAFFOLD_KINDS, strict=True):
        assert [option.name for option in kind.options] == [option.name for option in declared.scaffold.options]
        assert set(kind.words) <= declared.words_needed() and f"help-new-{kind.name}" in kind.words
    session = {
        option.name: option for option in made.new_kinds[[k.name for k in made.new_kinds].index("session")].options
    }
    assert session["--format"].choices == ("classroom", "on-site", "online", "contest")
    assert session["--format"].default == "classroom" and session["--hours"].value == "hours"


def test_kept_and_read_back_it_is_the_same(cache_home):
    first = kinds_digest.digest()
    kept = list((cache_home / "servicekb").glob("kinds-*.json"))
    assert len(kept) == 1
    kinds_digest.digest.cache_clear()
    assert kinds_digest._read(kept[0], kinds_digest._fingerprint()) == first == kinds_digest.from_table()


def test_a_digest_of_other_modules_or_an_unreadable_one_is_built_again(cache_home, monkeypatch):
    kinds_digest.digest()
    kept = next((cache_home / "servicekb").glob("kinds-*.json"))
    stored = json.loads(kept.read_text(encoding="utf-8"))
    stored["digest"]["importable"] = ["case"]
    kept.write_text(json.dumps(stored), encoding="utf-8")
    kinds_digest.digest.cache_clear()
    assert kinds_digest.digest().importable == ("case",)  # what is kept is read: proof that it is kept
    monkeypatch.setattr(kinds_digest, "_fingerprint", lambda: "modules changed since")
    kinds_digest.digest.cache_clear()
    assert kinds_digest.digest().importable == ("case", "person", "session", "commendation")
    kept.write_text("{not json", encoding="utf-8")
    kinds_digest.digest.cache_clear()
    assert kinds_digest.digest().importable == ("case", "person", "session", "commendation")
    assert json.loads(kept.read_text(encoding="utf-8"))["fingerprint"] == "modules changed since"


def test_without_a_cache_folder_it_is_built_each_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # no folder can be made under a file
    kinds_digest.digest.cache_clear()
    try:
        assert kinds_digest.digest() == kinds_digest.from_table()
    finally:
        kinds_digest.digest.cache_clear()
    assert blocked.read_text(encoding="utf-8") == ""


def test_a_changed_kind_module_shows_in_the_next_help(tmp_path):
    """A copy of the package whose path kind's words change between two runs of `kb new --help`."""
    shutil.copytree(REPO / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    environment = {**os.environ, "PYTHONPATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    environment.pop("KB_LANGUAGE", None)

    def new_help() -> str:
        command = [sys.executable, "-m", "generator", "new", "--help"]
        ran = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, check=True)
        return ran.stdout

    assert "一条新员工的培训路径。" in new_help()
    assert new_help() == new_help()  # the second and third read the kept digest
    module = tmp_path / "generator" / "kinds" / "path.py"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("一条新员工的培训路径。", "一条培训路径，从入职到独立。"), encoding="utf-8")
    shown = new_help()
    assert "一条培训路径，从入职到独立。" in shown and "一条新员工的培训路径。" not in shown
    assert len(list((tmp_path / "cache" / "servicekb").glob("kinds-*.json"))) == 1
