"""A build that copies the record pages' HTML kept by the builds before it
(generator/publish/html_cache.py) is byte for byte a clean build, over a sequence of random
edits, additions and deletions of cases; it writes through the templates only the pages whose
Markdown changed, and its cache keeps one build's pages."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from generator.pipeline import check as check_records
from generator.publish import page_writer, workers
from generator.settings import Settings
from tests.conftest import TESTS, TODAY
from tests.publish.conftest import build_site
from tests.site_trees import differences

WORDS = ("压力", "报警", "复位", "滤芯", "阀门", "传感器", "现场", "更换", "漏油", "异响")
DROPPED = ("related", "supersedes", "superseded_by", "duplicate_of", "attachments", "pictures")


class Written:
    """The pages builds write through the templates (not copied from the cache), noted in a
    file: page workers are processes of their own."""

    def __init__(self, notes: Path) -> None:
        self.notes = notes

    def note(self, src_uri: str) -> None:
        with self.notes.open("a", encoding="utf-8") as notes:
            notes.write(src_uri + "\n")

    def taken(self) -> list[str]:
        """The pages noted since the last time, forgotten."""
        pages = self.notes.read_text(encoding="utf-8").split() if self.notes.exists() else []
        self.notes.unlink(missing_ok=True)
        return pages


@pytest.fixture
def written(monkeypatch, tmp_path):
    noted = Written(tmp_path / "written.txt")
    original = page_writer.write_outside_loop

    def counting(site, file, *args):
        noted.note(file.src_uri)
        return original(site, file, *args)

    monkeypatch.setattr(page_writer, "write_outside_loop", counting)
    return noted


def cases(data: Path) -> list[Path]:
    return sorted(data.glob("cases/**/*.yml"))


def edit(data: Path, chance: random.Random) -> str:
    path = chance.choice(cases(data))
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    if chance.random() < 0.5:
        record["title"] = f"{record['title']} {chance.choice(WORDS)}"
    else:
        record["tags"] = [*record.get("tags", []), chance.choice(WORDS)]
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f"edited {path.stem}"


def add(data: Path, chance: random.Random, number: int) -> str:
    source = chance.choice(cases(data))
    record = {key: value for key, value in yaml.safe_load(source.read_text(encoding="utf-8")).items()}
    for key in DROPPED:
        record.pop(key, None)
    record["id"] = f"{record['id']}-r{number}"
    record["title"] = f"{chance.choice(WORDS)}{chance.choice(WORDS)}：{record['title']}"
    target = source.with_name(f"{record['id']}.yml")
    target.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f"added {target.stem}"


def delete(data: Path, chance: random.Random) -> str:
    """A case no other record names (its deletion leaves the records valid)."""
    for path in chance.sample(cases(data), len(cases(data))):
        kept = path.read_bytes()
        path.unlink()
        if not check_records(Settings(data, TODAY, shown_root="data")).report.errors:
            return f"deleted {path.stem}"
        path.write_bytes(kept)
    raise AssertionError("no case can be deleted")


def test_builds_with_the_kept_html_are_clean_builds(tmp_path, monkeypatch, written):
    data = tmp_path / "data"
    shutil.copytree(TESTS / "data" / "second-org", data, ignore=shutil.ignore_patterns("glossary.yml"))
    chance = random.Random(27)
    kept_cache = tmp_path / "kept-cache"
    first = build_site(data, tmp_path / "kept-0", kept_cache)
    assert first.ok, (first.error, first.problems)
    pages = len(written.taken())
    for step in range(1, 4):
        done = [chance.choice((edit, edit, delete))(data, chance), add(data, chance, step), edit(data, chance)]
        # the kept build's pages written by two workers, the clean build's in this process
        with monkeypatch.context() as forked:
            forked.setattr(workers, "WORKERS_FROM", 1)
            forked.setattr(workers.os, "cpu_count", lambda: 2)
            kept = build_site(data, tmp_path / f"kept-{step}", kept_cache)
        assert kept.ok, (done, kept.error, kept.problems)
        through_templates = written.taken()
        clean = build_site(data, tmp_path / f"clean-{step}", tmp_path / f"clean-cache-{step}")
        assert clean.ok, (done, clean.error, clean.problems)
        assert differences(tmp_path / f"clean-{step}", tmp_path / f"kept-{step}") == [], done
        assert 0 < len(through_templates) < pages / 2, (done, through_templates, pages)
        added = f"cases/{done[1].removeprefix('added ')}.md"
        assert added in through_templates, (done, through_templates)
        kept_pages = list(kept_cache.with_name(kept_cache.name + "-html").glob("*/*"))
        assert len(kept_pages) == len(written.taken()), "the cache keeps this build's pages, no more"
