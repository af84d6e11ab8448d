"""`kb qr`: nameplate QR codes for the products, as SVG files and a sheet of stickers to print."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import config_file_option, data_option, language_choice, site_of
from generator.language import decide_language
from generator.messages import Listing, text

ASSETS = Path(__file__).resolve().parent.parent  # the generator package: assets/kb-qr.css

_HELP = say("help-qr")


@click.command(
    "qr",
    cls=Command,
    help=_HELP,
    short_help=say("help-qr-short"),
)
@click.option(
    "--product",
    "products",
    multiple=True,
    metavar="ID",
    help=say("help-qr-product"),
)
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="qr",
    show_default=True,
    help=say("help-qr-out"),
)
@language_choice("help-qr-language")
@config_file_option("help-qr-config-file")
def command(products: tuple[str, ...], data_dir: str, out_dir: str, language: str | None, config_file: str) -> None:
    from generator.model import build_dataset
    from generator.pipeline import check
    from generator.render.labels import Labels
    from generator.render.qr import SHEET, STYLESHEET, qr_files
    from generator.report import as_text
    from generator.settings import Settings

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
