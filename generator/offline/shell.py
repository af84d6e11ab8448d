"""The installable site: its web app manifest and its service worker, written into the built
site once the theme's files are.

    manifest.webmanifest   name, language, start and scope, colours, icons
    sw.js                  the service worker (assets/kb-sw.js, with what it is told here)

The service worker keeps the *shell* from the start: the theme's stylesheets and script, the
site's own scripts and styles, the icons, the capture page and its data, the offline page and
the page that says a page is not saved. Pages the reader opens, and the packs they save, are
kept as they come (see assets/kb-sw.js). Its version is a hash of the shell's files: a build
that changes any of them makes a new service worker, which drops the caches of the old one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.messages import words

WEB_MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).resolve().parent.parent / "assets" / "kb-sw.js"
ICONS = (
    ("assets/icons/icon-192.png", "192x192", "any"),
    ("assets/icons/icon-512.png", "512x512", "any"),
    ("assets/icons/maskable-512.png", "512x512", "maskable"),
)
CAPTURE_DATA = "assets/kb-capture.json"
# Generated pages the service worker keeps from the start. Every part of a build (`--shard`)
# builds them, so that every part writes the same service worker.
SHELL_PAGES = {"offline/index.md": "offline/", "offline/missing.md": "offline/missing/", "capture.md": "capture/"}
MISSING_PAGE = SHELL_PAGES["offline/missing.md"]
# The theme's files a page needs: its stylesheets, its script and the favicon; not the search
# of its own (lunr, not used here) nor source maps.
THEME_FILES = re.compile(r"^assets/(stylesheets/[^/]+\.css|javascripts/bundle\.[^/]+\.js|images/favicon\.png)$")
OWN_FILES = re.compile(r"^assets/(kb[^/]*\.(css|js|json)|icons/[^/]+\.png)$")
NETWORK_WAIT_MS = 3000  # network first; after this long a saved copy is shown instead
DEFAULT_COLOUR = "#4051b5"  # Material's indigo, its default primary colour
PRIMARY_COLOUR = r"\[data-md-color-primary={name}\]\{{[^}}]*?--md-primary-fg-color:(#[0-9a-fA-F]{{3,8}})"


@dataclass(frozen=True)
class Shell:
    """What the installable site is told about the site it is part of."""

    name: str
    description: str
    language: str
    site_url: str  # "" when not known: start and scope are then relative to the manifest
    built: dt.date
    colour: str  # the theme's primary colour (theme_colour)


def theme_colour(theme_dirs: list[str], palette: object) -> str:
    """The primary colour of mkdocs.yml's palette (its first scheme), as the theme's own
    stylesheet defines it; Material's default where the palette names none with a hex value."""
    scheme = palette[0] if isinstance(palette, list) and palette else palette
    name = scheme.get("primary", "indigo") if isinstance(scheme, dict) else "indigo"
    name = str(name).lower().replace(" ", "-")
    pattern = re.compile(PRIMARY_COLOUR.format(name=re.escape(name)))
    for folder in theme_dirs:
        for stylesheet in sorted((Path(folder) / "assets" / "stylesheets").glob("palette.*.css")):
            found = pattern.search(stylesheet.read_text(encoding="utf-8"))
            if found:
                return found.group(1).lower()
    return DEFAULT_COLOUR


def base_path(site_url: str) -> str:
    """The site's path on its server, `/kb/`; `./` (the manifest's folder, the site's root)
    when the site does not know its address."""
    if not site_url:
        return "./"
    return urlsplit(site_url).path.rstrip("/") + "/"


def web_manifest(shell: Shell) -> str:
    short = shell.name.rsplit("·", 1)[-1].strip() or shell.name
    start = base_path(shell.site_url)
    manifest = {
        "name": shell.name,
        "short_name": short,
        "description": shell.description,
        "lang": words("locale-tag", shell.language),
        "dir": "ltr",
        "id": start,
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": shell.colour,
        "icons": [
            {"src": src, "sizes": sizes, "type": "image/png", "purpose": purpose} for src, sizes, purpose in ICONS
        ],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def shell_files(site_dir: Path) -> list[str]:
    """The files the service worker keeps from the start, as URLs from the site's root."""
    files = []
    for path in sorted((site_dir / "assets").rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and (THEME_FILES.match(relative) or OWN_FILES.match(relative)):
            files.append(relative)
    pages = [url for url in SHELL_PAGES.values() if (site_dir / url / "index.html").is_file()]
    return ["", *pages, WEB_MANIFEST, *files]


def service_worker(site_dir: Path, shell: Shell) -> str:
    """sw.js: the worker's source with its settings, named by a hash of everything it keeps."""
    files = shell_files(site_dir)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode("utf-8"))
    for url in files:
        path = site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)
        digest.update(url.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    told = {
        "version": digest.hexdigest()[:16],
        "built": shell.built.isoformat(),
        "shell": files,
        "missing": MISSING_PAGE,
        "wait": NETWORK_WAIT_MS,
    }
    return f"const KB = {json.dumps(told, ensure_ascii=False)};\n{source}"


def write_shell(site_dir: Path, shell: Shell) -> None:
    """The web app manifest, then the service worker (which keeps the manifest too)."""
    (site_dir / WEB_MANIFEST).write_text(web_manifest(shell), encoding="utf-8")
    (site_dir / SERVICE_WORKER).write_text(service_worker(site_dir, shell), encoding="utf-8")
