"""Generated pages materialised in a cache folder, rewritten only when their content changes.

Unchanged files keep their modification time, so MkDocs' live reload and any other
builder that reads the folder see only what really changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.render import Page


def sync_pages(cache_dir: Path, pages: list[Page]) -> list[str]:
    """Write changed pages, delete pages that are gone; return the paths written."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wanted = {page.src_uri: page.text for page in pages}
    written = []
    for src_uri, text in wanted.items():
        target = cache_dir / src_uri
        encoded = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == encoded:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(encoded)
        os.replace(temporary, target)
        written.append(src_uri)
    for existing in sorted(cache_dir.rglob("*.md")):
        if existing.relative_to(cache_dir).as_posix() not in wanted:
            existing.unlink()
    return written
