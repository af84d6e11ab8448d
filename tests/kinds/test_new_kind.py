"""A new kind of record is its module, its template and one line in the table of kinds.

The test adds a small throwaway kind, "note", to a copy of the generator package: its module
(generator/kinds/note.py), its page's template, and a line in KINDS with the module's name
in the table's import. A file comparison shows that nothing else of the package differs.
Then, run from the copy, the note gets what every kind gets: validation (an unknown field
and an unknown author, each at its line), a page that links to its author and is in the
search index, a sheet of the workbook, an OpenSearch document and a JSON Schema.
"""

from __future__ import annotations

import difflib
import filecmp
import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import MINIMAL, REPO

NOTE_MODULE = '''\
"""Notes: one short note per file in data/notes/, by the person who wrote it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from generator.kinds.kind import Document, RecordKind, Search, Sheet, Words
from generator.search.tokens import search_copy
from generator.vocabulary import Day, Id, Markdown, PersonRef, Shape, Title, doc

if TYPE_CHECKING:
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer


class Note(Shape):
    id: Id = doc("the note's id, equal to the file name", "笔记的 id，与文件名相同")
    title: Title = doc("what the note is about", "笔记的题目")
    text: Markdown = doc("Markdown: the note", "Markdown：笔记的内容")
    author: PersonRef = doc("the person who wrote it", "写笔记的人")
    written_on: Day = doc("the day it was written", "写下的日期")


def pages(r: Renderer) -> Iterator[PageJob]:
    for note_id, note in r.data.notes.items():
        if not r.skips(r.record_page("note", note_id)):
            meta = {"title": note.title}
            yield r.page("note.md.j2", r.record_page("note", note_id), meta=meta, note=note, search=partial(search, r, note))


def search(r: Renderer, note: Note) -> SearchData:
    fields = r.search_fields(note=r.search_text(note.text))
    return r.search_data([("kind", r.t.kind_note)], search_copy(note.title), fields)


def document(tools: DocumentTools, note: Note) -> dict[str, Any]:
    return {"title": note.title, "note": tools.text(note.text), "author": note.author, "written_on": tools.day(note.written_on)}


MESSAGES: dict[str, Words] = {"kind-note": ("笔记", "note"), "noun-note": ("笔记", "note")}
WORDS: dict[str, Words] = {
    "kind_note": ("笔记", "Note"),
    "workbook-title-note": ("笔记", "Notes"),
    "reference-heading-note": ("笔记", "Notes"),
    "reference-about-note": ("一个文件一条笔记。", "One note per file."),
}
EXAMPLE = """\\
id: oil-level
title: 液压站的油位每月查一次
text: |
  停机后看液位计，低于下刻线就补油。
author: zhao-lei
written_on: 2026-07-16
"""

KIND = RecordKind(
    name="note",
    folder="notes",
    url_folder="notes",
    attribute="notes",
    shape=Note,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    pages=pages,
    search=Search(fields={"note": ("note", 2.0)}, data=search),
    document=Document(fields={"note": "text", "author": "keyword", "written_on": "date"}, make=document),
    sheet=Sheet(),
)
'''
NOTE_TEMPLATE = """\
{% import "_macros.j2" as m with context %}
---
{{ front_matter }}
---

# {{ note.title | inline }}

{{ m.search_data(search) }}

<p class="kb-muted">{{ m.person(note.author) }} · {{ fmt.date(note.written_on) }}</p>

{{ m.text(note.text) }}
"""
TABLE = REPO / "generator" / "kinds" / "__init__.py"
IMPORT_LINE = "from generator.kinds import award, case, commendation, glossary, goal, mentoring, path, person, session, taxonomy\n"
LAST_KIND = "    glossary.KIND,\n"
NOTE = """\
id: oil-level
title: 液压站的油位每月查一次
text: |
  停机后看液位计，低于下刻线就补油。
author: zhang-wei
written_on: 2026-07-16
"""
UNKNOWN_FIELD = NOTE.replace("oil-level", "with-colour").replace("author:", "colour: red\nauthor:")
UNKNOWN_AUTHOR = NOTE.replace("oil-level", "by-nobody").replace("zhang-wei", "nobody-here")


def with_a_note_kind(root: Path) -> Path:
    """A copy of the generator package with the kind "note" added: its module, its template
    and its line in the table."""
    package = root / "generator"
    shutil.copytree(REPO / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "kinds" / "note.py").write_text(NOTE_MODULE, encoding="utf-8")
    (package / "templates" / "note.md.j2").write_text(NOTE_TEMPLATE, encoding="utf-8")
    table = (package / "kinds" / "__init__.py").read_text(encoding="utf-8")
    assert table.count(IMPORT_LINE) == 1 and table.count(LAST_KIND) == 1  # the table as this test knows it
    table = table.replace(IMPORT_LINE, IMPORT_LINE.replace("mentoring, path", "mentoring, note, path"))
    (package / "kinds" / "__init__.py").write_text(table.replace(LAST_KIND, LAST_KIND + "    note.KIND,\n"))
    return package


