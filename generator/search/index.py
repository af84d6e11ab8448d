"""The Pagefind index of the built site, written to site/pagefind/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.search.canonical import canonicalise

BUNDLE = "pagefind"
# Not worth finding: permalink signs, panel labels, and lists of other records' titles,
# which would make a case match what only its neighbours are about.
EXCLUDE = [".headerlink", ".kb-panel dt", ".kb-related", ".kb-cited-by", ".kb-similar", ".kb-search-data span"]


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    """Replace any old index with a fresh one of the site's record and hand-written pages.

    The package's command line is used rather than its service API: the command has
    written every file when it exits, which the service does not promise when closed.
    """
    output = site_dir / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the site: {(result.stderr or result.stdout).strip()}")
    canonicalise(output)
