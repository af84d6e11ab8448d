"""Messages of `kb qr`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "qr-no-site-url": (
        "二维码要有完整的网址，可 {config} 没有设置 `site_url`：写上网站发布的地址（如 `site_url: https://kb.example.com/`），或设置环境变量 `KB_SITE_URL`；什么都没有写。",
        "A QR code needs the site's full address, but {config} sets no site_url: give the address the site is published at (e.g. site_url: https://kb.example.com/) or set KB_SITE_URL; nothing was written.",
    ),
    "qr-unknown-product": (
        "没有产品 `{product}`；`taxonomy.yml` 里的产品有 {known}；什么都没有写。",
        "There is no product `{product}`; the products in taxonomy.yml are {known}; nothing was written.",
    ),
    "qr-no-products": ("`taxonomy.yml` 里没有产品，没有可以做二维码的内容。", "taxonomy.yml lists no products: there is nothing to make QR codes for."),
    "qr-records-have-errors": ("记录有错误，什么都没有写：请先修正上面的错误。", "Nothing was written: fix the errors above first."),
    "qr-cannot-write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "qr-done": (
        "已把 {count} 个产品的二维码写到 {folder}/：每个产品的 `<id>.svg`（产品页）和 `<id>-codes.svg`（报警代码），以及打印用的贴纸页 {sheet}（A4，每页 10 张）。",
        "Wrote the QR codes of {count} product(s) into {folder}/: <id>.svg (the product's page) and <id>-codes.svg (its alarm codes) for each, and {sheet}, the stickers to print (A4, ten to a page).",
    ),
}  # fmt: skip
