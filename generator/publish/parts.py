"""A part of a build (`kb build --shard I/N`) as `kb build --merge` reads it: untrusted.

A part comes from another machine, an artifact store or whoever could write the folder, so
nothing in it is taken as written:

- the folder is walked once without following links, and any symbolic link, FIFO, device
  or socket anywhere in it, or a name that is not UTF-8, is refused; every later read and
  link is of a file that walk saw (its device and inode), opened without following a link;
- kb-part.json and pagefind/shards.json are read within a size limit and must have the
  shape the build writes: a page path is a plain relative path to a file of the part, owned
  by that part (the hash of its path), outside pagefind/; a shard name is a content hash as
  generator/search/shards.py makes it, whose folder is a plain folder of the part;
- the digest of the shared files is recomputed from the files (shared_digest).

Each refusal is a MergeProblem whose words name the part and the path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.inert import one_line
from generator.messages import text
from generator.search.index import BUNDLE, MANIFEST, ManifestError, parse_manifest
from generator.search.packs import PackPlan
from generator.settings import Part

PART_FILE = "kb-part.json"
# kb-part.json lists a part's own pages, some 50 bytes each: 16 MiB holds some 300,000 of them
# (a build larger than that is split into more parts); shards.json lists a few shards.
PART_FILE_LIMIT = 16 * 1024 * 1024
MANIFEST_LIMIT = 1024 * 1024
MAX_PARTS = 1024  # a build in more parts than this is a mistake, not a plan
DIGEST = re.compile(r"[0-9a-f]{64}")  # a SHA-256 as hexdigest() writes it
MAX_PACKS = 10_000  # one offline pack per product
MAX_NAME = 500  # of a pack: a product's name
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a product id, as records.md writes ids
SHOWN_LENGTH = 160  # of a value from a part shown in a message: a page path may be a megabyte long


class MergeProblem(Exception):
    """Parts that cannot make one site; the message is in the catalogue's words."""


def shown(value: str) -> str:
    """A value read from a part, cut to a length one line can show."""
    return value if len(value) <= SHOWN_LENGTH else value[:SHOWN_LENGTH] + "…"


@dataclass
class PartTree:
    """What walking a part's folder found: its regular files (relative path -> device and
    inode) and its folders, every one of them a plain file or folder, not a link."""

    root: Path  # the folder itself, resolved (it may be a link; nothing inside it may)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)

    def refuse(self, key: str, **args) -> MergeProblem:
        return MergeProblem(text(key, folder=self.root, **args))

    @contextmanager
    def open(self, relative: str) -> Iterator[BinaryIO]:
        """The file the walk saw at `relative`, or a refusal if another one is there now."""
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            descriptor = os.open(self.root / relative, flags)
        except OSError:
            raise self.refuse("merge-part-changed", path=relative) from None
        with open(descriptor, "rb") as file:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode) or (status.st_dev, status.st_ino) != self.files.get(relative):
                raise self.refuse("merge-part-changed", path=relative)
            yield file

    def digest(self, relative: str) -> str:
        with self.open(relative) as file:
            return hashlib.file_digest(file, "sha256").hexdigest()

    def read(self, relative: str, limit: int) -> bytes:
        """A small file's bytes, refused past `limit` without reading more."""
        with self.open(relative) as file:
            raw = file.read(limit + 1)
        if len(raw) > limit:
            raise self.refuse("merge-file-too-large", path=relative, limit=f"{limit // (1024 * 1024)} MiB")
        return raw


def walk_part(folder: Path) -> PartTree:
    """Every file and folder under `folder`, no link followed; refused at the first entry
    that is not a plain file or folder."""
    tree = PartTree(Path(os.path.realpath(folder)))
    if not tree.root.is_dir():
        raise tree.refuse("merge-not-a-part", file=PART_FILE)
    pending = [("", str(tree.root))]
    while pending:
        here, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                relative = here + entry.name
                _check_name(tree, relative)
                if entry.is_symlink():
                    raise tree.refuse("merge-part-link", path=relative)
                if entry.is_dir(follow_symlinks=False):
                    tree.folders.add(relative)
                    pending.append((relative + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    status = entry.stat(follow_symlinks=False)
                    tree.files[relative] = (status.st_dev, status.st_ino)
                else:
                    raise tree.refuse("merge-part-not-a-file", path=relative)
    return tree


def _check_name(tree: PartTree, relative: str) -> None:
    """A name the digest and the site can carry: UTF-8 (os.scandir gives other bytes as
    surrogates, which no page or digest can hold)."""
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        raise tree.refuse("merge-part-bad-name", path=relative) from None


# kb-part.json ----------------------------------------------------------------------


@dataclass(frozen=True)
class Described:
    """What kb-part.json says, once its shape is checked."""

    part: Part
    pages: tuple[str, ...]
    shared: str
    data: str
    packs: tuple[PackPlan, ...] = ()


def read_part_file(tree: PartTree) -> Described:
    if PART_FILE not in tree.files:
        raise tree.refuse("merge-not-a-part", file=PART_FILE)
    raw = tree.read(PART_FILE, PART_FILE_LIMIT)
    try:
        described = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise tree.refuse("merge-not-a-part", file=PART_FILE) from None
    if not isinstance(described, dict):
        raise tree.refuse("merge-not-a-part", file=PART_FILE)
    part = _part_of(tree, described)
    digests = {}
    for name in ("shared", "data"):
        value = described.get(name)
        if not isinstance(value, str) or not DIGEST.fullmatch(value):
            raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field=name)
        digests[name] = value
    pages = described.get("pages")
    if not isinstance(pages, list) or not all(isinstance(page, str) for page in pages):
        raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field="pages")
    _check_pages(tree, part, pages)
    packs = _pack_plans(tree, described.get("packs", []))
    return Described(part, tuple(pages), digests["shared"], digests["data"], packs)


