"""Generated pages materialised in a cache folder, rewritten only when their content changes.

Unchanged files keep their modification time, so MkDocs' live reload and any other
builder that reads the folder see only what really changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator.render import Page


def write_pages(cache_dir: Path, pages: Iterable[Page]) -> list[str]:
    """Write the pages whose content changed; return their paths."""
    written = []
    for page in pages:
        target = cache_dir / page.src_uri
        encoded = page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == encoded:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(encoded)
        os.replace(temporary, target)
        written.append(page.src_uri)
    return written


def remove_stale(cache_dir: Path, keep: set[str]) -> None:
    """Delete pages of records that are gone."""
    for existing in sorted(cache_dir.rglob("*.md")):
        if existing.relative_to(cache_dir).as_posix() not in keep:
            existing.unlink()
