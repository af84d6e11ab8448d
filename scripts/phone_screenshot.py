"""The phone screenshot of the README (docs/field-phone.png), taken by Chromium at 390 pixels:

    kb build --today 2026-11-28 && python scripts/phone_screenshot.py site

Three screens side by side, as a field engineer sees them: a product's page with its pack
saved, then, with the network cut (and the web server stopped), a search answered from the
phone and a case page opened from it.
"""

from __future__ import annotations

import base64
import functools
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "field-phone.png"
PHONE = {"width": 390, "height": 780}
SHOTS = ("products/hx-200/", "search/?q=AL-1021", "cases/20250506-hx200-oil-overheat/")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def shots(site: Path) -> list[bytes]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN")
        tab = context.new_page()
        tab.goto(base)
        tab.wait_for_function("navigator.serviceWorker.controller !== null")
        tab.goto(base + SHOTS[0])
        tab.click(".kb-pack-save")
        tab.wait_for_function("document.querySelector('.kb-pack-status').textContent.startsWith('已保存')")
        tab.locator(".kb-pack").scroll_into_view_if_needed()
        tab.evaluate("window.scrollTo(0, 0)")
        taken.append(tab.screenshot())
        context.set_offline(True)
        server.shutdown()
        server.server_close()
        tab.goto(base + SHOTS[1])
        tab.wait_for_function("document.getElementById('kb-search-page')?.dataset.shown === 'AL-1021'")
        taken.append(tab.screenshot())
        tab.goto(base + SHOTS[2])
        taken.append(tab.screenshot())
        browser.close()
    return taken


def side_by_side(images: list[bytes]) -> None:
    """The screens in one picture, drawn by Chromium itself."""
    cells = "".join(
        f'<img src="data:image/png;base64,{base64.b64encode(image).decode()}" width="390">' for image in images
    )
    page = f'<body style="margin:0;background:#eceff1;display:flex;gap:24px;padding:24px">{cells}</body>'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 24 + len(images) * 414, "height": PHONE["height"] + 48})
        tab.set_content(page)
        OUT.parent.mkdir(exist_ok=True)
        tab.screenshot(path=str(OUT))
        browser.close()


if __name__ == "__main__":
    side_by_side(shots(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "site"))
