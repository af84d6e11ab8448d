"""`kb qr`: nameplate QR codes for the products, as SVG files and a sheet of stickers to print."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import Command, say
from generator.cli.options import data_option, site_of
from generator.language import LANGUAGES, decide_language
from generator.messages import Listing, text
from generator.model import build_dataset
from generator.pipeline import check
from generator.render.labels import Labels
from generator.render.qr import SHEET, STYLESHEET, qr_files
from generator.report import as_text
from generator.settings import Settings

ASSETS = Path(__file__).resolve().parent.parent  # the generator package: assets/kb-qr.css

_HELP = say(
    """为每个产品（或用 --product 指定的产品）生成铭牌二维码：扫码打开网站上该产品的页面。写到 --out 文件夹：每个产品的 <id>.svg（产品页）和 <id>-codes.svg（它的报警代码），以及 stickers.html，一页 A4 十张贴纸，每张有两个二维码、产品名称和网址，用浏览器打印。

    二维码要有完整的网址，取自 mkdocs.yml 的 site_url（或环境变量 KB_SITE_URL）；没有设置时什么都不写。""",
    """Make nameplate QR codes for every product (or those given with --product): scanned,
    each opens the product's page on the site. Written into --out: <id>.svg (the product's
    page) and <id>-codes.svg (its alarm codes) for each product, and stickers.html, ten
    stickers to an A4 page, each with both codes, the product's name and its address, to
    print from a browser.

    A QR code needs the site's full address: site_url in mkdocs.yml (or KB_SITE_URL).
    Without it nothing is written.
    """,
)


@click.command(
    "qr",
    cls=Command,
    help=_HELP,
    short_help=say("产品铭牌的二维码贴纸，用来打印。", "Nameplate QR code stickers of the products, to print."),
)
@click.option(
    "--product",
    "products",
    multiple=True,
    metavar="ID",
    help=say(
        "只为这个产品生成；可以给多次 [默认：全部产品]。",
        "Only this product; may be given several times [default: every product].",
    ),
)
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="qr",
    show_default=True,
    help=say("SVG 文件和贴纸页写到哪里。", "Where to write the SVG files and the sheet of stickers."),
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help=say(
        "贴纸和消息的语言 [默认：网站的语言，否则 zh]。", "Language of the stickers [default: the site's, else zh]."
    ),
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False),
    default="mkdocs.yml",
    show_default=True,
    help=say("从哪里读 site_url 和网站名称。", "Where site_url and the site's name are read from."),
)
def command(products: tuple[str, ...], data_dir: str, out_dir: str, language: str | None, config_file: str) -> None:
    language = decide_language(language, Path(config_file))
    site_name, site_url = site_of(Path(config_file))
    if not site_url:
        _refuse(text("qr-no-site-url", config=config_file), language)
    checked = check(Settings(Path(data_dir), dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        _refuse(text("qr-records-have-errors"), language)
    data = build_dataset(checked.context)
    chosen = _chosen_products(list(data.products), products, language)
    stylesheet = (ASSETS / STYLESHEET).read_text(encoding="utf-8")
    files = qr_files(data, site_url, chosen, Labels(language), site_name, stylesheet)
    _write(Path(out_dir), files, language)
    done = text("qr-done", count=len(chosen), folder=out_dir.rstrip("/"), sheet=f"{out_dir.rstrip('/')}/{SHEET}")
    click.echo(done.render(language))


def _chosen_products(known: list[str], given: tuple[str, ...], language: str) -> list[str]:
    """The products asked for (each once, in the order given), or every product."""
    if not known:
        _refuse(text("qr-no-products"), language)
    for product in given:
        if product not in known:
            _refuse(text("qr-unknown-product", product=product, known=Listing(tuple(known))), language)
    return list(dict.fromkeys(given)) or known


def _write(out: Path, files: dict[str, bytes], language: str) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (out / name).write_bytes(content)
    except OSError as error:
        _refuse(text("qr-cannot-write", path=error.filename or out, reason=error.strerror or error), language)


def _refuse(message, language: str) -> None:
    """One line on standard error, and exit 1."""
    click.echo(text("build-error").render(language) + message.render(language), err=True)
    sys.exit(1)
