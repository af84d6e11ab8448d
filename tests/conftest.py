"""Shared helpers: small data folders laid out like the real data/."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import Checked
from generator.pipeline import check as run_check
from generator.settings import Settings

TESTS = Path(__file__).parent
MINIMAL = TESTS / "data" / "minimal"
BAD = TESTS / "data" / "bad"
REPO = TESTS.parent
TODAY = dt.date(2026, 11, 28)
# The demo's 107 indexed pages in three search shards: the browser tests search a merged index.
DEMO_SHARD_PAGES = 40


# In Chinese, English shows only where it is a name: field names, values and ids (in
# backticks), paths, file names and anchors, codes, and the record's own line under a
# syntax error. A run of four ASCII letters anywhere else is English that was not translated.
NAMES = {"YAML", "HTML", "Office", "Markdown", "Windows", "Excel", "MkDocs"}  # proper names, written so in Chinese too
CODE_SPAN = re.compile(r"`[^`]*`")
PATH_LIKE = re.compile(r"\S*[/.#@]\S*")
EXCERPT_LINE = re.compile(r"^\s*\d*\s*\|.*$", re.MULTILINE)
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")


def english_words(message: str) -> set[str]:
    """English words left in a Chinese message (see above)."""
    rest = PATH_LIKE.sub(" ", CODE_SPAN.sub(" ", EXCERPT_LINE.sub(" ", message)))
    return set(ENGLISH_WORD.findall(rest)) - NAMES


def copy_minimal(target: Path) -> Path:
    shutil.copytree(MINIMAL, target)
    return target


def write(data_dir: Path, relative: str, text: str) -> Path:
    path = data_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(data_dir: Path) -> Checked:
    return run_check(Settings(data_dir, TODAY, shown_root="data"))


def found(checked: Checked) -> list[tuple[str, int, str]]:
    """(file relative to data/, line, code) of every diagnostic."""
    return [(item.file.removeprefix("data/"), item.line, item.code) for item in checked.report.items]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid data folder."""
    return copy_minimal(tmp_path / "data")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    """The demo data built once per test session (site folder)."""
    from generator.publish.site import BuildRequest, build

    root = tmp_path_factory.mktemp("demo-build")
    request = BuildRequest(
        REPO / "mkdocs.yml",
        REPO / "data",
        None,
        TODAY,
        root / "site",
        cache_dir=root / "cache",
        search_shard_pages=DEMO_SHARD_PAGES,
    )
    result = build(request, lambda line: None)
    assert result.ok, (result.error, result.problems)
    return root / "site"
