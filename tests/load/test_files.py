from __future__ import annotations

from pathlib import Path

from generator import codes
from generator.load import load_folder
from generator.load.files import discover
from tests.conftest import MINIMAL, write


def test_minimal_folder_is_found_by_kind():
    found = discover(MINIMAL, "data")
    sources, problems = found.sources, found.problems
    assert not problems
    kinds = {source.kind for source in sources}
    assert kinds == {"taxonomy", "person", "case", "mentoring", "session", "path", "award"}
    assert [s.shown for s in sources] == sorted(s.shown for s in sources)


def test_files_in_unknown_places_are_reported(tmp_path: Path):
    write(tmp_path, "people/team-a/zhang.yml", "id: zhang\n")
    write(tmp_path, "notes.yml", "a: 1\n")
    write(tmp_path, "attachments/config.yml", "not: a record\n")
    write(tmp_path, ".github/x.yml", "a: 1\n")
    problems = discover(tmp_path, "data").problems
    assert {(p.file, p.code) for p in problems} == {
        ("data/people/team-a/zhang.yml", "KB304"),
        ("data/notes.yml", "KB304"),
    }


def test_cases_may_live_in_sub_folders(tmp_path: Path):
    write(tmp_path, "cases/2026/04/a.yml", "id: a\n")
    found = discover(tmp_path, "data")
    sources, problems = found.sources, found.problems
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


def test_attachments_are_found_but_not_read_as_records(tmp_path: Path):
    write(tmp_path, "attachments/config.yml", "not: a record\n")
    write(tmp_path, "attachments/photos/valve.png", "x")
    found = discover(tmp_path, "data")
    assert not found.sources
    assert sorted(found.attachments) == ["attachments/config.yml", "attachments/photos/valve.png"]


def test_symlinks_anywhere_under_data_are_refused_and_never_read(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text("id: secret\nname: 机密\n", encoding="utf-8")
    data = tmp_path / "data"
    write(data, "taxonomy.yml", "products: []\n")
    (data / "people").mkdir()
    (data / "people" / "secret.yml").symlink_to(outside / "secret.yml")
    (data / "attachments").mkdir()
    (data / "attachments" / "notes.txt").symlink_to("/etc/passwd")
    (data / "cases").mkdir()
    (data / "cases" / "2026").symlink_to(outside, target_is_directory=True)
    found = discover(data, "data")
    assert sorted((p.file, p.code) for p in found.problems) == [
        ("data/attachments/notes.txt", "KB113"),
        ("data/cases/2026", "KB113"),
        ("data/people/secret.yml", "KB113"),
    ]
    assert [s.kind for s in found.sources] == ["taxonomy"]
    assert not found.attachments


def test_a_data_folder_that_is_itself_a_link_is_read(tmp_path: Path):
    real = tmp_path / "real"
    write(real, "taxonomy.yml", "products: []\n")
    (tmp_path / "data").symlink_to(real, target_is_directory=True)
    found = discover(tmp_path / "data", "data")
    assert not found.problems and [s.kind for s in found.sources] == ["taxonomy"]
