"""The installable site's icons (generator/assets/icons/), made once and kept in the repository:

    python scripts/make_icons.py

The site's logo (Material's `wrench-cog` icon, as mkdocs.yml names it) in white on the theme's
primary colour, drawn by Chromium (the browser the tests use) at 192 and 512 pixels, and a
maskable 512-pixel one whose logo stays inside the safe circle (the middle 80 %) that a phone
may crop the icon to. Run it again after changing the logo or the palette's primary colour.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import material
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "generator" / "assets" / "icons"
LOGO = Path(material.__file__).parent / "templates" / ".icons" / "material" / "wrench-cog.svg"
COLOUR = "#4051b5"  # Material's indigo, mkdocs.yml's primary colour
ICONS = {"icon-192.png": (192, 0.62, 0.18), "icon-512.png": (512, 0.62, 0.18), "maskable-512.png": (512, 0.5, 0)}
PAGE = """<!doctype html><html><body style="margin:0">
<div style="width:{size}px;height:{size}px;background:{colour};border-radius:{radius}px;display:grid;place-items:center">
<div style="width:{logo}px;height:{logo}px;color:#fff">{svg}</div></div></body></html>"""


def main() -> None:
    svg = LOGO.read_text(encoding="utf-8").replace("<svg ", '<svg fill="currentColor" width="100%" height="100%" ', 1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for name, (size, share, rounding) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            html = PAGE.format(
                size=size, colour=COLOUR, radius=round(size * rounding), logo=round(size * share), svg=svg
            )
            page.set_content(html)
            page.screenshot(path=str(OUT / name), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
