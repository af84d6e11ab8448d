from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import check, found


def run(*args: str, input_text: str | None = None):
    return CliRunner().invoke(main, list(args), input=input_text)


def test_new_case_gets_a_pinyin_id_the_modeline_and_validates(data, tmp_path):
    result = run(
        "new",
        "case",
        "--title",
        "液压站压力掉",
        "--product",
        "hx-200",
        "--author",
        "zhang-wei",
        "--solved-on",
        "2026-11-20",
        "--data",
        str(data),
        "--schemas",
        str(tmp_path / "schemas"),
    )
    assert result.exit_code == 0, result.output
    created = data / "cases/2026/20261120-hx200-ye-ya-zhan-ya-li-diao.yml"
    first_line = created.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../../schemas/case.schema.json"
    assert (tmp_path / "schemas" / "case.schema.json").exists()
    assert found(check(data)) == []


def test_new_person_prompts_for_what_is_missing(data, tmp_path):
    result = run(
        "new",
        "person",
        "--data",
        str(data),
        "--schemas",
        str(tmp_path / "s"),
        "--joined",
        "2026-11-01",
        input_text="王小明\neast\nfield-service\n",
    )
    assert result.exit_code == 0, result.output
    assert (data / "people/wang-xiao-ming.yml").exists()


def test_every_kind_scaffolds_a_valid_record(data, tmp_path):
    schemas = ["--data", str(data), "--schemas", str(tmp_path / "s")]
    commands = [
        [
            "new",
            "mentoring",
            "--mentor",
            "zhang-wei",
            "--mentee",
            "chen-hao",
            "--skill",
            "cnc",
            "--started",
            "2026-11-01",
            "--id",
            "cnc-pair",
        ],
        ["new", "session", "--title", "数控系统入门", "--trainer", "zhang-wei", "--date", "2026-12-05"],
        ["new", "path", "--title", "热线专家成长路径"],
        [
            "new",
            "award",
            "--award",
            "excellent-service",
            "--recipient",
            "li-na",
            "--period",
            "2026-Q3",
            "--citation",
            "热线解答及时准确",
            "--awarded-on",
            "2026-10-08",
        ],
    ]
    for command in commands:
        result = run(*command, *schemas)
        assert result.exit_code == 0, result.output
    assert found(check(data)) == []


def test_unknown_reference_is_refused_and_nothing_is_left_behind(data, tmp_path):
    before = sorted(p.name for p in data.rglob("*.yml"))
    result = run(
        "new",
        "case",
        "--title",
        "x",
        "--product",
        "hx-300",
        "--author",
        "zhang-wei",
        "--data",
        str(data),
        "--schemas",
        str(tmp_path / "s"),
    )
    assert result.exit_code == 1
    assert "KB405" in result.output and "did you mean `hx-200`?" in result.output
    assert sorted(p.name for p in data.rglob("*.yml")) == before


def test_existing_file_is_never_overwritten(data, tmp_path):
    args = [
        "new",
        "path",
        "--title",
        "x",
        "--id",
        "new-field-engineer",
        "--data",
        str(data),
        "--schemas",
        str(tmp_path / "s"),
    ]
    original = (data / "paths/new-field-engineer.yml").read_text(encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 1 and "already exists" in result.output
    assert (data / "paths/new-field-engineer.yml").read_text(encoding="utf-8") == original
