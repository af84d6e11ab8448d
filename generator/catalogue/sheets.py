"""Messages of `kb import` about a spreadsheet and its cells, and of `kb export --format xlsx`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "noun-person": ("人员", "person"),
    "noun-product": ("产品", "product"),
    "noun-skill": ("技能", "skill"),
    "noun-team": ("团队", "team"),
    "noun-session": ("培训场次", "session"),
    "noun-award-kind": ("奖项类别", "award kind"),
    "noun-case": ("案例", "case"),
    "sheet-near-names": ("；是不是 {names}？", "; did you mean {names}?"),
    "sheet-ambiguous-name": (
        "`{text}` 对应了不止一个{noun}：{candidates}；请改写 id",
        "`{text}` fits more than one {noun}: {candidates}; write the id",
    ),
    "sheet-not-a-choice": ("`{field}` 是 `{text}`；可选：{allowed}", "`{field}` is `{text}`; allowed: {allowed}"),
    "sheet-bad-skill-level": (
        "`{item}` 需要写成技能加 1-4 的等级，例如 `液压系统 3`",
        "`{item}` needs a skill and a level 1-4, e.g. `hydraulics 3`",
    ),
    # the file (generator/sheets/read.py)
    "sheet-cannot-read-file": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "sheet-old-excel": (
        "这是旧的 Excel 格式（.xls）；请在 Excel 或 WPS 里打开，另存为 .xlsx 或 .csv",
        "this is the old Excel format (.xls); open it in Excel or WPS and save it as .xlsx or .csv",
    ),
    "sheet-not-a-sheet": ("`kb import` 读不了这种文件；请给出 .xlsx 或 .csv 文件", "not a spreadsheet kb import reads; give an .xlsx or a .csv file"),
    "sheet-not-a-workbook": (
        "无法作为 Excel 工作簿读取（{reason}）；请另存为 .xlsx 或 .csv",
        "cannot be read as an Excel workbook ({reason}); save it again as .xlsx or .csv",
    ),
    "sheet-csv-encoding": ("CSV 文件既不是 UTF-8 也不是 GBK{looks}；请另存为 CSV UTF-8", "the CSV file is neither UTF-8 nor GBK{looks}; save it again as CSV UTF-8"),
    "sheet-csv-looks-like": ("（看起来是 {encoding}）", " (it looks like {encoding})"),
    "sheet-csv-error": ("第 {line} 行：{error}", "line {line}: {error}"),
    "sheet-formula": (
        "单元格里是公式 `{formula}`：`kb import` 不读公式，也不读 Excel 上次算出的值。请把它换成值（复制，选择性粘贴为“数值”），或者删掉",
        "the cell holds the formula `{formula}`: kb import reads no formulas, nor the value Excel last calculated. Replace it with its value (copy, paste special as values), or delete it",
    ),
    # limits (generator/sheets/limits.py), checked before a workbook is parsed (generator/sheets/bounds.py)
    "sheet-limit-file": ("文件有 {size} MiB；`kb import` 至多读 {limit} MiB 的文件", "the file is {size} MiB; kb import reads files of at most {limit} MiB"),
    "sheet-limit-members": ("工作簿由 {count} 个部分组成；`kb import` 至多读 {limit} 个部分", "the workbook is made of {count} parts; kb import reads at most {limit}"),
    "sheet-limit-member": (
        "工作簿的部分 `{part}` 解压后有 {size} MiB；每个部分至多 {limit} MiB",
        "the workbook's part `{part}` unpacks to {size} MiB; kb import reads parts of at most {limit} MiB",
    ),
    "sheet-limit-ratio": (
        "工作簿的部分 `{part}` 解压后是压缩时的 {ratio} 倍，像压缩炸弹那样；至多 {limit} 倍",
        "the workbook's part `{part}` unpacks to {ratio} times its packed size, as a zip bomb does; kb import reads at most {limit} times",
    ),
    "sheet-limit-unpacked": ("工作簿解压后共有 {size} MiB；`kb import` 至多读 {limit} MiB", "the workbook unpacks to {size} MiB in all; kb import reads at most {limit} MiB"),
    "sheet-limit-rows": ("第 {row} 行超出了上限：`kb import` 至多读 {limit} 行", "row {row} is beyond the limit: kb import reads at most {limit} rows"),
    "sheet-limit-columns": (
        "{column} 列超出了上限：`kb import` 至多读 {limit} 列（到 {last} 列为止）",
        "column {column} is beyond the limit: kb import reads at most {limit} columns (up to {last})",
    ),
    "sheet-limit-cells": (
        "工作簿里的单元格超过了 {limit} 个（只有格式的空单元格也算）：`kb import` 至多读 {limit} 个",
        "the workbook holds more than {limit} cells (empty formatted ones count too): kb import reads at most {limit}",
    ),
    "sheet-limit-dimension": (
        "工作表声明的范围是 `{ref}`：`kb import` 至多读 {rows} 行、{columns} 列。请删掉记录下方和右侧多余的行列（按 `Ctrl+End` 应该停在最后一条记录上）",
        "the sheet declares the range `{ref}`; kb import reads at most {rows} rows and {columns} columns. Delete the rows and columns below and to the right of the records (Ctrl+End should stop at the last record)",
    ),
    "sheet-limit-merged": ("工作簿里合并的区域超过了 {limit} 个：`kb import` 至多读 {limit} 个", "the workbook has more than {limit} merged ranges; kb import reads at most {limit}"),
    "sheet-limit-merged-cells": (
        "合并的区域 `{ref}` 覆盖 {area} 个单元格：`kb import` 在一个工作簿里至多读 {limit} 个合并的单元格",
        "the merged range `{ref}` covers {area} cells; kb import reads at most {limit} merged cells in a workbook",
    ),
    "sheet-limit-linked-cells": (
        "超链接的区域 `{ref}` 覆盖 {area} 个单元格：`kb import` 在一个工作簿里至多读 {limit} 个带超链接的单元格",
        "the link over `{ref}` covers {area} cells; kb import reads at most {limit} linked cells in a workbook",
    ),
    "sheet-limit-cell-text": (
        "单元格的文字超过了 {limit} 个字符：一个单元格至多 {limit} 个字符（Excel 自己的上限）",
        "the cell's text is longer than {limit} characters: a cell holds at most {limit} (Excel's own limit)",
    ),
    "sheet-limit-csv-line": (
        "第 {line} 行超过了 {limit} 个字符：`kb import` 读的 CSV 文件每行至多 {limit} 个字符",
        "line {line} is longer than {limit} characters: kb import reads CSV lines of at most {limit} characters",
    ),
    # writing the records (generator/sheets/write.py)
    "sheet-outside-data": (
        "`{path}` 会写到数据文件夹以外（`{link}` 是符号链接，或者不是文件夹）：`kb import` 从不通过链接写入，什么都没有写",
        "`{path}` would be written outside the data folder (`{link}` is a symbolic link, or not a folder): kb import never writes through a link, and nothing was written",
    ),
    # kb export --format xlsx (generator/sheets/export.py)
    "export-xlsx-character": (
        "记录 `{id}`（`{kind}`）的 `{field}` 含有工作簿无法保存的字符 {character}；什么都没有导出",
        "{kind} `{id}`: `{field}` holds {character}, which a workbook cannot carry; nothing was exported",
    ),
    "export-xlsx-too-long": (
        "记录 `{id}`（`{kind}`）的 `{field}` 超过了一个 Excel 单元格能放的 {limit} 个字符；什么都没有导出",
        "{kind} `{id}`: `{field}` is longer than an Excel cell holds ({limit} characters); nothing was exported",
    ),
}  # fmt: skip
