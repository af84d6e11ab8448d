"""`kb glossary-candidates`: groups the cases suggest, printed as YAML a person can paste, written
into data/glossary.yml only with --write and a confirmation, the file's own text kept byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.search.glossary import folded
from tests.conftest import REPO, TESTS, check, found

THIRD_ORG = TESTS / "data" / "third-org"
# Synonyms the third organisation's own glossary puts in one group, which its cases suggest by
# themselves: an aka word beside its title's term (排气超温 beside 排气温度过高 of a case with
# AL3002; 热水机跳高压 beside 高压保护, a title's `报 P1 高压保护`).
KNOWN_PAIRS = [("排气温度过高", "排气超温"), ("排气温度过高", "排气温度保护"), ("高压保护", "跳高压")]


def run(*args: str, input_text: str | None = None):
    return CliRunner().invoke(main, ["glossary-candidates", *args], input=input_text)


@pytest.fixture
def third_org(tmp_path: Path) -> Path:
    """The third organisation without its glossary: what its cases alone suggest."""
    data = tmp_path / "data"
    shutil.copytree(THIRD_ORG, data, ignore=shutil.ignore_patterns("glossary.yml"))
    return data


def proposed(output: str) -> list[dict]:
    """The groups of the printed YAML: with `groups:` when there is no glossary, else items to paste under it."""
    parsed = yaml.safe_load(output)
    return parsed["groups"] if isinstance(parsed, dict) else parsed


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_known_synonym_pairs_are_proposed_and_nothing_is_written(third_org):
    before = files_of(third_org)
    result = run("--data", str(third_org))
    assert result.exit_code == 0, result.output
    groups = proposed(result.output)
    assert result.output.startswith("# kb glossary-candidates 提出的") and "groups:\n" in result.output
    together = [[folded(term) for term in (group["term"], *group["synonyms"])] for group in groups]
    for first, second in KNOWN_PAIRS:
        assert any(
            any(first in term for term in terms) and any(second in term and first not in term for term in terms)
            for terms in together
        ), (first, second)
    assert "油压差低" in [group["term"] for group in groups]  # AL1105 in two cases: what each says of it
    assert files_of(third_org) == before  # nothing written, nothing made


def test_the_printed_groups_pasted_into_a_new_glossary_validate(third_org):
    result = run("--data", str(third_org))
    (third_org / "glossary.yml").write_text(result.output, encoding="utf-8")
    assert found(check(third_org)) == []
    ids = [group["id"] for group in proposed(result.output)]
    assert len(ids) == len(set(ids)) and all(group_id.isascii() for group_id in ids)


def test_terms_the_glossary_already_has_are_not_proposed_and_the_file_is_kept(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(THIRD_ORG, data)
    glossary = yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))
    fields = ("term", "synonyms", "english", "abbreviations", "customer_words")
    known = {folded(t) for g in glossary["groups"] for f in fields for t in ([g[f]] if f == "term" else g.get(f, []))}
    before = (data / "glossary.yml").read_bytes()
    result = run("--data", str(data))
    assert result.exit_code == 0, result.output
    items = proposed(result.output)
    assert not result.output.splitlines()[1].startswith("groups:")  # items to paste under the file's `groups:`
    offered = {folded(term) for group in items for term in (group["term"], *group["synonyms"])}
    assert items and not offered & known
    assert (data / "glossary.yml").read_bytes() == before


def test_write_asks_first_and_a_no_writes_nothing(third_org):
    before = files_of(third_org)
    result = run("--data", str(third_org), "--write", input_text="n\n")
    assert result.exit_code == 0, result.output
    assert "追加到" in result.output and "没有写入" in result.output
    assert files_of(third_org) == before


def test_write_appends_only_new_groups_keeping_the_file_byte_for_byte(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(THIRD_ORG, data)
    path = data / "glossary.yml"
    # the file as someone saved it: Windows line ends and no line end at the end
    before = path.read_bytes().replace(b"\n", b"\r\n").rstrip(b"\r\n")
    path.write_bytes(before)
    count = len(proposed(run("--data", str(data)).output))
    result = run("--data", str(data), "--write", input_text="y\n")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert b"\n" not in after.replace(b"\r\n", b"")  # its own line ends throughout
    assert found(check(data)) == []
    groups = yaml.safe_load(after.decode("utf-8"))["groups"]
    assert len(groups) == len(yaml.safe_load(before.decode("utf-8"))["groups"]) + count
    again = run("--data", str(data))
    assert again.exit_code == 0 and "没有新的候选组" in again.output


def test_write_makes_a_new_glossary_when_there_is_none(third_org):
    result = run("--data", str(third_org), "--write", input_text="y\n")
    assert result.exit_code == 0, result.output
    written = (third_org / "glossary.yml").read_text(encoding="utf-8")
    assert written.startswith("groups:\n  # 来自：")
    assert found(check(third_org)) == []


def test_a_glossary_with_no_list_to_append_to_is_left_alone(third_org):
    path = third_org / "glossary.yml"
    path.write_text("groups: []\n", encoding="utf-8")
    result = run("--data", str(third_org), "--write", input_text="y\n")
    assert result.exit_code == 1
    assert "groups: []" in result.output and "手工粘贴" in result.output
    assert path.read_text(encoding="utf-8") == "groups: []\n"


def test_data_with_errors_is_reported_and_nothing_is_proposed(third_org):
    (third_org / "glossary.yml").write_text("groups:\n  - id: x\n    term: 冷媒\n", encoding="utf-8")
    result = run("--data", str(third_org), "--write", input_text="y\n")
    assert result.exit_code == 1
    assert "glossary.yml:3:5" in result.output and "KB522" in result.output and "先改正" in result.output
    assert (third_org / "glossary.yml").read_text(encoding="utf-8") == "groups:\n  - id: x\n    term: 冷媒\n"


def test_it_speaks_english_on_an_english_run(third_org):
    command = [sys.executable, "-m", "generator", "glossary-candidates", "--data", str(third_org), "--language", "en"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, input="n\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "groups proposed by kb glossary-candidates" in result.stdout
    assert "# from: " in result.stdout and "来自" not in result.stdout
    helped = subprocess.run([*command[:4], "--help", "--language", "en"], capture_output=True, text=True, cwd=REPO)
    assert "Nothing is written without --write" in helped.stdout
