"""The capture page in Chromium. First that the browser and Python agree: on the id and the
whole file of a new case (assets/kb-capture.js against generator/scaffold.py) for every title of
both data folders and for hostile input, and on personal data (assets/kb-privacy.js against
generator/privacy.py) for every sample of the Python tests and generated ones. Then the
page itself, offline (network cut and the test's server stopped): filled in, it gives a file
that `kb validate` accepts in the data folder unchanged, keeps the draft on the phone, and
refuses a phone or ID-card number with the code `kb validate` gives.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import scaffold
from generator.cli import main
from generator.privacy import personal_data_in
from generator.repository import repository_links
from tests.browser.conftest import screenshot
from tests.browser.test_offline import PHONE, Server, cut_the_network
from tests.conftest import REPO, TESTS
from tests.hostile import hostile_text
from tests.validate.test_privacy import AFTER, ALLOWED, BEFORE, REFUSED, personal_data

DATA_FOLDERS = {"demo": REPO / "data", "second-org": TESTS / "data" / "second-org"}
NO_NOTES = {"symptoms": "", "resolution": "", "codes": "", "photos": ""}


@pytest.fixture(scope="module")
def capture_tab(browser, demo_build):
    """A tab of the demo site with the capture page's rules loaded."""
    server = Server(demo_build)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(f"{server.url}capture/", wait_until="load")
    tab.wait_for_function("window.kbCapture !== undefined")
    tab.evaluate("window.kbCapture.loadRules().then(() => true)")
    yield tab
    context.close()
    server.stop()


def in_browser(tab, forms: list[dict]) -> list[dict]:
    return tab.evaluate(
        "forms => window.kbCapture.loadRules().then(r => forms.map(form => window.kbCapture.newCase(r, form)))", forms
    )


def in_python(form: dict) -> str:
    notes = scaffold.CaseNotes(
        symptoms=form["symptoms"],
        resolution=form["resolution"],
        codes=tuple(scaffold.words_in(form["codes"], scaffold.CODE_SEPARATORS)),
        photos=tuple(scaffold.words_in(form["photos"], scaffold.PHOTO_SEPARATORS)),
    )
    record = scaffold.new_case(
        form["title"], form["product"], form["author"], dt.date.fromisoformat(form["solved_on"]), notes=notes
    )
    target = record.path(REPO / "data", int(form["solved_on"][:4]))
    return record.text(target, REPO / "schemas")


def titles(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("cases/**/*.yml")) + sorted(folder.glob("sessions/*.yml")):
        found.append(str(yaml.safe_load(path.read_text(encoding="utf-8"))["title"]))
    return found


def form(title: str, product: str = "hx-200", **notes: str) -> dict:
    return {"title": title, "product": product, "author": "zhang-wei", "solved_on": "2026-11-20", **NO_NOTES, **notes}


def test_the_browser_makes_the_ids_python_makes_for_every_title_of_both_data_folders(capture_tab):
    forms = []
    for folder in DATA_FOLDERS.values():
        products = [entry["id"] for entry in yaml.safe_load((folder / "taxonomy.yml").read_text())["products"]]
        forms += [form(title, products[number % len(products)]) for number, title in enumerate(titles(folder))]
    forms += [form("重启后行程长度调试不对"), form("HX-200 液压站 HX200 压力掉", "hx-200"), form("了"), form("")]
    made = in_browser(capture_tab, forms)
    assert len(made) > 100
    for given_form, browser in zip(forms, made, strict=True):
        assert browser["yaml"] == in_python(given_form), given_form["title"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "title": hostile_text(),
                "symptoms": hostile_text(),
                "resolution": st.one_of(st.just(""), hostile_text()),
                "codes": st.one_of(
                    st.just(""), st.sampled_from(["E203", "AL-1021, E203", "ALM 401；F0017"]), hostile_text(3)
                ),
                "photos": st.one_of(st.just(""), st.sampled_from(["IMG 2041.jpg", "a.jpg\nb.png"]), hostile_text(3)),
                "product": st.sampled_from(["hx-200", "vmc-850", "cc-500"]),
                "solved_on": st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat),
            }
        ),
        min_size=20,
        max_size=20,
    )
)
def test_the_browser_writes_the_file_python_writes_whatever_is_typed(capture_tab, forms):
    forms = [{"author": "zhang-wei", **given_form} for given_form in forms]
    for given_form, browser in zip(forms, in_browser(capture_tab, forms), strict=True):
        assert browser["yaml"] == in_python(given_form), given_form


def test_the_web_editor_link_opens_the_new_file_filled_in(capture_tab):
    made = in_browser(capture_tab, [form("液压站压力掉", symptoms="E203 报警\n压力上不去")])[0]
    for repo_url, edit_uri, fields in (
        ("https://github.com/acme/kb", "edit/main/kb/", ("filename", "value")),
        ("https://gitlab.com/acme/kb", "-/edit/main/kb/", ("file_name", "content")),
    ):
        editor = repository_links(repo_url, edit_uri, "kb", "data/").new_file("")
        link = urlsplit(
            capture_tab.evaluate("([editor, made]) => window.kbCapture.editorLink(editor, made)", [editor, made])
        )
        assert link.path.endswith("/new/main/data/cases/2026")
        query = parse_qs(link.query)
        assert query[fields[0]] == [f"{made['id']}.yml"]
        assert query[fields[1]] == [made["yaml"]]


