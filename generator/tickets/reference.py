"""The ticket exports' part of the record reference (docs/records.md, /reference/), in both
languages, read from the column table so that the page says what the reader reads."""

from __future__ import annotations

from dataclasses import dataclass

from generator.tickets.columns import COLUMNS, FOLDER, SUFFIX
from generator.tickets.read import MAX_EXPORT_BYTES

ANCHOR = "tickets"


@dataclass(frozen=True)
class ColumnRow:
    name: str
    chinese: str
    anchor: str
    required: str
    meaning: str


@dataclass(frozen=True)
class TicketsReference:
    anchor: str
    heading: str
    about: str
    general: tuple[str, ...]
    columns_anchor: str
    columns_heading: str
    column_titles: tuple[str, ...]
    rows: tuple[ColumnRow, ...]
    rules: tuple[str, ...]
    example_heading: str
    example: str


_EXAMPLE = (
    "工单号,创建日期,客户名称,联系人,处理人,产品,关闭日期,关联案例,备注\n"
    "GD20260001,2026-07-14,某食品厂,（不读取）,张伟,HX-200 液压站,2026-07-16,20260716-hx200-al1021-oil-overheat,\n"
    "GD20260002,2026-07-20,某包装厂,（不读取）,li-na,vmc-850,,,等备件\n"
)

_TERMS = {
    "en": {
        "heading": "Service tickets (`tickets/*.csv`, version 1.1)",
        "about": (
            "Exports of the ticket or CRM system, read as they come out of it: one row per ticket, a header row "
            "first. They give the knowledge-health page its KCS measures (link rate, reuse and new, participation) "
            "and each case and person page its ticket figures."
        ),
        "general": (
            "**Files:** `data/{folder}/*{suffix}`, any number (one per month or year, say), directly in "
            "`data/{folder}/` (no sub-folders), at most {limit} MiB each (KB901).",
            "**Text:** UTF-8 (a BOM is fine) or GBK, detected; cells separated by commas, semicolons or tabs.",
            "**Columns** are found by their English or Chinese header, in any order. **Every other column is "
            "ignored and never reaches the site**: exports carry customer names and phone numbers. The cells "
            "that are read must hold no personal data (KB601–KB603).",
            "**Ticket ids** are unique across all files (KB907). The site shows them only with the plugin option "
            "`show_ticket_ids: true` in mkdocs.yml; otherwise only counts and dates are published.",
        ),
        "columns_heading": "Columns",
        "column_titles": ("column", "Chinese header", "required", "meaning"),
        "yes": "yes",
        "no": "no",
        "rules": (
            "Dates are `YYYY-MM-DD`; `YYYY/M/D`, `YYYY.M.D` and `YYYY年M月D日` are read too, and a time after the "
            "date is ignored (KB903). A ticket is not closed before it was opened (KB504).",
            "`engineer` and `product` are given by id or by name, as `kb import` accepts them; `cases` names case "
            "ids. A name that fits two records is refused, not guessed. An unknown engineer is an error (KB904: add "
            "the person to `data/people/`, with `left` if they have left); an unknown product or case is a warning "
            "(KB905, KB906), since the fix is in the ticket system: the ticket counts without it meanwhile.",
            "Link rate = closed tickets with at least one linked case ÷ closed tickets.",
            "A link is *reuse* when the case was solved before the ticket was opened, *new* otherwise.",
        ),
        "example": "Example",
    },
    "zh": {
        "heading": "服务工单（`tickets/*.csv`，1.1 版）",
        "about": (
            "工单系统或 CRM 导出的文件，原样读取：每行一张工单，第一行是表头。知识健康页据此统计 KCS 指标"
            "（链接率、复用与新建、参与率），案例页和人员页据此显示工单使用情况。"
        ),
        "general": (
            "**文件：** `data/{folder}/*{suffix}`，数量不限（例如每月或每年一个），直接放在 `data/{folder}/` 下"
            "（不放子文件夹），每个不超过 {limit} MiB（KB901）。",
            "**编码：** UTF-8（可带 BOM）或 GBK，自动识别；单元格之间用逗号、分号或制表符分隔。",
            "**列** 按英文或中文表头识别，顺序不限。**其他列一律忽略，绝不进入网站**：导出文件里有客户姓名和电话。"
            "读取的单元格中不能有个人信息（KB601–KB603）。",
            "**工单号** 在所有文件中不能重复（KB907）。只有在 mkdocs.yml 中设置插件选项 `show_ticket_ids: true` "
            "时网站才显示工单号；否则只发布数量和日期。",
        ),
        "columns_heading": "列",
        "column_titles": ("列", "中文表头", "必填", "含义"),
        "yes": "是",
        "no": "否",
        "rules": (
            "日期写成 `YYYY-MM-DD`；也接受 `YYYY/M/D`、`YYYY.M.D` 和 `YYYY年M月D日`，日期后面的时间忽略（KB903）。"
            "关闭日期不能早于创建日期（KB504）。",
            "`engineer`（处理人）和 `product`（产品）可以写 id 或名称，与 `kb import` 相同；`cases`（关联案例）写案例 id。"
            "一个名称对应两条记录时报错，不猜。处理人不存在是错误（KB904：把此人加到 `data/people/`，已离职的填上 `left`）；"
            "产品或案例不存在是警告（KB905、KB906），因为要在工单系统中改正：在此之前该工单不计这一项。",
            "链接率 = 关联了至少一个案例的已关闭工单 ÷ 已关闭工单。",
            "案例在工单创建之前已解决，这次关联算*复用*；否则算*新建*。",
        ),
        "example": "示例",
    },
}


def tickets_reference(language: str) -> TicketsReference:
    terms = _TERMS[language]
    limit = MAX_EXPORT_BYTES // 1024 // 1024
    rows = tuple(
        ColumnRow(
            column.name,
            column.chinese,
            f"{ANCHOR}-{column.name}",
            terms["yes"] if column.required else terms["no"],
            column.meaning if language == "en" else column.meaning_zh,
        )
        for column in COLUMNS
    )
    return TicketsReference(
        anchor=ANCHOR,
        heading=terms["heading"],
        about=terms["about"],
        general=tuple(line.format(folder=FOLDER, suffix=SUFFIX, limit=limit) for line in terms["general"]),
        columns_anchor=f"{ANCHOR}-columns",
        columns_heading=terms["columns_heading"],
        column_titles=terms["column_titles"],
        rows=rows,
        rules=terms["rules"],
        example_heading=terms["example"],
        example=_EXAMPLE,
    )
