"""Load, validate and render a data folder into pages: what every build needs first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator.model import Dataset, build_dataset
from generator.pipeline import check_folder
from generator.render import Page, render_site


@dataclass
class Prepared:
    report: Report
    files: int
    dataset: Dataset | None = None
    pages: list[Page] | None = None

    @property
    def ok(self) -> bool:
        return self.pages is not None


def prepare(
    data_dir: Path,
    language: str,
    site_name: str,
    today: dt.date | None = None,
    shown_root: str | None = None,
    show_progress: bool = False,
    max_mentees: int | None = None,
) -> Prepared:
    """Pages for a data folder, or the report that says why there are none."""
    checked = check_folder(data_dir, shown_root, today, show_progress, max_mentees)
    if checked.report.errors:
        return Prepared(checked.report, checked.files)
    dataset = build_dataset(checked.context)
    pages = render_site(dataset, language, site_name)
    return Prepared(checked.report, checked.files, dataset, pages)