def _pack_plans(tree: PartTree, told: object) -> tuple[PackPlan, ...]:
    """The offline packs a part names, in exactly the shape the build writes: a product id
    (also a file name in packs/), a name on one line, page URLs that are plain paths of the
    site (the merge reads those pages from the site it assembles)."""
    if not isinstance(told, list) or len(told) > MAX_PACKS:
        raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field="packs")
    plans = []
    for plan in told:
        if not (isinstance(plan, dict) and set(plan) == {"product", "name", "pages"} and _plain_plan(plan)):
            raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field="packs")
        plans.append(PackPlan.from_json(plan))
    return tuple(plans)


def _plain_plan(plan: dict) -> bool:
    product, name, pages = plan["product"], plan["name"], plan["pages"]
    return (
        isinstance(product, str)
        and ID.fullmatch(product) is not None
        and isinstance(name, str)
        and 0 < len(name) <= MAX_NAME
        and name == one_line(name)
        and isinstance(pages, list)
        and all(isinstance(url, str) and (url == "" or (url.endswith("/") and plain_path(url[:-1]))) for url in pages)
    )


def _part_of(tree: PartTree, described: dict) -> Part:
    number, count = described.get("part"), described.get("of")
    for name, value in (("part", number), ("of", count)):
        if type(value) is not int or not 1 <= value <= MAX_PARTS:
            raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field=name)
    if number > count:
        raise tree.refuse("merge-part-field-invalid", file=PART_FILE, field="part")
    return Part(number, count)


def _check_pages(tree: PartTree, part: Part, pages: list[str]) -> None:
    """Each page a plain path to a file of the part, listed once, outside the search
    bundles, and the part's own by the hash that gives pages to parts: no part can name a
    page of another part, or a file the merge writes itself."""
    seen: set[str] = set()
    for page in pages:
        if not plain_path(page):
            raise tree.refuse("merge-page-path-invalid", page=shown(page))
        if page in seen:
            raise tree.refuse("merge-page-twice", page=shown(page))
        seen.add(page)
        if page in (PART_FILE, BUNDLE) or page.startswith(BUNDLE + "/"):
            raise tree.refuse("merge-page-reserved", page=shown(page))
        if page not in tree.files:
            raise tree.refuse("merge-page-missing", page=shown(page))
        if not part.owns(page):
            raise tree.refuse("merge-page-not-owned", page=shown(page), part=part.label)


def plain_path(path: str) -> bool:
    """A relative path of plain names: not absolute, no `..` or `.`, no empty segment, no
    backslash (a separator elsewhere) and no NUL."""
    if not path or path.startswith("/") or "\\" in path or "\0" in path:
        return False
    return all(segment not in ("", ".", "..") for segment in path.split("/"))


# pagefind/shards.json --------------------------------------------------------------


def read_shards(tree: PartTree) -> tuple[dict, ...]:
    """The part's search shards, each a plain folder under pagefind/ of the name it lists."""
    manifest = f"{BUNDLE}/{MANIFEST}"
    if manifest not in tree.files:
        raise tree.refuse("merge-no-search-index")
    try:
        shards = parse_manifest(tree.read(manifest, MANIFEST_LIMIT))
    except ManifestError as error:
        if error.name is not None:
            raise tree.refuse("merge-shard-name-invalid", name=shown(error.name)) from None
        raise tree.refuse("merge-manifest-invalid") from None
    for shard in shards:
        if f"{BUNDLE}/{shard['name']}" not in tree.folders:
            raise tree.refuse("merge-shard-folder-missing", name=shard["name"])
    return tuple(shards)


# digests ---------------------------------------------------------------------------


def shared_files(tree: PartTree, own: set[str]) -> list[str]:
    """The files that every part builds alike: all but its own pages, its search bundles
    and kb-part.json."""
    bundles = BUNDLE + "/"
    return sorted(path for path in tree.files if path not in own and path != PART_FILE and not path.startswith(bundles))


def shared_digest(tree: PartTree, own: set[str]) -> str:
    """A digest of the shared files: their paths and contents."""
    digest = hashlib.sha256()
    for path in shared_files(tree, own):
        digest.update(f"{path}\0{tree.digest(path)}\n".encode())
    return digest.hexdigest()


def listing(numbers: list[int], count: int, most: int = 10) -> str:
    """`2/4, 3/4` for a message; a long list cut short."""
    shown_numbers = ", ".join(f"{number}/{count}" for number in numbers[:most])
    return shown_numbers + (", …" if len(numbers) > most else "")
