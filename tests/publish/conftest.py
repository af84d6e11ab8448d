from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.publish.site import BuildRequest, BuildResult, build
from tests.conftest import REPO, copy_minimal

TODAY = dt.date(2026, 11, 28)


def build_site(
    data_dir: Path, site_dir: Path, cache_dir: Path, language: str | None = None, shard_pages: int | None = None
) -> BuildResult:
    request = BuildRequest(
        REPO / "mkdocs.yml", data_dir, language, TODAY, site_dir, cache_dir=cache_dir, search_shard_pages=shard_pages
    )
    return build(request, lambda line: None)


@pytest.fixture
def minimal_site(tmp_path: Path) -> tuple[Path, Path]:
    """(data folder, built site) of the minimal data."""
    data_dir = copy_minimal(tmp_path / "data")
    result = build_site(data_dir, tmp_path / "site", tmp_path / "cache")
    assert result.ok, (result.error, result.problems, result.prepared.report.items if result.prepared else None)
    return data_dir, tmp_path / "site"
