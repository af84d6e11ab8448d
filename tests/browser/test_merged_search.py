"""A build made in three parts (`kb build --shard I/3`) and merged (`kb build --merge`),
searched in Chromium, against the same records built in one piece with one search index.

The merged site is byte for byte a one-piece build with three search shards
(tests/publish/test_merge.py); here its searches are compared with those of one index.
"""

from __future__ import annotations

import pytest

from generator.publish.site import BuildRequest, build, merge_parts
from generator.settings import Part
from tests.browser.conftest import serve
from tests.browser.test_search import SECOND_ORG_QUERIES, TOP, SearchPage
from tests.conftest import REPO, TESTS
from tests.publish.conftest import TODAY, build_site

SECOND_ORG = TESTS / "data" / "second-org"


def build_in_parts(data_dir, root, count: int):
    folders = []
    for number in range(1, count + 1):
        folder = root / f"part-{number}"
        request = BuildRequest(
            REPO / "mkdocs.yml",
            data_dir,
            None,
            TODAY,
            folder,
            cache_dir=root / f"cache-{number}",
            part=Part(number, count),
        )
        built = build(request, lambda line: None)
        assert built.ok, (built.error, built.problems)
        folders.append(folder)
    merged = merge_parts(BuildRequest(REPO / "mkdocs.yml", site_dir=root / "merged"), folders, lambda line: None)
    assert merged.ok, (merged.error, merged.problems)
    return root / "merged"


@pytest.fixture(scope="module")
def one_index_and_merged(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    whole = build_site(SECOND_ORG, root / "whole", root / "whole-cache")
    assert whole.ok and len(whole.search.shards) == 1, (whole.error, whole.problems)
    merged = build_in_parts(SECOND_ORG, root, 3)
    servers = [serve(root / "whole"), serve(merged)]
    yield [url for url, _ in servers]
    for _, server in servers:
        server.shutdown()


def found(urls: list[str], expect) -> bool:
    expected = expect if isinstance(expect, list) else [expect]
    return any(url.rstrip("/").endswith(f"/cases/{case}") for case in expected for url in urls[:TOP])


def test_three_merged_parts_find_what_one_index_finds(browser, one_index_and_merged):
    whole_url, merged_url = one_index_and_merged
    whole, merged = SearchPage(browser, whole_url).open(), SearchPage(browser, merged_url).open()
    lost, same_first = [], 0
    for item in SECOND_ORG_QUERIES:
        one, parts = whole.search(item["query"]), merged.search(item["query"])
        if found(one, item["expect"]) != found(parts, item["expect"]):
            lost.append(f"{item['query']}: one index {one[:TOP]}, merged {parts[:TOP]}")
        same_first += bool(one) and one[:1] == parts[:1]
    assert not lost, lost
    # Pagefind scores a word by its rarity within each shard: on shards of some 35 pages, a
    # tie between equally good matches may break the other way, so the first result is
    # compared on most queries rather than all (README, Search in shards).
    assert same_first >= 0.95 * len(SECOND_ORG_QUERIES), (same_first, len(SECOND_ORG_QUERIES))
    assert not whole.unexpected_errors() and not merged.unexpected_errors(), whole.errors + merged.errors
    whole.close()
    merged.close()
