"""The columns of an export that are not read never reach the site: not a page, feed, JSON
file or search index file holds a customer's name or phone number from them."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.publish.site import BuildRequest, build
from generator.search.packs import read_pack
from tests.conftest import REPO, TODAY, copy_minimal
from tests.tickets.conftest import FIRST_HALF, SECOND_HALF, add_tickets, unread_values
from tests.tickets.recompute import text_of

GZIP = b"\x1f\x8b"
SECOND_ORG = REPO / "tests" / "data" / "second-org"
PERSONAL = {"客户名称", "联系人", "联系电话", "customer name", "contact person", "phone"}


def built_files(site: Path) -> Iterator[tuple[Path, bytes]]:
    """Every file of a built site as a reader could get it: Pagefind's gzip files decompressed,
    an offline pack's archive as the files it holds."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix != ".pack":
            yield path, _readable(path.read_bytes())
    for manifest in sorted(site.glob("packs/*.json")):
        if manifest.name != "index.json":
            for url, content in sorted(read_pack(site, manifest.stem).items()):
                yield site / "packs" / manifest.stem / url, _readable(content)


def _readable(content: bytes) -> bytes:
    return gzip.decompress(content) if content.startswith(GZIP) else content


def found_in(site: Path, values: set[str]) -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    encoded = {value: value.encode("utf-8") for value in values}
    for path, content in built_files(site):
        for value, data in encoded.items():
            if data in content:
                where.setdefault(value, []).append(str(path.relative_to(site)))
    return where


def built(data_dir: Path, root: Path, config: Path = REPO / "mkdocs.yml") -> Path:
    site = root / "site"
    result = build(BuildRequest(config, data_dir, None, TODAY, site, cache_dir=root / "cache"), lambda line: None)
    assert result.ok, (result.error, result.problems, result.prepared and result.prepared.report.items)
    return site


def personal_cells(data_dir: Path) -> set[str]:
    """Customers, contacts and numbers in the exports, less any that the records or the site's
    own words hold (a contact who shares a name with an engineer is on the site as that
    engineer; 赵磊 is the person of the reference page's example)."""
    found = set()
    for path in sorted((data_dir / "tickets").glob("*.csv")):
        table = list(csv.reader(io.StringIO(text_of(path), newline="")))
        columns = [i for i, header in enumerate(table[0]) if header.strip() in PERSONAL]
        found |= {row[i] for row in table[1:] for i in columns if i < len(row) and row[i]}
    records = "".join(p.read_text(encoding="utf-8") for p in data_dir.rglob("*.y*ml"))
    records += "".join(p.read_text(encoding="utf-8") for p in (REPO / "kb").rglob("*.md"))
    records += (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    return {value for value in found if value not in records}


def test_no_customer_or_phone_number_of_a_small_export_is_in_any_built_file(tmp_path):
    data_dir = add_tickets(copy_minimal(tmp_path / "data"))
    site = built(data_dir, tmp_path)
    secrets = unread_values(FIRST_HALF, SECOND_HALF)
    assert any(value.isdigit() and len(value) == 11 for value in secrets)  # the phone numbers are among them
    assert found_in(site, secrets) == {}
    # The search is what is looked through: Pagefind's files are there and are read decompressed.
    fragments = [content for path, content in built_files(site) if path.suffix == ".pf_fragment"]
    assert fragments and any("液压站".encode() in content for content in fragments)


def test_ticket_ids_reach_the_site_only_when_asked_for(tmp_path):
    data_dir = add_tickets(copy_minimal(tmp_path / "data"))
    config = tmp_path / "mkdocs.yml"
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(
        text.replace("docs_dir: kb", f"docs_dir: {REPO / 'kb'}").replace(
            "show_ticket_ids: false", "show_ticket_ids: true"
        ),
        encoding="utf-8",
    )
    off = built(data_dir, tmp_path / "off")
    assert found_in(off, {"GD-001", "SR-102"}) == {}
    on = built(data_dir, tmp_path / "on", config)
    assert set(found_in(on, {"GD-001", "SR-102"})) == {"GD-001", "SR-102"}  # the search above would see them
    assert found_in(on, unread_values(FIRST_HALF, SECOND_HALF)) == {}


@pytest.mark.parametrize("folder", [SECOND_ORG], ids=["second-org"])
def test_no_customer_of_another_teams_exports_is_in_any_built_file(tmp_path, folder):
    secrets = personal_cells(folder)
    assert len(secrets) > 50
    assert found_in(built(folder, tmp_path), secrets) == {}


def test_no_customer_of_the_demo_export_is_in_the_demo_site(demo_build):
    secrets = personal_cells(REPO / "data")
    assert len(secrets) > 300
    assert found_in(demo_build, secrets) == {}
