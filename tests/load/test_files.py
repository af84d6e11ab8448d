from __future__ import annotations

from pathlib import Path

from generator import codes
from generator.load import load_folder
from generator.load.files import discover
from tests.conftest import MINIMAL, write


def test_minimal_folder_is_found_by_kind():
    sources, problems = discover(MINIMAL, "data")
    assert not problems
    kinds = {source.kind for source in sources}
    assert kinds == {"taxonomy", "person", "case", "mentoring", "session", "path", "award"}
    assert [s.shown for s in sources] == sorted(s.shown for s in sources)


def test_files_in_unknown_places_are_reported(tmp_path: Path):
    write(tmp_path, "people/team-a/zhang.yml", "id: zhang\n")
    write(tmp_path, "notes.yml", "a: 1\n")
    write(tmp_path, "attachments/config.yml", "not: a record\n")
    write(tmp_path, ".github/x.yml", "a: 1\n")
    _, problems = discover(tmp_path, "data")
    assert {(p.file, p.code) for p in problems} == {
        ("data/people/team-a/zhang.yml", "KB304"),
        ("data/notes.yml", "KB304"),
    }


def test_cases_may_live_in_sub_folders(tmp_path: Path):
    write(tmp_path, "cases/2026/04/a.yml", "id: a\n")
    sources, problems = discover(tmp_path, "data")
    assert not problems and sources[0].kind == "case" and sources[0].stem == "a"


def test_unreadable_files_become_diagnostics(tmp_path: Path):
    write(tmp_path, "people/a.yml", "a: [\n")
    (tmp_path / "people" / "b.yml").write_bytes(b"\xff\xfe\x00garbage")
    loaded = load_folder(tmp_path, "data")
    assert {d.code for d in loaded.diagnostics} == {codes.YAML_SYNTAX.code, codes.NOT_UTF8.code}
    assert {s.stem for s in loaded.unreadable} == {"a", "b"}


def test_size_cap_is_reported_through_the_folder(tmp_path: Path):
    write(tmp_path, "cases/big.yml", "id: big\nsymptoms: |\n" + "  log line\n" * 120_000)
    loaded = load_folder(tmp_path, "data")
    assert [d.code for d in loaded.diagnostics] == ["KB107"]
