"""Messages for YAML syntax errors (KB101): what is wrong in plain words, and a hint for the usual cause."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the message: plain words, the line with a caret under the column, the hint
    "yaml-syntax": ("{what}\n{excerpt}\n提示：{hint}", "{what}\n{excerpt}\nHint: {hint}"),
    "yaml-tab": ("这一行有 Tab 字符；YAML 只能用空格缩进", "this line holds a tab; YAML indents with spaces only"),
    "yaml-hint-tab": (
        "把 Tab 换成空格，和同一级的字段对齐（通常每级两个空格）；编辑器的“显示空白字符”能让 Tab 现形",
        'replace the tab with spaces, aligned with the fields at the same level (usually two per level); an editor\'s "show whitespace" makes tabs visible',
    ),
    "yaml-unclosed-quote": ("这里开始的引号 `{quote}` 没有闭合", "the quote `{quote}` that opens here is never closed"),
    "yaml-hint-double-quote": (
        '在文字末尾补上 `"`；文字里本身的 `"` 要写成 `\\"`，或者外面改用单引号',
        'add the closing `"` at the end of the text; a `"` inside the text is written `\\"`, or use single quotes around it',
    ),
    "yaml-hint-single-quote": (
        "在文字末尾补上 `'`；文字里本身的 `'` 要写两次：`''`",
        "add the closing `'` at the end of the text; a `'` inside the text is written twice: `''`",
    ),
    "yaml-unknown-escape": ("双引号里的 `{escape}` 不是有效的转义", "`{escape}` is not an escape that double quotes allow"),
    "yaml-hint-backslash": (
        "带反斜杠的文字（例如 `C:\\data\\log` 这样的路径）请改用单引号，或者把每个反斜杠写成 `\\\\`",
        "put text with backslashes (a path such as `C:\\data\\log`) in single quotes, or write each backslash as `\\\\`",
    ),
    "yaml-hash-comment": (
        "`#` 在这里开始了注释，这一行后面的内容（包括 `{closer}`）都被忽略了",
        "`#` starts a comment here, so the rest of the line, `{closer}` included, is ignored",
    ),
    "yaml-hint-hash": (
        '空格后面的 `#` 表示注释；文字里要用 `#` 时请加引号，例如 `["#3 泵", 阀门]`',
        'a `#` after a space starts a comment; put text that contains `#` in quotes, e.g. `["#3 pump", valve]`',
    ),
    "yaml-unclosed-bracket": ("这里的 `{opener}` 没有对应的 `{closer}`", "the `{opener}` here is never closed with `{closer}`"),
    "yaml-hint-unclosed-bracket": (
        "在末尾补上 `{closer}`；如果文字本身以 `[` 或 `{{` 开头，请给整段文字加上引号",
        "add `{closer}` at the end; if the text itself starts with `[` or `{{`, put the whole text in quotes",
    ),
    "yaml-flow-separator": ("这里应该是 `,` 或 `{closer}`", "expected `,` or `{closer}` here"),
    "yaml-hint-flow-items": (
        "各项之间用 `, ` 分隔；含有 `,`、`[`、`]`、`{{`、`}}`、`#` 或 `: ` 的项要加引号",
        "separate the items with `, `; put an item that contains `,`, `[`, `]`, `{{`, `}}`, `#` or `: ` in quotes",
    ),
    "yaml-full-width-colon": (
        "`{key}` 后面用的是中文冒号 `：`；YAML 只认英文冒号",
        "`{key}` is followed by a full-width colon `：`; YAML ends a field name only with `:`",
    ),
    "yaml-hint-full-width-colon": ("改成英文冒号加一个空格：`{key}: …`", "write an ASCII colon and a space: `{key}: …`"),
    "yaml-no-space-after-colon": ("`{key}:` 的冒号后面少了一个空格", "the `:` after `{key}` needs a space after it"),
    "yaml-full-width-space": (
        "`{key}:` 后面是全角空格；YAML 要求冒号后面是普通空格",
        "`{key}:` is followed by a full-width space; YAML needs an ordinary space after the colon",
    ),
    "yaml-hint-space-after-colon": (
        "写成 `{key}: {value}`；如果冒号是文字的一部分，请给整段文字加上引号",
        "write `{key}: {value}`; if the colon belongs to the text, put the whole text in quotes",
    ),
    "yaml-not-a-field": ("这一行既不是 `字段: 值`，也不是列表项 `- …`", "this line is neither `field: value` nor a list item `- …`"),
    "yaml-hint-continuation": (
        "如果它接着上一行的文字，请让它比字段名缩进得更多；长文字最好写成 `|` 块",
        "if it continues the text of the line above, indent it further than the field name; long text is best written as a `|` block",
    ),
    "yaml-colon-in-text": (
        "文字里有一个没加引号的 `: `，YAML 把它当成了新字段的开始",
        "the text holds an unquoted `: `, which YAML reads as the start of a field",
    ),
    "yaml-hint-quote-text": (
        '给整段文字加上引号：`{key}: "{value}"`，或者写成 `|` 块',
        'put the whole text in quotes: `{key}: "{value}"`, or write it as a `|` block',
    ),
    "yaml-hint-quote-value": ('给整段文字加上引号：`"{value}"`', 'put the whole text in quotes: `"{value}"`'),
    "yaml-indented-too-far": (
        "这一行比上面的字段缩进得多，YAML 把它读成了上一个值的一部分",
        "this line is indented further than the field above, so YAML reads it as part of the value above",
    ),
    "yaml-indentation": ("这一行的缩进和上面任何一级字段都对不齐", "this line's indentation matches no level of the fields above"),
    "yaml-hint-indentation": (
        "同一级的字段要从同一列开始（只用空格，通常每级两个空格）",
        "fields at one level start in the same column (spaces only, usually two per level)",
    ),
    "yaml-block-indentation": (
        "`|` 块里的这一行比第一行缩进得少，块在上一行就结束了",
        "this line of a `|` block is indented less than its first line, so the block ended on the line above",
    ),
    "yaml-hint-block": ("块里的每一行都要至少和第一行缩进得一样多", "indent every line of the block at least as far as its first line"),
    "yaml-list-on-field-line": ("列表项 `-` 不能和字段名写在同一行", "a list item `-` cannot stand on the line of its field"),
    "yaml-hint-list-on-field-line": (
        "把每个 `- …` 写在 `{key}:` 下面的新行里，缩进两个空格；或者写成 `{key}: [a, b]`",
        "put each `- …` on its own line under `{key}:`, indented two spaces; or write `{key}: [a, b]`",
    ),
    "yaml-list-item-level": ("这个列表项 `-` 和它所属列表的缩进对不上", "this list item `-` is not indented like the list it belongs to"),
    "yaml-hint-list-item-level": (
        "同一个列表的 `-` 要从同一列开始，写在所属字段下面，例如 `products:` 下面写 `  - hx-200`",
        "start every `-` of one list in the same column, on the lines under its field, e.g. `  - hx-200` under `products:`",
    ),
    "yaml-field-in-list": ("这里是一个列表，但这一行不是以 `-` 开头的列表项", "this is a list, but this line is not an item starting with `-`"),
    "yaml-hint-field-in-list": (
        "在前面加上 `- `，或者把它的缩进改到所属字段的那一级",
        "add `- ` in front of it, or indent it to the level of the field it belongs to",
    ),
    "yaml-text-after-quote": ("引号已经闭合，后面却还有文字", "text follows the closing quote"),
    "yaml-text-after-bracket": (
        "值以 `{opener}` 开头，YAML 把它读成了列表或映射，后面的文字就多出来了",
        "the value starts with `{opener}`, so YAML reads a list or mapping and the text after it is left over",
    ),
    "yaml-starts-with-indicator": ("值不能以 {character} 开头：YAML 把它当作特殊符号", "a value cannot start with {character}: YAML keeps it for itself"),
    "yaml-unrecognised": ("YAML 读不懂这里（解析器的原话：`{problem}`）", "YAML cannot read this ({problem})"),
    "yaml-hint-usual-causes": (
        "常见原因：缩进不一致、冒号后面少了空格、文字里有没加引号的 `: ` 或 ` #`、用了 Tab",
        "the usual causes are uneven indentation, no space after a `:`, an unquoted `: ` or ` #` in text, and tabs",
    ),
}  # fmt: skip
