"""The Pagefind index of the built site, written to site/pagefind/."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

from generator.search.canonical import canonicalise
from generator.search.fields import INDEX_LANGUAGE

BUNDLE = "pagefind"
# Only these folders hold pages marked for the index; skipping the rest saves parsing them.
INDEXED_PAGES = "{cases,people,mentoring,sessions,paths,awards,guide}/**/*.html"
# Every page is indexed by its hidden search block alone (templates/_macros.j2, theme/
# main.html); outside it, Pagefind still reads the h1 as a result's title, without its permalink.
EXCLUDE = [".headerlink"]


class SearchIndexError(RuntimeError):
    pass


class Indexing:
    """A Pagefind run in its own process, so that other work can go on beside it."""

    running: ClassVar[set[subprocess.Popen]] = set()

    def __init__(self, site_dir: Path, output: Path | None = None) -> None:
        self.output = output or site_dir / BUNDLE
        shutil.rmtree(self.output, ignore_errors=True)
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-path",
            str(self.output),
            "--glob",
            INDEXED_PAGES,
            "--force-language",
            INDEX_LANGUAGE,
            "--silent",
        ]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        # The package's command line rather than its service API: the command has written
        # every file when it exits, which the service does not promise when closed.
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        Indexing.running.add(self.process)

    def finish(self) -> None:
        try:
            output, errors = self.process.communicate()
        finally:
            Indexing.running.discard(self.process)
        if self.process.returncode != 0:
            raise SearchIndexError(f"Pagefind could not index the site: {(errors or output).strip()}")
        canonicalise(self.output)


@atexit.register
def _stop_indexing() -> None:
    """An indexer still running when `kb serve` stops has no site left to index."""
    for process in list(Indexing.running):
        process.terminate()
