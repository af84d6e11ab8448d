"""The words of the record reference (docs/records.md, the site's /reference/ page):
key -> (Chinese, English).

The fields' meanings are not here: they live with the fields, in generator/shapes.py.
A list of paragraphs is kept as numbered keys (`reference-general-1`, `-2`, …). The words
of one kind (`reference-heading-<kind>`, `reference-about-<kind>`, `reference-kinds-<kind>`)
are the kind's own (generator/kinds/); generator/reference_terms.py puts them together.
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    "reference-allowed-sep": ("；", "; "),
    "reference-title": ("记录格式（{version} 版）", "Record format, version {version}"),
    "reference-intro": (
        "这是写记录的人与生成器之间的约定：按本页写的 `data/` 文件夹能通过检查并生成站点。以后可能增加字段；本页列出的字段不会改名，含义也不变。本页由 `kb reference` 从记录结构（`generator/shapes.py`）生成；`schemas/` 中供编辑器使用的 JSON Schema 也来自同一结构。",
        "The contract between the people who write records and the generator: a `data/` folder written to this page validates and builds. Fields may be added later; a field named here keeps its name and meaning. This page is generated from the record shapes (`generator/shapes.py`) by `kb reference`; the JSON Schemas in `schemas/` come from the same shapes.",
    ),
    "reference-general-1": (
        "一个文件一条记录。记录的 `id` 等于文件名去掉 `.yml`（也可以用 `.yaml`）。同一类记录中 id 不能重复。",
        "One record per file. The record's `id` equals the file name without `.yml` (`.yaml` is accepted too). Ids are unique within their kind.",
    ),
    "reference-general-2": (
        "id 的格式：{pattern}，最多 64 个字符（只用 ASCII，网址才干净；中文写在名称和标题里）。",
        "Id pattern: {pattern}, at most 64 characters (ASCII, so URLs stay clean; names and titles carry the Chinese).",
    ),
    "reference-general-3": (
        "站点页面占用的 id 不能使用：{reserved}。",
        "Ids that pages of the site use are reserved and refused: {reserved}.",
    ),
    "reference-general-4": (
        "文件用 UTF-8 编码（可以带 BOM）。日期写成 `YYYY-MM-DD`。",
        "Files are UTF-8 (a BOM is tolerated). Dates are `YYYY-MM-DD`.",
    ),
    "reference-general-5": (
        "长文本字段用 Markdown（列表、代码块、表格、链接、`attachments/` 中的图片）。不支持直接写 HTML。",
        "Long text fields are Markdown (lists, code blocks, tables, links, images from `attachments/`). Raw HTML is not part of the format.",
    ),
    "reference-general-6": (
        "一个 Markdown 字段里列表和引用最多套 {nesting} 层，一段里同时打开的 `[` 最多 {nesting} 个，链接和图片最多 {links} 个：超过这些，读它的时间会是文字长度的许多倍。",
        "A Markdown field nests lists and quotes at most {nesting} levels deep, has at most {nesting} `[` open at once in a paragraph, and holds at most {links} links and images: past these, reading it would cost many times its length.",
    ),
    "reference-general-7": (
        "记录引用的图片和文档放在 `data/attachments/` 中。",
        "Images and documents that records point to are kept in `data/attachments/`.",
    ),
    "reference-general-8": (
        "文件第一行可以是 `# yaml-language-server: $schema=...` 注释（`kb new` 会写上）。",
        "A file may start with a `# yaml-language-server: $schema=...` comment line (`kb new` writes it).",
    ),
    "reference-files-label": ("文件：", "Files:"),
    "reference-id-label": ("id：", "Id:"),
    "reference-files": ("{files}，一个文件一条记录", "{files}, one record per file"),
    "reference-files-sub-folders": (
        "{files}，一个文件一条记录；可以放在子文件夹里（例如按年份）",
        "{files}, one record per file; sub-folders (e.g. by year) are allowed",
    ),
    "reference-files-taxonomy": ("{file}，一个文件，包含列表 {lists}", "{file}, one file with the lists {lists}"),
    "reference-files-one": (
        "{file}，一个文件，可以没有：整个文件就是一条记录",
        "{file}, one file, optional: the whole file is one record",
    ),
    "reference-id-one-file": (
        "文件本身没有 `id`；其中每一项的 `id` 在列表中不能重复，例如 {id}",
        "the file has no `id` of its own; each entry's `id` is unique within its list, e.g. {id}",
    ),
    "reference-id-record": (
        "等于文件名去掉 `.yml`：{id} 保存在 {path} 中；同类记录中不能重复",
        "the file name without `.yml`: {id} is kept in {path}; unique among its kind",
    ),
    "reference-id-taxonomy": (
        "每个条目的 `id` 在本列表中不能重复，例如 {id}；记录用它引用条目",
        "each entry's `id` is unique within its list, e.g. {id}; records name entries by it",
    ),
    "reference-fields": ("字段", "Fields"),
    "reference-entry-of": ("{field} 的每一项", "Each entry of {field}"),
    "reference-example": ("示例", "Example"),
    "reference-field": ("字段", "field"),
    "reference-type": ("类型", "type"),
    "reference-required": ("必填", "required"),
    "reference-allowed": ("可用的值", "allowed values"),
    "reference-meaning": ("含义", "meaning"),
    "reference-yes": ("是", "yes"),
    "reference-no": ("否", "no"),
    "reference-yes-unless": ("{states} 以外必填", "yes unless {states}"),
    "reference-yes-when": ("{states} 时必填", "yes when {states}"),
    "reference-sep": ("、", ", "),
    "reference-or": (" 或 ", " or "),
    "reference-default": ("默认 {value}", "default {value}"),
    "reference-at-least-one": ("至少一项", "at least one"),
    "reference-text": ("文本", "text"),
    "reference-markdown": ("Markdown 文本", "Markdown text"),
    "reference-word": ("词", "word"),
    "reference-word-allowed": ("文本；`401` 这样的数字按文本读", "text; a number such as `401` is read as text"),
    "reference-date": ("日期", "date"),
    "reference-date-allowed": ("`YYYY-MM-DD`，真实存在的日期", "`YYYY-MM-DD`, a real calendar date"),
    "reference-period": ("期间", "period"),
    "reference-period-allowed": (
        "`2026`、`2026-H2`、`2026-Q3` 或 `2026-09`",
        "`2026`, `2026-H2`, `2026-Q3` or `2026-09`",
    ),
    "reference-level": ("等级", "level"),
    "reference-level-allowed": ("1–4", "1–4"),
    "reference-id": ("id", "id"),
    "reference-id-allowed": (
        "小写字母、数字和单个连字符；最多 64 个字符",
        "lower-case letters, digits and single hyphens; at most 64 characters",
    ),
    "reference-ref": ("{kind} id", "{kind} id"),
    "reference-choice": ("下列值之一", "one of the allowed values"),
    # a space after a Latin word: see generator/reference.py, _describe
    "reference-list": ("{item}列表", "list of {item}s"),
    "reference-map": ("{key} 到{value}的映射", "map of {key} to {value}"),
    "reference-entries": ("条目列表（[见下表](#{anchor})）", "list of entries ([below](#{anchor}))"),
    "reference-entry": ("一个条目（[见下表](#{anchor})）", "one entry ([below](#{anchor}))"),
    "reference-number": ("数字", "number"),
    "reference-integer": ("整数", "whole number"),
    "reference-boolean": ("是否", "yes or no"),
    "reference-boolean-allowed": ("`true` 或 `false`", "`true` or `false`"),
    "reference-rules-heading": ("字段表以外的规则", "Rules beyond the field table"),
    "reference-rules-1": (
        "记录中引用的每个 id 都必须存在于对应的类别中（KB401–KB408）。",
        "Every id that a record names must exist in its kind (KB401–KB408).",
    ),
    "reference-rules-2": (
        "案例的 `related` 不能引用案例自己（KB509）。",
        "A case's `related` does not name the case itself (KB509).",
    ),
    "reference-rules-3": (
        "参训人、作者、师傅、获奖人的 `joined` 必须不晚于相应的日期（KB505）。",
        "An attendee, author, mentor or recipient must have `joined` on or before the date in question (KB505).",
    ),
    "reference-rules-4": (
        "日期必须是真实存在的日期；`ends`、`review_by` 不能早于它们对应的开始日期（KB205、KB504）。",
        "Dates are real calendar dates; `ends`/`review_by` are not before the start they relate to (KB205, KB504).",
    ),
    "reference-rules-5": (
        "未知字段是错误：拼错的字段不能悄悄丢掉数据（KB202）。",
        "Unknown fields are errors: a typo must not silently drop data (KB202).",
    ),
    "reference-rules-6": (
        "文本中不能有客户的个人信息：手机号、身份证号、电子邮箱（KB601–KB603）。",
        "Text must not contain personal data of customers: mobile numbers, ID-card numbers, e-mail addresses (KB601–KB603).",
    ),
    "reference-rules-7": (
        "只有比赛（`format: contest`）的场次可以写 `paper`（KB520）。",
        "Only a contest session (`format: contest`) names a `paper` (KB520).",
    ),
    "reference-place-step": ("本路径某一步骤的 id", "a step id of the same path"),
    "reference-place-ticket": (
        "`data/tickets/` 导出文件里的工单号（有导出文件时检查）",
        "a ticket id of an export in `data/tickets/` (checked when there are exports)",
    ),
    "reference-kinds-ticket": ("工单", "ticket"),
    "reference-place-record": ("`data/{folder}/` 中某个文件的 id", "an id of a file in `data/{folder}/`"),
    "reference-place-taxonomy": (
        "`data/{file}.yml` 中 `{folder}` 的 id",
        "an id in the `{folder}` list of `data/{file}.yml`",
    ),
}

# The ticket exports' part of the reference (generator/tickets/reference.py).
TICKET_TERMS: dict[str, tuple[str, str]] = {
    "tickets-reference-heading": (
        "服务工单（`tickets/*.csv`，1.1 版）",
        "Service tickets (`tickets/*.csv`, version 1.1)",
    ),
    "tickets-reference-about": (
        "工单系统或 CRM 导出的文件，原样读取：每行一张工单，第一行是表头。知识健康页据此统计 KCS 指标（链接率、复用与新建、参与率），案例页和人员页据此显示工单使用情况。",
        "Exports of the ticket or CRM system, read as they come out of it: one row per ticket, a header row first. They give the knowledge-health page its KCS measures (link rate, reuse and new, participation) and each case and person page its ticket figures.",
    ),
    "tickets-reference-general-1": (
        "**文件：** `data/{folder}/*{suffix}`，数量不限（例如每月或每年一个），直接放在 `data/{folder}/` 下（不放子文件夹），每个不超过 {limit} MiB（KB901）。",
        "**Files:** `data/{folder}/*{suffix}`, any number (one per month or year, say), directly in `data/{folder}/` (no sub-folders), at most {limit} MiB each (KB901).",
    ),
    "tickets-reference-general-2": (
        "**编码：** UTF-8（可带 BOM）或 GBK，自动识别；单元格之间用逗号、分号或制表符分隔。",
        "**Text:** UTF-8 (a BOM is fine) or GBK, detected; cells separated by commas, semicolons or tabs.",
    ),
    "tickets-reference-general-3": (
        "**列** 按英文或中文表头识别，顺序不限。**其他列一律忽略，绝不进入网站**：导出文件里有客户姓名和电话。读取的单元格中不能有个人信息（KB601–KB603）。",
        "**Columns** are found by their English or Chinese header, in any order. **Every other column is ignored and never reaches the site**: exports carry customer names and phone numbers. The cells that are read must hold no personal data (KB601–KB603).",
    ),
    "tickets-reference-general-4": (
        "**工单号** 在所有文件中不能重复（KB907）。只有在 mkdocs.yml 中设置插件选项 `show_ticket_ids: true` 时网站才显示工单号；否则只发布数量和日期。",
        "**Ticket ids** are unique across all files (KB907). The site shows them only with the plugin option `show_ticket_ids: true` in mkdocs.yml; otherwise only counts and dates are published.",
    ),
    "tickets-reference-columns-heading": ("列", "Columns"),
    "tickets-reference-column-titles-1": ("列", "column"),
    "tickets-reference-column-titles-2": ("中文表头", "Chinese header"),
    "tickets-reference-column-titles-3": ("必填", "required"),
    "tickets-reference-column-titles-4": ("含义", "meaning"),
    "tickets-reference-yes": ("是", "yes"),
    "tickets-reference-no": ("否", "no"),
    "tickets-reference-rules-1": (
        "日期写成 `YYYY-MM-DD`；也接受 `YYYY/M/D`、`YYYY.M.D` 和 `YYYY年M月D日`，日期后面的时间忽略（KB903）。关闭日期不能早于创建日期（KB504）。",
        "Dates are `YYYY-MM-DD`; `YYYY/M/D`, `YYYY.M.D` and `YYYY年M月D日` are read too, and a time after the date is ignored (KB903). A ticket is not closed before it was opened (KB504).",
    ),
    "tickets-reference-rules-2": (
        "`engineer`（处理人）和 `product`（产品）可以写 id 或名称，与 `kb import` 相同；`cases`（关联案例）写案例 id。一个名称对应两条记录时报错，不猜。处理人不存在是错误（KB904：把此人加到 `data/people/`，已离职的填上 `left`）；产品或案例不存在是警告（KB905、KB906），因为要在工单系统中改正：在此之前该工单不计这一项。",
        "`engineer` and `product` are given by id or by name, as `kb import` accepts them; `cases` names case ids. A name that fits two records is refused, not guessed. An unknown engineer is an error (KB904: add the person to `data/people/`, with `left` if they have left); an unknown product or case is a warning (KB905, KB906), since the fix is in the ticket system: the ticket counts without it meanwhile.",
    ),
    "tickets-reference-rules-3": (
        "链接率 = 关联了至少一个案例的已关闭工单 ÷ 已关闭工单。",
        "Link rate = closed tickets with at least one linked case ÷ closed tickets.",
    ),
    "tickets-reference-rules-4": (
        "案例在工单创建之前已解决，这次关联算*复用*；否则算*新建*。",
        "A link is *reuse* when the case was solved before the ticket was opened, *new* otherwise.",
    ),
    "tickets-reference-example": ("示例", "Example"),
    "tickets-reference-column-ticket": ("工单系统中的工单号", "the ticket's id in the ticket system"),
    "tickets-reference-column-opened": ("工单创建的日期", "the day the ticket was opened"),
    "tickets-reference-column-closed": (
        "关闭的日期；未关闭时留空",
        "the day it was closed; empty while the ticket is open",
    ),
    "tickets-reference-column-engineer": (
        "处理人：人员 id 或姓名（与 `kb import` 相同）",
        "the person who handled it: a person id or name (as `kb import` accepts)",
    ),
    "tickets-reference-column-product": ("产品 id 或名称", "a product id or name"),
    "tickets-reference-column-cases": (
        "工单关联的案例 id（或案例页面的链接），多个用 、 , ; 或空格分隔",
        "case ids (or links to their pages) linked to the ticket, several separated by `、` `,` `;` or spaces",
    ),
}
