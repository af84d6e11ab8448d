"""The message catalogue: the words of every diagnostic in each language, by key.

A diagnostic carries a key and its arguments, not finished words, so that the same run
can be reported in Chinese on a Chinese site and in English with `--language en`. Each
entry holds both languages side by side, so the two can never have different keys; a
test checks that both use the same placeholders.

An argument may itself be a Text (a hint such as "did you mean …") or a Listing of
values, which are put into the same language as the message around it.

The entries are kept by area in generator/catalogue/ (loading, YAML syntax, shapes,
checks, runs of the commands); the few that every area uses are here. With the other
words of generator/catalogue/ (the pages' labels, the record reference, the check codes,
the commands' help) they make one catalogue, CATALOGUE, read through `text` and `words`:
a key is defined once, and a key that is not in it is an error (UnknownKey).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.catalogue import AREAS, WORDS
from generator.language import LANGUAGES


@dataclass(frozen=True)
class Text:
    """Words to be put into a language later: a catalogue key and its arguments."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.render("en")

    def render(self, language: str) -> str:
        entry = CATALOGUE.get(self.key)
        if entry is None:
            return self.key  # made as Text(words), not by `text`: words written directly (kept as they are)
        template = entry[LANGUAGES.index(language)]
        values = {name: _rendered(value, language) for name, value in self.args}
        return template.format(**values)


class UnknownKey(KeyError):
    """A key that the catalogue does not hold: a mistake in the code, never in the records."""


def text(key: str, /, **args: Any) -> Text:
    """The catalogue's entry `key` with its arguments, to be put into a language later."""
    if key not in CATALOGUE:
        raise UnknownKey(key)
    return Text(key, tuple(sorted(args.items())))


