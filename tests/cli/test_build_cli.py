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


def test_a_line_break_in_a_name_or_title_is_refused_by_validate_before_a_build_meets_it(data, tmp_path):
    """It used to pass `kb validate` and then stop every `kb build` with a traceback from the
    iCalendar writer. Now both refuse it at its line, and the build writes nothing."""
    for relative, original, hostile in (
        ("people/zhang-wei.yml", "name: 张伟", 'name: "张\\n伟"'),
        ("sessions/2026-03-hydraulics-basics.yml", "title: 液压系统基础", "title: |\n  液压系统\n  基础"),
        ("paths/new-field-engineer.yml", "title: 新现场工程师", "title: '新现场\n\n  工程师'"),
    ):
        write(data, relative, (data / relative).read_text(encoding="utf-8").replace(original, hostile))
    checked = CliRunner().invoke(main, ["validate", str(data), "--today", "2026-11-28", "--language", "en"])
    built = build(data, tmp_path, "--language", "en")
    for result in (checked, built):
        assert result.exit_code == 1 and "Traceback" not in result.output and isinstance(result.exception, SystemExit)
        for where in (
            "people/zhang-wei.yml:2:9",
            "sessions/2026-03-hydraulics-basics.yml:3:7",
            "new-field-engineer.yml:3:1",
        ):
            assert f"{where}: error KB212: " in result.output, (where, result.output)
    assert "The records have errors; the previous site was left in place." in built.output
    assert not (tmp_path / "site").exists()
