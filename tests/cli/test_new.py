from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator import scaffold
from generator.cli import main
from generator.slug import NEW_ID_LENGTH, is_id
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
    assert "KB405" in result.output and "是不是 `hx-200`？" in result.output  # the repository's site is Chinese
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
    assert result.exit_code == 1 and "已经存在" in result.output  # the repository's site is Chinese
    assert (data / "paths/new-field-engineer.yml").read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    ("title", "record_id"),
    [
        ("液压站运行半小时后压力掉到 8 MPa", "20260412-hx200-ye-ya-zhan-yun-xing-ban"),
        ("液压站报 AL-1021 油温高，一到下午就停机", "20260412-hx200-ye-ya-zhan-bao-al-1021"),
        ("泵一会儿加载一会儿卸荷，压力忽高忽低", "20260412-hx200-beng-jia-zai-xie-he-ya-li"),
        ("换了一台新驱动器，PLC 那边就一直显示通讯不上", "20260412-hx200-huan-tai-xin-qu-dong-qi"),
        ("HX-200 pressure drops after 30 minutes", "20260412-hx200-pressure-drops-after-30"),
        ("HX-200", "20260412-hx200"),
    ],
)
def test_case_ids_are_date_product_and_a_few_words(title, record_id):
    made = scaffold.case_id(dt.date(2026, 4, 12), title, "hx-200")
    assert made == record_id
    assert len(made) <= NEW_ID_LENGTH and is_id(made)


@given(st.text(min_size=1, max_size=200), st.from_regex(r"[a-z0-9]{1,30}(-[a-z0-9]{1,30}){0,3}", fullmatch=True))
def test_every_new_id_is_an_id_of_at_most_40_characters(text, other_id):
    day = dt.date(2026, 4, 12)
    made = [
        scaffold.case_id(day, text, other_id),
        scaffold.session_id(day, text),
        scaffold.new_person(text, "east", "field-service", day).record_id,
        scaffold.new_path(text).record_id,
        scaffold.mentoring_id(other_id, other_id + "-mentee", day),
        scaffold.award_id("2026-Q3", other_id, other_id),
    ]
    for record_id in made:
        assert record_id == "" or (is_id(record_id) and len(record_id) <= NEW_ID_LENGTH), record_id


def test_a_long_title_makes_a_short_file_name(data, tmp_path):
    title = "换刀的时候主轴转来转去停不到位，机床就卡在那"
    result = run(
        "new", "case", "--title", title, "--product", "vmc-850", "--author", "zhang-wei",
        "--solved-on", "2026-11-20", "--data", str(data), "--schemas", str(tmp_path / "s"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (data / "cases/2026/20261120-vmc850-huan-dao-zhu-zhou-zhuan.yml").exists()


def test_new_glossary_writes_the_file_with_its_first_group_and_then_says_to_edit_it(data, tmp_path):
    schemas = str(tmp_path / "schemas")
    result = run("new", "glossary", "--term", "液压油", "--synonyms", "液压液、抗磨液压油", "--english", "hydraulic oil",
                 "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert result.exit_code == 0, result.output
    written = (data / "glossary.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schemas/glossary.schema.json\n")
    assert '  - id: ye-ya-you\n    term: "液压油"\n    synonyms: ["液压液", "抗磨液压油"]\n' in written
    assert found(check(data)) == []
    again = run("new", "glossary", "--term", "主轴", "--synonyms", "轴", "--data", str(data), "--schemas", schemas)
    assert again.exit_code == 1 and "术语表只有一个文件" in again.output
    assert (data / "glossary.yml").read_text(encoding="utf-8") == written


def test_new_glossary_with_nothing_but_its_term_is_not_written(data, tmp_path):
    result = run("new", "glossary", "--term", "主轴", "--synonyms", "", "--data", str(data), "--schemas", str(tmp_path))
    assert result.exit_code == 1 and "KB522" in result.output
    assert not (data / "glossary.yml").exists()
