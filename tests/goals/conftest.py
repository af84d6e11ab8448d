"""The two test organisations with their goals and commendations, checked and rendered once."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.model import Dataset, build_dataset
from generator.pipeline import check
from generator.render import render_site
from generator.settings import Settings
from tests.conftest import TESTS, TODAY

ORGANISATIONS = ("second-org", "third-org")


@dataclass(frozen=True)
class Rendered:
    data_dir: Path
    data: Dataset
    pages: dict[str, str]  # src_uri -> Markdown, in Chinese

    def goals(self) -> dict[str, dict]:
        return {
            p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((self.data_dir / "goals").glob("*.yml"))
        }


def organisation(name: str, target: Path) -> Path:
    """A copy of a test organisation's folder. Its glossary.yml is left out: the glossary is a kind
    of its own, which this folder's other records do not need."""
    shutil.copytree(TESTS / "data" / name, target)
    (target / "glossary.yml").unlink(missing_ok=True)
    return target


@pytest.fixture(scope="module", params=ORGANISATIONS)
def rendered(request, tmp_path_factory) -> Rendered:
    data_dir = organisation(request.param, tmp_path_factory.mktemp(request.param) / "data")
    checked = check(Settings(data_dir, TODAY, shown_root="data"))
    assert not checked.report.errors, [item.message for item in checked.report.errors]
    data = build_dataset(checked.context)
    pages = {page.src_uri: page.text for page in render_site(data, "zh", "site")}
    return Rendered(data_dir, data, pages)
