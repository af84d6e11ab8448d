"""The parts of a build (`kb build --shard I/N`), made on as many machines, merged into one site.

A part holds every shared page (index pages, hand-written pages, theme, feeds, exports),
the record pages it owns, and the search bundles of what it indexed; `kb-part.json`
says which part it is, which record pages are its own, a digest of its shared files and a
digest of the data it was built from (data_digest). Parts built from the same records and
settings have the same digests, so merging takes the shared files of the first part, the
own pages of each, and every part's search bundles in part order (pagefind/shards.json),
writes the offline packs (which need every page: each part names them in `kb-part.json`),
checks the links of the whole, and swaps it in as `kb build` does: a failed merge leaves
the previous site as it was.

A part is untrusted (generator/publish/parts.py reads it): the merge recomputes its shared
digest, links only files the walk of the part saw, and checks that every file it writes
resolves inside the new site's folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.check.links import Problem, check_site
from generator.history import History
from generator.load.files import discover
from generator.messages import text
from generator.publish.guard import new_aside, one_build_at_a_time, real_site_dir, remove_leftovers, swap_in
from generator.publish.parts import (
    PART_FILE,
    MergeProblem,
    PartTree,
    listing,
    plain_path,
    read_part_file,
    read_shards,
    shared_digest,
    shared_files,
    shown,
    walk_part,
)
from generator.search.files import copy_into_new
from generator.search.index import (
    BUNDLE,
    MANIFEST,
    MAX_PARALLEL,
    PackRequest,
    index_packs,
    write_manifest,
)
from generator.search.packs import PACKS, PackPlan
from generator.settings import Part, Settings

__all__ = ["PART_FILE", "MergeProblem", "MergeResult", "data_digest", "merge", "read_parts", "write_part_file"]

DATA_FORMAT = "1"  # of data_digest: a change makes parts of older builds differ from newer ones


@dataclass
class MergeResult:
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    site_dir: Path | None = None
    pages: int = 0  # record pages merged
    parts: int = 0
    seconds: float = 0.0
    language: str = field(kw_only=True)  # of the site, for what `kb build --merge` prints

    @property
    def ok(self) -> bool:
        return not self.error and not self.problems


@dataclass(frozen=True)
class BuiltPart:
    tree: PartTree  # every file of the part, as walked
    part: Part
    pages: tuple[str, ...]  # its own record pages, relative to the folder
    shared: str  # the digest of its shared files kb-part.json declares
    data: str  # the digest of the data it was built from (data_digest)
    shards: tuple[dict, ...]  # its search bundles, as pagefind/shards.json lists them
    packs: tuple[PackPlan, ...] = ()  # the offline packs of the whole site, as kb-part.json names them

    @property
    def folder(self) -> Path:
        return self.tree.root


# writing a part ----------------------------------------------------------------


def write_part_file(site_dir: Path, part: Part, own_pages: list[str], data: str, packs: list[PackPlan]) -> None:
    own = sorted(own_pages)
    shared = shared_digest(walk_part(site_dir), set(own))
    described = {
        "part": part.number,
        "of": part.count,
        "data": data,
        "shared": shared,
        "pages": own,
        "packs": [plan.as_json() for plan in packs],
    }
    text_ = json.dumps(described, ensure_ascii=False, indent=1) + "\n"
    (site_dir / PART_FILE).write_text(text_, encoding="utf-8")


def data_digest(settings: Settings, history: History) -> str:
    """A digest of the data set a build is made from, the same for the same inputs on any
    machine: the settings that shape the pages (_shaping_settings), the path under the data
    folder and the bytes of every record file, ticket export and attachment there, and the
    records' history from git (who created and changed each file, when, how often).

    Absolute paths, the page cache and the site folder are not in it; the rest of
    mkdocs.yml (theme, navigation, hand-written pages) shows in the shared pages, which
    the shared digest compares.
    """
    digest = hashlib.sha256(_shaping_settings(settings) + b"\n")
    found = discover(settings.data_dir, settings.shown)
    files = {source.path.relative_to(settings.data_dir).as_posix(): source.path for source in found.sources}
    files |= {source.path.relative_to(settings.data_dir).as_posix(): source.path for source in found.tickets}
    files |= found.attachments
    for relative, path in sorted(files.items()):
        with path.open("rb") as file:
            digest.update(_line("file", relative, hashlib.file_digest(file, "sha256").hexdigest()))
    digest.update(_line("history", history.prefix))
    for relative, each in sorted(history.files.items()):
        digest.update(_line(relative, json.dumps(dataclasses.asdict(each), default=str, sort_keys=True)))
    return digest.hexdigest()


def _line(*values: str) -> bytes:
    """One line of the digest's input; names from a file system or git may hold any bytes
    (surrogates here), which go in as they were."""
    return ("\0".join(values) + "\n").encode("utf-8", "surrogateescape")


def _shaping_settings(settings: Settings) -> bytes:
    """The settings that change what is built, as canonical JSON (not the folders, the
    progress display or which part is built)."""
    shaping = {
        "format": DATA_FORMAT,
        "language": settings.language,
        "today": settings.today.isoformat(),
        "site_name": settings.site_name,
        "site_url": settings.site_url,
        "repository": dataclasses.asdict(settings.repository),
        "show_ticket_ids": settings.show_ticket_ids,
        "max_mentees": settings.max_mentees,
        "skip": sorted(settings.skip),
        "search_shard_pages": settings.search_shard_pages,
    }
    return json.dumps(shaping, ensure_ascii=False, sort_keys=True).encode()


# reading the parts ---------------------------------------------------------------


def read_parts(folders: list[Path]) -> list[BuiltPart]:
    """The parts in those folders, in part order, once each checked to make one site."""
    parts = _in_order([_read_part(folder) for folder in folders])
    first = parts[0]
    for built in parts[1:]:
        if built.data != first.data:
            raise MergeProblem(text("merge-different-data", folder=built.folder, first=first.folder))
    _check_shared(parts)
    _check_shard_names(parts)
    different = next((built for built in parts[1:] if built.packs != first.packs), None)
    if different is not None:
        raise MergeProblem(text("merge-different-builds", folder=different.folder, first=first.folder))
    return parts


def _read_part(folder: Path) -> BuiltPart:
    tree = walk_part(folder)
    described = read_part_file(tree)
    shards = read_shards(tree)
    return BuiltPart(tree, described.part, described.pages, described.shared, described.data, shards, described.packs)


def _in_order(parts: list[BuiltPart]) -> list[BuiltPart]:
    """The parts sorted by number, once each of one build is there exactly once."""
    counts = sorted({built.part.count for built in parts})
    if len(counts) > 1:
        raise MergeProblem(text("merge-mixed-counts", counts=", ".join(map(str, counts))))
    count = counts[0]
    numbers = [built.part.number for built in parts]
    twice = sorted({number for number in numbers if numbers.count(number) > 1})
    if twice:
        raise MergeProblem(text("merge-part-twice", parts=listing(twice, count)))
    missing = sorted(set(range(1, count + 1)) - set(numbers))
    if missing:
        raise MergeProblem(text("merge-parts-missing", parts=listing(missing, count)))
    return sorted(parts, key=lambda built: built.part.number)


def _check_shared(parts: list[BuiltPart]) -> None:
    """Each part's shared digest as its files give it, not as it says; no part's own page
    among the shared files (which the merge takes from the first part, so that a page there
    would replace another's); and the same shared files in every part."""
    recomputed = []
    for built in parts:
        digest = shared_digest(built.tree, set(built.pages))
        if digest != built.shared:
            raise MergeProblem(text("merge-shared-forged", folder=built.folder, file=PART_FILE))
        recomputed.append(digest)
    first = parts[0]
    shared = set(shared_files(first.tree, set(first.pages)))
    for built in parts[1:]:
        clash = next((page for page in built.pages if page in shared), None)
        if clash is not None:
            raise MergeProblem(
                text("merge-page-also-shared", folder=built.folder, page=shown(clash), first=first.folder)
            )
    different = [built for built, digest in zip(parts, recomputed, strict=True) if digest != recomputed[0]]
    if different:
        raise MergeProblem(text("merge-different-builds", folder=different[0].folder, first=first.folder))


def _check_shard_names(parts: list[BuiltPart]) -> None:
    """A shard name once in the whole site: a second would write into the first's folder."""
    seen: dict[str, Path] = {}
    for built in parts:
        for shard in built.shards:
            other = seen.get(shard["name"])
            if other is not None:
                raise MergeProblem(text("merge-shard-twice", name=shard["name"], folder=built.folder, other=other))
            seen[shard["name"]] = built.folder


# merging -----------------------------------------------------------------------


def merge(parts: list[BuiltPart], target: Path, base_path: str, say, language: str) -> MergeResult:
    """Make the site from the parts aside, check its links, then swap it in."""
    started = time.monotonic()
    result = MergeResult(site_dir=target, parts=len(parts), language=language)
    target = real_site_dir(target)
    with one_build_at_a_time([target], say, language):
        remove_leftovers(target)
        aside = new_aside(target)
        try:
            result.pages = _assemble(parts, SiteWriter(aside))
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
    """The offline packs of the merged site, as a build in one piece writes them, from the
    merged site's own files (the plans' pages were checked as plain paths when read)."""
    if not first.packs:
        return
    with tempfile.TemporaryDirectory(prefix="kb-packs-") as cache:
        request = PackRequest(list(first.packs), aside / PACKS, Path(cache))
        index_packs(aside, request, min(os.cpu_count() or 1, MAX_PARALLEL))


def _assemble(parts: list[BuiltPart], site: SiteWriter) -> int:
    """Link (or copy) the parts' files into the new site; the number of record pages."""
    first = parts[0]
    for path in shared_files(first.tree, set(first.pages)):
        site.link(first.tree, path)
    shards = []
    for built in parts:
        for page in built.pages:
            site.link(built.tree, page)
        for shard in built.shards:
            folder = f"{BUNDLE}/{shard['name']}/"
            for path in sorted(path for path in built.tree.files if path.startswith(folder)):
                site.link(built.tree, path)
            shards.append(shard)
    write_manifest(site.folder_of(f"{BUNDLE}/{MANIFEST}"), shards)
    return sum(len(built.pages) for built in parts)


class SiteWriter:
    """Writes the new site's files, each only where its resolved path stays inside the
    site's folder, each a new file: nothing is written through a link, or twice."""

    def __init__(self, folder: Path) -> None:
        self.root = os.path.realpath(folder)
        self.checked = {self.root}  # folders made here and found inside

    def folder_of(self, relative: str) -> Path:
        """The folder that the file `relative` goes in, made, once it is known to be inside."""
        if not plain_path(relative):
            raise MergeProblem(text("merge-outside-site", path=shown(relative), site=self.root))
        parent = os.path.dirname(os.path.join(self.root, relative))
        if parent not in self.checked:
            self._inside(parent, relative)  # before making it: a link on the way is not followed
            os.makedirs(parent, exist_ok=True)
            self._inside(parent, relative)
            self.checked.add(parent)
        return Path(parent)

    def _inside(self, path: str, relative: str) -> None:
        if os.path.commonpath([os.path.realpath(path), self.root]) != self.root:
            raise MergeProblem(text("merge-outside-site", path=shown(relative), site=self.root))

    def link(self, tree: PartTree, relative: str) -> None:
        """The file the walk of `tree` saw at `relative`, hard-linked (else copied) into the
        same place here; refused if another file stands there in the part now."""
        target = self.folder_of(relative) / relative.rpartition("/")[2]
        try:
            os.link(tree.root / relative, target, follow_symlinks=False)
        except FileExistsError:
            raise MergeProblem(text("merge-written-twice", path=shown(relative))) from None
        except OSError:  # another file system, or linking not allowed: a copy of what the walk saw
            self._copy(tree, relative, target)
            return
        status = os.lstat(target)
        if not stat.S_ISREG(status.st_mode) or (status.st_dev, status.st_ino) != tree.files[relative]:
            raise tree.refuse("merge-part-changed", path=relative)

    def _copy(self, tree: PartTree, relative: str, target: Path) -> None:
        with tree.open(relative) as reading:
            try:
                copy_into_new(reading, target)
            except FileExistsError:
                raise MergeProblem(text("merge-written-twice", path=shown(relative))) from None
