"""The figures a team's goals are set on, as the site defines them: each one's key, unit,
which way is better, and the range a target must lie in.

Their names and definitions in both languages are the catalogue's (`figure-<key>`,
`figure-<key>-definition`, generator/catalogue/figures.py); the one function that computes
each, for a team or the whole organisation over a period, is generator/figures.py's, which the
goal pages, the knowledge-health page and the training figures all read. The definitions sit
below the kinds so that a goal's targets can be checked against them before any figure is
computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.messages import words

# The largest target a unit allows: a share is written in percent (`target: 60` is 60 %).
HIGHEST = {"percent": 100, "count": 100_000, "days": 3650, "hours": 2000}


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    unit: str  # percent, count, days or hours
    better: str  # "higher" or "lower": which way a figure is better

    @property
    def highest(self) -> int:
        return HIGHEST[self.unit]

    def holds(self, target: float) -> bool:
        """Whether `target` is a value this figure can take."""
        return 0 <= target <= self.highest

    def met(self, actual: float, target: float) -> bool:
        return actual >= target if self.better == "higher" else actual <= target


DEFINITIONS: tuple[FigureDefinition, ...] = (
    FigureDefinition("link_rate", "percent", "higher"),
    FigureDefinition("reuse_rate", "percent", "higher"),
    FigureDefinition("cases_written", "count", "higher"),
    FigureDefinition("cases_validated", "count", "higher"),
    FigureDefinition("days_to_validation", "days", "lower"),
    FigureDefinition("participation", "percent", "higher"),
    FigureDefinition("training_hours_per_person", "hours", "higher"),
    FigureDefinition("sessions_held", "count", "higher"),
    FigureDefinition("active_pairs", "count", "higher"),
    FigureDefinition("second_teacher", "percent", "higher"),
)
DEFINITION = {definition.key: definition for definition in DEFINITIONS}
FIGURE_KEYS: tuple[str, ...] = tuple(DEFINITION)


def rounded(key: str, value: float) -> float:
    """The value as pages show it: a share in whole percent (halves up), hours to one decimal,
    days to a half day, counts whole. A target is met or not as it is shown."""
    unit = DEFINITION[key].unit
    if unit == "percent":
        return float(math.floor(value + 0.5))
    if unit == "hours":
        return math.floor(value * 10 + 0.5) / 10
    if unit == "days":
        return math.floor(value * 2 + 0.5) / 2
    return float(math.floor(value + 0.5))


def shown(key: str, value: float | None, language: str) -> str:
    """A value or target of figure `key` as every page writes it: `63%`, `4.5 天`, `12`; `—` for none."""
    if value is None:
        return "—"
    number = rounded(key, value)
    written = f"{number:g}" if number != int(number) else str(int(number))
    unit = DEFINITION[key].unit
    return written if unit == "count" else written + words(f"figure-unit-{unit}", language)
