"""One page of every kind and every index, at desktop and phone widths: axe-core finds no
WCAG 2.1 AA problem (the theme's own markup and palette count too), nothing is hidden (no
table's last column off-screen without a scroll cue, nothing under the side panel), and a
screenshot of each is written to test-artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import checker_file, screenshot, serve
from tests.browser.test_navigation import VIEWPORTS
from tests.conftest import copy_minimal
from tests.publish.conftest import build_site

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One page of every kind, and every index, of the demo site.
PAGES = [
    "",
    "cases/",
    "cases/20250218-hx200-pressure-drop/",
    "cases/20250227-im280-barrel-temp-unstable/",  # archived
    "cases/20261118-hx200-oil-leak-manifold/",  # work in progress
    "products/",
    "products/hx-200/",
    "skills/",
    "skills/hydraulics/",
    "tags/",
    "codes/",
    "codes/al-1021/",
    "years/",
    "years/2026/",
    "review/",
    "people/",
    "people/xu-yang/",
    "teams/",
    "teams/east/",
    "mentoring/",
    "mentoring/2025-zhang-wei-xu-yang/",
    "training/",
    "sessions/",
    "sessions/2026-03-hydraulics-basics/",
    "sessions/2026-12-cnc-alarm-diagnosis/",  # planned
    "paths/",
    "paths/new-field-engineer/",
    "training/practice/",
    "training/practice/products/hx-200/",
    "training/practice/paths/new-field-engineer/",
    "honours/",
    "honours/kinds/service-star/",
    "awards/2026-q3-service-star-xu-yang/",
    "health/",
    "training/figures/",
    "goals/",
    "goals/2026-q4-east/",  # running: its trend's last period pale
    "goals/2026-q3-all/",  # ended, the organisation's
    "commendations/",
    "commendations/20261120-banner-xu-yang/",
    "checks/",
    "glossary/",
    "search/",
    "guide/writing-cases/",
    "honours/present/",
    "offline/",
    "offline/missing/?page=/people/xu-yang/",
    "capture/",
    "404.html",
]
# What a page's script brings before it is looked at: the capture form, a pack's size and buttons.
READY = {
    "capture/": "!document.getElementById('kb-capture').hidden",
    "products/hx-200/": "!document.querySelector('.kb-pack-save').hidden",
    "offline/": "!document.querySelector('.kb-offline-storage').hidden",
    "training/practice/products/hx-200/": "!document.querySelector('.kb-practice').hidden",
}

# Every table whose last column is cut off by its scroll box (or by the screen) sits in a box
# marked as overflowing, with the hint before it; no table overlaps the side panel.
HIDDEN_TABLE_PARTS = """() => {
  const problems = [];
  const panel = document.querySelector("article .kb-panel");
  const panelBox = panel && getComputedStyle(panel).float !== "none" ? panel.getBoundingClientRect() : null;
  for (const table of document.querySelectorAll("article table")) {
    if (!table.offsetParent) continue;
    const last = table.querySelector("tr:first-child > :last-child");
    if (!last) continue;
    const box = table.closest(".kb-scroll") || table.closest(".md-typeset__scrollwrap");
    const visibleRight = Math.min(window.innerWidth, box ? box.getBoundingClientRect().right : window.innerWidth);
    const cut = last.getBoundingClientRect().right > visibleRight + 1;
    const cued = box && box.classList.contains("kb-overflowing") && box.previousElementSibling?.classList.contains("kb-scroll-hint");
    if (cut && !cued) problems.push("last column cut off without a cue: " + last.textContent.trim().slice(0, 30));
    if (panelBox) {
      const t = table.getBoundingClientRect();  // the part of it that shows: its box clips the rest
      const right = Math.min(t.right, visibleRight), left = Math.max(t.left, box ? box.getBoundingClientRect().left : 0);
      const overlaps = right > panelBox.left + 1 && left < panelBox.right && t.bottom > panelBox.top && t.top < panelBox.bottom;
      if (overlaps) problems.push("table under the side panel: " + last.textContent.trim().slice(0, 30));
    }
  }
  return problems;
}"""


def axe_violations(tab) -> list[str]:
    tab.add_script_tag(path=str(checker_file("axe-core/axe.min.js")))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary'].splitlines()[1].strip()}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def artifact_name(url: str, viewport: str, scheme: str) -> str:
    page = url.split("?")[0].strip("/").replace("/", "_").removesuffix(".html") or "home"
    return f"kind-{page}-{viewport}" + ("-dark" if scheme == "dark" else "")


# Both widths in the light scheme; the dark scheme (the reader's system setting) on a desktop.
LOOKS = [("desktop", "light"), ("phone", "light"), ("desktop", "dark")]


@pytest.mark.parametrize(("viewport", "scheme"), LOOKS)
def test_every_kind_of_page_is_accessible_and_hides_nothing(browser, demo_site, demo_build, viewport, scheme):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=demo_site, color_scheme=scheme)
    tab = context.new_page()
    found = {}
    for url in PAGES:
        path = url.split("?")[0]
        assert (demo_build / path).exists() or (demo_build / path / "index.html").exists(), url
        tab.goto(url, wait_until="load")
        tab.wait_for_function("document.querySelector('article')")
        if path in READY:
            tab.wait_for_function(READY[path])
        violations = axe_violations(tab) + tab.evaluate(HIDDEN_TABLE_PARTS)
        screenshot(tab, artifact_name(url, viewport, scheme))
        if violations:
            found[url or "home"] = violations
    context.close()
    assert not found, "\n".join(f"{url}: {v}" for url, violations in found.items() for v in violations)


def test_a_products_sticker_page_is_accessible_in_both_schemes_and_fits_a_phone(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_SITE_URL", "https://kb.example.com/")
    result = build_site(copy_minimal(tmp_path / "data"), tmp_path / "site", tmp_path / "cache")
    assert result.ok, (result.error, result.problems)
    url, server = serve(tmp_path / "site")
    found = {}
    for viewport, scheme in LOOKS:
        context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=url, color_scheme=scheme)
        tab = context.new_page()
        tab.goto("products/hx-200/qr/", wait_until="load")
        violations = axe_violations(tab)
        if tab.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
            violations.append("the page scrolls sideways")
        screenshot(tab, artifact_name("products/hx-200/qr/", viewport, scheme))
        if violations:
            found[f"{viewport} {scheme}"] = violations
        context.close()
    server.shutdown()
    assert not found, found
