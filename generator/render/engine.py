"""The template engine: Jinja2 with autoescape, and the helpers every page uses."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from generator.figures import Figures
from generator.inert import multi_line, one_line
from generator.kinds import SECTIONS
from generator.model import Dataset
from generator.render.avatars import initials_avatar
from generator.render.formats import Formats
from generator.render.labels import Labels, taxonomy_name
from generator.render.text import markdown_inline, render_markdown
from generator.render.urls import ATTACHMENTS_DIR, Linker
from generator.search.glossary import NO_GLOSSARY, Glossary, GroupFinder


@dataclass(frozen=True)
class Tagged:
    """A page's title and tags as MkDocs reads them from its front matter: what the theme's
    tags plugin lists of the page (its tags.json) in a build that does not read the page."""

    title: str | None
    tags: Any


@dataclass(frozen=True)
class Page:
    """One generated Markdown page: where it goes and what it says."""

    src_uri: str
    text: str
    tagged: Tagged | None = None  # when its front matter gives it tags


@dataclass(frozen=True)
class PageJob:
    """A page not rendered yet."""

    src_uri: str
    render: Callable[[], Page]


def front_matter(**fields: Any) -> Markup:
    """YAML front matter whose values are HTML-escaped: MkDocs' templates insert them raw."""
    return written_front_matter(front_matter_values(**fields))


def front_matter_values(**fields: Any) -> dict[str, Any]:
    """The values front matter writes of `fields`, which are the values MkDocs reads from it:
    texts HTML-escaped and on one line, empty fields left out."""
    values = {}
    for key, value in fields.items():
        if value is None or value == []:
            continue
        if isinstance(value, list):
            value = [str(escape(one_line(item))) if isinstance(item, str) else item for item in value]
        elif isinstance(value, str):
            value = str(escape(one_line(value)))
        values[key] = value
    return values


def written_front_matter(values: dict[str, Any]) -> Markup:
    """Front matter of values already made safe: each a line of YAML in JSON's form."""
    return Markup("\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()))


def template_environment() -> Environment:
    """The generator's templates: autoescaped, and strict about names they do not know."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_one_line_text,
    )
    env.filters["name"] = _taxonomy_name
    # `{{ text | lines }}`: text that keeps its line breaks (an example in a code block);
    # every other text is put on one line.
    env.filters["lines"] = lambda text: escape(multi_line(str(text)))
    return env


def _one_line_text(value: Any) -> Any:
    """Every text a template puts on a page goes there on one line and without control
    characters: a line break in a title would end the HTML block it stands in and let the
    rest be read as Markdown. What is already markup (rendered Markdown, a macro) is kept."""
    return one_line(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@cache
def page_environment() -> Environment:
    """The templates with the record text filters: one for the process, so that a template
    is compiled once (`kb serve` renders a few pages at every save)."""
    env = template_environment()
    env.filters["markdown"] = lambda text, href: render_markdown(text, href.file(ATTACHMENTS_DIR))
    env.filters["inline"] = lambda text: Markup(markdown_inline(str(text)))
    return env


@pass_context
def _taxonomy_name(context: Any, entry: Any) -> str:
    """`data.products[p] | name`: the name in the language of the page's labels (`t`)."""
    return taxonomy_name(entry, context["t"].language)


class Renderer:
    def __init__(
        self,
        data: Dataset,
        language: str,
        site_name: str = "",
        only: set[str] | None = None,
        site_url: str = "",
        learning: Any = None,
        glossary: Glossary = NO_GLOSSARY,
    ) -> None:
        self.data = data
        self.learning = learning  # what pages show of practice sets and movement (render/learning_view.py)
        self.glossary = GroupFinder(glossary)  # which glossary groups a case names (search)
        self.only = only
        self.t = Labels(language)
        self.fmt = Formats(language)
        self.site_name = site_name
        self.site_url = site_url  # mkdocs.yml's: the site's absolute address, or ""
        self.language = language
        self.env = page_environment()

    @cached_property
    def figures(self) -> Figures:
        """The registry's figures of this Dataset (generator/figures.py): every page that shows
        a figure reads it here, so the same definition and period give the same number."""
        return Figures(self.data)

    def name(self, entry: Any) -> str:
        """A taxonomy entry's name in the site's language."""
        return taxonomy_name(entry, self.language)

    def wants_any(self, folder: str) -> bool:
        """False when only some pages are wanted and none of them is in this folder."""
        return self.only is None or any(uri.startswith(folder + "/") for uri in self.only)

    def skips(self, src_uri: str) -> bool:
        """True when only some pages are wanted (a quick `kb serve` rebuild) and not this one."""
        return self.only is not None and src_uri not in self.only

    def page(self, template: str, src_uri: str, search: Any = None, **context: Any) -> PageJob:
        """One page to render. A page given `search` data is indexed for search; others are not.

        The template is rendered only when the job runs, so that a build can share the
        pages out among processes (render_site's `shard`).
        """
        return PageJob(src_uri, partial(self._render, template, src_uri, search, context))

    def _render(self, template: str, src_uri: str, search: Any, context: dict[str, Any]) -> Page:
        href = Linker(src_uri)
        context = dict(context)
        if callable(search):  # search data is made with the page, not with every job
            search = search()
        context["meta"] = {key: value() if callable(value) else value for key, value in context.get("meta", {}).items()}
        meta = {**context.pop("meta", {}), "kb_generated": True, "search_index": search is not None}
        values = front_matter_values(**meta)
        text = self.env.get_template(template).render(
            **self._every_page(href),
            front_matter=written_front_matter(values),
            search=search,
            sections=partial(self.sections, href),
            **context,
        )
        tagged = Tagged(values.get("title"), values["tags"]) if values.get("tags") else None
        return Page(src_uri, _tidy(text), tagged)

    def _every_page(self, href: Linker) -> dict[str, Any]:
        """What every template is given: the Dataset, the words, the formats, the page's links and
        the learning views."""
        return {
            "data": self.data,
            "initials_avatar": initials_avatar,
            "t": self.t,
            "fmt": self.fmt,
            "href": href,
            "attachment": href.attachment,
            "learning": self.learning,
        }

    def sections(self, href: Linker, slot: str, key: str = "") -> Markup:
        """What the kinds add to this page at `slot` (generator/kinds/kind.py, Section), for the
        record or team `key`: each section's template with the page's links, in their order."""
        parts = []
        for section in SECTIONS.get(slot, ()):
            values = section.values(self, key) if section.values is not None else {}  # type: ignore[arg-type]
            rendered = self.env.get_template(section.template).render(**self._every_page(href), key=key, **values)
            if rendered.strip():
                parts.append(rendered.strip("\n"))
        return Markup("\n\n".join(parts))


def _tidy(text: str) -> str:
    """Collapse runs of blank lines left by template conditionals; end with one newline."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n"