def python_findings(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], code.code) for start, end, code, _what in personal_data_in(text)]


def browser_findings(tab, texts: list[str]) -> list[list[tuple[str, str]]]:
    found = tab.evaluate(
        """texts => window.kbCapture.loadRules().then(r => texts.map(text =>
             window.kbCapture.personalData(text, r.privacy).map(item => [text.slice(item.start, item.end), item.code])))""",
        texts,
    )
    return [[tuple(item) for item in items] for items in found]


def test_the_browser_finds_the_personal_data_python_finds_in_every_sample(capture_tab):
    texts = [text for text, _offset, _code in REFUSED] + list(ALLOWED)
    expected = [python_findings(text) for text in texts]
    assert sum(1 for items in expected if items) == len(REFUSED)
    assert browser_findings(capture_tab, texts) == expected


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(personal_data, st.sampled_from(BEFORE), st.sampled_from(AFTER)), min_size=30, max_size=30))
def test_the_browser_finds_the_personal_data_python_finds_in_generated_text(capture_tab, items):
    texts = [before + written + after for (_code, (written, _bare)), before, after in items]
    assert browser_findings(capture_tab, texts) == [python_findings(text) for text in texts]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(hostile_text(), min_size=30, max_size=30))
def test_the_browser_and_python_agree_on_hostile_text(capture_tab, texts):
    assert browser_findings(capture_tab, texts) == [python_findings(text) for text in texts]


# the page itself, offline ----------------------------------------------------------------


def fill(tab, **values: str) -> None:
    for name, value in values.items():
        field = tab.locator(f'#kb-capture [name="{name}"]')
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def shown_problems(tab) -> list[str]:
    return [item.get_attribute("data-code") for item in tab.query_selector_all(".kb-capture-problems li")]


def validate(data_copy: Path, shown: str, text: str) -> tuple[int, str]:
    """`kb validate` of the data folder with the file written where the page says (its path from
    the data folder, which the page names as the repository has it)."""
    target = data_copy / shown[shown.index("cases/") :]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(data_copy), "--language", "zh"])
    target.unlink()
    return result.exit_code, result.output


CAPTURES = {
    "demo": ("hx-200", "zhang-wei", "E203 AL-1021"),
    "second-org": ("fm12", "deng-kai", "E-201"),
}


@pytest.mark.parametrize("folder", ["demo", "second-org"])
def test_a_case_captured_offline_passes_kb_validate_and_personal_data_is_refused(
    browser, demo_build, second_org_build, folder, tmp_path
):
    product, author, codes = CAPTURES[folder]
    data_copy = tmp_path / "data"
    shutil.copytree(DATA_FOLDERS[folder], data_copy)
    server = Server(demo_build if folder == "demo" else second_org_build)
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(server.url, wait_until="load")
        tab.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
        cut_the_network(context, server)
        tab.goto(f"{server.url}capture/", wait_until="load")
        assert tab.locator(".kb-from-phone").is_visible()
        tab.locator("#kb-capture").wait_for(state="visible")
        # an empty form: every required field that the page does not fill itself is missing
        assert shown_problems(tab) == ["KB201"] * 4  # title, products, symptoms, authors (solved_on: today)
        assert "缺少必填字段 products" in tab.inner_text(".kb-capture-problems")
        assert tab.locator(".kb-capture-copy").is_disabled()
        fill(
            tab,
            title="换班后设备报警，压力上不去",
            product=product,
            author=author,
            solved_on="2026-11-20",
            symptoms="早班一切正常，换班后报警。\n\n- 压力只有平时的一半\n- 复位后又报",
            resolution="1. 检查滤芯，已经堵了\n2. 更换滤芯后压力恢复",
            codes=codes,
            photos="IMG_2041.jpg",
        )
        assert shown_problems(tab) == []
        assert not tab.locator(".kb-capture-copy").is_disabled()
        path = tab.inner_text(".kb-capture-path")
        written = tab.inner_text(".kb-capture-yaml code")
        assert re.fullmatch(r"(data|tests/data/second-org)/cases/2026/20261120-[a-z0-9]+(-[a-z0-9]+)*\.yml", path), path
        assert "state: wip" in written and written.startswith("# yaml-language-server: $schema=")
        code, output = validate(data_copy, path, written)
        assert code == 0, output
        screenshot(tab, f"capture-{folder}")

        tab.wait_for_timeout(600)  # the draft is kept a moment after the last key
        tab.reload(wait_until="load")
        tab.locator("#kb-capture").wait_for(state="visible")
        assert "换班后设备报警，压力上不去" in tab.inner_text(".kb-capture-draft-list")

        for number, expected in (("客户电话 138 1234 5678", "KB601"), ("身份证 11010519491231002X", "KB602")):
            fill(tab, title="换班后设备报警", product=product, author=author, symptoms=f"现场联系：{number}")
            assert expected in shown_problems(tab), number
            assert tab.locator(".kb-capture-copy").is_disabled()
            assert not tab.locator(".kb-capture-editor").is_visible()
            code, output = validate(
                data_copy, tab.inner_text(".kb-capture-path"), tab.inner_text(".kb-capture-yaml code")
            )
            assert code == 1 and f"error {expected}" in output, output
            shown = tab.inner_text(".kb-capture-problems")
            assert "138 1234 5678" not in shown and "11010519491231002X" not in shown  # masked, as kb validate masks
    finally:
        context.close()
        server.stop()
