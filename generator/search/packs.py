"""Each product's offline pack, written into the built site once its pages are:

    packs/index.json                  every pack: product, name, pages, bytes, content hash, manifest
    packs/<product>.json              its manifest: each file's URL, size and place in the archive
    packs/<product>.<hash>.pack       its archive: the files one after the other

A pack holds the pages its plan names (generator/offline/packs.py), the images they show and
the attachments they link to (videos aside), and a Pagefind bundle of those pages alone (packs/<product>/pagefind/...), so that search on
the phone answers for what is saved and for nothing else. One archive per pack rather than a
request per page: a phone on a weak signal saves one file, and sees its progress.

Each file is stored gzip-compressed unless it is compressed already (Pagefind's index and
data files are gzip; the service worker inflates the others when it serves them), and a page
without its hidden search block, which only the indexer reads (the pack's own bundle holds
what search needs of it): a case page of some 40 KB is then about 6 KB on the phone and on
the wire (benchmarks/PACKS.md). The bundle is made
like a search shard (generator/search/index.py) and kept in a cache folder by the content
hash of its pages, so a pack whose pages did not change is not indexed again.

Everything is written in a fixed order with fixed gzip headers: the same site gives the
same bytes, and the content hash in a manifest changes only when what the pack holds does.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from generator.search.shards import Shard, page_digest, plan_shards, search_block

PACKS = "packs"  # the folder of the packs in the site
GZIP_MAGIC = b"\x1f\x8b"
HTML = "text/html; charset=utf-8"
# Pagefind's files that its search needs; its ready-made interfaces are not used here.
PAGEFIND_UI = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
TYPES = {".js": "text/javascript; charset=utf-8", ".json": "application/json", ".html": HTML}
ONE_SHARD = 10**9  # a pack's pages make one bundle, however many
ATTACHMENTS = "attachments/"
VIDEOS = (".mp4", ".mov", ".webm", ".mkv")


@dataclass(frozen=True)
class PackPlan:
    """What one product's pack holds (generator/offline/packs.py makes these from the Dataset)."""

    product: str
    name: str  # in the site's language
    pages: tuple[str, ...]  # page URLs from the site's root, e.g. cases/<id>/

    def as_json(self) -> dict:
        return {"product": self.product, "name": self.name, "pages": list(self.pages)}

    @classmethod
    def from_json(cls, told: dict) -> PackPlan:
        return cls(told["product"], told["name"], tuple(told["pages"]))


@dataclass(frozen=True)
class PackFile:
    url: str  # from the site's root: cases/<id>/, attachments/x.png, packs/<product>/pagefind/pagefind.js
    path: Path


@dataclass(frozen=True)
class Stored:
    """One file as the archive holds it."""

    url: str
    type: str
    size: int  # as served
    data: bytes  # as stored: gzip unless `inflate` is False
    inflate: bool  # whether the service worker inflates it (Pagefind's gzip files it reads itself)
    digest: str  # of the file as served


def pages_of(site_dir: Path, plan: PackPlan) -> list[PackFile]:
    """The plan's pages that the site has, and the files they show or link to."""
    pages = [PackFile(url, site_dir / url / "index.html") for url in plan.pages]
    pages = [page for page in pages if page.path.is_file()]
    shown: dict[str, PackFile] = {}
    for page in pages:
        for url in _files_of(page.path.read_text(encoding="utf-8"), page.url):
            if url not in shown and (site_dir / url).is_file():
                shown[url] = PackFile(url, site_dir / url)
    return pages + [shown[url] for url in sorted(shown)]


def _files_of(html: str, page_url: str) -> list[str]:
    """The site paths of the images a page shows and of the attachments it links to
    (`../../attachments/x.png` -> attachments/x.png), but videos, too large for a pack; the
    theme's own files (assets/) are kept by the service worker for every page."""
    found = []
    tree = LexborHTMLParser(html)
    sources = [node.attributes.get("src") or "" for node in tree.css("img[src]")]
    links = [node.attributes.get("href") or "" for node in tree.css("a[href]")]
    for address, linked in [(source, False) for source in sources] + [(link, True) for link in links]:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith("/") or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(page_url or ".", unquote(parts.path)))
        if path.startswith(("../", "assets/")) or path == "..":
            continue
        if not linked or (path.startswith(ATTACHMENTS) and not path.lower().endswith(VIDEOS)):
            found.append(path)
    return found


