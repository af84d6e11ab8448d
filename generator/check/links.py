"""Every link, anchor and image of the built site resolves.

MkDocs validates links written in Markdown; it does not see the HTML that the
generator and the theme write. This checker reads the built HTML itself.
"""

from __future__ import annotations

import posixpath
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True, order=True)
class Problem:
    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reason}: {self.url}"


@dataclass
class _Page:
    ids: set[str]
    links: list[str]


def check_site(site_dir: Path, external: bool = False, base_path: str = "/") -> list[Problem]:
    """Broken internal links, missing anchors and images, unsafe links; external ones on request.

    `base_path` is where the site will be served (the path of site_url): links that
    start with it, as MkDocs writes them on the 404 page, point into the site.
    """
    pages = {path.relative_to(site_dir).as_posix(): _read(path) for path in sorted(site_dir.rglob("*.html"))}
    problems: list[Problem] = []
    outside: dict[str, str] = {}
    for page, content in pages.items():
        for url in content.links:
            problem = _check_link(site_dir, pages, page, _inside_site(url, base_path))
            if problem == "external":
                outside.setdefault(url, page)
            elif problem:
                problems.append(Problem(page, url, problem))
    if external:
        problems += _check_external(outside)
    return sorted(problems)


def _read(path: Path) -> _Page:
    tree = HTMLParser(path.read_text(encoding="utf-8"))
    ids = {node.attributes["id"] for node in tree.css("[id]") if node.attributes.get("id")}
    ids |= {node.attributes["name"] for node in tree.css("a[name]") if node.attributes.get("name")}
    links = []
    for tag, attribute in LINK_ATTRIBUTES:
        for node in tree.css(f"{tag}[{attribute}]"):
            value = node.attributes.get(attribute)
            if value is not None:
                links.append(value.strip())
    return _Page(ids, links)


def _inside_site(url: str, base_path: str) -> str:
    prefix = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return "/" + url[len(prefix) :] if prefix != "/" and url.startswith(prefix) else url


def _check_link(site_dir: Path, pages: dict[str, _Page], page: str, url: str) -> str | None:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in UNSAFE_SCHEMES:
        return f"{scheme}: link"
    if scheme in WEB_SCHEMES or parts.netloc:
        return "external"
    if scheme:  # mailto:, tel: and the like lead out of the site
        return None
    target = _target_file(site_dir, page, unquote(parts.path))
    if target is None:
        return "link to a missing page or file"
    if parts.fragment and target.endswith(".html"):
        fragment = unquote(parts.fragment)
        target_page = pages.get(target)
        if target_page is not None and fragment not in target_page.ids:
            return f"anchor #{fragment} missing in {target}"
    return None


def _target_file(site_dir: Path, page: str, path: str) -> str | None:
    if not path:
        return page
    base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join("/" if path.startswith("/") else base, path)).lstrip("/")
    if joined.startswith(".."):
        return None
    candidates = [joined, posixpath.join(joined, "index.html")] if joined not in ("", ".") else ["index.html"]
    if path.endswith("/"):
        candidates = [posixpath.join(joined, "index.html") if joined not in ("", ".") else "index.html"]
    for candidate in candidates:
        if (site_dir / candidate).is_file():
            return candidate
    return None


def _check_external(urls: dict[str, str]) -> list[Problem]:
    def probe(url: str) -> str | None:
        request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "kb-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return None if response.status < 400 else f"external link answered {response.status}"
        except Exception as error:  # any network failure is a finding, never a crash
            return f"external link failed ({type(error).__name__})"

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(probe, sorted(urls)))
    return [Problem(urls[url], url, reason) for url, reason in zip(sorted(urls), results, strict=True) if reason]
