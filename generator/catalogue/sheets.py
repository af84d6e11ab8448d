"""Messages of `kb import` about a spreadsheet and its cells, and of `kb export --format xlsx`.
What they call a kind (`noun-<kind>`) is the kind's own words (generator/kinds/)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "count-row": ("{n} 行", "{n} row"),
    "count-rows": ("{n} 行", "{n} rows"),
    "sheet-separator": ("；", "; "),
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
    "sheet-cannot-read-file": ("无法读取文件：`{reason}`", "cannot read the file: {reason}"),
    "sheet-old-excel": (
        "这是旧的 Excel 格式（.xls）；请在 Excel 或 WPS 里打开，另存为 .xlsx 或 .csv",
        "this is the old Excel format (.xls); open it in Excel or WPS and save it as .xlsx or .csv",
    ),
    "sheet-not-a-sheet": ("`kb import` 读不了这种文件；请给出 .xlsx 或 .csv 文件", "not a spreadsheet kb import reads; give an .xlsx or a .csv file"),
    "sheet-not-a-workbook": (
        "无法作为 Excel 工作簿读取（`{reason}`）；请另存为 .xlsx 或 .csv",
        "cannot be read as an Excel workbook ({reason}); save it again as .xlsx or .csv",
    ),
    "sheet-csv-encoding": ("CSV 文件既不是 UTF-8 也不是 GBK{looks}；请另存为 CSV UTF-8", "the CSV file is neither UTF-8 nor GBK{looks}; save it again as CSV UTF-8"),
    "sheet-csv-looks-like": ("（看起来是 {encoding}）", " (it looks like {encoding})"),
    "sheet-csv-error": ("第 {line} 行：`{error}`", "line {line}: {error}"),
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
    # the sheet's columns (generator/sheets/columns.py) and the --map file
    "sheet-the-sheet": ("工作表 `{name}`", "sheet `{name}`"),
    "sheet-the-file": ("这个文件", "the file"),
    "sheet-skipped": (
        "{what}没有案例、人员或培训场次字段的表头行（`kb import` 只读这三类）；跳过。请用 `--kind` 指明类型，或在 `--map` 里写明表头对应的字段",
        "{what} has no header row of case, person or session fields (kb import reads those three); skipped. Give --kind, or name its headers in --map",
    ),
    "sheet-skipped-for-reading": (
        "{what}列出的{kind}记录只供阅读（`kb import` 读案例、人员和培训场次）；跳过",
        "{what} lists {kind} records for reading (kb import reads cases, people and sessions); skipped",
    ),
    "sheet-column-ignored": (
        "列 `{header}` 不是{kind}的字段；没有导入，也永远不会写进记录（如果它对应某个字段，请在 `--map` 里写明）",
        "column `{header}` is not a {kind} field; ignored and never written (name its field in --map if it holds one)",
    ),
    "sheet-column-twice": ("列 `{header}` 是 `{field}` 的第二列；只读第一列", "column `{header}` is a second column for `{field}`; only the first one is read"),
    "sheet-column-missing": (
        "没有一列是 `{field}`，而每个{kind}都需要它；这张表没有导入",
        "no column holds `{field}`, which every {kind} needs; the sheet was not imported",
    ),
    "sheet-validated-needs": (
        "`--state validated` 需要 `environment`（环境）和 `validated_by`（验证人）两列，这张表缺少 {fields}，没有导入。请按默认的待验证导入（不加 `--state`），或者加上这一列",
        "--state validated needs an environment and a validated_by column, and this sheet has no column for {fields}; it was not imported. Import it as not-validated (the default, without --state), or add the column",
    ),
    "sheet-map-at": ("{where}：{problem}", "{where}: {problem}"),
    "sheet-map-unreadable": ("{path}：无法读取文件：`{reason}`", "{path}: cannot read the file: {reason}"),
    "sheet-map-not-a-mapping": ("{path}：`--map` 文件写的是 `表头: 字段` 的映射", "{path}: a --map file is a mapping of `header: field`"),
    "sheet-map-not-a-field-name": (
        "{path}：`{header}` 必须对应一个字段名，或者 `null`（忽略这一列）",
        "{path}: `{header}` must map to a field name or to null (ignore the column)",
    ),
    "sheet-map-unknown-field": (
        "{path}：`{target}`（`{header}` 对应的）不是字段；字段有：{fields}",
        "{path}: `{target}` (for `{header}`) is not a field; fields: {fields}",
    ),
    # what a 台账 leaves out (generator/sheets/ledger.py)
    "sheet-made-title": ("标题取自症状的第一句：`{title}`", "title made from the symptoms' first clause: `{title}`"),
    "sheet-made-wip": (
        "状态为处理中（`wip`）：这一行没有 {fields}，而 `{state}` 需要",
        "state wip: the row has no {fields}, which `{state}` needs",
    ),
    "sheet-made-state": ("状态取自 `--state`：`{state}`", "state from --state: `{state}`"),
    "sheet-made-environment-note": ("环境由产品生成（表里没有环境这一列）", "environment made from the products (the sheet has no environment column)"),
    "sheet-made-environment": (
        "设备：{products}。台账里没有记下版本、配置和现场条件。",
        "Equipment: {products}. The log kept no version, configuration or site conditions.",
    ),
    # the rows (generator/sheets/rows.py, plan.py)
    "sheet-control-character": (
        "`{field}` 含有看不见的控制字符 {character}；请从单元格里删掉它",
        "`{field}` holds the invisible control character {character}; delete it from the cell",
    ),
    "sheet-id-used": ("{kind} id `{id}` 已经被第 {row} 行用了", "{kind} id `{id}` is already used by row {row}"),
    "sheet-bad-id": (
        "id `{id}` 只能由小写英文字母、数字和单个连字符组成，至多 64 个字符",
        "id `{id}` must be lower-case ASCII letters, digits and single hyphens, at most 64 characters",
    ),
    "sheet-not-yaml": ("这一行无法写成 YAML：`{error}`", "the row cannot be written as YAML: {error}"),
    "sheet-already-exists": (
        "{kind} `{id}` 已经在 {file} 里，内容和这一行不同；加上 `--update` 会覆盖它",
        "{kind} `{id}` already exists in {file} and differs from this row; --update overwrites it",
    ),
    # what kb import prints (generator/cli/import_sheet.py)
    "sheet-columns-of": ("{sheet} 的列（{kind}）：", "Columns of {sheet} ({kind}):"),
    "sheet-column-field": ("{column} `{header}` → `{field}`（{label}）", "{column} `{header}` → `{field}` ({label})"),
    "sheet-column-passed": ("{column} `{header}` 不导入：{reason}", "{column} `{header}` passed over: {reason}"),
    "sheet-passed-row-number": ("表格的行号", "the sheet's row number"),
    "sheet-passed-contact": ("客户的联系方式是个人信息，从不读取", "a customer's contact is personal data, never read"),
    "sheet-passed-billing": ("收费不属于案例", "billing is no part of a case"),
    "sheet-passed-notes": ("备注留在表格里；有用的内容请在导入后写进案例", "notes stay in the sheet; write what matters into the case after the import"),
    "sheet-passed-map": ("`--map` 让忽略这一列", "--map says to ignore it"),
    "sheet-passed-unknown": ("不是{kind}的字段（见上面的 KB801）", "not a {kind} field (KB801 above)"),
    "sheet-passed-twice": ("是 `{field}` 的第二列", "a second column for `{field}`"),
    "sheet-column-made-id": ("`id`：和 `kb new` 一样，由日期、第一个产品和标题生成", "id: made from the date, the first product and the title, as kb new makes one"),
    "sheet-column-made-title": (
        "`title`（标题）：取自 `{header}` 的第一句，至多 {length} 个字",
        "title: made from the first clause of `{header}`, at most {length} characters",
    ),
    "sheet-column-state": (
        "`state`（状态）：{state}（`--state`）；没有 {fields} 的行为处理中（`wip`）",
        "state: {state} (--state); a row without {fields} is wip",
    ),
    "sheet-column-state-plain": ("`state`（状态）：{state}（`--state`）", "state: {state} (--state)"),
    "sheet-column-made-environment": (
        "`environment`（环境）：由每一行的产品生成（表里没有这一列）",
        "environment: made from each row's products (the sheet has no such column)",
    ),
    "sheet-row": ("{sheet} 第 {row} 行", "{sheet} row {row}"),
    "sheet-wrote": ("已写入 {file}  （{row}）", "wrote {file}  ({row})"),
    "sheet-would-write": ("将写入 {file}  （{row}）", "would write {file}  ({row})"),
    "sheet-updated": ("已更新 {file}  （{row}）", "updated {file}  ({row})"),
    "sheet-would-update": ("将更新 {file}  （{row}）", "would update {file}  ({row})"),
    "sheet-nothing-written": ("什么都没有写：{reason}。", "Nothing written: {reason}."),
    "sheet-stopped-unreadable": ("文件读不出来（见上）", "the file could not be read (above)"),
    "sheet-stopped-no-sheet": (
        "没有一张表含有案例、人员或培训场次的列；请用 `--kind` 指明类型，或用 `--map` 写明表头",
        "no sheet holds case, person or session columns; give --kind or --map",
    ),
    "sheet-stopped-outside": ("有文件会写到数据文件夹以外（见上）", "a target would leave the data folder (above)"),
    "sheet-stopped-would-break": ("这些行会破坏数据文件夹里已有的记录（见上）", "the rows would break records already in the data folder (above)"),
    "sheet-summary": (
        "读了 {rows}：写入 {create} 条，更新 {update} 条，{unchanged} 条没有变化",
        "{rows} read: {create} written, {update} updated, {unchanged} unchanged",
    ),
    "sheet-summary-dry": (
        "读了 {rows}：将写入 {create} 条，将更新 {update} 条，{unchanged} 条没有变化",
        "{rows} read: {create} would be written, {update} would be updated, {unchanged} unchanged",
    ),
    "sheet-summary-failed": ("，{failed} 条有错误，没有写入（见上）", ", {failed} not written (errors above)"),
    "sheet-summary-end": ("。", "."),
    "sheet-summary-dry-end": ("；这是试运行，什么都没有写。", "; dry run: nothing was written."),
    "sheet-problems-before": (
        "导入之前，数据文件夹里已经有 {count} 个错误；`kb validate` 会列出它们。",
        "The data folder had {count} errors before the import; `kb validate` lists them.",
    ),
    "sheet-error": ("错误：", "Error: "),
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
