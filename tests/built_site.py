"""Every file of a built site as a reader could get it, for tests that look for what must not be
published: Pagefind's gzip files decompressed, and an offline pack's archive (gzip columns of
pages followed by images) as the files it holds rather than as one stream."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from generator.search.packs import read_pack

GZIP = b"\x1f\x8b"


def built_files(site: Path) -> Iterator[tuple[Path, bytes]]:
    """(path, content) of every file; a pack's files under packs/<product>/<url>."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix != ".pack":
            yield path, readable(path.read_bytes())
    for manifest in sorted(site.glob("packs/*.json")):
        if manifest.name != "index.json":
            for url, content in sorted(read_pack(site, manifest.stem).items()):
                yield site / "packs" / manifest.stem / url, readable(content)


def readable(content: bytes) -> bytes:
    return gzip.decompress(content) if content.startswith(GZIP) else content
