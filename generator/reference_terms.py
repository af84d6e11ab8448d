"""The words of the record reference in English and Chinese: type words, the general rules
and the rules beyond the field table. The fields' meanings are not here: they live with the
fields, and each kind's heading and introduction with the kind (generator/kinds/).
"""

from __future__ import annotations

from typing import Any

from generator.kinds import RECORD_KIND, TAXONOMY_KINDS
from generator.load.files import TAXONOMY

_REF_PLACES_EN = {
    "step": "a step id of the same path",
    **{kind: f"an id of a file in `data/{entry.folder}/`" for kind, entry in RECORD_KIND.items()},
    **{entry.name: f"an id in the `{entry.folder}` list of `data/{TAXONOMY}.yml`" for entry in TAXONOMY_KINDS},
}
_REF_PLACES_ZH = {
    "step": "本路径某一步骤的 id",
    **{kind: f"`data/{entry.folder}/` 中某个文件的 id" for kind, entry in RECORD_KIND.items()},
    **{entry.name: f"`data/{TAXONOMY}.yml` 中 `{entry.folder}` 的 id" for entry in TAXONOMY_KINDS},
}

TERMS: dict[str, dict[str, Any]] = {
    "en": {
        "language": "en",
        "allowed_sep": "; ",
        "title": "Record format, version {version}",
        "intro": (
            "The contract between the people who write records and the generator: a `data/` folder "
            "written to this page validates and builds. Fields may be added later; a field named here "
            "keeps its name and meaning. This page is generated from the record shapes "
            "(`generator/shapes.py`) by `kb reference`; the JSON Schemas in `schemas/` come from the same shapes."
        ),
        "general": (
            "One record per file. The record's `id` equals the file name without `.yml` (`.yaml` is "
            "accepted too). Ids are unique within their kind.",
            "Id pattern: {pattern}, at most 64 characters (ASCII, so URLs stay clean; names and titles "
            "carry the Chinese).",
            "Ids that pages of the site use are reserved and refused: {reserved}.",
            "Files are UTF-8 (a BOM is tolerated). Dates are `YYYY-MM-DD`.",
            "Long text fields are Markdown (lists, code blocks, tables, links, images from `attachments/`). "
            "Raw HTML is not part of the format.",
            "A Markdown field nests lists and quotes at most {nesting} levels deep, has at most {nesting} `[` open "
            "at once in a paragraph, and holds at most {links} links and images: past these, reading it would cost "
            "many times its length.",
            "Images and documents that records point to are kept in `data/attachments/`.",
            "A file may start with a `# yaml-language-server: $schema=...` comment line (`kb new` writes it).",
        ),
        "files_label": "Files:",
        "id_label": "Id:",
        "files": "{files}, one record per file",
        "files_sub_folders": "{files}, one record per file; sub-folders (e.g. by year) are allowed",
        "files_taxonomy": "{file}, one file with the lists {lists}",
        "id_record": "the file name without `.yml`: {id} is kept in {path}; unique among its kind",
        "id_taxonomy": "each entry's `id` is unique within its list, e.g. {id}; records name entries by it",
        "fields": "Fields",
        "entry_of": "Each entry of {field}",
        "example": "Example",
        "field": "field",
        "type": "type",
        "required": "required",
        "allowed": "allowed values",
        "meaning": "meaning",
        "yes": "yes",
        "no": "no",
        "yes_unless": "yes unless {states}",
        "yes_when": "yes when {states}",
        "sep": ", ",
        "or": " or ",
        "default": "default {value}",
        "at_least_one": "at least one",
        "text": "text",
        "markdown": "Markdown text",
        "word": "word",
        "word_allowed": "text; a number such as `401` is read as text",
        "date": "date",
        "date_allowed": "`YYYY-MM-DD`, a real calendar date",
        "period": "period",
        "period_allowed": "`2026`, `2026-H2`, `2026-Q3` or `2026-09`",
        "level": "level",
        "level_allowed": "1–4",
        "id": "id",
        "id_allowed": "lower-case letters, digits and single hyphens; at most 64 characters",
        "ref": "{kind} id",
        "ref_allowed": _REF_PLACES_EN,
        "kinds": {
            "person": "person",
            "case": "case",
            "session": "session",
            "skill": "skill",
            "product": "product",
            "team": "team",
            "award-kind": "award kind",
            "step": "step",
        },
        "choice": "one of the allowed values",
        "list": "list of {item}s",
        "map": "map of {key} to {value}",
        "entries": "list of entries ([below](#{anchor}))",
        "number": "number",
        "integer": "whole number",
        "rules_heading": "Rules beyond the field table",
        "rules": (
            "Every id that a record names must exist in its kind (KB401–KB408).",
            "A case's `related` does not name the case itself (KB509).",
            "An attendee, author, mentor or recipient must have `joined` on or before the date in question (KB505).",
            "Dates are real calendar dates; `ends`/`review_by` are not before the start they relate to (KB205, KB504).",
            "Unknown fields are errors: a typo must not silently drop data (KB202).",
            "Text must not contain personal data of customers: mobile numbers, ID-card numbers, "
            "e-mail addresses (KB601–KB603).",
        ),
    },
    "zh": {
        "language": "zh",
        "allowed_sep": "；",
        "title": "记录格式（{version} 版）",
        "intro": (
            "这是写记录的人与生成器之间的约定：按本页写的 `data/` 文件夹能通过检查并生成站点。以后可能增加字段；"
            "本页列出的字段不会改名，含义也不变。本页由 `kb reference` 从记录结构（`generator/shapes.py`）生成；"
            "`schemas/` 中供编辑器使用的 JSON Schema 也来自同一结构。"
        ),
        "general": (
            "一个文件一条记录。记录的 `id` 等于文件名去掉 `.yml`（也可以用 `.yaml`）。同一类记录中 id 不能重复。",
            "id 的格式：{pattern}，最多 64 个字符（只用 ASCII，网址才干净；中文写在名称和标题里）。",
            "站点页面占用的 id 不能使用：{reserved}。",
            "文件用 UTF-8 编码（可以带 BOM）。日期写成 `YYYY-MM-DD`。",
            "长文本字段用 Markdown（列表、代码块、表格、链接、`attachments/` 中的图片）。不支持直接写 HTML。",
            "一个 Markdown 字段里列表和引用最多套 {nesting} 层，一段里同时打开的 `[` 最多 {nesting} 个，"
            "链接和图片最多 {links} 个：超过这些，读它的时间会是文字长度的许多倍。",
            "记录引用的图片和文档放在 `data/attachments/` 中。",
            "文件第一行可以是 `# yaml-language-server: $schema=...` 注释（`kb new` 会写上）。",
        ),
        "files_label": "文件：",
        "id_label": "id：",
        "files": "{files}，一个文件一条记录",
        "files_sub_folders": "{files}，一个文件一条记录；可以放在子文件夹里（例如按年份）",
        "files_taxonomy": "{file}，一个文件，包含列表 {lists}",
        "id_record": "等于文件名去掉 `.yml`：{id} 保存在 {path} 中；同类记录中不能重复",
        "id_taxonomy": "每个条目的 `id` 在本列表中不能重复，例如 {id}；记录用它引用条目",
        "fields": "字段",
        "entry_of": "{field} 的每一项",
        "example": "示例",
        "field": "字段",
        "type": "类型",
        "required": "必填",
        "allowed": "可用的值",
        "meaning": "含义",
        "yes": "是",
        "no": "否",
        "yes_unless": "{states} 以外必填",
        "yes_when": "{states} 时必填",
        "sep": "、",
        "or": " 或 ",
        "default": "默认 {value}",
        "at_least_one": "至少一项",
        "text": "文本",
        "markdown": "Markdown 文本",
        "word": "词",
        "word_allowed": "文本；`401` 这样的数字按文本读",
        "date": "日期",
        "date_allowed": "`YYYY-MM-DD`，真实存在的日期",
        "period": "期间",
        "period_allowed": "`2026`、`2026-H2`、`2026-Q3` 或 `2026-09`",
        "level": "等级",
        "level_allowed": "1–4",
        "id": "id",
        "id_allowed": "小写字母、数字和单个连字符；最多 64 个字符",
        "ref": "{kind} id",
        "ref_allowed": _REF_PLACES_ZH,
        "kinds": {
            "person": "人员",
            "case": "案例",
            "session": "培训场次",
            "skill": "技能",
            "product": "产品",
            "team": "班组",
            "award-kind": "荣誉种类",
            "step": "步骤",
        },
        "choice": "下列值之一",
        "list": "{item}列表",  # a space after a Latin word: see _describe
        "map": "{key} 到{value}的映射",
        "entries": "条目列表（[见下表](#{anchor})）",
        "number": "数字",
        "integer": "整数",
        "rules_heading": "字段表以外的规则",
        "rules": (
            "记录中引用的每个 id 都必须存在于对应的类别中（KB401–KB408）。",
            "案例的 `related` 不能引用案例自己（KB509）。",
            "参训人、作者、师傅、获奖人的 `joined` 必须不晚于相应的日期（KB505）。",
            "日期必须是真实存在的日期；`ends`、`review_by` 不能早于它们对应的开始日期（KB205、KB504）。",
            "未知字段是错误：拼错的字段不能悄悄丢掉数据（KB202）。",
            "文本中不能有客户的个人信息：手机号、身份证号、电子邮箱（KB601–KB603）。",
        ),
    },
}
