"""Messages of loading: files, bytes and text, strict YAML (KB1xx other than syntax), attachment files."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # discovery (generator/load/files.py)
    "load-symlink": (
        "`{path}` 是符号链接；data/ 下的链接不会被跟随，以免发布 data/ 以外的文件。请在这里放一份真正的文件",
        "`{path}` is a symbolic link; links under data/ are not followed, so that no file from outside data/ is published. Put a real copy of the file here",
    ),
    "load-not-a-record-file": ("`{name}` 不是已知的记录文件；记录放在 {folders}", "`{name}` is not a known record file; records go in {folders}"),
    "load-not-a-record-folder": ("`{folder}/` 不是记录文件夹；请用 {folders} 之一", "`{folder}/` is not a record folder; use one of {folders}"),
    "load-sub-folder": ("只有案例可以放在子文件夹里；请把这个文件移到 `{folder}/`", "only cases may be kept in sub-folders; move this file to `{folder}/`"),
    "load-cannot-read": ("无法读取文件：`{reason}`", "cannot read the file: {reason}"),
    # bytes to text (generator/load/text.py)
    "load-too-large": ("文件有 {size} MiB，超过了单条记录 1 MiB 的上限", "file is {size} MiB, over the 1 MiB limit for one record"),
    "load-not-utf8": ("文件不是 UTF-8 文本；请另存为 UTF-8", "file is not UTF-8 text; re-save it as UTF-8"),
    "load-not-utf8-looks-like": (
        "文件不是 UTF-8，看起来是 {encoding}。请另存为 UTF-8，例如 `iconv -f {guess} -t UTF-8 {file} > fixed.yml`",
        "file is not UTF-8; it looks like {encoding}. Re-save it as UTF-8, e.g. `iconv -f {guess} -t UTF-8 {file} > fixed.yml`",
    ),
    "encoding-gb18030": ("GBK/GB18030（中文 Windows 常用的编码）", "GBK/GB18030 (a Chinese Windows encoding)"),
    "encoding-named": ("`{name}`", "{name}"),
    # control characters, named for the reader (generator/load/text.py)
    "character-named": ("`{code}`（{name}）", "{code} ({name})"),
    "character-unicode": ("`{code}`（`{name}`）", "{code} ({name})"),
    "character-bare": ("`{code}`", "{code}"),
    "character-nul": ("空字符", "NUL"),
    "character-bell": ("响铃符", "bell"),
    "character-backspace": ("退格符", "backspace"),
    "character-vertical-tab": ("垂直制表符", "vertical tab"),
    "character-form-feed": ("换页符", "form feed"),
    "character-carriage-return": ("回车符", "carriage return"),
    "character-escape": ("转义符", "escape"),
    "character-delete": ("删除符", "delete"),
    "character-next-line": ("下一行符", "next line"),
    "character-not-a-character": ("非字符", "not a character"),
    # strict YAML (generator/load/strict_yaml.py)
    "load-control-character": (
        "文字里有不可见的控制字符 {character}；请删除它（它常常是从终端或日志里粘贴进来的）",
        "the invisible control character {character} is in the text; delete it (it is often pasted from a terminal or a log)",
    ),
    "load-control-escape": (
        "转义 `{escape}` 写出了不可见的控制字符 {character}；请删除它（它常常是从终端或日志里粘贴进来的）",
        "the escape `{escape}` writes the invisible control character {character}; delete it (it is often pasted from a terminal or a log)",
    ),
    "load-second-document": ("一个记录文件只能有一个 YAML 文档；这里开始了第二个", "a record file holds one YAML document; found a second one"),
    "load-alias": ("不允许使用别名 `*{name}`；请把值完整写出来", "alias `*{name}` is not allowed; write the value out in full"),
    "load-anchor": ("不允许使用锚点 `&{name}`；请把值完整写出来", "anchor `&{name}` is not allowed; write values out in full"),
    "load-too-deep": ("值的嵌套超过了 {depth} 层", "values are nested more than {depth} levels deep"),
    "load-key-not-text": ("键必须是普通的字段名，不能是列表或映射", "a key must be a plain field name, not a list or mapping"),
    "load-duplicate-key": (
        "键 `{key}` 重复了（第一次写在第 {line} 行）；YAML 会悄悄地只保留后一个",
        "duplicate key `{key}` (first written on line {line}); YAML would silently keep only the last one",
    ),
    "load-tag": (
        "不允许使用标签 `{tag}`；记录里只能有普通的文字、数字、日期、列表和映射",
        "the tag `{tag}` is not allowed; records hold only plain text, numbers, dates, lists and mappings",
    ),
    "load-empty": ("文件是空的；请写上记录的字段，或者删除这个文件", "file is empty; write the record's fields or delete the file"),
    "load-not-a-mapping": ("文件里是{kind}；一条记录应由一行行 `字段: 值` 组成", "the file holds {kind}; a record is a mapping of `field: value` lines"),
    "load-holds-a-list": ("一个列表", "a list"),
    "load-holds-a-value": ("单个值", "a single value"),
    "load-yaml-unmarked": ("YAML 语法错误：`{error}`", "YAML syntax error: {error}"),
    "load-cannot-read-as": ("`{value}` 不能读作 `{type}`", "`{value}` cannot be read as {type}"),
    "load-guessed-number": ("YAML 会把 `{value}` 读成{read_as}；{hint}", "YAML reads `{value}` as {read_as}; {hint}"),
    "load-yaml12-octal": ("YAML 1.2 的工具会把 `{value}` 读成数字 {number}；{hint}", "YAML 1.2 tools read `{value}` as the number {number}; {hint}"),
    "load-read-as-the-number": ("数字 {number}", "the number {number}"),
    "load-read-as-a-number": ("一个数字", "a number"),
    "load-number-hint": ("请直接写数字（如 1.5），如果是文字就加上引号", "write the number plainly (1.5) or put the text in quotes"),
    # attachment files (generator/load/attachments.py)
    "attachment-type-refused": ("{what}不会被发布；可以用的类型：{accepted}", "{what} are not published; accepted: {accepted}"),
    "attachment-suffix-files": ("`{suffix}` 文件", "`{suffix}` files"),
    "attachment-no-suffix": ("没有类型后缀的文件", "files without a type suffix"),
    "attachment-accepted-types": (
        "图片（{image}）；PDF（{pdf}）；Office 文档（{office}）；文本（{text}）；压缩包（{archive}）；视频（{video}）",
        "image ({image}); PDF ({pdf}); Office ({office}); text ({text}); archive ({archive}); video ({video})",
    ),
    "attachment-content-mismatch": (
        "文件内容不是{family}（{suffix}）；它可能是改了扩展名的其他文件",
        "the file's content is not {family} ({suffix}); it may be another kind of file renamed",
    ),
    "attachment-not-text": ("文件不是文本（{suffix}）；二进制文件请用它自己的类型附上", "the file is not text ({suffix}); attach binary files with their own type"),
    "file-family-image": ("图片", "image"),
    "file-family-pdf": ("PDF", "PDF"),
    "file-family-office": ("Office 文档", "Office"),
    "file-family-text": ("文本", "text"),
    "file-family-archive": ("压缩包", "archive"),
    "file-family-video": ("视频", "video"),
    "svg-too-large": ("SVG 超过了 2 MiB；请导出为 PNG", "the SVG is over 2 MiB; export it as PNG"),
    "svg-style-sheet": ("SVG 从别处加载样式表；请导出为 PNG 或 PDF", "the SVG loads a style sheet from elsewhere; export it as PNG or PDF"),
    "svg-not-xml": ("SVG 不是不带 DTD 的规范 XML；请导出为 PNG 或 PDF", "the SVG is not well-formed XML without a DTD; export it as PNG or PDF"),
    "svg-not-a-drawing": ("文件不是 SVG 图形", "the file is not an SVG drawing"),
    "svg-not-plain": ("{problem}；SVG 附件只能是普通图形：请导出为 PNG 或 PDF", "{problem}; SVG attachments must be plain drawings: export it as PNG or PDF"),
    "svg-element": ("SVG 里有 `<{name}>`", "the SVG contains `<{name}>`"),
    "svg-event-handler": ("SVG 里有事件处理器（`{name}`）", "the SVG has an event handler (`{name}`)"),
    "svg-link-outside": ("SVG 链接到了自身以外（`{name}`）", "the SVG links outside itself (`{name}`)"),
    "svg-url-outside": ("SVG 引用了自身以外的东西（`url(...)`）", "the SVG refers to something outside itself (`url(...)`)"),
}  # fmt: skip
