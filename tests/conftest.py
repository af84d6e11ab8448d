"""Shared helpers: small data folders laid out like the real data/."""

from __future__ import annotations

import datetime as dt
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
    from generator.build.site import BuildRequest, build

    root = tmp_path_factory.mktemp("demo-build")
    request = BuildRequest(REPO / "mkdocs.yml", REPO / "data", None, TODAY, root / "site", cache_dir=root / "cache")
    result = build(request, lambda line: None)
    assert result.ok, (result.error, result.problems)
    return root / "site"
