"""`kb qr`: each product's QR codes decode back to its page and its codes, the SVG holds
exactly segno's modules, a sheet of stickers, the same bytes every time, and a clear refusal
without a site_url."""

from __future__ import annotations

import io
import re
from pathlib import Path

import segno
import zxingcpp
from click.testing import CliRunner
from PIL import Image

from generator.cli import main
from tests.conftest import REPO, TESTS

SITE_URL = "https://kb.example.com/service/"
PRODUCTS = ["hx-200", "vmc-850", "sc-75", "im-280", "sd-3", "cc-500", "ad-30"]


def config(tmp_path: Path, site_url: str | None = SITE_URL, language: str = "zh") -> Path:
    """A site configuration as a team keeps it, with or without site_url."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    lines = ["site_name: 服务知识库", "docs_dir: docs", f"plugins:\n  - servicekb:\n      language: {language}"]
    if site_url is not None:
        lines.insert(1, f"site_url: {site_url}")
    path = tmp_path / "mkdocs.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["qr", *args], env={"KB_SITE_URL": "", **(env or {})})


def decoded(code: segno.QRCode) -> list[str]:
    """What a phone's reader makes of the code: rendered to PNG by segno, read by zxing-cpp."""
    png = io.BytesIO()
    code.save(png, kind="png", scale=5, border=4)
    return [found.text for found in zxingcpp.read_barcodes(Image.open(io.BytesIO(png.getvalue())))]


SVG_PATH = re.compile(r'<path class="qrline" stroke="#000" d="([^"]+)"')
STEP = re.compile(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?")


def svg_modules(svg: str, border: int = 4) -> set[tuple[int, int]]:
    """The dark modules (row, column) an SVG from segno draws: a path of horizontal lines,
    each `h` a run of modules along the row whose middle the pen is on."""
    dark = set()
    x = y = 0.0
    for command, first, second in STEP.findall(SVG_PATH.search(svg).group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            run_length = float(first)
            dark.update((int(y - 0.5) - border, int(x) + i - border) for i in range(int(run_length)))
            x += run_length
    return dark


def matrix_modules(code: segno.QRCode) -> set[tuple[int, int]]:
    return {(r, c) for r, row in enumerate(code.matrix) for c, value in enumerate(row) if value & 1}


def test_each_products_codes_decode_back_to_its_page_and_its_codes(tmp_path):
    out = tmp_path / "qr"
    result = run("--data", str(REPO / "data"), "-f", str(config(tmp_path)), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{p}.svg" for p in PRODUCTS] + [f"{p}-codes.svg" for p in PRODUCTS] + ["stickers.html"]
    )
    for product in PRODUCTS:
        page, codes = f"{SITE_URL}products/{product}/", f"{SITE_URL}codes/#product-{product}"
        for name, address in ((f"{product}.svg", page), (f"{product}-codes.svg", codes)):
            expected = segno.make(address, error="m", micro=False)
            assert decoded(expected) == [address]
            svg = (out / name).read_text(encoding="utf-8")
            assert len(matrix_modules(expected)) > 200 and svg_modules(svg) == matrix_modules(expected), name
            assert 'width="' in svg and "mm" in svg  # printable at its size
    assert "已把 7 个产品的二维码写到" in result.output


def test_the_sheet_holds_a_sticker_per_product_with_both_codes_its_name_and_address(tmp_path):
    out = tmp_path / "qr"
    run("--data", str(REPO / "data"), "-f", str(config(tmp_path)), "--out", str(out), "--product", "sd-3")
    sheet = (out / "stickers.html").read_text(encoding="utf-8")
    assert sheet.count('<div class="kb-sticker">') == 1 and sheet.count('<svg role="img"') == 2
    assert '<p class="kb-sticker-name">SD-3 伺服驱动器</p>' in sheet
    assert f'<p class="kb-sticker-url">{SITE_URL}products/sd-3/</p>' in sheet
    assert "@page { size: A4; margin: 10mm; }" in sheet  # the sticker's stylesheet, inline
    inline = re.findall(r"<svg role=\"img\".*?</svg>", sheet)
    page_code = segno.make(f"{SITE_URL}products/sd-3/", error="m", micro=False)
    assert svg_modules(inline[0]) == matrix_modules(page_code)
    assert sorted(p.name for p in out.iterdir()) == ["sd-3-codes.svg", "sd-3.svg", "stickers.html"]


def test_the_same_records_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = run("--data", str(TESTS / "data" / "second-org"), "-f", str(config(tmp_path)), "--out", str(out))
        assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in first.iterdir()} == {p.name: p.read_bytes() for p in second.iterdir()}


def test_without_a_site_url_it_refuses_in_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "qr"
    result = run("--data", str(REPO / "data"), "-f", str(config(tmp_path, site_url=None)), "--out", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert result.output.count("\n") == 1
    assert result.output.startswith("错误：二维码要有完整的网址") and "`site_url`" in result.output
    english = run("--data", str(REPO / "data"), "-f", str(config(tmp_path, None, "en")), "--out", str(out))
    assert english.exit_code == 1 and not out.exists()
    assert english.output.startswith("Error: A QR code needs the site's full address")
    # The environment variable mkdocs.yml reads (site_url: !ENV [KB_SITE_URL, null]) counts.
    from_env = run("--data", str(REPO / "data"), "-f", str(REPO / "mkdocs.yml"), "--out", str(out))
    assert from_env.exit_code == 1 and not out.exists()
    given = run(
        "--data", str(REPO / "data"), "-f", str(REPO / "mkdocs.yml"), "--out", str(out), env={"KB_SITE_URL": SITE_URL}
    )
    assert given.exit_code == 0 and (out / "hx-200.svg").is_file()


def test_an_unknown_product_is_refused_and_nothing_is_written(tmp_path):
    out = tmp_path / "qr"
    result = run("--data", str(REPO / "data"), "-f", str(config(tmp_path)), "--out", str(out), "--product", "hx-2000")
    assert result.exit_code == 1 and not out.exists()
    assert result.output == (
        "错误：没有产品 `hx-2000`；`taxonomy.yml` 里的产品有 `hx-200`、`vmc-850`、`sc-75`、`im-280`、`sd-3`、`cc-500`、`ad-30`；"
        "什么都没有写。\n"
    )


def test_help_in_both_languages(tmp_path):
    chinese = CliRunner().invoke(main, ["qr", "--help"])
    assert "铭牌二维码" in chinese.output and "site_url" in chinese.output
    assert "qr" in CliRunner().invoke(main, ["--help"]).output
