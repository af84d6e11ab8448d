"""Every writer against generated hostile strings: refused at the source, or carried inertly.

A hostile string (tests/hostile.py: control characters, line breaks, formula prefixes, personal
data, terminal escapes, markup) goes into one field of a small data folder: a person's name or
job title, a case's title, tag, aka word, customer, symptoms or resolution, a session's or a
path's title, a step's title, a citation, a mentoring log note, a product's name. Validation
either refuses it in that file (and the terminal report of the refusal is inert), or every
writer runs and each output must be valid for its format and inert:

- the pages (the Markdown the render step writes, and the HTML that MkDocs' Markdown makes of
  it): no raw control character, no live markup (script, event handler, javascript: link);
- the feeds (XML that parses, summaries whose HTML is inert), the JSON files (that parse);
- the iCalendar files (that icalendar parses, with exactly the events they should have);
- the OpenSearch bulk body (each line JSON, one action and one document per record);
- the workbook of `kb export --format xlsx` (read from its XML: no formula anywhere, and the
  string shown exactly where it was put), or the exporter's refusal of what no cell can carry;
- and, when it passed validation, no personal data anywhere.

The same strings are also put straight into the Dataset, past validation, as if a check had
missed them: the writers must still give valid, inert files and never a traceback.

The search-report page and terminal read their strings from access logs, not records; their
property is tests/cli/test_search_report.py::test_any_hostile_query_is_refused_or_carried_inertly.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as ElementTree
import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from mkdocs.utils.meta import get_data
from selectolax.lexbor import LexborHTMLParser

from generator.diagnostics import Diagnostic, Report
from generator.messages import text
from generator.model import build_dataset
from generator.opensearch.bulk import bulk_body
from generator.opensearch.documents import documents
from generator.pipeline import Checked
from generator.pipeline import check as run_check
from generator.privacy import personal_data_in
from generator.render import page_jobs
from generator.render.calendar import site_calendar
from generator.render.feeds import site_files
from generator.report import as_github, as_json, as_text
from generator.settings import Settings
from generator.sheets.export import CellRefused, export_workbook
from tests.built_site import readable
from tests.conftest import MINIMAL
from tests.hostile import hostile_text

TODAY = dt.date(2026, 1, 1)  # both sessions of the minimal data are upcoming: the calendars have events
SITE_NAME, SITE_URL = "服务知识库", "https://kb.example.com/"
# Raw control characters a written file must not hold (tab and LF are text; CR only in a CRLF).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
DANGEROUS_URL = ("javascript:", "vbscript:", "data:")
HOSTILE_RUNS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@dataclass(frozen=True)
class Field:
    kind: str
    record_id: str
    path: tuple[str | int, ...]
    file: str


CASE, SESSION, PATH = "20260412-hx200-pressure-drop", "2026-03-hydraulics-basics", "new-field-engineer"
AWARD, PAIR = "2026-h1-excellent-service-zhang-wei", "zhang-wei-chen-hao-2026"
FIELDS = (
    Field("person", "zhang-wei", ("name",), "people/zhang-wei.yml"),
    Field("person", "zhang-wei", ("title",), "people/zhang-wei.yml"),
    Field("case", CASE, ("title",), f"cases/2026/{CASE}.yml"),
    Field("case", CASE, ("tags", 0), f"cases/2026/{CASE}.yml"),
    Field("case", CASE, ("aka", 1), f"cases/2026/{CASE}.yml"),
    Field("case", CASE, ("customer",), f"cases/2026/{CASE}.yml"),
    Field("case", CASE, ("symptoms",), f"cases/2026/{CASE}.yml"),
    Field("case", CASE, ("resolution",), f"cases/2026/{CASE}.yml"),
    Field("session", SESSION, ("title",), f"sessions/{SESSION}.yml"),
    Field("path", PATH, ("title",), f"paths/{PATH}.yml"),
    Field("path", PATH, ("steps", 0, "title"), f"paths/{PATH}.yml"),
    Field("award", AWARD, ("citation",), f"awards/{AWARD}.yml"),
    Field("mentoring", PAIR, ("log", 0, "note"), f"mentoring/{PAIR}.yml"),
    Field("taxonomy", "", ("products", 0, "name"), "taxonomy.yml"),
)


# --- Putting the string in ------------------------------------------------------------------


def checked(data_dir: Path) -> Checked:
    return run_check(Settings(data_dir, TODAY, shown_root="data"))


def written_into_a_record(field: Field, value: str) -> Checked:
    """A copy of the minimal data with `value` written into the field, checked."""
    data_dir = Path(tempfile.mkdtemp()) / "data"
    try:
        shutil.copytree(MINIMAL, data_dir)
        record = yaml.safe_load((data_dir / field.file).read_text(encoding="utf-8"))
        dumped = yaml.safe_dump(with_value(record, field.path, value), allow_unicode=True, sort_keys=False)
        (data_dir / field.file).write_bytes(dumped.encode("utf-8", "surrogatepass"))  # a lone surrogate: bad UTF-8
        return checked(data_dir)
    finally:
        shutil.rmtree(data_dir.parent)


def past_validation(field: Field, value: str) -> Checked:
    """The minimal data checked, then `value` put into the field's model as if a check had missed it."""
    result = checked(MINIMAL)
    context = result.context
    if field.kind == "taxonomy":
        context.taxonomy = with_value(context.taxonomy, field.path, value)
        return result
    records = context.records[field.kind]
    index = next(n for n, record in enumerate(records) if record.id == field.record_id)
    records[index] = replace(records[index], model=with_value(records[index].model, field.path, value))
    return result


