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

from dataclasses import dataclass

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
