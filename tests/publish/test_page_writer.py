"""The record pages, written outside MkDocs' page loop (generator/publish/page_writer.py), give
the site MkDocs' own loop gives: every file of it, byte for byte (the pages, the sitemap, the
tags plugin's tags.json, the search index and the offline packs made of them), for the demo
data in Chinese and in English with a site address (the sitemap lists every page then), and
for the data of two other organisations."""

from __future__ import annotations

import shutil
from functools import partial

import pytest

from generator.publish import mkdocs_adapter, page_writer, site
from generator.publish.inputs import BuildInputs
from tests.conftest import REPO, TESTS
from tests.publish.conftest import build_site
from tests.site_trees import differences


@pytest.fixture
def counted(monkeypatch):
    """How many pages were written outside MkDocs' loop."""
    written = []
    original = mkdocs_adapter.write_outside_loop

    def counting(built, file, *args):
        written.append(file.src_uri)
        return original(built, file, *args)

    monkeypatch.setattr(page_writer, "write_outside_loop", counting)
    return written


def built_both_ways(data, tmp_path, monkeypatch, counted, language=None):
    """The site built with the record pages written outside the loop, and in it."""
    outside = build_site(data, tmp_path / "outside", tmp_path / "cache-outside", language)
    assert outside.ok, (outside.error, outside.problems)
    assert len(counted) > 40 and all(uri.endswith(".md") for uri in counted), "the record pages were written outside"
    written = len(counted)
    monkeypatch.setattr(site, "BuildInputs", partial(BuildInputs, outside_loop=False))
    inside = build_site(data, tmp_path / "inside", tmp_path / "cache-inside", language)
    assert inside.ok, (inside.error, inside.problems)
    assert len(counted) == written, "MkDocs' loop wrote every page"
    return tmp_path / "inside", tmp_path / "outside"


def test_the_demo_site_is_the_one_mkdocs_loop_builds(tmp_path, monkeypatch, counted):
    inside, outside = built_both_ways(REPO / "data", tmp_path, monkeypatch, counted)
    assert differences(inside, outside) == []
    assert b'class="md-tag"' in (outside / "cases/20250218-hx200-pressure-drop/index.html").read_bytes()
    assert b"cases/20250218-hx200-pressure-drop/" in (outside / "tags.json").read_bytes()


def test_the_english_demo_site_with_an_address_is_the_one_mkdocs_loop_builds(tmp_path, monkeypatch, counted):
    monkeypatch.setenv("KB_SITE_URL", "https://kb.example.com/service/")
    inside, outside = built_both_ways(REPO / "data", tmp_path, monkeypatch, counted, "en")
    assert differences(inside, outside) == []
    sitemap = (outside / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://kb.example.com/service/cases/20250218-hx200-pressure-drop/</loc>" in sitemap


@pytest.mark.parametrize("organisation", ["second-org", "third-org"])
def test_another_organisations_site_is_the_one_mkdocs_loop_builds(organisation, tmp_path, monkeypatch, counted):
    data = tmp_path / "data"
    shutil.copytree(TESTS / "data" / organisation, data, ignore=shutil.ignore_patterns("glossary.yml"))
    inside, outside = built_both_ways(data, tmp_path, monkeypatch, counted)
    assert differences(inside, outside) == []
