"""Generated pages converted without Python-Markdown give the same HTML and contents as with it."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.model import build_dataset
from generator.pipeline import check
from generator.publish.fastpage import TocSettings, anchor_ids, convert
from generator.render import render_site
from generator.settings import Settings
from tests.conftest import REPO, copy_minimal, write
from tests.publish.test_hostile_records import HOSTILE_CASE, QUOTED_PAYLOAD


def site_markdown(config):
    return lambda: markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def toc_shape(tokens):
    return [(t["level"], t["id"], t["name"], toc_shape(t["children"])) for t in tokens]


def pages_of(data_dir):
    checked = check(Settings(data_dir, dt.date(2026, 11, 28), shown_root="data"))
    assert not checked.report.errors
    return render_site(build_dataset(checked.context), "zh", "站点")


@pytest.fixture(scope="module")
def config():
    return load_config(str(REPO / "mkdocs.yml"))


def check_equivalent(pages, config):
    options = config["mdx_configs"]["toc"]
    settings = TocSettings(options["slugify"], permalink=options["permalink"])
    make = site_markdown(config)
    fast_pages = 0
    for page in pages:
        body, _meta = get_data(page.text)
        fast = convert(body, settings)
        if fast is None:
            continue
        fast_pages += 1
        md = make()
        expected = md.convert(body)
        assert normalised(fast.html) == normalised(expected), page.src_uri
        assert toc_shape(fast.toc_tokens) == toc_shape(md.toc_tokens), page.src_uri
    return fast_pages


def test_demo_pages_convert_the_same_both_ways(config):
    pages = pages_of(REPO / "data")
    # The record reference is Markdown (tables) on purpose: Python-Markdown renders it.
    assert check_equivalent(pages, config) == len(pages) - 1, "every other generated page takes the fast path"


def test_hostile_records_convert_the_same_both_ways(config, tmp_path):
    data_dir = copy_minimal(tmp_path / "data")
    write(data_dir, "cases/2026/20260601-hx200-hostile.yml", HOSTILE_CASE)
    code_case = HOSTILE_CASE.replace(f'title: "{QUOTED_PAYLOAD}"', "title: 代码块里的井号 E-203.")
    write(
        data_dir,
        "cases/2026/20260602-hx200-code.yml",
        code_case.replace("20260601-hx200-hostile", "20260602-hx200-code").replace(
            "resolution: |\n", "resolution: |\n  ```\n  # 注释行\n\n  ## 不是标题\n  ```\n"
        ),
    )
    pages = pages_of(data_dir)
    code_page = next(p for p in pages if p.src_uri == "cases/20260602-hx200-code.md")
    assert convert(get_data(code_page.text)[0], TocSettings(config["mdx_configs"]["toc"]["slugify"])) is not None
    assert check_equivalent(pages, config) > 0


def test_pages_of_another_shape_are_left_to_python_markdown():
    settings = TocSettings(lambda text, sep: text)
    assert convert("# 标题\n\n普通段落\n", settings) is None
    assert convert("<div>x</div>\n## 紧贴的标题\n", settings) is None
    assert convert("# 标题\n\n<p>块</p>\n", settings) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['id="', '"', "x", "_", "-", " ", "é", "<a ", "data-", "a1", "=", "\n"]), max_size=40))
def test_a_pages_anchor_ids_are_those_a_word_boundary_pattern_finds(pieces):
    html = "".join(pieces)
    assert anchor_ids(html) == set(re.findall(r'\bid="([^"]+)"', html))