def bundle_shard(site_dir: Path, files: list[PackFile], settings: str) -> Shard | None:
    """The pack's pages that have a search block, as one shard named by their content."""
    indexed = []
    for file in files:
        if file.url.endswith("/") or file.url == "":
            digest = page_digest(file.path.read_text(encoding="utf-8"))
            if digest is not None:
                indexed.append(_Indexed(file.path.relative_to(site_dir).as_posix(), digest))
    if not indexed:
        return None
    (shard,) = plan_shards(indexed, ONE_SHARD, settings + "\npack")
    return shard


@dataclass(frozen=True)
class _Indexed:
    path: str
    digest: str


def bundle_files(bundle: Path, product: str) -> list[PackFile]:
    """The files of a pack's Pagefind bundle that its search loads, under the URL the page asks for."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    wasm = {f"wasm.{language['wasm']}.pagefind" for language in entry.get("languages", {}).values()}
    files = []
    for path in sorted(bundle.rglob("*")):
        name = path.name
        if not path.is_file() or name.startswith(PAGEFIND_UI) or (name.startswith("wasm.") and name not in wasm):
            continue
        files.append(PackFile(f"{PACKS}/{product}/pagefind/{path.relative_to(bundle).as_posix()}", path))
    return files


def stored(file: PackFile) -> Stored:
    page = file.url.endswith("/") or file.url == ""
    raw = file.path.read_bytes()
    if page:
        raw = without_search_block(raw.decode("utf-8")).encode("utf-8")
    kind = HTML if page else _type(file.url)
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(GZIP_MAGIC):
        return Stored(file.url, kind, len(raw), raw, False, digest)
    packed = gzip.compress(raw, compresslevel=9, mtime=0)
    if len(packed) >= len(raw):  # an image, already compressed
        return Stored(file.url, kind, len(raw), raw, False, digest)
    return Stored(file.url, kind, len(raw), packed, True, digest)


def without_search_block(html: str) -> str:
    """A page as the reader sees it: without the hidden copy of its text for the indexer."""
    block = search_block(html)
    return html if block is None else html[: block[0]] + html[block[1] :]


def _type(url: str) -> str:
    suffix = posixpath.splitext(url)[1].lower()
    return TYPES.get(suffix) or mimetypes.guess_type(url)[0] or "application/octet-stream"


def content_hash(files: list[Stored]) -> str:
    """What the pack holds, each file by its URL, type and bytes: a saved pack whose hash differs
    from its manifest's is out of date."""
    lines = "".join(f"{file.url}\t{file.type}\t{file.digest}\n" for file in files)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def write_pack(output: Path, plan: PackPlan, files: list[Stored]) -> dict:
    """The archive and the manifest of one pack; its line in packs/index.json."""
    digest = content_hash(files)
    archive = f"{plan.product}.{digest[:16]}.pack"
    listed, offset = [], 0
    with (output / archive).open("wb") as out:
        for file in files:
            out.write(file.data)
            listed.append(
                {
                    "url": file.url,
                    "type": file.type,
                    "size": file.size,
                    "offset": offset,
                    "length": len(file.data),
                    "inflate": file.inflate,
                }
            )
            offset += len(file.data)
    pages = sum(1 for url in plan.pages if any(file.url == url for file in files))
    summary = {
        "product": plan.product,
        "name": plan.name,
        "hash": digest,
        "bytes": offset,
        "size": sum(file.size for file in files),
        "pages": pages,
        "files": len(files),
        "manifest": f"{PACKS}/{plan.product}.json",
        "archive": f"{PACKS}/{archive}",
    }
    _write_json(output / f"{plan.product}.json", {**summary, "entries": listed})
    return summary


def write_index(output: Path, summaries: list[dict]) -> None:
    _write_json(output / "index.json", {"packs": summaries})


def _write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
