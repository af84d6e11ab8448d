"""Nameplate QR codes: stickers that open a product's page, and its alarm codes, on the site.

A sticker by the machine's nameplate carries two codes: a large one for the product's page
(its cases, its codes, its feed) and a smaller one for the product's part of the codes
index, the table an engineer reads with an alarm on the screen. A QR code holds an absolute
address, so both are made from the site's `site_url` (mkdocs.yml) and the page's path;
without a site_url there are no stickers. The codes are made by segno, at error correction
level M (15 % of a code may be scratched or dirty; segno raises the level where the code's
size allows), with the standard quiet zone of four modules. Everything here is pure:
same records and site_url, same bytes.

`kb qr` writes each product's codes as SVG files and a sheet of stickers to print on A4
(generator/cli/qr.py); the site has the same sticker on `products/<id>/qr/`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

import segno
from markupsafe import Markup

from generator.model import Dataset
from generator.render.engine import PageJob, Renderer, template_environment
from generator.render.labels import Labels, taxonomy_name
from generator.render.urls import index_page, page_dir, record_url

ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of light border around a code, as the standard asks
CODES_ANCHOR = "product-"  # + the product id: its part of the codes index
STYLESHEET = "assets/kb-qr.css"  # the sticker's layout, on the site's QR pages and the printed sheet


@dataclass(frozen=True)
class Sticker:
    """One product's sticker: its name, its addresses and their codes as inline SVG."""

    product: str  # id
    name: str  # in the site's language
    url: str  # the product's page
    codes_url: str  # the product's part of the codes index
    qr: Markup
    codes_qr: Markup


def qr_page(product_id: str) -> str:
    """The source path of a product's sticker page: `products/<id>/qr/`."""
    return f"{page_dir(f'products/{product_id}.md')}qr.md"


def absolute(site_url: str, path: str) -> str:
    """An address on the site: site_url, then a path from the site's root."""
    return site_url.rstrip("/") + "/" + path


def product_address(site_url: str, product_id: str) -> str:
    return absolute(site_url, record_url("product", product_id))


def codes_address(site_url: str, product_id: str) -> str:
    return absolute(site_url, page_dir(index_page("code"))) + f"#{CODES_ANCHOR}{product_id}"


def qr_code(address: str) -> segno.QRCode:
    return segno.make(address, error=ERROR_LEVEL, micro=False)


def inline_svg(code: segno.QRCode, label: str) -> Markup:
    """The code as an SVG element for a page: sized by its box, named for a screen reader."""
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, title=label, svgclass="kb-qr", light="#fff")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def svg_file(code: segno.QRCode, label: str) -> bytes:
    """The code as an SVG file, one millimetre a module (a 29-module code is 37 mm with its border)."""
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, unit="mm", border=QUIET_ZONE, title=label, light="#fff", nl=True)
    return out.getvalue()


def sticker(data: Dataset, site_url: str, product_id: str, t: Labels) -> Sticker:
    name = taxonomy_name(data.products[product_id], t.language)
    url, codes_url = product_address(site_url, product_id), codes_address(site_url, product_id)
    return Sticker(
        product_id,
        name,
        url,
        codes_url,
        inline_svg(qr_code(url), f"{name}: {t.qr_product}"),
        inline_svg(qr_code(codes_url), f"{name}: {t.qr_codes}"),
    )


SHEET = "stickers.html"


def qr_files(
    data: Dataset, site_url: str, product_ids: list[str], t: Labels, site_name: str, stylesheet: str
) -> dict[str, bytes]:
    """What `kb qr` writes, by file name: each product's two codes as SVG, and the sheet of stickers."""
    files: dict[str, bytes] = {}
    stickers = []
    for product_id in product_ids:
        made = sticker(data, site_url, product_id, t)
        files[f"{product_id}.svg"] = svg_file(qr_code(made.url), f"{made.name}: {t.qr_product}")
        files[f"{product_id}-codes.svg"] = svg_file(qr_code(made.codes_url), f"{made.name}: {t.qr_codes}")
        stickers.append(made)
    files[SHEET] = sticker_sheet(stickers, t, site_name, stylesheet).encode("utf-8")
    return files


def sticker_sheet(stickers: list[Sticker], t: Labels, site_name: str, stylesheet: str) -> str:
    """A printable HTML page of stickers, ten to an A4 sheet; `stylesheet` is the sticker's CSS."""
    template = template_environment().get_template("qr_sheet.html.j2")
    return template.render(stickers=stickers, t=t, site_name=site_name, stylesheet=Markup(stylesheet))


def qr_pages(r: Renderer) -> Iterator[PageJob]:
    """A sticker page per product, when the site knows its address."""
    if not r.site_url:
        return
    for product_id, product in r.data.products.items():
        heading = f"{r.name(product)} · {r.t.qr_sticker}"
        yield r.page(
            "product_qr.md.j2",
            qr_page(product_id),
            meta={"title": heading},
            heading=heading,
            s=partial(sticker, r.data, r.site_url, product_id, r.t),
            stylesheet=STYLESHEET,
        )
