"""Record pages written by worker processes are the same bytes as those written one by one in
the build's own process."""

from __future__ import annotations

import hashlib

from generator.publish import plugin, workers
from tests.conftest import REPO
from tests.publish.conftest import build_site


def digests(site) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_pages_from_workers_equal_pages_from_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "WORKERS_FROM", 10**9)
    alone = build_site(REPO / "data", tmp_path / "alone", tmp_path / "cache-alone")
    assert alone.ok, alone.error
    monkeypatch.setattr(workers, "WORKERS_FROM", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    started = []
    original = plugin.PageWorkers

    def spy(pages, *args):
        started.append(len(pages))
        assert all(page.endswith(".md") for page in pages)
        return original(pages, *args)

    monkeypatch.setattr(plugin, "PageWorkers", spy)
    shared = build_site(REPO / "data", tmp_path / "shared", tmp_path / "cache-shared")
    assert shared.ok, shared.error
    one, many = digests(tmp_path / "alone"), digests(tmp_path / "shared")
    assert sorted(one) == sorted(many)
    assert [path for path in one if one[path] != many[path]] == []
    assert started and started[0] > 100, "the record pages were handed to the workers"
