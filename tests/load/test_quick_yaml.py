"""The quick reader against the strict parser: the same values, the same refusals at the same
places, and, once a check asks, the same positions, whatever the file holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import codes
from generator.diagnostics import START, Diagnostic
from generator.load import load_file, load_folder
from generator.load.files import SourceFile
from generator.load.quick_yaml import read_document
from generator.load.strict_yaml import Document, LoadError, parse_document
from generator.load.text import TextError, decode_record_bytes
from generator.pipeline import check_loaded
from generator.settings import Settings
from tests.conftest import MINIMAL, REPO, TODAY, copy_minimal
from tests.hostile import FORMULAS, MARKUP, PERSONAL_DATA, PLAIN, hostile_text
from tests.load.test_strict_yaml import edgy_text, yaml_like
from tests.validate.test_bad_inputs import CASES, overlay


def strictly(source: SourceFile) -> Document | Diagnostic:
    """load_file as it was before the quick reader: every file through the strict parser."""
    try:
        raw = source.path.read_bytes()
        return parse_document(decode_record_bytes(raw, source.shown), source.shown)
    except (TextError, LoadError) as error:
        return error.code.at(source.shown, error.position, error.words)


def outcome(read, text: str):
    """What a reader makes of a text: its values, positions and text, or its refusal."""
    try:
        document = read(text)
    except LoadError as error:
        return ("refused", error.code.code, error.position, error.words.render("zh"), error.words.render("en"))
    return ("read", repr(document.data), document.keys, document.values, document.text)


def assert_same_reading(text: str) -> None:
    quick = outcome(lambda source: read_document(source, "x.yml", lambda: source), text)
    strict = outcome(lambda source: parse_document(source, "x.yml"), text)
    assert quick == strict


# --- One file ----------------------------------------------------------------------------------


def every_record_file() -> list[Path]:
    folders = [REPO / "data", REPO / "tests" / "data"]
    return sorted(path for folder in folders for path in folder.rglob("*.y*ml") if not path.is_symlink())


@pytest.mark.parametrize("path", every_record_file(), ids=lambda path: str(path.relative_to(REPO)))
def test_every_record_file_of_the_project_reads_the_same(path):
    try:
        text = decode_record_bytes(path.read_bytes())
    except TextError:
        return  # refused before either reader sees it
    assert_same_reading(text)


@settings(max_examples=600, deadline=None)
@given(yaml_like)
def test_yaml_like_text_reads_the_same(text):
    assert_same_reading(text)


@settings(max_examples=300, deadline=None)
@given(edgy_text)
def test_edgy_text_reads_the_same(text):
    assert_same_reading(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\n",  # an anchor no alias uses
        "a: [&x 1, *x]\n",
        '{"a":&x 1}\n',
        "\ufeff&x a: 1\n",
        "a: !!int 3\nb: !!str 3\nc: !!float 1\nd: !!bool yes\n",
        'a: !!int "3"\n',
        "a: ! 3\n",
        "a: !!seq {b: 1}\n",
        "!!map {a: 1}\n",
        "a: '<<'\n<<: 1\n=: 2\n",
        "a: [" + "[" * 70 + "]" * 70 + "]\n",
        "a:\n" + "".join(" " * level + f"k{level}:\n" for level in range(1, 70)),
        "- " * 2000 + "x\n",
        "a: 1\n? b\n: 2\n",
        "a: |\n  ![图](valve.png)\n  &nbsp; !important\n",
        "a: 0o17\nb: '0o17'\n",
        "a: 2026-02-30\nb: 2026-02-28 10:00:00\n",
    ],
)
def test_anchors_tags_depth_and_guesses_read_the_same(text):
    assert_same_reading(text)


def test_alias_bomb_is_refused_at_once():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    with pytest.raises(LoadError) as refused:
        read_document("\n".join(lines) + "\n", "x.yml")
    assert refused.value.code is codes.ANCHOR_ALIAS


def test_positions_are_read_again_only_when_asked(tmp_path):
    path = tmp_path / "cases" / "x.yml"
    path.parent.mkdir()
    path.write_text("id: x\ntitle: 标题\nauthors:\n  - a\n  - b\n", encoding="utf-8")
    reads = []
    document = read_document(path.read_text(encoding="utf-8"), "x.yml", lambda: reads.append(1) or path.read_text())
    assert document.data == {"id": "x", "title": "标题", "authors": ["a", "b"]}
    assert reads == []
    assert tuple(document.position(("authors", 1))) == (5, 5)
    assert tuple(document.position(("title",))) == (2, 1)
    assert reads == [1]


def test_a_file_changed_since_it_was_read_gives_its_start_not_a_wrong_place(tmp_path):
    path = tmp_path / "cases" / "x.yml"
    path.parent.mkdir()
    path.write_text("id: x\ntitle: 标题\n", encoding="utf-8")
    document = load_file(SourceFile("case", path, "data/cases/x.yml"))
    path.write_text("\n\n\nid: x\ntitle: 另一个标题\n", encoding="utf-8")
    assert document.position(("title",)) == START
    assert document.text == ""


# --- A whole data folder -----------------------------------------------------------------------


def report_of(data_dir: Path, load) -> list[tuple]:
    settings = Settings(data_dir, TODAY, shown_root="data")
    checked = check_loaded(load_folder(data_dir, "data", load=load), settings)
    return [
        (item.file, item.line, item.column, item.code, item.severity, item.in_language("zh"), item.message)
        for item in checked.report.items
    ]


def assert_same_report(data_dir: Path) -> list[tuple]:
    quick = report_of(data_dir, load_file)
    assert quick == report_of(data_dir, strictly)
    return quick


@pytest.mark.parametrize("name", CASES)
def test_every_code_is_reported_at_the_same_place(name, tmp_path):
    assert_same_report(overlay(name, tmp_path / "data"))


# A case whose texts are hostile, written in every style YAML has: each problem the checks find
# in it (personal data, line breaks, controls, Markdown past its limits, guessed numbers) must be
# reported at the same line and column as the strict parser's positions put it.
STYLES = (
    lambda value: "'" + value.replace("'", "''") + "'",
    lambda value: '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"',
    lambda value: '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"',
    lambda value: "|\n" + "".join(f"  {line}\n" for line in value.split("\n")),
    lambda value: ">\n" + "".join(f"  {line}\n" for line in value.split("\n")),
    lambda value: value,
    lambda value: "[" + value + "]",
)
FIELDS = ("title", "symptoms", "cause", "customer", "tags", "aka", "environment")


# Hostile but loadable (no control characters): most of these reach the checks.
_printable_hostile = st.lists(
    st.sampled_from(PERSONAL_DATA + MARKUP + FORMULAS + PLAIN + ("\n",)), min_size=1, max_size=4
).map("".join)


@st.composite
def hostile_case(draw) -> str:
    lines = ["id: 20260601-hostile", "state: wip", "products: [hx-200]", "authors: [zhang-wei]"]
    lines.append("solved_on: 2026-06-01")
    values = draw(st.sampled_from([_printable_hostile, hostile_text()]))  # half the cases load
    for field in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4, unique=True)):
        value = draw(values)
        style = draw(st.sampled_from(STYLES))
        lines.append(f"{field}: {style(value)}".rstrip("\n"))
    if "title" not in "".join(lines):
        lines.append("title: 标题")
    if "symptoms:" not in "".join(lines):
        lines.append("symptoms: 现象")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_case())
def test_a_hostile_case_is_reported_at_the_same_places(tmp_path_factory, text):
    data_dir = copy_minimal(tmp_path_factory.mktemp("hostile") / "data")
    target = data_dir / "cases" / "2026" / "20260601-hostile.yml"
    target.write_bytes(text.encode("utf-8", "surrogatepass"))
    assert_same_report(data_dir)


def test_the_hostile_folders_do_reach_the_checks(tmp_path):
    """Not every hostile case is refused while loading: the comparison covers the checks' codes."""
    data_dir = copy_minimal(tmp_path / "data")
    case = "id: 20260601-hostile\nstate: wip\nproducts: [hx-200]\nauthors: [zhang-wei]\nsolved_on: 2026-06-01\n"
    case += "title: \"一行\\n两行\"\nsymptoms: |\n  联系 13812345678\ncustomer: 'zhang at example dot com'\n"
    (data_dir / "cases" / "2026" / "20260601-hostile.yml").write_text(case, encoding="utf-8")
    found = {(line, column, code) for _, line, column, code, *_ in assert_same_report(data_dir)}
    assert {(6, 11, "KB212"), (8, 6, "KB601"), (9, 12, "KB603")} <= found


def test_a_symbolic_link_is_reported_the_same(tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    os.symlink(MINIMAL / "people" / "li-na.yml", data_dir / "people" / "link.yml")
    assert ("data/people/link.yml", 1, 1, "KB113") in {row[:4] for row in assert_same_report(data_dir)}
