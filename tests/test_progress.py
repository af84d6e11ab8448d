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
