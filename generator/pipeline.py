"""The first two stages run together: load a data folder and validate it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator.load import load_folder
from generator.load.files import discover
from generator.progress import progress
from generator.validate import Context, validate


@dataclass
class Checked:
    report: Report
    context: Context
    files: int


def check_folder(
    data_dir: Path,
    shown_root: str | None = None,
    today: dt.date | None = None,
    show_progress: bool = True,
    max_mentees: int | None = None,
) -> Checked:
    """Load and validate every record under data_dir."""
    shown = shown_root if shown_root is not None else str(data_dir)
    found = discover(data_dir, shown)
    with progress("Reading records", len(found.sources), enabled=show_progress) as advance:
        loaded = load_folder(data_dir, shown, progress=advance, found=found)
    report, context = validate(loaded, today, {"shown_root": shown, "max_mentees": max_mentees})
    return Checked(report, context, loaded.count() + len(loaded.diagnostics))
