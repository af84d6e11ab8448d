"""Where each page lives, and relative links between pages.

Every record page's URL contains its id: /cases/<id>/, /people/<id>/ ... A case kept in
a sub-folder of data/cases/ keeps the same URL. Links are relative, so the site works
under any prefix (an intranet folder, GitHub Pages' /<repo>/).
"""

from __future__ import annotations

from urllib.parse import quote

from generator.kinds import RECORD_KIND_OF_FILE, URL_FOLDERS

_IN_ONE_FILE = {kind.name for kind in RECORD_KIND_OF_FILE.values()}


def record_page(kind: str, record_id: str | int) -> str:
    """The source path of a record's page: `cases/<id>.md` is served at /cases/<id>/; the one
    record of a kind kept in one file is its index page (`glossary/index.md`)."""
    if kind in _IN_ONE_FILE:
        return index_page(kind)
    return f"{URL_FOLDERS[kind]}/{record_id}.md"


def index_page(kind: str) -> str:
    """The source path of a kind's index page: `cases/index.md` is served at /cases/."""
    return f"{URL_FOLDERS[kind]}/index.md"


def record_url(kind: str, record_id: str | int) -> str:
    """A record page's URL from the site's root: `cases/<id>/`."""
    return page_dir(record_page(kind, record_id))


def page_dir(src_uri: str) -> str:
    """The folder a page is served from, with directory URLs (`a/b.md` -> `a/b/`, `a/index.md` -> `a/`)."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, anchor: str = "") -> str:
    """The href from one page to another page or file, as a browser resolves it."""
    target = page_dir(to_src) if to_src.endswith(".md") else to_src
    url = _relative(target, page_dir(from_src))
    if to_src.endswith(".md"):
        url = url + "/" if url != "." else "./"
    return url + (f"#{anchor}" if anchor else "")


def _relative(target: str, here: str) -> str:
    # posixpath.relpath, without its two calls to os.getcwd(): this runs for every link of every page.
    to_parts = [part for part in target.split("/") if part]
    here_parts = [part for part in here.split("/") if part]
    common = 0
    while common < min(len(to_parts), len(here_parts)) and to_parts[common] == here_parts[common]:
        common += 1
    return "/".join([".."] * (len(here_parts) - common) + to_parts[common:]) or "."


class Linker:
    """Links from one page: `href("person", "zhang-wei")`, `href_page("cases/index.md")`."""

    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri

    def __call__(self, kind: str, record_id: str | int, anchor: str = "") -> str:
        return relative_url(self.src_uri, record_page(kind, record_id), anchor)

    def page(self, to_src: str, anchor: str = "") -> str:
        return relative_url(self.src_uri, to_src, anchor)

    def file(self, path: str) -> str:
        return relative_url(self.src_uri, path)

    def attachment(self, name: str) -> str:
        return attachment_url(self.src_uri, name)


def attachment_url(from_src: str, name: str) -> str:
    """The href of an attachment as a record names it (`x.png` or `attachments/x.png`),
    percent-encoded: names may hold spaces, `#` or Chinese."""
    return relative_url(from_src, f"{ATTACHMENTS_DIR}/{quote(name.removeprefix(ATTACHMENTS_DIR + '/'))}")


ATTACHMENTS_DIR = "attachments"
