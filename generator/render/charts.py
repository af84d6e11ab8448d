"""Bar charts drawn at build time as inline SVG, with their numbers as a table.

No chart script is loaded by the reader's browser; colours come from CSS classes so
both colour schemes read well; the table beside each chart carries the same numbers
for screen readers and for people who would rather read than look.

Each chart is drawn twice: wide for a desktop or a projector, and narrow for a phone,
where the wide drawing scaled down would shrink its text to about 6 px. CSS shows one.
The narrow drawing of periods keeps every period (thinner bars, fewer axis labels); the
narrow drawing of categories (skills) lays the bars sideways, so every name stays legible.
A period that has not ended yet (this month, this quarter) is drawn pale and marked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.text import html_line

HEIGHT = 200
MAX_WIDTH = 680  # a wide drawing is at most this wide, and scaled down to the page (CSS)
NARROW_WIDTH = 340  # a phone's column at 390 px: drawn at its own size, text stays 11 px
GROUP_WIDTH = 34  # a group's width while the drawing is under MAX_WIDTH: few groups make a small drawing
BAR_GAP = 1
LEFT = 34
RIGHT = 8
BOTTOM = 36
TOP = 10
TICKS = 4  # at most this many steps above zero on the value axis
ROW_HEIGHT = 10  # a sideways bar's thickness
LEGEND_ROW = 16


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


@dataclass(frozen=True)
class Chart:
    labels: list[str]
    series: list[Series]
    caption: str
    unit: str
    unfinished: str  # the label of a period that has not ended, or ""

    @property
    def top(self) -> int:
        return value_ticks(max((v for s in self.series for v in s.values), default=0))[-1]

    def title(self, index: int, item: Series) -> str:
        value = f"{_number(item.values[index])}{self.unit}"
        return f"<title>{html_line(self.labels[index])} · {html_line(item.name)}: {html_line(value)}</title>"

    def bar_class(self, number: int, index: int) -> str:
        partial = " kb-chart-partial" if self.labels[index] == self.unfinished else ""
        return f"kb-series-{number + 1}{partial}"

    def axis_label(self, label: str) -> str:
        return f"{label}*" if label == self.unfinished else label


def value_ticks(value: float) -> list[int]:
    """Whole-number ticks from 0 past `value`, at most TICKS steps: counts never read 1.5."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if math.ceil(value / candidate) <= TICKS:
            break
    steps = max(1, math.ceil(value / step))
    return [step * n for n in range(steps + 1)]


def bar_chart(
    labels: list[str],
    series: list[Series],
    caption: str,
    unit: str = "",
    data_label: str = "",
    *,
    categories: bool = False,
    unfinished: str = "",
    unfinished_note: str = "",
) -> Markup:
    """Grouped bars, one group per label (every label of the series, however many), drawn
    wide and narrow, then the same numbers as a table.

    `categories`: the labels are names (skills), not periods in order. `unfinished`: the label
    of a period still running, with `unfinished_note` saying so under the chart and in the table.
    """
    chart = Chart(labels, series, caption, unit, unfinished if unfinished in labels else "")
    narrow = _sideways(chart) if categories else _upright(chart, NARROW_WIDTH, "kb-chart-narrow")
    note = (
        f'<span class="kb-chart-note">* {html_line(unfinished_note)}</span>'
        if chart.unfinished and unfinished_note
        else ""
    )
    figure = (
        f'<figure class="kb-chart-figure">{_upright(chart, MAX_WIDTH, "kb-chart-wide")}{narrow}'
        f"<figcaption>{html_line(caption)}{note}</figcaption></figure>"
    )
    return Markup(figure + _table(chart, data_label or caption))


def _svg(chart: Chart, width: float, height: float, kind: str, body: list[str]) -> str:
    return (
        f'<svg class="kb-chart {kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" aria-label="{html_line(chart.caption)}" '
        f'data-groups="{len(chart.labels)}">{"".join(body)}</svg>'
    )