def with_value(container: Any, path: tuple, value: str) -> Any:
    """A copy of a YAML value or a model with `value` at `path`."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(container, list):
        items = list(container)
        items[head] = with_value(items[head], rest, value)
        return items
    if isinstance(container, dict):
        return {**container, head: with_value(container[head], rest, value)}
    return container.model_copy(update={head: with_value(getattr(container, head), rest, value)})


# --- What the writers wrote -----------------------------------------------------------------


@dataclass(frozen=True)
class Outputs:
    pages: dict[str, str]  # src_uri -> Markdown
    files: dict[str, bytes]  # feeds, JSON, calendars
    bulk: bytes
    records: int
    workbook: bytes | None  # None: the exporter refused a text no cell can carry


def written(result: Checked) -> Outputs:
    data = build_dataset(result.context)
    pages = {job.src_uri: job.render().text for job in page_jobs(data, "zh", SITE_NAME)}
    files = {file.path: readable(file.content) for file in site_files(data, "zh", SITE_NAME, SITE_URL)}
    records = list(documents(data))
    return Outputs(pages, files, bulk_body("servicekb", records), len(records), workbook_bytes(data))


def workbook_bytes(data) -> bytes | None:
    try:
        workbook = export_workbook(data)
    except CellRefused:
        return None
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@cache
def baseline() -> Outputs:
    return written(checked(MINIMAL))


_MARKDOWN = markdown.Markdown(
    extensions=["toc", "admonition", "tables", "attr_list", "pymdownx.details", "pymdownx.superfences",
                "pymdownx.highlight", "pymdownx.inlinehilite"]
)  # fmt: skip  # as mkdocs.yml's markdown_extensions


@cache
def page_html(page: str) -> str:
    """The page's HTML as MkDocs makes it: front matter taken off, the site's Markdown extensions."""
    content, _meta = get_data(page)
    _MARKDOWN.reset()
    return _MARKDOWN.convert(content)


def live_markup(html: str) -> list[str]:
    tree = LexborHTMLParser(html)
    found = [f"<{node.tag}>" for node in tree.css("script, iframe, object, embed, form, base, meta")]
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                found.append(f"<{node.tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(DANGEROUS_URL):
                found.append(f"<{node.tag} {name}={value}>")
    return found


def personal_data(text: str) -> set[str]:
    return {str(what) for _start, _end, _code, what in personal_data_in(text)}


def assert_inert(outputs: Outputs, checked_for_personal_data: bool) -> None:
    before = baseline()
    for uri, page in outputs.pages.items():
        if page == before.pages.get(uri):
            continue  # unchanged by the string: nothing new to look at
        assert not RAW_CONTROL.search(page), uri
        html, html_before = page_html(page), page_html(before.pages[uri])
        new_markup = Counter(live_markup(html)) - Counter(live_markup(html_before))  # the search form is ours
        assert not new_markup, (uri, new_markup)
        if checked_for_personal_data:
            shown = LexborHTMLParser(html).text()
            assert not personal_data(shown) - personal_data(LexborHTMLParser(html_before).text()), uri
    for path, content in outputs.files.items():
        assert_file_is_valid(path, content)
        if checked_for_personal_data:
            assert not personal_data(content.decode("utf-8")) - personal_data(before.files[path].decode("utf-8")), path
    assert_calendar_has_its_events(outputs.files[site_calendar("sessions")])
    assert_bulk_is_valid(outputs.bulk, outputs.records)
    assert_workbook_is_inert(outputs.workbook)
    if checked_for_personal_data:
        assert not personal_data(outputs.bulk.decode("utf-8"))


def assert_file_is_valid(path: str, content: bytes) -> None:
    decoded = content.decode("utf-8")
    assert not RAW_CONTROL.search(decoded.replace("\r\n", "\n")), path
    if path.endswith((".xml", ".atom")):
        root = ElementTree.fromstring(content)
        for element in root.iter():
            if element.tag.rsplit("}", 1)[-1] in ("description", "summary", "content") and element.text:
                assert not live_markup(element.text), (path, element.text)  # the HTML a feed reader renders
    elif path.endswith(".json"):
        json.loads(decoded)
    elif path.endswith(".ics"):
        assert all(len(line.encode("utf-8")) <= 75 for line in decoded.split("\r\n")), path
        Calendar.from_ical(content)


def assert_calendar_has_its_events(content: bytes) -> None:
    events = [str(event["UID"]) for event in Calendar.from_ical(content).walk("VEVENT")]
    assert sorted(events) == [f"{SESSION}@kb.example.com", "2026-06-skills-contest@kb.example.com"]


def assert_bulk_is_valid(body: bytes, records: int) -> None:
    decoded = body.decode("utf-8")
    assert not RAW_CONTROL.search(decoded) and decoded.endswith("\n")
    lines = decoded.split("\n")[:-1]
    assert len(lines) == 2 * records
    for action, document in zip(lines[::2], lines[1::2], strict=True):
        assert set(json.loads(action)) == {"index"} and isinstance(json.loads(document), dict)


def assert_workbook_is_inert(workbook: bytes | None) -> None:
    """No formula in any sheet, and no cell whose type a spreadsheet program would evaluate."""
    if workbook is None:
        return  # refused by the exporter, in one line (`kb export` prints it): nothing written
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml and b't="e"' not in xml, name
                assert not RAW_CONTROL.search(xml.decode("utf-8")), name


def assert_terminal_report_is_inert(result: Checked) -> None:
    """What `kb validate` prints of a refusal: escapes for controls, each problem one line
    (continuations indented), personal data masked; JSON that parses; GitHub annotations."""
    for language in ("zh", "en"):
        shown = as_text(result.report, result.files, language=language)
        assert not RAW_CONTROL.search(shown), shown
        lines = shown.split("\n")
        assert all(line.startswith(("data/", "    ")) for line in lines[:-1]), lines
        assert not personal_data(shown), shown
        json.loads(as_json(result.report, result.files, language))
        annotations = as_github(result.report, result.files, language).split("\n")
        assert all(line.startswith("::error ") or line.startswith("::warning ") for line in annotations[:-1])


# --- The properties -------------------------------------------------------------------------


@HOSTILE_RUNS
@given(field=st.sampled_from(FIELDS), value=hostile_text())
def test_a_hostile_string_in_a_record_is_refused_at_its_source_or_carried_inertly_by_every_writer(field, value):
    result = written_into_a_record(field, value)
    event("refused at its source" if result.report.errors else "written")
    if result.report.errors:
        files = {item.file for item in result.report.errors}
        # An unreadable taxonomy leaves every id it defines unknown: those references are reported too.
        assert f"data/{field.file}" in files and (files == {f"data/{field.file}"} or field.kind == "taxonomy"), files
        assert_terminal_report_is_inert(result)
        return
    assert_inert(written(result), checked_for_personal_data=True)


@HOSTILE_RUNS
@given(field=st.sampled_from(FIELDS), value=hostile_text())
def test_a_hostile_string_that_got_past_validation_still_gives_valid_inert_files(field, value):
    assert_inert(written(past_validation(field, value)), checked_for_personal_data=False)


@settings(max_examples=150, deadline=None)
@given(file=hostile_text(), message=hostile_text(), quoted=st.sampled_from(["shape-wrong-type", "shape-bad-id"]))
def test_the_terminal_shows_any_file_name_or_value_as_escapes_with_personal_data_masked(file, message, quoted):
    """A file name under data/ and a value a message quotes reach the terminal as they are
    unless report.py escapes them: they must not recolour it, ring it, move its cursor or
    forge a line of the report."""
    words = text(quoted, field="title", value=message, expected=text("type-text"), got=message, hint="", what="id")
    report = Report(
        [Diagnostic(f"data/{file}.yml", 1, 1, "KB203", words), Diagnostic("data/x.yml", 2, 1, "KB201", message)]
    )
    for language in ("zh", "en"):
        shown = as_text(report, 2, language=language)
        assert not RAW_CONTROL.search(shown), shown
        lines = shown.split("\n")
        assert all(line.startswith(("data/", "    ")) for line in lines[:-1]), lines
        assert sum(line.startswith("data/") for line in lines) == 2, lines
        assert not personal_data(shown), shown
        annotations = as_github(report, 2, language).split("\n")
        assert len(annotations) == 3 and all(line.startswith("::error file=") for line in annotations[:2])
        assert not RAW_CONTROL.search("\n".join(annotations))
