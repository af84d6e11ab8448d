"""Messages of the limits on what the project reads beyond a record's shape: Markdown that
would cost its parser many times its length (KB513-KB515), and the web server access logs
that `kb search-report` reads, what it prints and the page it writes (KB114-KB116)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Markdown fields (generator/markdown.py, generator/validate/shape.py)
    "shape-markdown-nesting": (
        "`{field}` 里的列表或引用套了超过 {limit} 层；请把内容拆平，或者放进 ``` 代码块",
        "`{field}` nests lists or quotes more than {limit} levels deep; flatten the text or put it in a ``` code block",
    ),
    "shape-markdown-brackets": (
        "`{field}` 的这一段里同时打开了超过 {limit} 个 `[`；请关上它们，不是链接的 `[` 写成 `\\[`，或者放进 ``` 代码块",
        "`{field}` has more than {limit} `[` open at once in this paragraph; close them, write those that are not "
        "links as `\\[`, or put the text in a ``` code block",
    ),
    "shape-markdown-links": (
        "`{field}` 里的链接和图片超过了 {limit} 个；请把文件列在 `attachments` 里，或者把记录拆开",
        "`{field}` holds more than {limit} links and images; list files under `attachments` or split the record",
    ),
    # kb search-report: the logs (generator/search/report.py)
    "log-missing": ("文件不存在", "no such file"),
    "log-not-a-file": ("不是普通文件（是文件夹、设备或失效的符号链接）", "not a plain file (a folder, a device or a broken link)"),
    "log-cannot-read": ("无法读取文件：`{reason}`", "cannot read the file: {reason}"),
    "log-not-gzip": ("文件名以 `.gz` 结尾，但不是 `gzip` 压缩文件", "the name ends in .gz but the file is not gzip-compressed"),
    "log-damaged-gzip": ("`gzip` 压缩文件已损坏或不完整", "the gzip file is damaged or cut short"),
    "log-not-text": ("文件不是文本；访问日志是 `nginx` 或 `Apache` 写的文本文件", "the file is not text; an access log is a text file written by nginx or Apache"),
    "log-not-a-log": ("没有一行是 `common` 或 `combined` 格式的访问日志", "no line is an access log line in the common or combined format"),
    "log-too-large": (
        "日志解压后超过 {limit}，不再读下去（可能是压缩炸弹）；请按天轮转日志，一次报告较少的日志",
        "the log is over {limit} unpacked and is read no further (it may be a gzip bomb); rotate the logs by day "
        "and report on fewer at a time",
    ),
    "log-too-many-lines": (
        "日志超过 {limit} 行；请按天轮转日志，一次报告较少的日志",
        "the log has more than {limit} lines; rotate the logs by day and report on fewer at a time",
    ),
    "log-too-many-queries": (
        "这些日志里不同的搜索词超过 {limit} 个；请一次报告较少的日志",
        "the logs hold more than {limit} different queries; report on fewer logs at a time",
    ),
    # kb search-report: what it prints and the page it writes (generator/cli/search_report.py)
    "count-search": ("{n} 次搜索", "{n} search"),
    "count-searches": ("{n} 次搜索", "{n} searches"),
    "search-report-summary": ("日志里有 {searches}；{found}的搜索词，按次数排列：", "{searches} in the logs; the queries with {found}, most searched first:"),
    "search-report-no-results": ("没有结果", "no results"),
    "search-report-at-most-one": ("最多 1 个结果", "at most 1 result"),
    "search-report-at-most": ("最多 {few} 个结果", "at most {few} results"),
    "search-report-row": ("{count} 次  {results} 个结果  {query}", "{count}×  {results} results  {query}"),
    "search-report-none": ("（没有）", "(none)"),
    "search-report-personal": ("{searches}因含个人信息没有列出。", "{searches} left out for holding personal data."),
    "search-report-unprintable": ("{searches}因含控制字符没有列出。", "{searches} left out for holding control characters."),
    "search-report-wrote": ("已写入 {page}。", "Wrote {page}."),
    "search-page-title": ("很少或没有结果的搜索", "Searches with few or no results"),
    "search-page-query": ("搜索词", "Query"),
    "search-page-searches": ("次数", "Searches"),
    "search-page-results": ("结果数", "Results"),
    "search-page-personal": ("含个人信息而未列出的搜索：{n} 次。", "Searches left out for personal data: {n}."),
    "search-page-unprintable": ("含控制字符而未列出的搜索：{n} 次。", "Searches left out for control characters: {n}."),
    "page-symlink": (
        "`--page` 的路径是符号链接；页面只写到普通文件，不会顺着链接写到别处",
        "the --page path is a symbolic link; the page is written only to a plain file, never through a link",
    ),
    "page-not-a-file": ("`--page` 的路径不是普通文件", "the --page path is not a plain file"),
    "page-cannot-write": ("无法写入页面：`{reason}`；原来的文件保持不变", "cannot write the page: {reason}; the previous file is left as it was"),
    "page-not-clean": (
        "页面文字没有通过记录要通过的检查（{what}），没有写入",
        "the page's text fails the checks a record passes ({what}); nothing was written",
    ),
}  # fmt: skip
