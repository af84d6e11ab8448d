from __future__ import annotations

from generator.progress import progress


def test_piped_progress_is_a_few_plain_lines(capsys, monkeypatch):
    monkeypatch.setenv("CI", "1")
    with progress("Reading records", 1000) as advance:
        for _ in range(1000):
            advance(1)
    lines = capsys.readouterr().err.splitlines()
    assert lines[:3] == ["Reading records: 250/1000", "Reading records: 500/1000", "Reading records: 750/1000"]
    assert lines[-1].startswith("Reading records: 1000/1000 in ") and len(lines) == 4


def test_small_jobs_print_nothing(capsys):
    with progress("Reading records", 10) as advance:
        advance(10)
    assert capsys.readouterr().err == ""


def test_an_uneven_total_still_gives_three_steps_and_the_end(capsys, monkeypatch):
    monkeypatch.setenv("CI", "1")
    with progress("Reading records", 11137) as advance:
        for _ in range(11137):
            advance(1)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in lines[:3]] == ["2784/11137", "5568/11137", "8352/11137"]
    assert len(lines) == 4 and lines[-1].startswith("Reading records: 11137/11137 in ")
