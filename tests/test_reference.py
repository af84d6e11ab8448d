from __future__ import annotations

import datetime as dt
from collections import Counter

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from selectolax.lexbor import LexborHTMLParser

from generator.anchors import nested_shape, reference_anchor, shape_fields
from generator.kinds import EXAMPLES, RECORD_KIND
from generator.load.strict_yaml import parse_document
from generator.model import build_dataset
from generator.pipeline import check as run_check
from generator.reference import record_reference
from generator.render import render_site
from generator.render.reference import reference_markdown
from generator.settings import Settings
from generator.shapes import SHAPES, description_zh
from tests.conftest import MINIMAL, REPO, check, found, write


def every_field():
    """(kind, path, pydantic field) of every field of every shape, nested entries included."""
    for kind, shape in SHAPES.items():
        for path in shape_fields(shape):
            owner = shape
            for name in path[:-1]:
                owner = nested_shape(owner.model_fields[name].annotation)
            yield kind, path, owner.model_fields[path[-1]]


def rows_by_id(html: str) -> dict[str, str]:
    """Anchor id -> the text of the table row that holds it."""
    page = LexborHTMLParser(html)
    ids = [node.attributes["id"] for node in page.css("[id]")]
    assert [i for i, n in Counter(ids).items() if n > 1] == [], "every anchor on the page is unique"
    return {node.attributes["id"]: as_text(node.parent.parent.text()) for node in page.css("td a[id]")}


def as_text(markdown_text: str) -> str:
    """Text as a reader sees it, for comparing Markdown with the HTML made of it."""
    return "".join(markdown_text.replace("`", "").split())


@pytest.fixture(scope="module")
def english_page_html():
    """The English /reference/ page, rendered and converted as MkDocs converts it."""
    checked = run_check(Settings(MINIMAL, dt.date(2026, 11, 28), shown_root="data"))
    [page] = [p for p in render_site(build_dataset(checked.context), "en") if p.src_uri == "reference.md"]
    config = load_config(str(REPO / "mkdocs.yml"))
    body, meta = get_data(page.text)
    assert meta["title"] == "Record format"
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return md.convert(body)


def test_every_field_has_its_row_on_the_chinese_site(demo_build):
    rows = rows_by_id((demo_build / "reference/index.html").read_text(encoding="utf-8"))
    fields = list(every_field())
    assert len(fields) > 80  # every kind, with goals, log, steps and sign-offs
    for kind, path, info in fields:
        row = rows[reference_anchor(kind, path)]
        assert path[-1] in row and as_text(description_zh(info)) in row, (kind, path)


def test_every_field_has_its_row_on_the_english_site(english_page_html):
    rows = rows_by_id(english_page_html)
    for kind, path, info in every_field():
        row = rows[reference_anchor(kind, path)]
        assert path[-1] in row and as_text(info.description) in row, (kind, path)


def test_every_field_has_a_meaning_in_both_languages():
    for kind, path, info in every_field():
        assert info.description and description_zh(info), (kind, path)


def test_the_page_is_in_the_guide_section_of_the_nav(demo_build):
    page = LexborHTMLParser((demo_build / "checks/index.html").read_text(encoding="utf-8"))
    assert "记录格式" in [link.text(strip=True) for link in page.css("nav.md-nav a")]


def test_kind_and_table_anchors_are_readable_and_the_same_in_both_languages(english_page_html, demo_build):
    chinese = (demo_build / "reference/index.html").read_text(encoding="utf-8")
    for anchor in ["case", "case-fields", "case-symptoms", "path-steps-fields", "path-steps-signed_off-by", "rules"]:
        assert f'id="{anchor}"' in english_page_html and f'id="{anchor}"' in chinese, anchor


def test_required_column_reads_the_state_rules():
    [case] = [k for k in record_reference("en").kinds if k.kind == "case"]
    required = {row.name: row.required for row in case.tables[0].rows}
    assert required["symptoms"] == "yes" and required["cause"] == "no"
    assert required["environment"] == required["resolution"] == "yes unless `wip`"
    assert required["validated_by"] == "yes when `validated`"
    [zh_case] = [k for k in record_reference("zh").kinds if k.kind == "case"]
    assert {row.name: row.required for row in zh_case.tables[0].rows}["environment"] == "`wip` 以外必填"


def test_types_and_allowed_values_in_plain_words():
    [case] = [k for k in record_reference("en").kinds if k.kind == "case"]
    rows = {row.name: row for row in case.tables[0].rows}
    assert rows["authors"].type == "list of person ids"
    assert rows["authors"].allowed == "at least one; an id of a file in `data/people/`"
    assert rows["state"].allowed == "`wip`, `not-validated`, `validated`, `archived`"
    assert rows["hours_to_resolve"].type == "number" and rows["hours_to_resolve"].allowed == "≥ 0"
    assert rows["symptoms"].type == "Markdown text"
    [person] = [k for k in record_reference("en").kinds if k.kind == "person"]
    rows = {row.name: row for row in person.tables[0].rows}
    assert rows["skills"].type == "map of skill id to level"
    assert rows["kcs_role"].allowed.endswith("default `contributor`")


def test_docs_records_md_is_current():
    assert (REPO / "docs/records.md").read_text(encoding="utf-8") == reference_markdown(), "run `kb reference`"


def test_docs_records_md_is_english_and_has_every_field():
    text = reference_markdown()
    assert text.startswith("# Record format, version 1.2\n")
    for kind, path, info in every_field():
        assert f'<a id="{reference_anchor(kind, path)}"></a>' in text and info.description in text


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_each_example_parses_with_its_shape(kind):
    document = parse_document(EXAMPLES[kind], f"{kind}.yml")
    SHAPES[kind].model_validate(document.data)


def test_the_examples_validate_together_with_the_records_they_name(data):
    write(data, "taxonomy.yml", EXAMPLES["taxonomy"])
    for kind, text in EXAMPLES.items():
        if kind == "taxonomy":
            continue
        if RECORD_KIND[kind].file:  # a kind kept in one file: data/glossary.yml
            write(data, f"{RECORD_KIND[kind].file}.yml", text)
        else:
            record_id = parse_document(text, "x.yml").data["id"]
            write(data, f"{RECORD_KIND[kind].folder}/{record_id}.yml", text)
    assert found(check(data)) == []


@pytest.mark.parametrize(
    ("kind", "location", "anchor"),
    [
        ("case", "symptoms", "case-symptoms"),
        ("case", ("validatd_by",), "case-fields"),  # a misspelt field: the table it belongs in
        ("path", ("steps", 0, "signed_off", 1, "by"), "path-steps-signed_off-by"),
        ("path", ("steps", 2, "titel"), "path-steps-fields"),
        ("person", ("skills", "hydralics"), "person-skills"),  # a key of a map: the map's row
        ("taxonomy", ("teams", 0, "name_en"), "taxonomy-teams-name_en"),
        ("award", (), "award-fields"),
    ],
)
def test_reference_anchor_names_the_row_or_table(kind, location, anchor):
    assert reference_anchor(kind, location) == anchor
