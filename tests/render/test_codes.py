"""Alarm-code pages: a page per code with its cases per product in the site's order of states,
the codes index by product, the offline packs' interface, product pages' links, both languages."""

from __future__ import annotations

import re

from generator.kinds import SEARCH_MARKS
from generator.model import build_dataset
from generator.render import render_site
from generator.render.codes import all_code_pages, cause_line, codes_by_product
from tests.conftest import REPO, TESTS, check, copy_minimal, found, write

CASE_LINK = re.compile(r'<a class="kb-case-link kb-state-([a-z-]+)" href="[./]*cases/([^/"]+)/">')
SECTION = re.compile(r'<h2 id="product-([a-z0-9-]+)">')


def dataset(folder):
    checked = check(folder)
    assert not checked.report.errors, checked.report.errors
    return build_dataset(checked.context)


def rendered(folder, language: str = "zh", site_url: str = "") -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(dataset(folder), language, "站点", site_url=site_url)}


def sections(page: str) -> dict[str, str]:
    """Each product's part of a code page or of the codes index."""
    parts = SECTION.split(page)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def e203_case(case_id: str, state: str, solved_on: str, products: str = "[hx-200]", cause: str = "") -> str:
    lines = [f"id: {case_id}", f"title: 压力低 {case_id[-4:]}", f"state: {state}", f"products: {products}"]
    lines += ["symptoms: HMI 报警 E203。", "environment: 车间。", "resolution: 更换阀芯。"]
    lines += ["authors: [zhang-wei]", f"solved_on: {solved_on}"]
    if state == "validated":
        lines.append("validated_by: li-na")
    if cause:
        lines.append(f"cause: {cause}")
    return "\n".join(lines) + "\n"


def test_a_code_page_lists_its_cases_per_product_validated_first_with_the_first_sentence_of_the_cause(tmp_path):
    data = copy_minimal(tmp_path / "data")
    cases = {
        "20260301-archived": ("archived", "2026-09-01", "[hx-200]"),
        "20260302-wip": ("wip", "2026-08-01", "[hx-200]"),
        "20260303-notval": ("not-validated", "2026-07-01", "[hx-200, vmc-850]"),
        "20260304-older": ("validated", "2026-01-02", "[hx-200]"),
        "20260305-newer": ("validated", "2026-06-01", "[hx-200]"),
    }
    for case_id, (state, solved_on, products) in cases.items():
        cause = "'**先导阀芯**磨损。后来发现油液也脏了。'" if case_id.endswith("newer") else ""
        write(data, f"cases/2026/{case_id}.yml", e203_case(case_id, state, solved_on, products, cause))
    pages = rendered(data)
    page = pages["codes/e-203.md"]
    parts = sections(page)
    assert list(parts) == ["hx-200", "vmc-850"]  # in the taxonomy's order
    listed = [(case_id, state) for state, case_id in CASE_LINK.findall(parts["hx-200"])]
    assert listed == [
        ("20260305-newer", "validated"),
        ("20260412-hx200-pressure-drop", "validated"),  # the minimal data's own E203 case
        ("20260304-older", "validated"),
        ("20260303-notval", "not-validated"),
        ("20260302-wip", "wip"),
        ("20260301-archived", "archived"),
    ]
    assert [case_id for _, case_id in CASE_LINK.findall(parts["vmc-850"])] == ["20260303-notval"]
    # Each case with its state badge and its cause's first sentence as plain text.
    assert '<span class="kb-badge kb-badge-archived">已归档</span>' in parts["hx-200"]
    assert '原因:</span> <span class="kb-record-line">先导阀芯磨损。</span>' in parts["hx-200"]
    assert "油液也脏了" not in page
    assert "**" not in page
    # The page: its title, the explanation, links to the product pages and the index.
    assert page.splitlines()[1:3] == ['title: "报警代码 E-203"', 'description: "报警代码 E-203"']
    assert "# 报警代码 E\\-203" in page and "按产品列出出现它的案例" in page
    assert 'href="../../products/hx-200/"' in page and 'href="../../products/vmc-850/"' in page
    assert 'href="../"' in page  # all codes


def test_the_order_of_a_codes_cases_is_by_state_then_newest():
    data = dataset(REPO / "data")
    pages = {page.code: page for page in all_code_pages(data)}
    order = ("validated", "not-validated", "wip", "archived")
    for page in pages.values():
        for _, ids in page.by_product:
            ranks = [(order.index(data.cases[c].state), -data.cases[c].solved_on.toordinal()) for c in ids]
            assert ranks == sorted(ranks), page.code
    # E203: the validated case of 2025 before the not-validated one of 2026.
    assert pages["E-203"].by_product == (
        ("hx-200", ("20250218-hx200-pressure-drop", "20260412-hx200-pressure-sensor-drift")),
    )