def differences(original: Path, copy: Path) -> tuple[list[str], list[str], list[str]]:
    """(files that differ, files only in the original, files only in the copy), relative paths."""
    changed, gone, added = [], [], []
    folders = [filecmp.dircmp(original, copy, ignore=["__pycache__"])]
    while folders:
        folder = folders.pop()
        relative = Path(folder.left).relative_to(original)
        _, mismatch, errors = filecmp.cmpfiles(folder.left, folder.right, folder.common_files, shallow=False)
        changed += [str(relative / name) for name in mismatch + errors]
        gone += [str(relative / name) for name in folder.left_only]
        added += [str(relative / name) for name in folder.right_only]
        folders += folder.subdirs.values()
    return sorted(changed), sorted(gone), sorted(added)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """A folder with the changed package, the site's configuration and hand-written pages, and
    two data folders: the minimal one with a note, and a bad one."""
    root = tmp_path_factory.mktemp("new-kind")
    with_a_note_kind(root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "kb", root / "kb")
    shutil.copytree(MINIMAL, root / "data")
    (root / "data" / "notes").mkdir()
    (root / "data" / "notes" / "oil-level.yml").write_text(NOTE, encoding="utf-8")
    shutil.copytree(root / "data", root / "bad")
    (root / "bad" / "notes" / "with-colour.yml").write_text(UNKNOWN_FIELD, encoding="utf-8")
    (root / "bad" / "notes" / "by-nobody.yml").write_text(UNKNOWN_AUTHOR, encoding="utf-8")
    return root


def kb(root: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`kb` run from the copy: its package first on the path, MkDocs finding the plugin there too."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("KB_")}
    environment["PYTHONPATH"] = str(root)
    command = [sys.executable, "-m", "generator", *arguments]
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, timeout=600)


def test_only_the_kinds_module_template_and_line_in_the_table_differ(root):
    changed, gone, added = differences(REPO / "generator", root / "generator")
    assert (changed, gone, added) == (["kinds/__init__.py"], [], ["kinds/note.py", "templates/note.md.j2"])
    before = TABLE.read_text(encoding="utf-8").splitlines()
    after = (root / "generator" / "kinds" / "__init__.py").read_text(encoding="utf-8").splitlines()
    lines = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    assert lines[2:] == [
        "-" + IMPORT_LINE.rstrip(),
        "+" + IMPORT_LINE.rstrip().replace("mentoring, path", "mentoring, note, path"),
        "+    note.KIND,",
    ]


def test_the_copy_is_what_runs(root):
    ran = subprocess.run(
        [sys.executable, "-c", "import generator.kinds as k; print(k.__file__, [kind.name for kind in k.KINDS])"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.startswith(str(root / "generator" / "kinds")) and "'note'" in ran.stdout


def test_a_note_is_validated_each_problem_at_its_line(root):
    good = kb(root, "validate", "--data", "data", "--language", "en")
    assert good.returncode == 0 and "No problems in 13 files." in good.stdout, good.stdout + good.stderr
    bad = kb(root, "validate", "--data", "bad", "--language", "en")
    assert bad.returncode == 1
    assert "bad/notes/with-colour.yml:5:1: error KB202: unknown field `colour`" in bad.stdout, bad.stdout
    assert "bad/notes/by-nobody.yml:5:1: error KB401: unknown person `nobody-here`" in bad.stdout, bad.stdout
    assert "2 errors, 0 warnings in 15 files." in bad.stdout


def test_a_note_has_a_page_linking_to_its_author_that_search_finds(root):
    built = kb(root, "build", "--data", "data", "-d", "site", "--cache-dir", "cache", "--today", "2026-11-28")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (root / "site" / "notes" / "oil-level" / "index.html").read_text(encoding="utf-8")
    assert "液压站的油位每月查一次" in page and 'href="../../people/zhang-wei/"' in page
    fragments = {}
    for path in (root / "site" / "pagefind").glob("*/fragment/*.pf_fragment"):  # Pagefind's record of each page
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        fragments[fragment["url"]] = fragment
    assert fragments["/notes/oil-level/"]["filters"] == {"kind": ["笔记"]}


def test_notes_are_exported_to_a_workbook_and_to_opensearch(root):
    written = kb(root, "export", "--format", "xlsx", "--data", "data", "--language", "en", "--out", "notes.xlsx")
    assert written.returncode == 0, written.stdout + written.stderr
    sheet = load_workbook(root / "notes.xlsx")["Notes"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][:2] == ["oil-level", "液压站的油位每月查一次"] and "zhang-wei" in rows[1] and len(rows) == 2
    written = kb(root, "export", "--format", "opensearch", "--data", "data", "--out", "opensearch")
    assert written.returncode == 0, written.stdout + written.stderr
    lines = (root / "opensearch" / "bulk.ndjson").read_text(encoding="utf-8").splitlines()
    heads = [json.loads(line) for line in lines[0::2]]
    note = json.loads(lines[1::2][heads.index({"index": {"_index": "servicekb", "_id": "note:oil-level"}})])
    assert note["kind"] == "note" and note["author"] == "zhang-wei" and note["written_on"] == "2026-07-16"
    mapping = json.loads((root / "opensearch" / "mapping.json").read_text(encoding="utf-8"))
    assert mapping["mappings"]["properties"]["written_on"]["type"] == "date"


def test_a_note_has_a_json_schema(root):
    written = kb(root, "schema", "--out", "schemas")
    assert written.returncode == 0, written.stdout + written.stderr
    schema = json.loads((root / "schemas" / "note.schema.json").read_text(encoding="utf-8"))
    assert set(schema["required"]) == {"id", "title", "text", "author", "written_on"}
    assert schema["additionalProperties"] is False
