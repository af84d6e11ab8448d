"""The entries of the message catalogue, by area: key -> (Chinese, English).

generator.messages joins them into the one catalogue that diagnostics are rendered
from. Chinese is written for the engineer who keeps the records: short, field names
and values in backticks; English keeps the wording tools and tests know.
"""

from __future__ import annotations

from generator.catalogue import checks, command_line, exports, inputs, loading, qr, runs, shape, sheets, syntax

AREAS: tuple[dict[str, tuple[str, str]], ...] = (
    loading.MESSAGES,
    syntax.MESSAGES,
    shape.MESSAGES,
    checks.MESSAGES,
    runs.MESSAGES,
    sheets.MESSAGES,
    exports.MESSAGES,
    command_line.MESSAGES,
    qr.MESSAGES,
    inputs.MESSAGES,
)
