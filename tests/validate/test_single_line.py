"""Single-line fields (KB212): a line break in a name, title, tag or any text that is not
Markdown is refused by `kb validate` at the line and column where it was written, so that
`kb build` is never the first to meet it."""

from __future__ import annotations

import pytest

from generator.load.text import LINE_BREAKS
from generator.pipeline import check as run_check
from generator.settings import Settings
from generator.shapes import single_line_texts
from tests.conftest import MINIMAL, TODAY, check, write

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
PERSON = "people/zhang-wei.yml"
SESSION = "sessions/2026-03-hydraulics-basics.yml"
PATH = "paths/new-field-engineer.yml"
PAIR = "mentoring/zhang-wei-chen-hao-2026.yml"


def replaced(data, relative: str, original: str, new: str) -> None:
    text = (data / relative).read_text(encoding="utf-8")
    assert original in text, original
    write(data, relative, text.replace(original, new, 1))


def reported(data) -> list[tuple[str, int, int, str, str]]:
    return [(d.file.removeprefix("data/"), d.line, d.column, d.code, d.message) for d in check(data).report.items]


@pytest.mark.parametrize(
    ("relative", "original", "written", "field", "line", "column"),
    [
        # an escape in double quotes: at the escape
        (PERSON, "name: 张伟", 'name: "张\\n伟"', "name", 2, 9),
        (CASE, "title: 液压站运行半小时后压力掉到 8 MPa", 'title: "液压站运行半小时后\\n压力掉"', "title", 2, 18),
        # a literal block: at the end of its first line
        (SESSION, "title: 液压系统基础", "title: |\n  液压系统\n  基础", "title", 3, 7),
        # a folded block keeps its last line break: at the block's indicator
        (PATH, "title: 新现场工程师", "title: >\n  新现场工程师", "title", 2, 8),
        # an empty line in a quoted text is a line break: at the empty line
        (PATH, "    title: 读典型案例", "    title: '读典型\n\n      案例'", "steps[1].title", 11, 1),
        # every text of a list, and optional texts
        (CASE, "tags: [压力]", 'tags: [压力, "掉\\n压"]', "tags[1]", 6, 14),
        (CASE, "aka: [掉压, 压力上不去]", 'aka: [掉压, "压力\\n上不去"]', "aka[1]", 7, 14),
        (CASE, "customer: 某食品厂", 'customer: "某\\n食品厂"', "customer", 21, 13),
        (PERSON, "title: 高级现场工程师", 'title: "高级\\n现场工程师"', "title", 5, 11),
        (SESSION, "[https://intranet.example.com/hydraulics.pdf,", '["https://intranet.example.com/hy\\ndraulics.pdf",',
         "materials[0]", 10, 45),
        # the taxonomy's names
        ("taxonomy.yml", "name: 华东服务站", 'name: "华东\\n服务站"', "teams[0].name", 8, 25),
        ("taxonomy.yml", "name_en: HX-200 hydraulic power unit", 'name_en: "HX-200\\nunit"', "products[0].name_en", 2, 52),
    ],
)  # fmt: skip
def test_a_line_break_in_a_single_line_field_is_refused_where_it_was_written(
    data, relative, original, written, field, line, column
):
    replaced(data, relative, original, written)
    [(file, at_line, at_column, code, message)] = reported(data)
    assert (file, at_line, at_column, code) == (relative, line, column, "KB212")
    assert message.startswith(f"`{field}` is a single line of text but holds the line break U+000A (line feed)")


def test_the_message_reads_in_chinese(data):
    replaced(data, PERSON, "name: 张伟", 'name: "张\\n伟"')
    [item] = check(data).report.items
    assert item.in_language("zh") == "`name` 是单行文字，里面却有换行 `U+000A`（换行符）；请把它写在一行里"


@pytest.mark.parametrize(
    ("relative", "original", "written"),
    [
        (CASE, "symptoms: |\n  运行约 30 分钟后系统压力下降，HMI 报警 E203。", 'symptoms: "第一行\\n\\n第二行"'),
        (PAIR, "note: 复盘数控系统报警处理", 'note: "复盘\\n数控系统报警处理"'),
        ("taxonomy.yml", "description: 泵、阀、油路的诊断与维修", 'description: "泵、阀\\n油路"'),
    ],
)
def test_markdown_fields_may_span_lines(data, relative, original, written):
    replaced(data, relative, original, written)
    assert reported(data) == []


@pytest.mark.parametrize("character", [c for c in LINE_BREAKS if c != "\n"])
def test_every_other_line_break_is_refused_at_its_line_before_the_shape_is_read(data, character):
    escape = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}[character]
    replaced(data, PERSON, "name: 张伟", f'name: "张{escape}伟"')
    [(file, line, column, code, _message)] = reported(data)
    assert (file, line, column, code) == (PERSON, 2, 9, "KB111")


def test_the_rule_is_read_from_the_shapes_every_text_but_markdown():
    """Every text field of every shape is single-line unless the shape declares it Markdown."""
    context = run_check(Settings(MINIMAL, TODAY, shown_root="data")).context
    case = next(r.model for r in context.of("case") if r.id == "20260412-hx200-pressure-drop")
    paths = {path for path, _ in single_line_texts(case)}
    assert {("title",), ("customer",), ("tags", 0), ("aka", 1), ("attachments", 0), ("id",)} <= paths
    assert not {("symptoms",), ("environment",), ("cause",), ("resolution",)} & paths
    pair = next(r.model for r in context.of("mentoring"))
    paths = {path for path, _ in single_line_texts(pair)}
    assert ("goals", 0, "skill") in paths and not any(path[-1] == "note" for path in paths)
    taxonomy = {path for path, _ in single_line_texts(context.taxonomy)}
    assert ("products", 0, "name_en") in taxonomy and ("skills", 0, "description") not in taxonomy
