"""A training path's prerequisites as inline SVG drawn at build time, in two layouts: left
to right for wide screens, top to bottom for phones (CSS shows one of them).

No diagram script is loaded by the reader's browser (an intranet site may have no
internet); colours come from CSS classes so both colour schemes read well. The drawing is
a picture (role="img") with no links in it: the theme's instant navigation cannot handle
SVG links, and a picture may not hold controls; the step list below links every step.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.render.text import html_line
from generator.shapes import TrainingPath

MARGIN = 8


@dataclass(frozen=True)
class Layout:
    name: str  # the CSS class suffix: wide or tall
    node_width: int
    node_height: int
    layer_gap: int  # between layers (columns when wide, rows when tall)
    sibling_gap: int  # between steps of one layer
    line_chars: int  # characters per label line; CJK text is wide
    lines: int
    across: bool  # True: layers are columns (left to right); False: rows (top to bottom)


WIDE = Layout("wide", 168, 46, 56, 18, 11, 2, True)
TALL = Layout("tall", 106, 64, 30, 8, 7, 3, False)


def layers(path: TrainingPath) -> dict[str, int]:
    """Each step's layer: one more than the furthest step it requires (steps form no cycle)."""
    requires = {step.id: [r for r in step.requires] for step in path.steps}
    column: dict[str, int] = {}
    for _ in range(len(requires) + 1):  # longest-path relaxation; converges within len(steps) rounds
        changed = False
        for step_id, needed in requires.items():
            value = 1 + max((column.get(r, 0) for r in needed if r in requires), default=-1)
            if column.get(step_id) != value:
                column[step_id], changed = value, True
        if not changed:
            break
    return column


def _label_lines(title: str, layout: Layout) -> list[str]:
    size = layout.line_chars
    lines = [title[i : i + size] for i in range(0, len(title), size)] or [""]
    if len(lines) > layout.lines:
        lines = lines[: layout.lines]
        lines[-1] = lines[-1][:-1] + "…"
    return lines


def path_diagram(path: TrainingPath, aria_label: str) -> Markup:
    """Both layouts; the page's CSS shows the wide one on wide screens, the tall one on phones."""
    return Markup(_drawing(path, aria_label, WIDE) + _drawing(path, aria_label, TALL))


def _drawing(path: TrainingPath, aria_label: str, layout: Layout) -> str:
    layer = layers(path)
    counts: dict[int, int] = {}
    place: dict[str, tuple[int, int]] = {}
    along = (layout.node_width if layout.across else layout.node_height) + layout.layer_gap
    beside = (layout.node_height if layout.across else layout.node_width) + layout.sibling_gap
    for step in path.steps:
        depth = layer[step.id]
        order = counts.get(depth, 0)
        counts[depth] = order + 1
        a, b = MARGIN + depth * along, MARGIN + order * beside
        place[step.id] = (a, b) if layout.across else (b, a)
    extent_along = MARGIN * 2 + (max(layer.values(), default=0) + 1) * along - layout.layer_gap
    extent_beside = MARGIN * 2 + max(counts.values(), default=1) * beside - layout.sibling_gap
    width, height = (extent_along, extent_beside) if layout.across else (extent_beside, extent_along)
    marker = f"kb-arrow-{layout.name}"
    parts = [
        f'<svg class="kb-path-diagram kb-diagram-{layout.name}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{html_line(aria_label)}">',
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="kb-arrow-head"/></marker></defs>',
    ]
    parts += [
        _edge(place[r], place[step.id], layout, marker) for step in path.steps for r in step.requires if r in place
    ]
    parts += [_node(index, step.title, place[step.id], layout) for index, step in enumerate(path.steps, 1)]
    parts.append("</svg>")
    return "".join(parts)


def _edge(start: tuple[int, int], end: tuple[int, int], layout: Layout, marker: str) -> str:
    w, h = layout.node_width, layout.node_height
    if layout.across:
        x1, y1, x2, y2 = start[0] + w, start[1] + h // 2, end[0], end[1] + h // 2
        middle = (x1 + x2) // 2
        curve = f"M {x1} {y1} C {middle} {y1}, {middle} {y2}, {x2} {y2}"
    else:
        x1, y1, x2, y2 = start[0] + w // 2, start[1] + h, end[0] + w // 2, end[1]
        middle = (y1 + y2) // 2
        curve = f"M {x1} {y1} C {x1} {middle}, {x2} {middle}, {x2} {y2}"
    return f'<path class="kb-edge" d="{curve}" marker-end="url(#{marker})"/>'


def _node(index: int, title: str, at: tuple[int, int], layout: Layout) -> str:
    x, y = at
    lines = _label_lines(f"{index}. {title}", layout)
    first_y = y + layout.node_height // 2 - (len(lines) - 1) * 8 + 5
    text = "".join(
        f'<text x="{x + 8}" y="{first_y + n * 16}" class="kb-node-label">{html_line(line)}</text>'
        for n, line in enumerate(lines)
    )
    return (
        f'<g class="kb-node"><title>{html_line(title)}</title>'
        f'<rect x="{x}" y="{y}" width="{layout.node_width}" height="{layout.node_height}" rx="6"/>{text}</g>'
    )
