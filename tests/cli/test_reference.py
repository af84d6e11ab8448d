from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.render.reference import reference_markdown


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_kb_reference_writes_the_file_and_check_says_when_it_is_stale(tmp_path):
    target = tmp_path / "docs" / "records.md"
    assert run("reference", "--out", str(target), "--check").exit_code == 1
    assert not target.exists(), "--check writes nothing"

    result = run("reference", "--out", str(target))
    assert result.exit_code == 0 and str(target) in result.output
    assert target.read_text(encoding="utf-8") == reference_markdown()
    assert run("reference", "--out", str(target), "--check").exit_code == 0

    target.write_text(reference_markdown().replace("symptoms", "symptom"), encoding="utf-8")
    stale = run("reference", "--out", str(target), "--check")
    assert stale.exit_code == 1 and str(target) in stale.output and "kb reference" in stale.output
