"""WCAG 2.1 AA: axe-core in Chromium finds nothing on one page of every kind and every index,
at desktop and phone widths. The theme's own markup and palette count too."""

from __future__ import annotations

import pytest

from tests.browser.conftest import checker_file
from tests.browser.test_navigation import VIEWPORTS

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
    "honours/",
    "honours/kinds/service-star/",
    "awards/2026-q3-service-star-xu-yang/",
    "health/",
    "training/figures/",
    "checks/",
    "search/",
    "guide/writing-cases/",
    "404.html",
]


def axe_violations(tab) -> list[str]:
    tab.add_script_tag(path=str(checker_file("axe-core/axe.min.js")))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary'].splitlines()[1].strip()}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_finds_nothing_on_any_kind_of_page(browser, demo_site, demo_build, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=demo_site)
    tab = context.new_page()
    found = {}
    for url in PAGES:
        assert (demo_build / url).exists() or (demo_build / url / "index.html").exists(), url
        tab.goto(url, wait_until="load")
        violations = axe_violations(tab)
        if violations:
            found[url or "home"] = violations
    context.close()
    assert not found, "\n".join(f"{url}: {v}" for url, violations in found.items() for v in violations)
