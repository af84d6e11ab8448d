"""A reader's path through the demo site: home -> case -> person -> path -> honour roll."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import screenshot

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=sorted(VIEWPORTS))
def page(request, browser, demo_site):
    context = browser.new_context(viewport=VIEWPORTS[request.param], base_url=demo_site)
    tab = context.new_page()
    tab.outside_requests = []
    host = urlsplit(demo_site).netloc
    tab.on(
        "request", lambda r: tab.outside_requests.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None
    )
    tab.viewport_name = request.param
    yield tab
    context.close()


def heading(tab) -> str:
    return tab.locator("article h1").first.inner_text().rstrip("¶").strip()


def fits_the_screen(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_reader_follows_links_from_home_to_case_person_path_and_honours(page):
    page.goto("./")
    assert heading(page) == "恒力装备 · 服务知识库"
    assert page.locator(".kb-stat").count() == 6
    screenshot(page, f"home-{page.viewport_name}")

    page.locator("table a.kb-case-link").first.click()
    page.wait_for_url("**/cases/**")
    assert page.locator("h2#症状").count() == 1 and page.locator("h2#解决步骤").count() == 1
    assert page.locator("aside.kb-panel .kb-badge-validated").count() == 1
    assert fits_the_screen(page)
    if page.viewport_name == "phone":  # the engineer on site came for the fix: it is on the first screen
        resolution_top = page.locator("h2#解决步骤").evaluate("h => h.getBoundingClientRect().top + window.scrollY")
        assert resolution_top < 900
        panel_top = page.locator("aside.kb-panel").evaluate("a => a.getBoundingClientRect().top + window.scrollY")
        assert panel_top > resolution_top, "the side panel follows the fix"
    screenshot(page, f"case-{page.viewport_name}")

    author = page.locator("aside.kb-panel a.kb-person").first
    author_name = author.inner_text()
    author.click()
    page.wait_for_url("**/people/**")
    assert heading(page) == author_name
    assert page.locator("h2#编写的案例").count() == 1
    screenshot(page, f"person-{page.viewport_name}")

    page.goto("paths/")
    page.locator("article a[href*='new-field-engineer']").first.click()
    page.wait_for_url("**/paths/new-field-engineer/")
    assert page.locator("svg.kb-path-diagram rect").locator("visible=true").count() == 7
    progress = page.locator(".kb-progress table").inner_text()
    assert "徐洋" in progress and "已完成" in progress
    shown = "tall" if page.viewport_name == "phone" else "wide"  # top to bottom on a phone
    diagram = page.locator(f"svg.kb-diagram-{shown}")
    assert diagram.is_visible() and diagram.evaluate("d => d.getBoundingClientRect().right <= window.innerWidth")
    assert page.locator(".kb-next-step").count() >= 1
    screenshot(page, f"path-{page.viewport_name}")

    page.goto("honours/")
    assert heading(page) == "光荣榜"
    assert page.locator("article.kb-honour").count() >= 12
    assert "竞赛成绩" in page.locator("article.md-content__inner").inner_text()
    assert fits_the_screen(page)
    screenshot(page, f"honours-{page.viewport_name}")

    assert page.outside_requests == []


def test_navigation_reaches_every_section(page):
    """Tabs on a desktop; the drawer behind the menu button on a phone."""
    page.goto("./")
    sections = [
        ("案例库", "cases/"),
        ("人员", "people/"),
        ("传帮带", "mentoring/"),
        ("培训", "training/"),
        ("光荣榜", "honours/"),
    ]
    for expected, url in sections:
        if page.viewport_name == "phone":
            page.goto("./")  # the drawer opens at the current section; start from the top level
            page.locator("label.md-header__button[for='__drawer']").click()
            page.locator(f".md-nav--primary a.md-nav__link[href$='/{url}']").locator("visible=true").first.click()
        else:
            page.locator(".md-tabs__link", has_text=expected).first.click()
        page.wait_for_function(
            f"document.querySelector('article h1') && document.querySelector('article h1').innerText.startsWith('{expected}')"
        )
        assert heading(page) == expected


def test_home_search_box_opens_the_search_page_with_the_query(page):
    page.goto("./")
    page.locator("form.kb-home-search input[name=q]").fill("E203")
    page.locator("form.kb-home-search input[name=q]").press("Enter")
    page.wait_for_url("**/search/?q=E203")
    page.wait_for_function("document.querySelector('#kb-search-page input')?.value === 'E203'")


def test_honour_roll_present_view_shows_one_award_per_screen_and_moves_with_arrow_keys(page):
    page.goto("honours/present/")
    slides = page.locator(".kb-slide")
    page.wait_for_function("document.querySelector('.kb-present.kb-presenting')")
    assert slides.count() >= 12
    visible = lambda: [i for i in range(slides.count()) if slides.nth(i).is_visible()]  # noqa: E731
    assert visible() == [0]
    page.keyboard.press("ArrowRight")
    assert visible() == [1]
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert visible() == [slides.count() - 1], "it wraps round"
    screenshot(page, f"honours-present-{page.viewport_name}")
