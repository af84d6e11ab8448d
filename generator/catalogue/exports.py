"""Messages of `kb export`: `--format xlsx` and `--format opensearch`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "export-records-have-errors": ("记录有错误，什么都没有导出：请先修正上面的错误。", "Nothing exported: fix the errors above first."),
    "export-no-records": ("{folder} 里没有记录，没有可以导出的内容。", "There are no records in {folder}: nothing to export."),
    "export-not-a-folder": ("{path} 是一个文件；`--format opensearch` 要写入一个文件夹", "{path} is a file; --format opensearch writes into a folder"),
    "export-cannot-write": ("无法写入 {path}：`{reason}`", "cannot write {path}: {reason}"),
    "export-does-not-fit": (
        "导出的文档不符合它自己的映射，什么都没有写（这是 `servicekb` 的缺陷，请报告）：\n{problems}",
        "The export does not fit its own mapping, so nothing was written (a fault of servicekb; please report it):\n{problems}",
    ),
    "export-opensearch-done": (
        "已写出 {bulk}：索引 `{index}` 的 {documents} 个文档（{counts}），以及 {mapping}：索引的设置和映射。",
        "Wrote {bulk}: {documents} documents for index `{index}` ({counts}), and {mapping}: the index's settings and mappings.",
    ),
    "export-opensearch-split": (
        "{bulk} 有 {size} MB，一次批量请求太大：请分成每份约 10 MB，逐份导入：",
        "{bulk} is {size} MB, too much for one bulk request: split it into parts of about 10 MB and load each:",
    ),
    "export-not-an-index-name": (
        "`{name}` 不能作为索引名：只能用小写字母、数字、`-`、`_` 和 `.`，以字母或数字开头，至多 255 个字符",
        "`{name}` is not an index name: lower-case letters, digits, -, _ and ., starting with a letter or digit, at most 255 characters",
    ),
    "export-index-only-opensearch": ("`--index` 只用于 `--format opensearch`", "--index is only for --format opensearch"),
    "export-xlsx-sheet": ("{sheet}（{rows}）", "{sheet} ({rows})"),
    "export-xlsx-done": ("已写出 {file}（`xlsx`）：{sheets}。", "Wrote {file} (xlsx): {sheets}."),
    "export-opensearch-next": ("接下来建立索引并导入（`$URL` 是服务器的地址）：", "Next, create the index and load it ($URL is the server's address):"),
}  # fmt: skip
