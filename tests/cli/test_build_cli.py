"""`kb build` tells what it does and what went wrong in the site's language."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REPO, write


def build(data, tmp_path, *more: str):
    args = ["build", "-f", str(REPO / "mkdocs.yml"), "--data", str(data), "-d", str(tmp_path / "site")]
    args += ["--cache-dir", str(tmp_path / "cache"), "--today", "2026-11-28", *more]
    return CliRunner().invoke(main, args)


def test_a_failed_build_is_reported_in_the_sites_language(data, tmp_path, monkeypatch):
    monkeypatch.delenv("KB_LANGUAGE", raising=False)  # mkdocs.yml: !ENV [KB_LANGUAGE, zh]
    person = data / "people/li-na.yml"
    write(data, "people/li-na.yml", person.read_text(encoding="utf-8").replace("team: hotline", "team: west"))
    chinese = build(data, tmp_path)
    assert chinese.exit_code == 1
    assert "正在检查" in chinese.output and "error KB406: 未知的团队 `west`" in chinese.output
    assert "记录有错误；之前的网站保持不变。" in chinese.output
    english = build(data, tmp_path, "--language", "en")
    assert english.exit_code == 1
    assert "Checking records in" in english.output and "error KB406: unknown team `west`" in english.output
    assert "The records have errors; the previous site was left in place." in english.output
