"""What the capture page is handed (assets/kb-capture.json), and the file it writes as Python
writes it: `kb new case` with the capture page's notes, which `kb validate` accepts. The browser's
side of the same is tests/browser/test_capture.py."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from generator import scaffold
from generator.cli import main
from generator.model import build_dataset
from generator.offline.capture import capture_data, required_fields, schema_line
from generator.privacy import _javascript, browser_patterns
from generator.repository import repository_links
from generator.settings import Settings
from tests.conftest import REPO, TODAY, check, write


def told(data_dir, language: str = "zh") -> dict:
    settings = Settings(data_dir, TODAY, language=language)
    dataset = build_dataset(check(data_dir).context)
    return json.loads(capture_data(dataset, settings, data_dir.parent))


def test_a_new_case_needs_the_fields_the_record_shape_requires():
    assert required_fields() == ["id", "title", "state", "products", "symptoms", "authors", "solved_on"]


def test_the_page_is_told_the_products_the_people_in_post_and_the_schema_line(data):
    write(
        data,
        "people/wang-gone.yml",
        "id: wang-gone\nname: 王离开\nteam: east\nrole: field-service\njoined: 2020-01-01\nleft: 2025-01-01\n",
    )
    given = told(data)
    assert [product["id"] for product in given["products"]] == ["hx-200", "vmc-850"]
    assert "wang-gone" not in [person["id"] for person in given["people"]]
    assert {person["id"] for person in given["people"]} == {"chen-hao", "li-na", "zhang-wei"}
    assert given["state"] == "wip"
    assert given["schema_line"] == "# yaml-language-server: $schema=../../../schemas/case.schema.json"
    assert given["editor"] is None  # the minimal data's site names no repository
    assert given["codes"]["KB601"] == "文字里有手机号"
    assert told(data, "en")["codes"]["KB602"] == "Chinese ID-card number in text"


def test_the_schema_line_is_the_one_kb_new_writes(data, tmp_path):
    result = CliRunner().invoke(
        main,
        ["new", "case", "--title", "x", "--product", "hx-200", "--author", "zhang-wei", "--solved-on", "2026-11-20",
         "--data", str(data), "--schemas", str(data.parent / "schemas")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    written = next(data.glob("cases/2026/20261120-hx200-x.yml")).read_text(encoding="utf-8")
    assert written.splitlines()[0] == schema_line(Settings(data), data.parent)


def test_the_web_editor_opens_a_new_file_in_the_data_folder():
    github = repository_links("https://github.com/acme/kb", "edit/main/kb/", "kb", "data/")
    assert github.new_file("") == {
        "url": "https://github.com/acme/kb/new/main/data/",
        "name": "filename",
        "content": "value",
    }
    gitlab = repository_links("https://gitlab.com/acme/kb", "-/edit/main/kb/", "kb", "records/")
    assert gitlab.new_file("") == {
        "url": "https://gitlab.com/acme/kb/-/new/main/records/",
        "name": "file_name",
        "content": "content",
    }
    assert repository_links("https://example.com/kb", None, "kb", "data/").new_file("") is None


def test_the_capture_data_is_the_same_bytes_for_the_same_records(data):
    settings = Settings(data, TODAY)
    dataset = build_dataset(check(data).context)
    assert capture_data(dataset, settings, REPO) == capture_data(dataset, settings, REPO)


NOTES = scaffold.CaseNotes(
    symptoms="  开机报警 E203，压力上不去\n\n- 保压时掉压  \n",
    resolution="1. 更换溢流阀\n2. 重新调定压力：\n\n   ```\n   P = 14 MPa\n   ```\n",
    codes=("E203", "AL-1021"),
    photos=("IMG 2041.jpg",),
)


@pytest.mark.parametrize("notes", [scaffold.CaseNotes(), NOTES], ids=["title only", "every note"])
def test_a_captured_case_validates_as_it_is_written(data, notes):
    record = scaffold.new_case("液压站\n压力掉 ", "hx-200", "zhang-wei", dt.date(2026, 11, 20), notes=notes)
    target = record.path(data, 2026)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text(target, REPO / "schemas"), encoding="utf-8")
    assert check(data).report.errors == []  # (advice may say it resembles the case of the minimal data)
    assert record.record_id == "20261120-hx200-ye-ya-zhan-ya-li-diao"
    assert 'title: "液压站 压力掉"' in record.body


def test_notes_are_written_as_blocks_tags_and_a_note_about_photos():
    body = scaffold.new_case("压力掉", "hx-200", "zhang-wei", dt.date(2026, 11, 20), notes=NOTES).body
    assert "symptoms: |2\n    开机报警 E203，压力上不去\n\n  - 保压时掉压\nenvironment" not in body
    assert "symptoms: |2\n    开机报警 E203，压力上不去\n\n  - 保压时掉压\n# environment:" in body
    assert (
        "resolution: |\n  1. 更换溢流阀\n  2. 重新调定压力：\n\n     ```\n     P = 14 MPa\n     ```\nauthors:" in body
    )
    assert 'tags: ["E203", "AL-1021"]' in body
    assert '# attachments: ["cases/20261120-hx200-ya-li-diao/IMG 2041.jpg"]' in body


def test_the_personal_data_patterns_go_to_the_browser_in_a_syntax_it_reads():
    patterns = browser_patterns()
    for name in ("mobile", "id_card", "old_id_card", "email", "dot_split"):
        assert "(?P<" not in patterns[name] and "(?i" not in patterns[name]
    assert "(?<local>" in patterns["email"]
    assert patterns["codes"] == {"mobile": "KB601", "id_card": "KB602", "email": "KB603"}
    with pytest.raises(ValueError, match="only Python"):
        _javascript(re.compile(r"(?i:at)"))
    with pytest.raises(ValueError, match="only Python"):
        _javascript(re.compile(r"a*+"))
