"""What a template puts on a page: every text on one line and without control characters,
unless the template says it keeps its lines (`| lines`)."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.model import build_dataset
from generator.pipeline import check
from generator.render import page_jobs
from generator.render.engine import front_matter_values, template_environment, written_front_matter
from generator.settings import Settings
from tests.conftest import MINIMAL, TODAY
from tests.hostile import hostile_line, hostile_text

CASE = "20260412-hx200-pressure-drop"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def test_a_line_break_in_a_title_cannot_end_the_html_block_it_stands_in():
    """A blank line in a title written into a table cell would end the HTML block, and the rest
    of the title would be read as Markdown (a link, a heading): it is written on one line."""
    context = check(Settings(MINIMAL, TODAY, shown_root="data")).context
    title = "压力掉\n\n[点我](javascript:alert(1))\x1b[31m\u2028# 标题"
    records = context.of("case")
    index = next(n for n, record in enumerate(records) if record.id == CASE)
    model = records[index].model.model_copy(update={"title": title, "tags": ["压\n\n力"]})  # past validation
    records[index] = replace(records[index], model=model)
    data = build_dataset(context)
    pages = {job.src_uri: job.render().text for job in page_jobs(data, "zh", "服务\n知识库")}
    for uri, text in pages.items():
        assert not RAW_CONTROL.search(text), uri
        assert "\n\n[点我]" not in text and "\n# 标题" not in text, uri
    index = pages["cases/index.md"]
    assert "压力掉  [点我](javascript:alert(1))[31m # 标题</a>" in index
    case = pages[f"cases/{CASE}.md"]
    assert "# 压力掉 \\[点我\\]\\(javascript:alert\\(1\\)\\)\\[31m \\# 标题\n" in case
    assert ">压  力</a>" in case


def test_a_text_that_keeps_its_lines_says_so():
    env = template_environment()
    template = env.from_string("<td>{{ one }}</td><pre>{{ many | lines }}</pre>")
    assert template.render(one="a\nb\x1b", many="a: &x\n\nb\x07\r\n") == "<td>a b</td><pre>a: &amp;x\n\nb\n</pre>"


@settings(max_examples=200, deadline=None)
@given(title=hostile_text() | st.text(), tags=st.lists(hostile_line() | st.text(), max_size=4))
def test_a_page_says_the_title_and_tags_mkdocs_reads_from_its_front_matter(title, tags):
    """What a page says of its title and tags (Page.tagged, given to the theme's tags plugin
    for the pages MkDocs does not read) is what MkDocs reads from the front matter written."""
    values = front_matter_values(title=title, tags=tags, kb_generated=True)
    _, meta = get_data(f"---\n{written_front_matter(values)}\n---\n\n# x\n")
    assert meta.get("title") == values.get("title")
    assert meta.get("tags") == values.get("tags")


def test_a_rendered_case_page_says_its_title_and_tags():
    context = check(Settings(MINIMAL, TODAY, shown_root="data")).context
    pages = {job.src_uri: job.render() for job in page_jobs(build_dataset(context), "zh", "KB")}
    case = pages[f"cases/{CASE}.md"]
    _, meta = get_data(case.text)
    assert case.tagged is not None and meta["tags"]
    assert (case.tagged.title, case.tagged.tags) == (meta["title"], meta["tags"])
    assert pages["cases/index.md"].tagged is None
