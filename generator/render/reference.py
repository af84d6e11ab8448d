"""The record reference as a page of the site (/reference/) and as docs/records.md.

Both are the same template over the same data (generator/reference.py); the page adds
the site's front matter and follows the site's language, the file is English.
"""

from __future__ import annotations

from generator.reference import record_reference
from generator.render.engine import PageJob, Renderer, template_environment

TEMPLATE = "reference.md.j2"


def reference_page(r: Renderer) -> PageJob:
    return r.page(TEMPLATE, "reference.md", meta={"title": r.t.reference}, ref=record_reference(r.t.language))


def reference_markdown() -> str:
    """The text of docs/records.md, stable byte for byte."""
    text = template_environment().get_template(TEMPLATE).render(front_matter="", ref=record_reference("en"))
    return _without_blank_runs(text)


def _without_blank_runs(text: str) -> str:
    # As the page renderer tidies every page: one blank line at most, one newline at the end.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1]):
            lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n"