def _upright(chart: Chart, max_width: int, kind: str) -> str:
    """Vertical bars, periods left to right; axis labels thinned so they do not overlap."""
    count = max(len(chart.labels), 1)
    width = min(max_width, LEFT + RIGHT + max(count * GROUP_WIDTH, 280))
    group = (width - LEFT - RIGHT) / count
    many = max(len(chart.series), 1)
    bar = max(1.0, min(28.0, (group * 0.8 - BAR_GAP * (many - 1)) / many))
    label_width = max((_text_width(chart.axis_label(label)) for label in chart.labels), default=0) + 8
    label_every = max(1, math.ceil(label_width / group))
    places = _legend_places(chart, LEFT, width)
    plot = HEIGHT - BOTTOM - TOP
    body = _value_axis(chart, width, plot)
    for index, label in enumerate(chart.labels):
        x0 = LEFT + index * group + (group - bar * many - BAR_GAP * (many - 1)) / 2
        body.append('<g class="kb-chart-group">')
        for number, item in enumerate(chart.series):
            height = plot * item.values[index] / chart.top
            body.append(
                f'<rect class="{chart.bar_class(number, index)}" x="{x0 + number * (bar + BAR_GAP):.1f}" '
                f'y="{TOP + plot - height:.1f}" width="{bar:.1f}" height="{height:.1f}">{chart.title(index, item)}</rect>'
            )
        body.append("</g>")
        if index % label_every == 0 or label == chart.unfinished:
            body.append(
                _text(LEFT + index * group + group / 2, HEIGHT - BOTTOM + 14, chart.axis_label(label), "middle")
            )
    body += _legend(chart, places, HEIGHT - 12)
    return _svg(chart, width, HEIGHT + _legend_height(places) - LEGEND_ROW, kind, body)


def _value_axis(chart: Chart, width: float, plot: float) -> list[str]:
    parts = []
    for tick in value_ticks(chart.top):
        y = TOP + plot - plot * tick / chart.top
        parts.append(f'<line class="kb-chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}"/>')
        parts.append(_text(LEFT - 4, y + 4, str(tick), "end"))
    return parts


def _sideways(chart: Chart) -> str:
    """Horizontal bars, one row of bars per category, its name on the left: for a phone."""
    name_width = min(max((_text_width(label) for label in chart.labels), default=0) + 6, NARROW_WIDTH // 2)
    left, right = name_width, NARROW_WIDTH - RIGHT - 24  # room for the value after the longest bar
    many = max(len(chart.series), 1)
    row = many * ROW_HEIGHT + 8
    body = []
    for index, label in enumerate(chart.labels):
        y = TOP + index * row
        body.append('<g class="kb-chart-group">')
        for number, item in enumerate(chart.series):
            length = (right - left) * item.values[index] / chart.top
            top = y + number * ROW_HEIGHT
            body.append(
                f'<rect class="{chart.bar_class(number, index)}" x="{left}" y="{top}" width="{length:.1f}" '
                f'height="{ROW_HEIGHT - 1}">{chart.title(index, item)}</rect>'
            )
            body.append(_text(left + length + 3, top + ROW_HEIGHT - 1, _number(item.values[index]), "start"))
        body.append("</g>")
        body.append(_text(left - 4, y + many * ROW_HEIGHT / 2 + 4, label, "end"))
    places = _legend_places(chart, 4, NARROW_WIDTH)
    plot_height = TOP + len(chart.labels) * row
    body += _legend(chart, places, plot_height + 4)
    return _svg(chart, NARROW_WIDTH, plot_height + 4 + _legend_height(places), "kb-chart-narrow", body)


def _legend_places(chart: Chart, left: float, width: float) -> list[tuple[float, float]]:
    """Where each series' swatch goes (x, row offset), wrapped to the drawing's width."""
    places, x, y = [], left, 0.0
    for item in chart.series:
        needed = 24 + _text_width(item.name)
        if x > left and x + needed > width:
            x, y = left, y + LEGEND_ROW
        places.append((x, y))
        x += needed
    return places


def _legend(chart: Chart, places: list[tuple[float, float]], top: float) -> list[str]:
    parts = []
    for number, (item, (x, dy)) in enumerate(zip(chart.series, places, strict=True)):
        parts.append(f'<rect class="kb-series-{number + 1}" x="{x:g}" y="{top + dy:g}" width="10" height="10"/>')
        parts.append(_text(x + 14, top + dy + 9, item.name, "start"))
    return parts


def _legend_height(places: list[tuple[float, float]]) -> float:
    return max((dy for _, dy in places), default=0.0) + LEGEND_ROW


def _text(x: float, y: float, words: str, anchor: str) -> str:
    return f'<text class="kb-chart-axis" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{html_line(words)}</text>'


def _text_width(text: str) -> int:
    """Rough width in pixels at the axis font size: CJK characters are twice as wide."""
    return sum(11 if ord(ch) > 0x2E80 else 6 for ch in text)


def _table(chart: Chart, summary: str) -> str:
    head = "".join(f"<th>{html_line(s.name)}</th>" for s in chart.series)
    rows = "".join(
        f"<tr><td>{html_line(chart.axis_label(label))}</td>"
        + "".join(f"<td>{_number(s.values[i])}</td>" for s in chart.series)
        + "</tr>"
        for i, label in enumerate(chart.labels)
    )
    return (
        f'<details class="kb-chart-data"><summary>{html_line(summary)}</summary><div class="kb-scroll kb-chart-table">'
        f"<table><caption>{html_line(chart.caption)}</caption><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table></div></details>"
    )


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
