from __future__ import annotations

from generator.render.urls import Linker, page_dir, record_page, relative_url


def test_record_urls_contain_the_id():
    assert record_page("case", "20260412-x") == "cases/20260412-x.md"
    assert page_dir("cases/20260412-x.md") == "cases/20260412-x/"
    assert page_dir("people/index.md") == "people/"
    assert page_dir("index.md") == ""


def test_relative_urls_between_pages():
    assert relative_url("cases/a.md", "people/b.md") == "../../people/b/"
    assert relative_url("index.md", "people/b.md") == "people/b/"
    assert relative_url("people/index.md", "people/b.md") == "b/"
    assert relative_url("people/b.md", "people/index.md") == "../"
    assert relative_url("index.md", "index.md") == "./"
    assert relative_url("honours/kinds/x.md", "awards/y.md", "top") == "../../../awards/y/#top"
    assert Linker("cases/a.md").file("attachments/p.png") == "../../attachments/p.png"
