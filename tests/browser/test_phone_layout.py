"""Every kind of page of both data folders at a phone's width (390 px): no table squeezes a
column of text to a sliver (each cell with text at least a few characters wide), and chart
text is at least 10 px tall as drawn. The page kinds are read from the built site, so a new
kind of page is measured without being listed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, serve
from tests.conftest import TESTS
from tests.publish.conftest import build_site

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1600, "height": 900}
MIN_CELL_CHARACTERS = 3  # a column of text narrower than this many characters reads one character a line
MIN_CHART_TEXT_PX = 10

# Cells with text narrower than MIN_CELL_CHARACTERS of their own font; chart text smaller
# than MIN_CHART_TEXT_PX as drawn (its font size times the drawing's scale).
MEASURE = """([minCharacters, minText]) => {
  const problems = [];
  const visible = (element) => element.getClientRects().length > 0;
  for (const cell of document.querySelectorAll("article td, article th")) {
    const text = cell.innerText.trim();
    if (!visible(cell) || [...text].length < minCharacters) continue;
    const style = getComputedStyle(cell);
    const inner = cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const needed = minCharacters * parseFloat(style.fontSize);
    if (inner < needed - 0.5) problems.push(`cell ${Math.round(inner)} px < ${Math.round(needed)} px: ${text.slice(0, 30)}`);
  }
  for (const label of document.querySelectorAll("article svg text")) {
    if (!visible(label)) continue;
    const matrix = label.getScreenCTM();
    const drawn = parseFloat(getComputedStyle(label).fontSize) * Math.hypot(matrix.a, matrix.b);
    if (drawn < minText) problems.push(`chart text ${drawn.toFixed(1)} px: ${label.textContent.slice(0, 30)}`);
  }
  return problems;
}"""


def page_kinds(site: Path) -> list[str]:
    """One page of every kind of the built site: every page one or two folders deep, and the
    first record page of each deeper folder (cases/<id>/, honours/kinds/<id>/ ...)."""
    kinds: dict[str, str] = {}
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parent.parts
        if not parts or parts[0] in ("assets", "pagefind", "api", "feeds", "calendar", "attachments"):
            continue
        url = "/".join(parts) + "/"
        kind = url if len(parts) == 1 else "/".join(parts[:-1]) + "/*"
        kinds.setdefault(kind, url)
    return ["", *sorted(kinds.values())]


# On a wide screen: a table that scrolls sideways in a strip narrower than the text column
# (squeezed beside a record's side panel), where the full column would show it whole.
SQUEEZED_BESIDE = """() => {
  const problems = [];
  const column = document.querySelector("article").getBoundingClientRect().width;
  for (const wrapper of document.querySelectorAll("article .kb-scroll, article .md-typeset__scrollwrap")) {
    const table = wrapper.querySelector("table");
    if (!table || wrapper.getClientRects().length === 0) continue;
    const width = wrapper.getBoundingClientRect().width;
    if (wrapper.scrollWidth > wrapper.clientWidth + 1 && width < column - 2 && table.scrollWidth <= column)
      problems.push(`table in a ${Math.round(width)} px strip of a ${Math.round(column)} px column`);
  }
  return problems;
}"""


def squeezed_parts(browser, site_url: str, pages: list[str], name: str) -> list[str]:
    context = browser.new_context(base_url=site_url, viewport=PHONE, device_scale_factor=1)
    tab = context.new_page()
    problems = []
    try:
        for url in pages:
            tab.goto(url)
            found = tab.evaluate(MEASURE, [MIN_CELL_CHARACTERS, MIN_CHART_TEXT_PX])
            if found:
                screenshot(tab, f"phone-layout-{name}-{url.strip('/').replace('/', '-') or 'home'}")
            problems += [f"{url}: {problem}" for problem in found]
    finally:
        context.close()
    return problems


@pytest.fixture(scope="module")
def third_org_build(tmp_path_factory) -> Path:
    """The third organisation's site, its glossary included."""
    root = tmp_path_factory.mktemp("third-org")
    result = build_site(TESTS / "data" / "third-org", root / "site", root / "cache")
    assert result.ok, (result.error, result.problems)
    return root / "site"


@pytest.fixture(scope="module")
def third_org_site(third_org_build):
    url, server = serve(third_org_build)
    yield url
    server.shutdown()


FOLDERS = {
    "demo": ("demo_build", "demo_site"),
    "second-org": ("second_org_build", "second_org_site"),
    "third-org": ("third_org_build", "third_org_site"),
}


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_table_and_chart_reads_on_a_phone(browser, request, folder):
    build, site = FOLDERS[folder]
    pages = page_kinds(request.getfixturevalue(build))
    assert len(pages) > 25, pages  # every kind of page, not a few
    problems = squeezed_parts(browser, request.getfixturevalue(site), pages, folder)
    assert not problems, "\n".join(problems)


def test_a_new_hires_next_step_is_near_the_top_of_their_page_on_a_phone(browser, demo_site):
    context = browser.new_context(base_url=demo_site, viewport=PHONE)
    tab = context.new_page()
    try:
        for person in ("lin-xiaoyu", "ma-lin"):  # enrolled in the two paths of the demo, not done yet
            tab.goto(f"people/{person}/")
            top = tab.locator(".kb-next-step").first.evaluate("box => box.getBoundingClientRect().top + scrollY")
            assert top < 1.5 * PHONE["height"], (person, top)
    finally:
        context.close()


# Nothing of the page wider than the screen: what would make the reader scroll sideways.
OVERFLOW = """() => [...document.querySelectorAll("article *")]
  .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.slice(0, 30)}`)"""


@pytest.mark.parametrize("folder", ["demo", "third-org"])
def test_the_glossary_reads_on_a_phone_each_term_beside_or_under_its_label(browser, request, folder):
    """At 390 px the terms of a group stand under their labels (one column), nothing runs off the
    screen, and the headwords' links at the top wrap."""
    context = browser.new_context(base_url=request.getfixturevalue(FOLDERS[folder][1]), viewport=PHONE)
    tab = context.new_page()
    try:
        tab.goto("glossary/")
        assert tab.locator("article h2").count() >= 15
        assert tab.evaluate(OVERFLOW) == []
        terms = tab.locator(".kb-glossary-terms").first
        label, value = terms.locator("dt").first.bounding_box(), terms.locator("dd").first.bounding_box()
        assert value["y"] >= label["y"] + label["height"] - 1  # under its label, not squeezed beside it
        assert value["width"] > PHONE["width"] / 2
        screenshot(tab, f"phone-glossary-{folder}")
    finally:
        context.close()


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_no_table_is_squeezed_beside_a_panel_at_a_projectors_width(browser, request, folder):
    build, site = FOLDERS[folder]
    context = browser.new_context(base_url=request.getfixturevalue(site), viewport=PROJECTOR)
    tab = context.new_page()
    problems = []
    try:
        for url in page_kinds(request.getfixturevalue(build)):
            tab.goto(url)
            problems += [f"{url}: {problem}" for problem in tab.evaluate(SQUEEZED_BESIDE)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
