"""Record pages' HTML kept between builds, by what it is made of.

Writing a record page through the theme's templates is most of what a build spends on it. A
record page's HTML is made of its Markdown (the page cache's file: its front matter and text),
its place (its path, hence its address and, with a site address, its canonical address), its
edit link, and what every page of the site shares: the configuration and the environment
variables it reads, the navigation, the hand-written pages, the settings of the run (its
language, its day), the settings the theme's templates are given, the generator's own files and
every installed package's version. The last group is the site's fingerprint, made once a
build; a page's key is the SHA-256 of the fingerprint and of its own parts, and its HTML is
kept under that key (`.cache/pages-html/`). A build writes through the templates only the
pages whose key it does not find, and copies the others; what it did not use is removed at the
end, so the folder holds one build's pages. tests/publish/test_html_cache.py holds a build with
the cache of the builds before it to the bytes of a clean build, over random edits.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent.parent  # generator/: its code, templates, theme and assets
FORMAT = 1  # of a kept page; another format keeps nothing of this one's


class HtmlCache:
    """The kept pages in `folder`, for builds of the fingerprint given."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, src_uri: str, edit_url: str | None, markdown: bytes) -> str:
        made = hashlib.sha256(f"{FORMAT}\0{self.fingerprint}\0{src_uri}\0{edit_url or ''}\0".encode())
        made.update(markdown)
        return made.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def copy(self, key: str, target: str) -> bool:
        """The kept page of this key copied to `target`; False when none is kept."""
        self.used.add(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(self.path(key), target)
        except FileNotFoundError:
            return False
        return True

    def keep(self, key: str, written: str) -> None:
        """Keep a page just written (its bytes as they are on disk), whole or not at all."""
        kept = self.path(key)
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        shutil.copyfile(written, temporary)
        os.replace(temporary, kept)

    def remove_unused(self, used: Iterable[str]) -> None:
        """Remove every kept page this build did not use (nor temporary files left by a
        build that stopped)."""
        keep = set(used)
        if not self.folder.is_dir():
            return
        for kept in self.folder.glob("*/*"):
            if kept.name not in keep:
                kept.unlink(missing_ok=True)


def fingerprint(shared: dict[str, Any]) -> str:
    """The fingerprint of what every record page shares (`shared`, values JSON can write) with
    the generator's files and the installed packages."""
    made = hashlib.sha256(json.dumps(shared, sort_keys=True, ensure_ascii=False, default=str).encode())
    made.update(_installed().encode())
    return made.hexdigest()


@cache
def _installed() -> str:
    """The digest of the generator's files and of every installed package's name and version:
    the code and templates a page is written with, MkDocs', the theme's and the plugins'."""
    made = hashlib.sha256(sys.version.encode())
    for folder, folders, files in os.walk(PACKAGE):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            made.update(f"\n{os.path.relpath(path, PACKAGE)}\0".encode())
            made.update(Path(path).read_bytes())
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    made.update("\n".join(packages).encode())
    return made.hexdigest()


def folder_digest(folder: Path) -> str:
    """The names and bytes of every file under a folder (the hand-written pages)."""
    made = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                made.update(f"\n{path.relative_to(folder).as_posix()}\0".encode())
                made.update(path.read_bytes())
    return made.hexdigest()
