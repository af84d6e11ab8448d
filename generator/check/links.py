"""Every link, anchor and image of the built site resolves.

MkDocs validates links written in Markdown; it does not see the HTML that the
generator and the theme write. This checker reads the built HTML itself.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import posixpath
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.messages import Text, text
from generator.printable import printable

LINKS = "a[href], link[href], img[src], script[src], source[src]"
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True, order=True)
class Problem:
    page: str
    url: str
    reason: Text = field(compare=False)  # the catalogue's `link-…` words: a page and a link have one reason

    def line(self, language: str) -> str:
        """`page: error: reason: url` as `kb build` prints it, in `language`; nothing of the page
        or the link can pass for a line of its own or colour the terminal."""
        words = text("link-problem", page=printable(self.page), reason=self.reason, url=printable(self.url))
        return words.render(language)


@dataclass
class _Page:
    ids: set[str]
    links: list[str]


def check_site(site_dir: Path, external: bool = False, base_path: str = "/", kept: Path | None = None) -> list[Problem]:
    """Broken internal links, missing anchors and images, unsafe links; external ones on request.

    `base_path` is where the site will be served (the path of site_url): links that
    start with it, as MkDocs writes them on the 404 page, point into the site. `kept`: a
    file of the ids and links read from the pages of the check before, by their bytes' hash
    (a build's `.cache/`), so that only pages whose bytes changed are parsed again.
    """
    resolver = _Resolver(_site_files(site_dir))
    paths = sorted(path for path in resolver.present if path.endswith(".html"))
    pages = _read_pages(site_dir, paths) if kept is None else _read_pages_kept(site_dir, paths, kept)
    problems: list[Problem] = []
    outside: dict[str, str] = {}
    for page, content in pages.items():
        for url in content.links:
            problem = _check_link(resolver, pages, page, _inside_site(url, base_path))
            if problem == "external":
                outside.setdefault(url, page)
            elif problem:
                problems.append(Problem(page, url, problem))
    if external:
        problems += _check_external(outside)
    return sorted(problems)


def _site_files(site_dir: Path) -> set[str]:
    found = set()
    for folder, _, names in os.walk(site_dir):
        relative = Path(folder).relative_to(site_dir).as_posix()
        found.update(name if relative == "." else f"{relative}/{name}" for name in names)
    return found


PARALLEL_FROM = 2000  # pages: below this, starting processes costs more than it saves


def _read_pages(site_dir: Path, paths: list[str]) -> dict[str, _Page]:
    """Every page's ids and links; parsing the HTML is most of the check, so it is shared out."""
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {path: _read(site_dir / path) for path in paths}
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        read = pool.map(_read, [site_dir / path for path in paths], chunksize=100)
    return dict(zip(paths, read, strict=True))


def _read_pages_kept(site_dir: Path, paths: list[str], kept: Path) -> dict[str, _Page]:
    """As _read_pages, taking a page whose bytes' hash is in `kept` from there; `kept` then
    holds this site's pages, and no others."""
    known = _load_kept(kept)
    digests = {path: hashlib.sha256((site_dir / path).read_bytes()).hexdigest() for path in paths}
    pages = {path: known[digest] for path, digest in digests.items() if digest in known}
    pages |= _read_pages(site_dir, [path for path in paths if path not in pages])
    _save_kept(kept, {digests[path]: pages[path] for path in paths})
    return dict(sorted(pages.items()))


KEPT_FORMAT = 1


def _load_kept(kept: Path) -> dict[str, _Page]:
    """The pages `kept` holds by hash; nothing when it is missing, of another format or not
    what this module writes (a damaged cache only costs the time of parsing again)."""
    try:
        held = json.loads(kept.read_bytes())
        if held["format"] != KEPT_FORMAT:
            return {}
        strings = held["strings"]
        return {
            digest: _Page({strings[i] for i in ids}, [strings[i] for i in links])
            for digest, (ids, links) in held["pages"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}


def _save_kept(kept: Path, pages: dict[str, _Page]) -> None:
    """Write the pages by hash, each string once (a page's links are mostly the theme's),
    whole or not at all."""
    strings: dict[str, int] = {}

    def numbers(values) -> list[int]:
        return [strings.setdefault(value, len(strings)) for value in values]

    held = {digest: [numbers(sorted(page.ids)), numbers(page.links)] for digest, page in sorted(pages.items())}
    written = json.dumps({"format": KEPT_FORMAT, "strings": list(strings), "pages": held}, separators=(",", ":"))
    kept.parent.mkdir(parents=True, exist_ok=True)
    temporary = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    temporary.write_text(written, encoding="utf-8")
    os.replace(temporary, kept)


def _read(path: Path) -> _Page:
    tree = HTMLParser(path.read_text(encoding="utf-8"))
    ids = set()
    for node in tree.css("[id], a[name]"):
        attributes = node.attributes
        ids.update(
            value for value in (attributes.get("id"), attributes.get("name") if node.tag == "a" else None) if value
        )
    links = []
    for node in tree.css(LINKS):
        value = node.attributes.get("src" if node.tag in ("img", "script", "source") else "href")
        if value is not None:
            links.append(value.strip())
    return _Page(ids, links)


def _inside_site(url: str, base_path: str) -> str:
    prefix = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return "/" + url[len(prefix) :] if prefix != "/" and url.startswith(prefix) else url


def _check_link(resolver: _Resolver, pages: dict[str, _Page], page: str, url: str) -> Text | str | None:
    """Why the link is broken (the catalogue's words), "external" for a link out of the site, or None."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in UNSAFE_SCHEMES:
        return text("link-unsafe", scheme=scheme)
    if scheme in WEB_SCHEMES or parts.netloc:
        return "external"
    if scheme:  # mailto:, tel: and the like lead out of the site
        return None
    target = resolver.target(page, unquote(parts.path))
    if target is None:
        return text("link-missing")
    if parts.fragment and target.endswith(".html"):
        fragment = unquote(parts.fragment)
        target_page = pages.get(target)
        if target_page is not None and fragment not in target_page.ids:
            return text("link-anchor-missing", fragment=printable(fragment), target=target)
    return None


class _Resolver:
    """Which built file a link leads to. Links that climb to the site root first (theme
    assets, the nav, links between sections) resolve the same from every page at that
    depth, so they are worked out once."""

    def __init__(self, present: set[str]) -> None:
        self.present = present
        self._from_root: dict[str, str | None] = {}

    def target(self, page: str, path: str) -> str | None:
        if not path:
            return page
        base = posixpath.dirname(page)
        climb = "../" * (base.count("/") + 1 if base else 0)
        if climb and path.startswith(climb) and not path[len(climb) :].startswith(".."):
            rest = path[len(climb) :]
            if rest not in self._from_root:
                self._from_root[rest] = self._find("", rest)
            return self._from_root[rest]
        return self._find(base, path)

    def _find(self, base: str, path: str) -> str | None:
        joined = posixpath.normpath(posixpath.join("/" if path.startswith("/") else "/" + base, path)).lstrip("/")
        if path.endswith("/") or joined in ("", "."):
            candidates = [posixpath.join(joined, "index.html") if joined not in ("", ".") else "index.html"]
        else:
            candidates = [joined, posixpath.join(joined, "index.html")]
        return next((candidate for candidate in candidates if candidate in self.present), None)


def _check_external(urls: dict[str, str]) -> list[Problem]:
    def probe(url: str) -> Text | None:
        request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "kb-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return None if response.status < 400 else text("link-external-status", status=response.status)
        except Exception as error:  # any network failure is a finding, never a crash
            return text("link-external-failed", error=type(error).__name__)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(probe, sorted(urls)))
    return [Problem(urls[url], url, reason) for url, reason in zip(sorted(urls), results, strict=True) if reason]
