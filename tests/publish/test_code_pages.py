"""Alarm-code pages and products' sticker pages in built sites: written, linked, indexed for
search, and through the build's check of every link."""

from __future__ import annotations

from generator.search.shards import indexed_pages
from tests.conftest import copy_minimal
from tests.publish.conftest import build_site


def test_the_demo_site_has_its_code_pages_indexed_and_linked(demo_build):
    # demo_build is made by kb build's own function, which fails on any broken link or anchor.
    index = (demo_build / "codes" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="product-hx-200">HX-200 液压站</h2>' in index
    page = (demo_build / "codes" / "al-1021" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "报警代码 AL-1021" in page and "20250506-hx200-oil-overheat" in page
    product = (demo_build / "products" / "hx-200" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../codes/al-1021/"' in product and 'href="../../codes/#product-hx-200"' in product
    searched = {page.path for page in indexed_pages(demo_build)}
    assert "codes/al-1021/index.html" in searched and "codes/index.html" not in searched
    nav = (demo_build / "cases" / "index.html").read_text(encoding="utf-8")
    assert 'href="../codes/"' in nav  # the index is in the nav, beside the tags
    assert not (demo_build / "products" / "hx-200" / "qr").exists()  # the demo has no site_url


def test_with_a_site_url_each_product_has_its_sticker_page(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_SITE_URL", "https://kb.example.com/")
    data = copy_minimal(tmp_path / "data")
    result = build_site(data, tmp_path / "site", tmp_path / "cache")
    assert result.ok, (result.error, result.problems)  # every link, the stylesheet's too, checked
    sticker = (tmp_path / "site" / "products" / "hx-200" / "qr" / "index.html").read_text(encoding="utf-8")
    assert "https://kb.example.com/products/hx-200/" in sticker
    assert '<link rel="stylesheet" href="../../../assets/kb-qr.css">' in sticker
    assert (tmp_path / "site" / "assets" / "kb-qr.css").is_file()
    product = (tmp_path / "site" / "products" / "hx-200" / "index.html").read_text(encoding="utf-8")
    assert '<a href="qr/">铭牌二维码</a>' in product
