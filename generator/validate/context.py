"""What every check sees: the parsed records of the run (see generator.records)."""

from __future__ import annotations

from generator.records import TAXONOMY_KINDS, Context, Record

__all__ = ["TAXONOMY_KINDS", "Context", "Record"]
