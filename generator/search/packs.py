"""Each product's offline pack, written into the built site once its pages are:

    packs/index.json                  every pack: product, name, pages, bytes, content hash, manifest
    packs/<product>.json              its manifest: each file's URL, size and place in the archive
    packs/<product>.<hash>.pack       its archive: the files one after the other

A pack holds the pages its plan names (generator/offline/packs.py), the images they show and
the attachments they link to (videos aside), and a Pagefind bundle of those pages alone (packs/<product>/pagefind/...), so that search on
the phone answers for what is saved and for nothing else. One archive per pack rather than a
request per page: a phone on a weak signal saves one file, and sees its progress.

The pages are stored in three columns, each one gzip stream: every page's part before its
article (the theme's head, header and navigation, nearly the same on every page, so that the
column compresses to a few hundred bytes a page), every page's article, and every page's rest;
a page is stored without its hidden search block, which only the indexer reads (the pack's own
bundle holds what search needs of it). A case page of some 40 KB is then about 1 KB in the
archive instead of 10 KB compressed alone (benchmarks/PACKS.md). The phone puts each page
together again and keeps it compressed on its own (assets/kb-offline.js). Other files are
stored gzip-compressed unless they are already (Pagefind's index and data files, images); the
service worker inflates them when it serves them. The bundle is made
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


# Where a page is cut into its columns: before its article, and where the article ends.
ARTICLE = (b"<article", b"</article>")
COLUMNS = 3


@dataclass(frozen=True)
class Stored:
    """One file as the archive holds it: a page in its parts, any other file whole."""

    url: str
    type: str
    size: int  # as served
    digest: str  # of the file as served
    data: bytes = b""  # a file, as stored: gzip unless `inflate` is False
    inflate: bool = False  # whether the service worker inflates it (Pagefind's gzip files it reads itself)
    parts: tuple[bytes, ...] = ()  # a page: before its article, the article, the rest


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
    raw = file.path.read_bytes()
    if file.url.endswith("/") or file.url == "":
        page = without_search_block(raw.decode("utf-8")).encode("utf-8")
        return Stored(file.url, HTML, len(page), hashlib.sha256(page).hexdigest(), parts=page_parts(page))
    kind, digest = _type(file.url), hashlib.sha256(raw).hexdigest()
    if raw.startswith(GZIP_MAGIC):
        return Stored(file.url, kind, len(raw), digest, raw)
    packed = _gzip(raw)
    if len(packed) >= len(raw):  # an image, already compressed
        return Stored(file.url, kind, len(raw), digest, raw)
    return Stored(file.url, kind, len(raw), digest, packed, inflate=True)


def page_parts(page: bytes) -> tuple[bytes, bytes, bytes]:
    """A page cut before its article and where the article ends (all of it first, without one)."""
    start = page.find(ARTICLE[0])
    end = page.find(ARTICLE[1], max(start, 0))
    if start < 0 or end < 0:
        return page, b"", b""
    return page[:start], page[start:end], page[end:]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


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
    """The archive and the manifest of one pack; its line in packs/index.json. The archive holds
    the pages' columns, then every other file; the manifest lists the pages first, in the columns'
    order, each with the length of its part in each column."""
    digest = content_hash(files)
    archive = f"{plan.product}.{digest[:16]}.pack"
    pages = [file for file in files if file.parts]
    columns = [_gzip(b"".join(page.parts[column] for page in pages)) for column in range(COLUMNS)]
    placed, listed, offset = [], [], 0
    with (output / archive).open("wb") as out:
        for data in columns:
            out.write(data)
            placed.append({"offset": offset, "length": len(data)})
            offset += len(data)
        for page in pages:
            listed.append({"url": page.url, "type": page.type, "size": page.size, "parts": list(map(len, page.parts))})
        for file in files:
            if file.parts:
                continue
            out.write(file.data)
            entry = {"url": file.url, "type": file.type, "size": file.size, "offset": offset, "length": len(file.data)}
            listed.append({**entry, "inflate": file.inflate})
            offset += len(file.data)
    summary = {
        "product": plan.product,
        "name": plan.name,
        "hash": digest,
        "bytes": offset,
        "size": sum(file.size for file in files),
        "pages": len(pages),
        "files": len(files),
        "manifest": f"{PACKS}/{plan.product}.json",
        "archive": f"{PACKS}/{archive}",
    }
    _write_json(output / f"{plan.product}.json", {**summary, "columns": placed, "entries": listed})
    return summary


def read_pack(site_dir: Path, product: str) -> dict[str, bytes]:
    """Every file of a built pack, by its URL, as the phone serves it (tests and benchmarks)."""
    told = json.loads((site_dir / PACKS / f"{product}.json").read_text(encoding="utf-8"))
    archive = (site_dir / told["archive"]).read_bytes()
    columns = [
        gzip.decompress(archive[place["offset"] : place["offset"] + place["length"]]) for place in told["columns"]
    ]
    read = [0] * len(columns)
    files = {}
    for entry in told["entries"]:
        if "parts" in entry:
            pieces = []
            for column, length in enumerate(entry["parts"]):
                pieces.append(columns[column][read[column] : read[column] + length])
                read[column] += length
            files[entry["url"]] = b"".join(pieces)
        else:
            data = archive[entry["offset"] : entry["offset"] + entry["length"]]
            files[entry["url"]] = gzip.decompress(data) if entry["inflate"] else data
    return files


def write_index(output: Path, summaries: list[dict]) -> None:
    _write_json(output / "index.json", {"packs": summaries})


def _write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
