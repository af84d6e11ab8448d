"""Offline packs kept between builds, by what they are made of.

Writing a pack reads every one of its pages for the files they show, hashes every file and
compresses the pages' columns: seconds a pack at 10,000 cases, in every build, for packs
that did not change. A pack is made of its plan, its pages' bytes, the bytes of the files
they show or link to and its search bundle; its key is the SHA-256 of the first two (and of
the indexing settings), and what it was written as (its manifest and archive, the files it
took with their hashes, its bundle's name) is kept under `written/<key>/` in the packs'
bundle cache. A build takes a kept pack when its key is there, every file it took still has
the same hash and its bundle is still kept; otherwise it writes the pack and keeps it. What a
build did not use is removed, so the folder holds one build's packs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path, PurePosixPath

from generator.search.files import link_file
from generator.search.packs import PACKS, PackPlan, Stored

FORMAT = 1  # of a kept pack; another format keeps nothing of this one's
WRITTEN = "written"  # the folder of kept packs, beside the bundles (whose names are hex digits)
TOLD = "pack.json"


def pack_key(site_dir: Path, plan: PackPlan, settings: str) -> str:
    """The hash of a pack's plan and its pages' bytes, for the indexing `settings`."""
    made = hashlib.sha256(json.dumps([FORMAT, settings, plan.as_json()], ensure_ascii=False).encode())
    for url in plan.pages:
        page = site_dir / url / "index.html"
        made.update(f"\n{url}\0".encode())
        made.update(page.read_bytes() if page.is_file() else b"\0")
    return made.hexdigest()


def take_kept(site_dir: Path, cache: Path, key: str, output: Path) -> tuple[dict, str | None] | None:
    """The kept pack of `key` linked into `output`, with its summary and bundle name; None when
    none is kept, a file it took changed, or its bundle is gone."""
    folder = cache / WRITTEN / key
    told = _still_good(site_dir, cache, folder)
    if told is None:
        return None
    names = [PurePosixPath(told["summary"][field]).name for field in ("manifest", "archive")]
    try:
        for name in names:
            link_file(folder / name, output / name)
    except OSError:
        for name in names:
            (output / name).unlink(missing_ok=True)
        return None
    return told["summary"], told["shard"]


def _still_good(site_dir: Path, cache: Path, folder: Path) -> dict | None:
    """What a kept pack was written as, if every file it took still has its hash and its
    bundle is kept; None otherwise, or when it is not what keep() writes."""
    try:
        told = json.loads((folder / TOLD).read_text(encoding="utf-8"))
        for url, digest in told["taken"]:
            if not _inside(url) or hashlib.sha256((site_dir / url).read_bytes()).hexdigest() != digest:
                return None
        shard = told["shard"]
        if shard is not None and not (cache / shard).is_dir():
            return None
        if not all(isinstance(told["summary"].get(field), str) for field in ("manifest", "archive")):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return told


def keep(cache: Path, key: str, output: Path, summary: dict, files: list[Stored], shard: str | None) -> None:
    """Keep the pack just written into `output` (its manifest, its archive and what it took),
    whole or not at all."""
    folder = cache / WRITTEN / key
    temporary = folder.with_name(f".{key}.{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    bundle = f"{PACKS}/{summary['product']}/"
    taken = [[file.url, file.digest] for file in files if not file.parts and not file.url.startswith(bundle)]
    told = {"summary": summary, "shard": shard, "taken": taken}
    (temporary / TOLD).write_text(json.dumps(told, ensure_ascii=False), encoding="utf-8")
    for name in (PurePosixPath(summary["manifest"]).name, PurePosixPath(summary["archive"]).name):
        link_file(output / name, temporary / name)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(temporary, folder)


def forget_others(cache: Path, used: set[str]) -> None:
    """Every kept pack this build did not use, and what a stopped build left."""
    written = cache / WRITTEN
    if written.is_dir():
        for entry in written.iterdir():
            if entry.name not in used:
                shutil.rmtree(entry, ignore_errors=True)


def _inside(url: str) -> bool:
    """A site path that stays in the site (the kept file is the build's own, but a path read
    back is not followed out of the site)."""
    path = PurePosixPath(url)
    return bool(url) and not path.is_absolute() and ".." not in path.parts
