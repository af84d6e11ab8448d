"""The parts of a build (`kb build --shard I/N`), made on as many machines, merged into one site.

A part holds every shared page (index pages, hand-written pages, theme, feeds, exports),
the record pages it owns, and the search bundles of what it indexed; `kb-part.json`
says which part it is, which record pages are its own, and a digest of its shared files.
Parts built from the same records and settings have the same digest, so merging takes
the shared files of the first part, the own pages of each, and every part's search
bundles in part order (pagefind/shards.json), writes the offline packs (which need every
page: each part names them in `kb-part.json`), checks the links of the whole, and swaps
it in as `kb build` does: a failed merge leaves the previous site as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.guard import new_aside, one_build_at_a_time, real_site_dir, remove_leftovers, swap_in
from generator.check.links import Problem, check_site
from generator.messages import text
from generator.search.index import (
    BUNDLE,
    MAX_PARALLEL,
    PackRequest,
    index_packs,
    link_file,
    link_tree,
    read_manifest,
    write_manifest,
)
from generator.search.packs import PACKS, PackPlan
from generator.settings import Part

PART_FILE = "kb-part.json"


class MergeProblem(Exception):
    """Parts that cannot make one site; the message is in the catalogue's words."""


@dataclass
class MergeResult:
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    site_dir: Path | None = None
    pages: int = 0  # record pages merged
    parts: int = 0
    seconds: float = 0.0
    language: str = "zh"  # of the site, for what `kb build --merge` prints

    @property
    def ok(self) -> bool:
        return not self.error and not self.problems


@dataclass(frozen=True)
class BuiltPart:
    folder: Path
    part: Part
    pages: tuple[str, ...]  # its own record pages, relative to the folder
    shared: str  # digest of every other file but the search bundles
    packs: tuple[PackPlan, ...] = ()  # the offline packs of the whole site


# writing a part ----------------------------------------------------------------


def write_part_file(site_dir: Path, part: Part, own_pages: list[str], packs: list[PackPlan]) -> None:
    own = sorted(own_pages)
    described = {
        "part": part.number,
        "of": part.count,
        "shared": shared_digest(site_dir, set(own)),
        "pages": own,
        "packs": [plan.as_json() for plan in packs],
    }
    text_ = json.dumps(described, ensure_ascii=False, indent=1) + "\n"
    (site_dir / PART_FILE).write_text(text_, encoding="utf-8")


def shared_digest(site_dir: Path, own: set[str]) -> str:
    """A digest of the files that every part builds alike: paths and contents."""
    digest = hashlib.sha256()
    for path in _shared_files(site_dir, own):
        digest.update(f"{path}\0{_file_digest(site_dir / path)}\n".encode())
    return digest.hexdigest()


def _shared_files(site_dir: Path, own: set[str]) -> list[str]:
    found = []
    for folder, folders, files in os.walk(site_dir):
        relative = Path(folder).relative_to(site_dir).as_posix()
        if relative == ".":
            folders[:] = [name for name in folders if name != BUNDLE]
        for name in files:
            path = name if relative == "." else f"{relative}/{name}"
            if path not in own and path != PART_FILE:
                found.append(path)
    return sorted(found)


def _file_digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


# merging -----------------------------------------------------------------------


def read_parts(folders: list[Path]) -> list[BuiltPart]:
    """The parts in those folders, in part order, once each checked to make one site."""
    parts = [_read_part(folder) for folder in folders]
    counts = sorted({built.part.count for built in parts})
    if len(counts) > 1:
        raise MergeProblem(text("merge-mixed-counts", counts=", ".join(map(str, counts))))
    count = counts[0]
    numbers = [built.part.number for built in parts]
    twice = sorted({number for number in numbers if numbers.count(number) > 1})
    if twice:
        raise MergeProblem(text("merge-part-twice", parts=", ".join(f"{n}/{count}" for n in twice)))
    missing = [number for number in range(1, count + 1) if number not in numbers]
    if missing:
        raise MergeProblem(text("merge-parts-missing", parts=", ".join(f"{n}/{count}" for n in missing)))
    parts.sort(key=lambda built: built.part.number)
    different = [built for built in parts if built.shared != parts[0].shared]
    if different:
        raise MergeProblem(text("merge-different-builds", folder=different[0].folder, first=parts[0].folder))
    return parts


def _read_part(folder: Path) -> BuiltPart:
    try:
        described = json.loads((folder / PART_FILE).read_text(encoding="utf-8"))
        part = Part(int(described["part"]), int(described["of"]))
        pages = tuple(str(page) for page in described["pages"])
        shared = str(described["shared"])
        packs = tuple(PackPlan.from_json(plan) for plan in described.get("packs", []))
    except (OSError, ValueError, KeyError, TypeError):
        raise MergeProblem(text("merge-not-a-part", folder=folder, file=PART_FILE)) from None
    return BuiltPart(folder, part, pages, shared, packs)


def merge(parts: list[BuiltPart], target: Path, base_path: str, say, language: str) -> MergeResult:
    """Make the site from the parts aside, check its links, then swap it in."""
    started = time.monotonic()
    result = MergeResult(site_dir=target, parts=len(parts), language=language)
    target = real_site_dir(target)
    with one_build_at_a_time([target], say, language):
        remove_leftovers(target)
        aside = new_aside(target)
        try:
            result.pages = _assemble(parts, aside)
            _write_packs(parts[0], aside)
            say(text("merge-checking-links", pages=result.pages).render(language))
            result.problems = check_site(aside, external=False, base_path=base_path)
            if result.problems:
                shutil.rmtree(aside, ignore_errors=True)
            else:
                swap_in(aside, target)
        except BaseException:
            shutil.rmtree(aside, ignore_errors=True)
            raise
    result.seconds = time.monotonic() - started
    return result


def _write_packs(first: BuiltPart, aside: Path) -> None:
    """The offline packs of the merged site, as a build in one piece writes them."""
    if not first.packs:
        return
    with tempfile.TemporaryDirectory(prefix="kb-packs-") as cache:
        request = PackRequest(list(first.packs), aside / PACKS, Path(cache))
        index_packs(aside, request, min(os.cpu_count() or 1, MAX_PARALLEL))


def _assemble(parts: list[BuiltPart], aside: Path) -> int:
    """Link (or copy) the parts' files into `aside`; the number of record pages."""
    first = parts[0]
    for path in _shared_files(first.folder, set(first.pages)):
        link_file(first.folder / path, aside / path)
    shards = []
    for built in parts:
        for page in built.pages:
            source = built.folder / page
            if not source.is_file():
                raise MergeProblem(text("merge-page-missing", folder=built.folder, page=page))
            link_file(source, aside / page)
        bundle = built.folder / BUNDLE
        try:
            listed = read_manifest(bundle)
        except (OSError, ValueError, KeyError):
            raise MergeProblem(text("merge-no-search-index", folder=built.folder)) from None
        for shard in listed:
            link_tree(bundle / shard["name"], aside / BUNDLE / shard["name"])
            shards.append(shard)
    (aside / BUNDLE).mkdir(exist_ok=True)
    write_manifest(aside / BUNDLE, shards)
    return sum(len(built.pages) for built in parts)
