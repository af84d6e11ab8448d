"""A training path's prerequisites as an inline SVG drawn at build time.

No diagram script is loaded by the reader's browser (an intranet site may have no
internet); colours come from CSS classes so both colour schemes read well.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.shapes import TrainingPath

NODE_WIDTH = 168
NODE_HEIGHT = 46
COLUMN_GAP = 56
ROW_GAP = 18
MARGIN = 8
MAX_LABEL = 11  # characters per line; CJK text is wide


def layers(path: TrainingPath) -> dict[str, int]:
    """Each step's column: one more than the furthest step it requires (steps form no cycle)."""
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


def _label_lines(title: str) -> list[str]:
    if len(title) <= MAX_LABEL:
        return [title]
    second = title[MAX_LABEL : 2 * MAX_LABEL]
    return [title[:MAX_LABEL], second + ("…" if len(title) > 2 * MAX_LABEL else "")]


def path_diagram(path: TrainingPath, aria_label: str) -> Markup:
    column = layers(path)
    rows: dict[int, int] = {}
    place: dict[str, tuple[int, int]] = {}
    for step in path.steps:
        col = column[step.id]
        row = rows.get(col, 0)
        rows[col] = row + 1
        place[step.id] = (MARGIN + col * (NODE_WIDTH + COLUMN_GAP), MARGIN + row * (NODE_HEIGHT + ROW_GAP))
    width = MARGIN * 2 + (max(column.values(), default=0) + 1) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP
    height = MARGIN * 2 + max(rows.values(), default=1) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP
    parts = [
        f'<svg class="kb-path-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(aria_label)}">',
        '<defs><marker id="kb-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="kb-arrow-head"/></marker></defs>',
    ]
    parts += [_edge(place[r], place[step.id]) for step in path.steps for r in step.requires if r in place]
    parts += [_node(index, step.id, step.title, place[step.id]) for index, step in enumerate(path.steps, 1)]
    parts.append("</svg>")
    return Markup("".join(parts))


def _edge(start: tuple[int, int], end: tuple[int, int]) -> str:
    x1, y1 = start[0] + NODE_WIDTH, start[1] + NODE_HEIGHT // 2
    x2, y2 = end[0], end[1] + NODE_HEIGHT // 2
    middle = (x1 + x2) // 2
    return (
        f'<path class="kb-edge" d="M {x1} {y1} C {middle} {y1}, {middle} {y2}, {x2} {y2}" marker-end="url(#kb-arrow)"/>'
    )


def _node(index: int, step_id: str, title: str, at: tuple[int, int]) -> str:
    x, y = at
    lines = _label_lines(f"{index}. {title}")
    first_y = y + NODE_HEIGHT // 2 - (len(lines) - 1) * 8 + 5
    text = "".join(
        f'<text x="{x + 10}" y="{first_y + n * 16}" class="kb-node-label">{escape(line)}</text>'
        for n, line in enumerate(lines)
    )
    return (
        f'<a href="#step-{escape(step_id)}"><g class="kb-node"><title>{escape(title)}</title>'
        f'<rect x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="6"/>{text}</g></a>'
    )
