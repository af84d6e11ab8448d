"""Bar charts drawn at build time as inline SVG, with their numbers as a table.

No chart script is loaded by the reader's browser; colours come from CSS classes so
both colour schemes read well; the table beside each chart carries the same numbers
for screen readers and for people who would rather read than look.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.text import html_line

HEIGHT = 200
MAX_WIDTH = 680  # a drawing is at most this wide, and scaled down to the page (CSS): every period stays in view
GROUP_WIDTH = 34  # a group's width while the drawing is under MAX_WIDTH: few groups make a small drawing
BAR_GAP = 1
LEFT = 34
RIGHT = 8
BOTTOM = 36
TOP = 10
TICKS = 4  # at most this many steps above zero on the value axis


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


def value_ticks(value: float) -> list[int]:
    """Whole-number ticks from 0 past `value`, at most TICKS steps: counts never read 1.5."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if math.ceil(value / candidate) <= TICKS:
            break
    steps = max(1, math.ceil(value / step))
    return [step * n for n in range(steps + 1)]


def bar_chart(labels: list[str], series: list[Series], caption: str, unit: str = "", data_label: str = "") -> Markup:
    """Grouped vertical bars, one group per label (every label of the series, however many),
    axis labels thinned so they do not overlap, then the same numbers as a table."""
    count = max(len(labels), 1)
    width = min(MAX_WIDTH, LEFT + RIGHT + max(count * GROUP_WIDTH, 280))
    plot_width = width - LEFT - RIGHT
    group = plot_width / count
    bar = max(1.0, min(28.0, (group * 0.8 - BAR_GAP * (len(series) - 1)) / max(len(series), 1)))
    label_width = max((_text_width(label) for label in labels), default=0) + 8
    label_every = max(1, math.ceil(label_width / group))
    ticks = value_ticks(max((v for s in series for v in s.values), default=0))
    top_value = ticks[-1]
    plot = HEIGHT - BOTTOM - TOP
    parts = [
        f'<svg class="kb-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" width="{width}" '
        f'height="{HEIGHT}" role="img" aria-label="{html_line(caption)}" data-groups="{len(labels)}">'
    ]
    for tick in ticks:
        y = TOP + plot - plot * tick / top_value
        parts.append(f'<line class="kb-chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}"/>')
        parts.append(f'<text class="kb-chart-axis" x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for index, label in enumerate(labels):
        x0 = LEFT + index * group + (group - bar * len(series) - BAR_GAP * (len(series) - 1)) / 2
        parts.append('<g class="kb-chart-group">')
        for number, item in enumerate(series):
            value = item.values[index]
            height = plot * value / top_value
            x = x0 + number * (bar + BAR_GAP)
            parts.append(
                f'<rect class="kb-series-{number + 1}" x="{x:.1f}" y="{TOP + plot - height:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}"><title>{html_line(label)} · {html_line(item.name)}: {_number(value)}{html_line(unit)}'
                "</title></rect>"
            )
        parts.append("</g>")
        if index % label_every == 0:
            x_label = LEFT + index * group + group / 2
            parts.append(
                f'<text class="kb-chart-axis" x="{x_label:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">'
                f"{html_line(label)}</text>"
            )
    legend_x = LEFT
    for number, item in enumerate(series):
        parts.append(f'<rect class="kb-series-{number + 1}" x="{legend_x}" y="{HEIGHT - 12}" width="10" height="10"/>')
        parts.append(f'<text class="kb-chart-axis" x="{legend_x + 14}" y="{HEIGHT - 3}">{html_line(item.name)}</text>')
        legend_x += 24 + _text_width(item.name)
    parts.append("</svg>")
    figure = f'<figure class="kb-chart-figure">{"".join(parts)}<figcaption>{html_line(caption)}</figcaption></figure>'
    return Markup(figure + _table(labels, series, caption, data_label or caption))


def _text_width(text: str) -> int:
    """Rough width in pixels at the axis font size: CJK characters are twice as wide."""
    return sum(11 if ord(ch) > 0x2E80 else 6 for ch in text)


def _table(labels: list[str], series: list[Series], caption: str, summary: str) -> str:
    head = "".join(f"<th>{html_line(s.name)}</th>" for s in series)
    rows = "".join(
        f"<tr><td>{html_line(label)}</td>" + "".join(f"<td>{_number(s.values[i])}</td>" for s in series) + "</tr>"
        for i, label in enumerate(labels)
    )
    return (
        f'<details class="kb-chart-data"><summary>{html_line(summary)}</summary><div class="kb-scroll kb-chart-table">'
        f"<table><caption>{html_line(caption)}</caption><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table></div></details>"
    )


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
