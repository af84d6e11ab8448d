"""Bar charts drawn at build time as inline SVG, with their numbers as a table.

No chart script is loaded by the reader's browser; colours come from CSS classes so
both colour schemes read well; the table beside each chart carries the same numbers
for screen readers and for people who would rather read than look.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

HEIGHT = 180
BAR_GAP = 2
GROUP_GAP = 6
LEFT = 34
BOTTOM = 34
TOP = 10


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


def _nice_maximum(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * (int(value // step) + (value % step > 0))
    return value


def bar_chart(labels: list[str], series: list[Series], caption: str, unit: str = "", data_label: str = "") -> Markup:
    """Grouped vertical bars, one group per label, then the same numbers as a table."""
    count = max(len(labels), 1)
    per_group = len(series)
    bar = max(8, min(28, 640 // (count * per_group + 1)))
    group = per_group * (bar + BAR_GAP) + GROUP_GAP
    label_width = max((_text_width(label) for label in labels), default=0) + 6
    label_every = max(1, math.ceil(label_width / group))
    width = LEFT + count * group + max(label_width - group, 0) + 10
    top_value = _nice_maximum(max((v for s in series for v in s.values), default=0))
    plot = HEIGHT - BOTTOM - TOP
    parts = [
        f'<svg class="kb-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" width="{width}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(caption)}">'
    ]
    for fraction in (0, 0.5, 1):
        y = TOP + plot - plot * fraction
        parts.append(f'<line class="kb-chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{width - 6}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="kb-chart-axis" x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{_number(top_value * fraction)}</text>'
        )
    for index, label in enumerate(labels):
        x0 = LEFT + index * group + GROUP_GAP // 2
        for number, item in enumerate(series):
            value = item.values[index]
            height = plot * value / top_value if top_value else 0
            x = x0 + number * (bar + BAR_GAP)
            parts.append(
                f'<rect class="kb-series-{number + 1}" x="{x}" y="{TOP + plot - height:.1f}" width="{bar}" height="{height:.1f}">'
                f"<title>{escape(label)} · {escape(item.name)}: {_number(value)}{escape(unit)}</title></rect>"
            )
        if index % label_every == 0:
            parts.append(f'<text class="kb-chart-axis" x="{x0}" y="{HEIGHT - BOTTOM + 14}">{escape(label)}</text>')
    legend_x = LEFT
    for number, item in enumerate(series):
        parts.append(f'<rect class="kb-series-{number + 1}" x="{legend_x}" y="{HEIGHT - 12}" width="10" height="10"/>')
        parts.append(f'<text class="kb-chart-axis" x="{legend_x + 14}" y="{HEIGHT - 3}">{escape(item.name)}</text>')
        legend_x += 24 + _text_width(item.name)
    parts.append("</svg>")
    figure = f'<figure class="kb-chart-figure">{"".join(parts)}<figcaption>{escape(caption)}</figcaption></figure>'
    return Markup(figure + _table(labels, series, caption, data_label or caption))


def _text_width(text: str) -> int:
    """Rough width in pixels at the axis font size: CJK characters are twice as wide."""
    return sum(11 if ord(ch) > 0x2E80 else 6 for ch in text)


def _table(labels: list[str], series: list[Series], caption: str, summary: str) -> str:
    head = "".join(f"<th>{escape(s.name)}</th>" for s in series)
    rows = "".join(
        f"<tr><td>{escape(label)}</td>" + "".join(f"<td>{_number(s.values[i])}</td>" for s in series) + "</tr>"
        for i, label in enumerate(labels)
    )
    return (
        f'<details class="kb-chart-data"><summary>{escape(summary)}</summary><div class="kb-scroll kb-chart-table">'
        f"<table><caption>{escape(caption)}</caption><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table></div></details>"
    )


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