def test_the_codes_index_lists_every_code_under_each_of_its_products():
    for folder in (REPO / "data", TESTS / "data" / "second-org"):
        data = dataset(folder)
        pages = rendered(folder)
        index = sections(pages["codes/index.md"])
        assert list(index) == list(data.products), "every product, in the taxonomy's order"
        for code in all_code_pages(data):
            assert f"codes/{code.slug}.md" in pages
            for product in code.products:
                assert f'<a href="{code.slug}/"><code>{code.code}</code></a>' in index[product]
            for product in set(data.products) - set(code.products):
                assert f'href="{code.slug}/"' not in index[product]
    demo = sections(rendered(REPO / "data")["codes/index.md"])
    assert "ALM-300" in demo["vmc-850"] and "ALM-300" in demo["sd-3"]  # a case of both products
    assert (
        '<span class="kb-code-message kb-record-line">油温过高</span> <span class="kb-muted">1 个案例</span>'
        in demo["hx-200"]
    )
    assert '<p class="kb-empty">暂无。</p>' in demo["ad-30"]  # no codes yet: its place is there all the same


def test_code_pages_by_product_for_the_offline_packs():
    data = dataset(REPO / "data")
    by_product = codes_by_product(data)
    assert list(by_product) == list(data.products)
    assert [page.code for page in by_product["hx-200"]] == ["AL-1021", "AL-1033", "E-203", "E-318"]
    assert by_product["ad-30"] == []
    every = all_code_pages(data)
    assert len(every) == len(data.alarm_codes) == 22
    for page in every:
        assert page.url == f"codes/{page.slug}/" and page.slug == page.code.lower()
        assert all(page in by_product[product] for product in page.products)
    assert all_code_pages(data) == every  # the same records, the same pages


def test_product_pages_link_their_codes_and_with_a_site_url_their_sticker():
    without = rendered(REPO / "data")
    page = without["products/hx-200.md"]
    assert "## 报警代码 (4)" in page
    assert '<a class="kb-chip" href="../../codes/al-1021/">AL-1021</a>' in page
    assert 'href="../../codes/#product-hx-200"' in page
    assert "qr/" not in page and not any(uri.endswith("/qr.md") for uri in without)
    with_url = rendered(REPO / "data", site_url="https://kb.example.com/kb/")
    assert '<a href="qr/">铭牌二维码</a>' in with_url["products/hx-200.md"]
    sticker = with_url["products/hx-200/qr.md"]
    assert "https://kb.example.com/kb/products/hx-200/" in sticker and '<svg role="img"' in sticker
    assert "<title>HX-200 液压站: 产品页</title>" in sticker
    assert "报警代码" not in without["skills/hydraulics.md"]  # only products have codes


def test_code_pages_in_english():
    pages = rendered(REPO / "data", "en")
    page = pages["codes/al-1021.md"]
    assert "# Alarm code AL\\-1021" in page and "HX-200 Hydraulic Power Unit" in page
    assert '<span class="kb-badge kb-badge-validated">Validated</span>' in page
    assert "Cause:</span>" in page and "Every alarm and fault code" in pages["codes/index.md"]
    assert "1 case</span>" in pages["codes/index.md"]


def test_a_code_page_is_found_by_its_code_in_every_written_form_and_by_nothing_else():
    page = rendered(REPO / "data")["codes/alm-1005.md"]
    block = page[page.index("kb-search-data") : page.index("data-pagefind-ignore")]
    # canonical and as written, one title block, after the code pages' word; no other block
    assert re.findall(r'data-pagefind-weight="[0-9.]+">([^<]*)<', block) == [
        "qz0 qy0",
        f"{SEARCH_MARKS['title']} ALM-1005 ; ALM 1005",
    ]
    assert 'data-pagefind-filter="kind:报警代码"' in page and 'data-pagefind-filter="product:VMC-850' in page
    # its title, as the page's: its title block holds its code's forms; no product's model
    # name among its words (it would find every code of the model)
    assert re.findall(r'data-pagefind-meta="([^"]*)"', page) == ["title:报警代码 ALM-1005"]


def test_the_first_sentence_of_a_cause():
    assert cause_line(None) == "" and cause_line("") == ""
    assert cause_line("- 滤芯堵塞；油液太脏\n- 第二条") == "滤芯堵塞；"
    assert cause_line("`AL-1021` is raised. The valve stuck.") == "AL-1021 is raised."
    long = "油" * 200
    assert cause_line(long) == "油" * 89 + "…"


def test_no_record_may_take_the_codes_folders_name(data):
    write(data, "people/codes.yml", "id: codes\nname: 代码\nteam: east\nrole: field-service\njoined: 2020-01-01\n")
    assert ("people/codes.yml", 1, "KB307") in found(check(data))