def words(key: str, language: str) -> str:
    """The catalogue's words for `key` in `language`, as they are written (no arguments filled in)."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise UnknownKey(key)
    return entry[LANGUAGES.index(language)]


def numbered(prefix: str, language: str) -> tuple[str, ...]:
    """The words of `prefix-1`, `prefix-2`, …: a list of paragraphs is kept as numbered keys."""
    said = []
    while f"{prefix}-{len(said) + 1}" in CATALOGUE:
        said.append(words(f"{prefix}-{len(said) + 1}", language))
    if not said:
        raise UnknownKey(f"{prefix}-1")
    return tuple(said)


@dataclass(frozen=True)
class Listing:
    """Values named in a message (ids, allowed values, steps of a cycle), joined as each
    language writes a list: `a`、`b` 或 `c` in Chinese, 'a', 'b' or 'c' in English.

    `joiner`: "and" (a plain list), "or" (a choice) or "arrow" (a path through them).
    In Chinese every value is a code span, so that ids never read as words of the text.
    """

    items: tuple[str, ...]
    joiner: str = "and"

    def render(self, language: str) -> str:
        item = words(f"listing-item-{self.joiner}", language)
        quoted = [item.format(item=value) for value in self.items]
        if self.joiner == "arrow":
            return words("listing-separator-arrow", language).join(quoted)
        separator = words("listing-separator", language)
        if self.joiner == "or" and len(quoted) > 1:
            return separator.join(quoted[:-1]) + words("listing-last-or", language) + quoted[-1]
        return separator.join(quoted)


def _rendered(value: Any, language: str) -> Any:
    return value.render(language) if isinstance(value, (Text, Listing)) else value


NOTHING = Text("")  # an empty hint

# key: (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "": ("", ""),
    # hints that other messages put at their end
    "hint-did-you-mean": ("；是不是 `{name}`？", "; did you mean `{name}`?"),
    # reports
    "report-no-problems": ("检查了 {files}，没有发现问题。", "No problems in {files}."),
    "report-counts": ("{files}中有 {errors}、{warnings}。", "{errors}, {warnings} in {files}."),
    # counts, one key per English number so that English can say "1 file" and "2 files"
    "count-file": ("{n} 个文件", "{n} file"),
    "count-files": ("{n} 个文件", "{n} files"),
    "count-error": ("{n} 个错误", "{n} error"),
    "count-errors": ("{n} 个错误", "{n} errors"),
    "count-warning": ("{n} 个警告", "{n} warning"),
    "count-warnings": ("{n} 个警告", "{n} warnings"),
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    # kb serve
    "serve-banner": (
        "记录有错误：网站显示的是上一次成功构建的内容。修正文件后自动重建。",
        "The records have errors: the site shows the last good build. Fix the files and it rebuilds.",
    ),
    "serve-dismiss": ("关闭", "Dismiss"),
    # service-ticket exports (data/tickets/*.csv)
    "tickets-not-csv": (
        "`{name}` 不是 CSV 导出文件；data/tickets/ 只放工单系统导出的 .csv 文件{hint}",
        "`{name}` is not a CSV export; data/tickets/ holds only the ticket system's exports as .csv files{hint}",
    ),
    "tickets-save-as-csv": ("：请在 Excel 或 WPS 中另存为 CSV UTF-8", ": save it as CSV UTF-8 in Excel or WPS"),
    "tickets-sub-folder": (
        "工单导出文件直接放在 data/tickets/ 下，不放子文件夹；请把此文件移到 data/tickets/",
        "ticket exports are kept directly in data/tickets/, not in sub-folders; move this file to data/tickets/",
    ),
    "tickets-too-large": (
        "文件有 {size} MiB，超过单个导出文件 {limit} MiB 的上限；请按月或按年分别导出",
        "the file is {size} MiB, over the {limit} MiB limit for one export; export one file per month or year",
    ),
    "tickets-utf16": (
        "文件是 UTF-16 文本；请重新导出为 CSV（UTF-8 或 GBK）",
        "the file is UTF-16 text; export it again as CSV (UTF-8 or GBK)",
    ),
    "tickets-encoding": (
        "文件既不是 UTF-8 也不是 GBK{guess}；请重新导出为 CSV UTF-8",
        "the file is neither UTF-8 nor GBK{guess}; export it again as CSV UTF-8",
    ),
    "tickets-looks-like": ("，看起来是 {encoding}", "; it looks like {encoding}"),
    "tickets-empty": ("文件没有表头行", "the file holds no header row"),
    "tickets-no-header": (
        "第一行不含任何工单列（{columns}）；表头行必须是第一行{hint}",
        "the first row names none of the ticket columns ({columns}); the header row comes first{hint}",
    ),
    "tickets-header-below": (
        "；表头似乎在第 {line} 行，请删除它上面的行",
        "; the header seems to be on line {line}: delete the lines above it",
    ),
    "tickets-duplicate-column": (
        "表头中 {column} 出现两次（第 {first} 列和第 {second} 列）；只保留一列",
        "the header names {column} twice (columns {first} and {second}); keep one",
    ),
    "tickets-csv-error": ("无法按 CSV 读取：{error}", "cannot be read as CSV: {error}"),
    "tickets-os-error": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "tickets-missing-column": (
        "表头中没有 {column} 列；导出文件需要一列，表头为 `{chinese}` 或 `{english}`",
        "the header has no {column} column; the export needs one headed `{english}` or `{chinese}`",
    ),
    "tickets-missing-value": ("{column} 为空；每张工单都需要填写", "the {column} cell is empty; every ticket needs one"),
    "tickets-bad-date": (
        "{column} `{value}` 不是日期；请写成 `YYYY-MM-DD`",
        "{column} `{value}` is not a date; write it as YYYY-MM-DD",
    ),
    "tickets-unreal-date": (
        "{column} `{value}` 不是真实存在的日期",
        "{column} `{value}` is not a real calendar date",
    ),
    "tickets-closed-before-opened": (
        "工单关闭日期 {closed} 早于创建日期 {opened}",
        "the ticket was closed on {closed}, before it was opened on {opened}",
    ),
    "tickets-control-character": (
        "{column} 含控制字符 {character}；请删除",
        "the {column} cell holds the control character {character}; delete it",
    ),
    "tickets-personal-data": (
        "{column} 含有{what}；客户个人信息不得进入网站，请在工单系统中改正后重新导出",
        "the {column} cell contains {what}; customer personal data must not reach the site: correct it in "
        "the ticket system and export again",
    ),
    "tickets-personal-data-in-name": (
        "文件名含有{what}；请重命名，客户个人信息不得进入网站",
        "the file's name contains {what}; rename it: customer personal data must not reach the site",
    ),
    "tickets-unknown-engineer": (
        "{column} `{value}` 不是 data/people/ 中的人员{hint}{more}",
        "{column} `{value}` is not a person in data/people/{hint}{more}",
    ),
    "tickets-ambiguous-engineer": (
        "{column} `{value}` 对应多个人员：{candidates}；请改写 id{more}",
        "{column} `{value}` fits several people: {candidates}; write the id instead{more}",
    ),
    "tickets-unknown-product": (
        "{column} `{value}` 不是 taxonomy.yml 中的产品{hint}；该工单按无产品统计{more}",
        "{column} `{value}` is not a product in taxonomy.yml{hint}; the ticket counts without a product{more}",
    ),
    "tickets-ambiguous-product": (
        "{column} `{value}` 对应多个产品：{candidates}；请改写 id，该工单暂按无产品统计{more}",
        "{column} `{value}` fits several products: {candidates}; write the id instead (until then the ticket "
        "counts without a product){more}",
    ),
    "tickets-unknown-case": (
        "关联案例 `{value}` 不是 data/cases/ 中的案例{hint}；这条关联不计入统计{more}",
        "linked case `{value}` is not a case in data/cases/{hint}; the link is not counted{more}",
    ),
    "tickets-more-rows": ("（本文件另有 {count} 行同样的问题）", " (and on {count} more row(s) of this file)"),
    "tickets-duplicate": (
        "工单 `{value}` 已出现在 {place}；工单号在所有导出文件中不能重复{more}",
        "ticket `{value}` is already on {place}; a ticket id is unique across all exports{more}",
    ),
}  # fmt: skip


CATALOGUE: dict[str, tuple[str, str]] = {}


def _joined(catalogue: dict[str, tuple[str, str]], areas: tuple[dict[str, tuple[str, str]], ...]) -> None:
    """Add each area's entries, refusing a key that two areas define."""
    for area in areas:
        twice = catalogue.keys() & area.keys()
        if twice:
            raise ValueError(f"catalogue keys defined twice: {sorted(twice)}")
        catalogue.update(area)


_joined(MESSAGES, AREAS)
_joined(CATALOGUE, (MESSAGES, *WORDS))


def register(messages: dict[str, tuple[str, str]], words: dict[str, tuple[str, str]]) -> None:
    """Join areas kept outside generator/catalogue/ to the catalogue: each record kind's own
    (generator/kinds/), which the table of kinds registers as it is imported, so that a new
    kind's words are written in its module alone. A key is still defined once."""
    if any(messages is known for known in AREAS):
        return  # registered already
    _joined(MESSAGES, (messages,))
    _joined(CATALOGUE, (messages, words))
    AREAS.append(messages)
    WORDS.append(words)
