"""The commands' own words: their help and prompts, and what a few of them say about their
own arguments and files, in the language the command line and the configuration give at
start-up (generator/cli/language.py, `say`): key -> (Chinese, English).

Click reads a command's help when the command is defined, before it parses anything; these
words are chosen then. What is said about the records is in the message areas.
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # kb --help: the command list
    "help-kb-build": ("把网站构建到 site/（检查记录和链接）。", "Build the site into site/ (validated, link-checked)."),
    "help-kb-serve": ("构建网站并在本机预览，改动后自动刷新。", "Build the site and serve it with live reload."),
    "help-kb-validate": ("检查 data/ 里的每一条记录。", "Check every record in data/."),
    "help-kb-new": ("新建一条记录，带编辑器用的 `$schema` 行。", "Write a new record file, ready to fill in."),
    "help-kb-schema": (
        "写出编辑器自动补全用的 JSON Schema。",
        "Write the JSON Schemas editors use for autocompletion.",
    ),
    "help-kb-reference": ("写出记录格式说明 docs/records.md。", "Write docs/records.md, the record format."),
    "help-kb-honours": ("某个期间的光荣榜，用来发送或打印。", "The honour roll of a period, to send or print."),
    "help-kb-demo": ("写出任意规模的合成数据文件夹。", "Write a synthetic data folder of any size."),
    "help-kb-import": ("把团队的表格（.xlsx、.csv）导入为记录。", "Records from a team's spreadsheet (xlsx, csv)."),
    "help-kb-export": (
        "把记录导出为 Excel 工作簿或 OpenSearch 的批量导入文件。",
        "Export the records to Excel or OpenSearch.",
    ),
    "help-kb-search-report": (
        "从网站服务器的日志里找出没有结果的搜索。",
        "The searches that found nothing, from the web server's logs.",
    ),
    "help-kb-qr": ("产品铭牌的二维码贴纸，用来打印。", "Nameplate QR code stickers of the products, to print."),
    "help-kb-glossary-candidates": (
        "从案例里找出术语表的候选组，交给人确认。",
        "Glossary groups the cases suggest, for a person to accept.",
    ),
    # kb glossary-candidates (generator/cli/glossary_candidates.py)
    "help-glossary-candidates": (
        "从案例里找出可能意思相同的词，作为术语表的候选组，打印成可以粘贴到 data/glossary.yml 的 YAML。\n\n"
        "    两种线索：案例的 `aka` 和它标题里的词有两个以上相同的字（排气超温、排气温度过高）；不同案例报同一个"
        "报警码时写的说法。术语表里已经有的词不再提出。\n\n"
        "    不加 --write 时什么都不写。加 --write 时先问一遍，确认后才把新的组追加到术语表末尾，原有内容一个字节都不改；"
        "追加后检查不通过就把文件恢复原样。\n    ",
        "Terms the cases suggest mean the same, proposed as glossary groups and printed as YAML to paste into "
        "data/glossary.yml.\n\n"
        "    Two signs: a case's `aka` word sharing two or more characters in a row with a term of its title, and "
        "what different cases say of the same alarm code. Terms the glossary already has are not proposed.\n\n"
        "    Nothing is written without --write. With --write it asks first, and only once confirmed appends the new "
        "groups to the end of the glossary, its existing text kept byte for byte; if the result does not validate, "
        "the file is put back as it was.\n    ",
    ),
    "help-glossary-candidates-write": (
        "确认后把新的组追加到 data/glossary.yml（没有时新建）。",
        "Once confirmed, append the new groups to data/glossary.yml (made if there is none).",
    ),
    "glossary-candidates-none": (
        "没有新的候选组：案例里找不到术语表还没有的同义词。",
        "No new candidates: the cases suggest no synonyms the glossary does not have.",
    ),
    "glossary-candidates-header": (
        "kb glossary-candidates 提出的 {count} 组候选：核对后粘贴到 {file} 的 `groups:` 下面",
        "{count} groups proposed by kb glossary-candidates: check them, then paste them under `groups:` in {file}",
    ),
    "glossary-candidates-from": ("来自：{cases}", "from: {cases}"),
    "glossary-candidates-invalid": (
        "数据有错误：先改正上面的问题，再找候选。",
        "The data has errors: fix the problems above before looking for candidates.",
    ),
    "glossary-candidates-cannot-append": (
        "{file} 里的 `groups:` 不是逐行的列表（比如写成了 `groups: []`）：没法追加，请把上面的组手工粘贴进去。",
        "`groups:` in {file} is not a list of one item per line (`groups: []`, say): nothing can be appended; paste "
        "the groups above by hand.",
    ),
    "glossary-candidates-confirm": ("把这 {count} 组追加到 {file}？", "Append these {count} groups to {file}?"),
    "glossary-candidates-not-written": ("没有写入。", "Nothing written."),
    "glossary-candidates-put-back": (
        "追加后检查不通过：{file} 已恢复原样。",
        "The result did not validate: {file} is put back as it was.",
    ),
    "glossary-candidates-written": (
        "已把 {count} 组追加到 {file}，检查通过。",
        "Appended {count} groups to {file}; it validates.",
    ),
    "help-kb": (
        "服务知识库：案例、人员、传帮带、培训和荣誉的 YAML 记录，经过检查，构建成一个可以搜索的网站。\n\n    \x08\n    从这里开始：\n      kb serve               构建网站并在本机预览，改动后自动刷新\n      kb build               把网站构建到 site/（检查记录和链接）\n      kb validate            检查 data/ 里的每一条记录\n      kb new case            新建一个案例，带编辑器用的 `$schema` 行\n      kb schema              写出编辑器自动补全用的 JSON Schema\n      kb reference           写出记录格式说明 docs/records.md\n      kb honours 2026-Q3     某个期间的光荣榜，用来发送或打印\n      kb import 台账.xlsx     把团队的表格导入为记录（kb export：反过来导出）\n      kb search-report LOG   从网站服务器的日志里找出没有结果的搜索\n      kb qr                  产品铭牌的二维码贴纸，用来打印\n\n    消息和帮助的语言跟随网站：mkdocs.yml 里 `servicekb` 插件的 `language`（没有 mkdocs.yml 时看环境变量 KB_LANGUAGE）；validate、build、serve 和 honours 也可以用 --language zh 或 en 指定。\n    ",
        "Service knowledge base: YAML records of cases, people, mentoring, training and\n    honours, checked and built into a searchable site.\n\n    \x08\n    Start with:\n      kb serve               build the site and serve it with live reload\n      kb build               build the site into site/ (validated, link-checked)\n      kb validate            check every record in data/\n      kb new case            write a new case with the editor schema line\n      kb schema              write the JSON Schemas editors use for autocompletion\n      kb reference           write docs/records.md, the record format\n      kb honours 2026-Q3     the honour roll of a period, to send or print\n      kb import ledger.xlsx  records from a team's spreadsheet (kb export: the reverse)\n      kb search-report LOG   the searches that found nothing, from the web server's log\n      kb qr                  nameplate QR code stickers of the products, to print\n\n    Messages and help follow the site's language: the servicekb plugin's language in\n    mkdocs.yml (KB_LANGUAGE when there is no mkdocs.yml); validate, build, serve and\n    honours also take --language zh or en.\n    ",
    ),
    "help-kb-version": ("显示版本并退出。", "Show the version and exit."),
    "help-kb-version-line": ("%(prog)s 版本 %(version)s", "%(prog)s, version %(version)s"),
    # click's own words, in Chinese on a Chinese run
    "help-help-option": ("显示本帮助并退出。", "Show this message and exit."),
    "help-usage": ("用法：", "Usage: "),
    "help-heading-options": ("选项", "Options"),
    "help-heading-commands": ("命令", "Commands"),
    "help-heading-arguments": ("参数", "Arguments"),
    "help-click-default": ("[默认：", "[default: "),
    "help-click-required": ("[必填]", "[required]"),
    "help-click-more-default": ("；默认：", "; default: "),
    "help-click-more-required": ("；必填", "; required"),
    "help-heading-positional": ("位置参数", "Positional arguments"),
    # click's placeholders: of the options' and sub-commands' place in the usage line, and of a
    # value by its type (an option's own placeholder, such as YYYY-MM-DD, is kept)
    "help-metavar-options": ("[选项]", "[OPTIONS]"),
    "help-metavar-command": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help-metavar-text": ("文字", "TEXT"),
    "help-metavar-integer": ("整数", "INTEGER"),
    "help-metavar-number": ("数字", "NUMBER"),
    "help-metavar-file": ("文件", "FILE"),
    "help-metavar-directory": ("文件夹", "DIRECTORY"),
    "help-metavar-path": ("路径", "PATH"),
    # options that several commands share (generator/cli/options.py)
    "help-option-data": ("YAML 记录所在的文件夹。", "The folder of YAML records."),
    "help-option-max-mentees": (
        "师傅同时带的徒弟超过这个数时给出警告 [默认：3]。",
        "Warn when a mentor has more active mentees than this [default: 3].",
    ),
    "help-option-skip": (
        "不运行这项检查（KB703 这样的代码，或检查的名字）；可以给多次。",
        "Do not run this check (a code such as KB703, or a check's name); may be given several times.",
    ),
    "help-option-today": (
        "把这个日期当作今天（用于复审日期）；默认是真实的日期。",
        "Treat this date as today (for review dates); default: the real date.",
    ),
    "help-option-language": (
        "帮助和消息的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "The language of the help and messages [default: the site's, in mkdocs.yml, else zh].",
    ),
    "help-option-not-a-date": ("`{value}` 不是 YYYY-MM-DD 形式的日期", "`{value}` is not a date in YYYY-MM-DD form"),
    # kb validate (generator/cli/validate.py)
    "help-validate": (
        "检查数据文件夹（默认 data/）里的记录。\n\n    PATHS 是数据文件夹，或者其中的记录文件：这时仍然检查全部记录（引用会跨文件），但只报告这些文件里的问题，正适合 `pre-commit` 钩子。\n\n    每个问题输出一行 `文件:行:列: error 代码: 消息`，按文件和行排序，最后是统计。有错误（加 --strict 时还有警告）时退出码为 1，否则为 0。\n\n    消息默认用网站的语言（mkdocs.yml 里 `servicekb` 插件的 `language`，没有 mkdocs.yml 时看 KB_LANGUAGE），否则用中文。\n    ",
        "Check the records in a data folder (default: data/).\n\n    PATHS is the data folder, or record files inside it: then every record is\n    still checked (references cross files) but only problems in those files are\n    reported, as a pre-commit hook wants.\n\n    Prints `file:line:column: error CODE: message` for each problem, sorted by\n    file and line, then a count. Exits 1 when there are errors (or, with\n    --strict, warnings), 0 otherwise.\n\n    Messages are in the site's language (the servicekb plugin's language in\n    mkdocs.yml, or KB_LANGUAGE without one), else in Chinese.\n    ",
    ),
    "help-validate-short": ("检查 data/ 里的每一条记录。", "Check every record in data/."),
    "help-validate-data": (
        "PATHS 是文件时，记录所在的文件夹 [默认：data]。",
        "The folder of YAML records, when PATHS are files [default: data].",
    ),
    "help-validate-format": (
        "text 给人看，json 给工具用，github 是 GitHub Actions 里的标注。",
        "text for people, json for tools, github for annotations in GitHub Actions.",
    ),
    "help-validate-strict": ("有警告也算失败。", "Fail on warnings too."),
    "help-validate-language": (
        "消息的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "Language of the messages [default: the site's, from mkdocs.yml, else zh].",
    ),
    "help-validate-one-data-folder": (
        "只能给一个数据文件夹：作为 PATHS 或用 --data",
        "give one data folder, either as PATHS or as --data",
    ),
    "help-validate-no-data-folder": (
        "数据文件夹 `{data_dir}` 不存在；请用 --data 指定",
        "the data folder `{data_dir}` does not exist; give it with --data",
    ),
    "help-validate-outside": (
        "不在数据文件夹 {data_dir} 里：{files}",
        "not inside the data folder {data_dir}: {files}",
    ),
    # kb build (generator/cli/build.py)
    "help-build": (
        "构建网站：检查记录，生成每个页面，把 `mkdocs build --strict` 构建到一个新文件夹，检查每个链接、锚点和图片，全部通过后才替换原来的网站。任何一步失败，原来的网站都保持不变，退出码为 1。",
        "Build the site: validate the records, render every page, run\n    `mkdocs build --strict` into a new folder, check every link, anchor and\n    image, and only then replace the previous site. Any failure leaves the\n    previous site untouched and exits 1.\n    ",
    ),
    "help-build-config-file": ("MkDocs 的配置文件。", "The MkDocs configuration."),
    "help-build-data": (
        "YAML 记录所在的文件夹 [默认：mkdocs.yml 里的设置，否则 data]。",
        "The folder of YAML records [default: from mkdocs.yml, data].",
    ),
    "help-build-cache-dir": (
        "生成的页面写到哪里 [默认：mkdocs.yml 里的设置，否则 .cache/pages]。",
        "Where generated pages are materialised [default: from mkdocs.yml, .cache/pages].",
    ),
    "help-build-language": (
        "网站和消息的语言 [默认：mkdocs.yml 里的设置，否则 zh]。",
        "Site language [default: from mkdocs.yml, zh].",
    ),
    "help-build-short": (
        "把网站构建到 site/（检查记录和链接）。",
        "Build the site into site/ (validated, link-checked).",
    ),
    "help-build-site-dir": (
        "构建到哪里 [默认：mkdocs.yml 里的设置，否则 site]。",
        "Where to build [default: from mkdocs.yml, site].",
    ),
    "help-build-check-external": (
        "也检查指向其他网站的链接（需要联网）。",
        "Also check links to other websites (needs network).",
    ),
    "help-build-shard": (
        "只构建 N 个部分中的第 I 个（在 N 台机器上分别构建，再用 --merge 合并）：全部共用页面，加上按路径哈希分到这一部分的记录页面和它们的搜索索引 [默认文件夹：site-part-I-of-N]。",
        "Build part I of N (on N machines, merged with --merge): every shared page, the record pages a hash of their path gives to this part, and their search index [default folder: site-part-I-of-N].",
    ),
    "help-build-merge": (
        "把 `--shard` 构建的各部分（给出它们的文件夹）合并成网站，检查链接，然后替换原来的网站。",
        "Merge the parts built with --shard (give their folders) into the site, check its links, then swap it in.",
    ),
    "help-build-stats": (
        "把各阶段用时和每个进程的内存峰值以 JSON 写到这个文件（用于性能测试）。",
        "Write the time of each stage and the peak memory of each process to this file as JSON (for benchmarks).",
    ),
    # kb serve (generator/cli/serve.py)
    "help-serve": (
        "在 http://127.0.0.1:8000 提供网站，data/、kb/ 或 mkdocs.yml 有任何改动就重新构建。每个页面都和 `kb build` 用磁盘上的文件构建出来的一样。记录有错误时，继续提供上一次成功构建的网站，每个页面都显示这些错误，直到文件改好。\n\n    终端里每次重新构建只有一行：哪些文件有改动、构建了什么、用时多久、有几条警告；警告只在有变化时列出。加 --verbose 还会显示每个请求和浏览器的连接。\n\n    同一个网站只能有一个 kb serve：第二个会说出第一个的地址和进程号，然后以退出码 1 结束（两个会写同一个页面缓存）；打开那个地址即可。用 --cache-dir 给另一个缓存文件夹的 kb serve 可以同时运行；端口被占用时，它改用下一个空闲的端口，并说明这一点。",
        "Serve the site at http://127.0.0.1:8000 and rebuild it when anything in\n    data/, kb/ or mkdocs.yml changes. Every page is what `kb build` would make of\n    the files on disk. When a record has an error, the last good site stays up and\n    every page shows the error until the file is fixed.\n\n    The terminal gets one line per rebuild: which files changed, what was built, how\n    long it took and how many warnings there are; the warnings are listed only when\n    they change. --verbose also shows every request and browser connection.\n\n    One kb serve per site: a second one names the first (its address and process id)\n    and exits 1, as both would write the same page cache; open that address instead.\n    A kb serve with another --cache-dir runs beside it; when its port is taken it\n    serves on the next free one, and says so.\n    ",
    ),
    "help-serve-short": ("构建网站并在本机预览，改动后自动刷新。", "Build the site and serve it with live reload."),
    "help-serve-dev-addr": ("在哪个地址提供网站。", "Where to serve."),
    "help-serve-address-metavar": ("IP:端口", "IP:PORT"),
    "help-serve-port": (
        "在哪个端口提供网站（代替 --dev-addr 里的端口）。",
        "The port to serve on (instead of the one in --dev-addr).",
    ),
    "help-serve-verbose": (
        "也显示每个请求和浏览器的连接（MkDocs 服务器自己的行）。",
        "Also show every request and browser connection (the MkDocs server's own lines).",
    ),
    "help-serve-not-an-address": ("`{dev_addr}` 不是 IP:端口", "`{dev_addr}` is not IP:PORT"),
    # kb new (generator/cli/new.py); each kind's command and options (`help-new-<kind>`,
    # `help-new-<kind>-<option>`) are the kind's own words (generator/kinds/)
    "help-date-default-today": (" [默认：今天]", " [default: today]"),
    "help-new-language": (
        "新文件里注释的语言，也是检查消息的语言：zh 或 en；默认跟随网站。",
        "The language of the new file's comments and of the check's messages: zh or en; the site's by default.",
    ),
    "help-new-schemas": (
        "新文件让编辑器去读的 JSON Schema 所在的文件夹。",
        "Folder of the JSON Schemas that the new file points editors to.",
    ),
    "help-new-short": ("新建一条记录，带编辑器用的 `$schema` 行。", "Write a new record file, ready to fill in."),
    "help-new": (
        "新建一个记录文件，等着填写。\n\n        id 由标题或姓名生成（中文取拼音），文件以 `# yaml-language-server: $schema=...` 这一行开头，让编辑器能自动补全；新记录会和其余数据一起检查。\n        ",
        "Write a new record file, ready to fill in.\n\n        The id is made from the title or name (pinyin for Chinese), the file starts\n        with the `# yaml-language-server: $schema=...` line for editor autocompletion,\n        and the new record is validated with the rest of the data.\n        ",
    ),
    "help-new-not-written": (
        "没有写入：请改正上面的值，再运行一次。",
        "Not written: fix the values above and run the command again.",
    ),
    "help-new-id": (
        "用这个 id，而不是从标题或姓名生成的 id。",
        "Use this id instead of the one made from the title or name.",
    ),
    "help-new-done": (
        "已写入 {target}，检查通过。打开它，填写细节。",
        "Wrote {target}; it validates. Open it and fill in the details.",
    ),
    "help-new-not-an-id": (
        "`{id}` 不是有效的 id；请用英文小写字母、数字和连字符",
        "`{id}` is not a valid id; use lower-case letters, digits and hyphens",
    ),
    "help-new-exists": ("{target} 已经存在；请用 --id 换一个", "{target} already exists; choose another --id"),
    # kb schema (generator/cli/schema.py)
    "help-schema": (
        "为每种记录写一个 JSON Schema，由记录的结构定义生成。\n\n    带 YAML 语言服务器（`yaml-language-server`）的编辑器通过 `kb new` 写的 `# yaml-language-server: $schema=...` 这一行读取它们。\n    ",
        "Write one JSON Schema per record kind, generated from the record shapes.\n\n    Editors with the YAML language server read them through the\n    `# yaml-language-server: $schema=...` line that `kb new` writes.\n    ",
    ),
    "help-schema-short": (
        "写出编辑器自动补全用的 JSON Schema。",
        "Write the JSON Schemas editors use for autocompletion.",
    ),
    "help-schema-out": ("把 schema 文件写到哪个文件夹。", "Folder to write the schema files into."),
    "help-schema-check": (
        "什么都不写；--out 里的文件不是最新时退出码为 1。",
        "Write nothing; exit 1 if the files in --out are not up to date.",
    ),
    "help-schema-wrote": (
        "已把 {written} 个 schema 文件写到 {out_dir}（共 {total} 个）。",
        "Wrote {written} schema file(s) to {out_dir} ({total} in all).",
    ),
    "help-schema-up-to-date": ("{out_dir} 里的 schema 都是最新的。", "Schemas in {out_dir} are up to date."),
    "help-schema-out-of-date": (
        "{out_dir} 里这些不是最新的：{stale}；请运行 `kb schema`",
        "out of date in {out_dir}: {stale}; run `kb schema`",
    ),
    # kb reference (generator/cli/reference.py)
    "help-reference": (
        "写出记录格式说明：每种记录、每个字段、类型、是否必填和允许的值。\n\n    它和 `kb validate`、JSON Schema 出自同一份结构定义，所以不会和它们不一致；网站的 /reference/ 页面显示同样的内容。\n    ",
        "Write the record reference: every kind, field, type, required-ness and allowed value.\n\n    It is generated from the same shapes as `kb validate` and the JSON Schemas, so it\n    cannot drift from them; the site shows the same reference at /reference/.\n    ",
    ),
    "help-reference-short": ("写出记录格式说明 docs/records.md。", "Write docs/records.md, the record format."),
    "help-reference-out": ("把记录格式说明写到哪个文件。", "File to write the record reference into."),
    "help-reference-check": (
        "什么都不写；--out 不是最新时退出码为 1。",
        "Write nothing; exit 1 if --out is not up to date.",
    ),
    "help-reference-up-to-date": ("{out_file} 是最新的。", "{out_file} is up to date."),
    "help-reference-wrote": ("已写入 {out_file}。", "Wrote {out_file}."),
    "help-reference-out-of-date": (
        "{out_file} 不是最新的；请运行 `kb reference`",
        "{out_file} is out of date; run `kb reference`",
    ),
    # kb honours (generator/cli/honours.py)
    "help-honours": (
        "把期间 PERIOD（2026、2026-H2、2026-Q3 或 2026-09）的光荣榜写成 honours-PERIOD.md（可以直接贴进消息）和 honours-PERIOD.html（可以打印）。PERIOD 之内更短期间的荣誉也包括在内。",
        "Write the honour roll of PERIOD (2026, 2026-H2, 2026-Q3 or 2026-09) as\n    honours-PERIOD.md, ready to paste into a message, and honours-PERIOD.html,\n    ready to print. Awards of shorter periods inside PERIOD are included.\n    ",
    ),
    "help-honours-short": ("某个期间的光荣榜，用来发送或打印。", "The honour roll of a period, to send or print."),
    "help-honours-out": ("Markdown 和 HTML 文件写到哪里。", "Where to write the Markdown and HTML files."),
    "help-honours-language": (
        "公告和消息的语言 [默认：网站的语言，否则 zh]。",
        "Language of the announcement [default: the site's, else zh].",
    ),
    "help-honours-config-file": (
        "从哪里读网站名称和 site_url（指向案例的链接要用），如果有这个文件。",
        "Where the site name and site_url (for links to the cases) are read from, if it exists.",
    ),
    "help-honours-no-periods": ("没有", "none"),
    "help-honours-done": (
        "已写入 {target}/honours-{period}.md 和 .html（{count} 项荣誉）。",
        "Wrote {target}/honours-{period}.md and .html ({count} honours).",
    ),
    "help-honours-not-a-period": (
        "`{period}` 不是期间；请写 2026、2026-H2、2026-Q3 或 2026-09",
        "`{period}` is not a period; write 2026, 2026-H2, 2026-Q3 or 2026-09",
    ),
    "help-honours-none-awarded": (
        "{period} 没有颁发荣誉；有荣誉的期间：{known}",
        "no honours were awarded for {period}; periods with honours: {known}",
    ),
    # kb demo (generator/cli/demo.py)
    "help-demo": (
        "写出一个逼真的合成数据文件夹：人员、案例（中英文文字，用到每个字段）、传帮带、培训场次、培训路径和荣誉，比例合理，\n    还有一份工单导出（tickets/*.csv，带 CRM 导出里常见的其他列）。",
        "Write a realistic synthetic data folder: people, cases (Chinese and English\n    text, every field used), mentoring, sessions, paths and awards in proportion, and\n    a ticket export (tickets/*.csv, with the extra columns a CRM export has).\n    ",
    ),
    "help-demo-short": ("写出任意规模的合成数据文件夹。", "Write a synthetic data folder of any size."),
    "help-demo-cases": ("案例的数量。", "How many cases."),
    "help-demo-out": ("一个空的或新的文件夹。", "An empty or new folder."),
    "help-demo-seed": ("同样的种子写出同样的记录。", "The same seed writes the same records."),
    "help-demo-tickets": (
        "data/tickets/ 里工单的数量 [默认：每个案例十张]。",
        "How many service tickets in data/tickets/ [default: ten per case].",
    ),
    "help-demo-done": (
        "已把含 {cases} 个案例、{count} 张工单的合成数据文件夹写到 {target}/（种子 {seed}）。",
        "Wrote a synthetic data folder with {cases} cases and {count} tickets to {target}/ (seed {seed}).",
    ),
    "help-demo-not-empty": ("`{target}` 不是空的；请换一个新文件夹", "{target} is not empty; choose a new folder"),
    # kb import (generator/cli/import_sheet.py)
    "help-import-after-headers": (
        "\n\n    没有标题列时，标题取自症状的第一句（在 。，；,; 或换行处断开），至多 30 个字，不会截断 AL-1021 这样的代码。没有状态的行按 --state 导入（默认待验证 `not-validated`）；待验证需要解决方法和环境：没有解决方法的行导入为处理中（`wip`），表里没有环境一列时，环境由这一行的产品生成，并写明台账没有记下版本和现场条件。`--state validated` 要求表里有环境和验证人两列。\n\n    单元格里的人员、产品、技能和团队可以写名字或 id；产品也可以按台账的写法（VMC850、SD-3伺服、液压站），只有正好对应一个产品时才采用，对应不上或对应多个时在单元格处报告，绝不猜。状态可以写中文（已验证），日期可以是 Excel 日期或文字（2026/4/12、2026年4月12日），一个单元格里的多个值用 、 ， , ; 或换行分开。\n\n    写入之前，每一行都和数据文件夹一起检查；有错误的行不写入，并在它的单元格处报告，例如 `台账.xlsx:案例!K14`。--dry-run 先列出每一列成为哪个字段（或者为什么不导入），再列出每一行会写成的文件。有任何一行出错时退出码为 1。\n    ",
        "\n\n    Without a title column, the title is the first clause of the symptoms (up to\n    。，；,; or a line break), at most 30 characters, never cutting a code such as\n    AL-1021. A row that names no state gets --state (default not-validated), which\n    needs a resolution and an environment: a row without a resolution is imported as\n    wip, and when the sheet has no environment column the environment is made from\n    the row's products, saying that the log kept no version or site conditions.\n    --state validated needs an environment and a validated_by column in the sheet.\n\n    Cells may name people, products, skills and teams by name or id, products also as\n    a log writes them (VMC850, SD-3伺服, 液压站) when exactly one product fits; a model\n    that fits none or several is reported at its cell, never guessed. States may be\n    written in Chinese (已验证), dates as real Excel dates or text (2026/4/12,\n    2026年4月12日), and several values in one cell separated by 、 ， , ; or line breaks.\n\n    Every row is validated with the data folder before anything is written; a row\n    with an error writes nothing and is reported at its cell, e.g.\n    `台账.xlsx:案例!K14`. --dry-run first lists which field each column became (or\n    why it was passed over), then the file each row would become. Exits 1 when any\n    row has an error.\n    ",
    ),
    "help-import": (
        "把表格（.xlsx 或 .csv，UTF-8 或 GBK）的每一行变成一条记录。\n\n    团队自己记的台账可以原样导入，不需要 --map：表头可以是字段名、网站上显示的标签（症状、解决日期、`Solved on` ……），或者下表里台账常用的写法。表最后一行的列（序号、联系人、是否收费、备注 ……）不导入，联系人一类的列从不读取。其他表头可以在 --map 里写明。\n\n",
        "Turn the rows of a spreadsheet (.xlsx or .csv, UTF-8 or GBK) into records.\n\n    A team's own case log (台账) imports as it is, without --map: a header is a field's\n    name, a label the site shows (症状, Solved on ...), or one of the headers logs use,\n    below. The columns in the table's last row (序号, 联系人, 是否收费, 备注 ...) are passed\n    over, and a contact column is never read. Other headers can be named in --map.\n\n",
    ),
    "help-import-short": ("把团队的表格（台账）导入为记录。", "Turn a team's spreadsheet (台账) into records."),
    "help-import-kind": ("行是哪一类记录 [默认：由表头判断]。", "What the rows are [default: told by the headers]."),
    "help-import-data": ("这些行加入的 YAML 记录文件夹。", "The folder of YAML records the rows join."),
    "help-import-map": (
        "一个 `表头: 字段` 的 YAML 文件，写明其他表头。",
        "A YAML of `header: field` for other headers.",
    ),
    "help-import-state": (
        "没有写状态的案例行的状态；缺少它需要的解决方法时为 `wip`。",
        "The state of a case row that names none; wip when the row lacks the resolution it needs.",
    ),
    "help-import-dry-run": ("什么都不写；列出会发生什么。", "Write nothing; print what would happen."),
    "help-import-update": (
        "覆盖已经存在且内容不同的记录（显示改动的差异）。",
        "Overwrite records that exist and differ (the change is shown as a diff).",
    ),
    "help-import-format": (
        "`text` 给人看，`json` 给工具用，`github` 是 GitHub Actions 里的标注。",
        "text for people, json for tools, github for annotations in GitHub Actions.",
    ),
    "help-import-schemas": (
        "新文件指向的 JSON Schema 所在的文件夹。",
        "Folder of the JSON Schemas the new files point editors to.",
    ),
    "help-import-language": (
        "消息的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "Language of the messages [default: the site's, from mkdocs.yml, else zh].",
    ),
    "help-import-passed-over": ("（不导入）", "(passed over)"),
    # kb export (generator/cli/export.py)
    "help-export": (
        "导出记录。`--format xlsx`（默认）：每类记录一个 Excel 工作表；案例、人员和培训场次的表头就是 `kb import` 读的表头，导入这个工作簿会得到同样的记录；传帮带、培养路径和荣誉只供阅读。\n\n    `--format opensearch`：每条记录一个 OpenSearch（或 Elasticsearch）文档，写入一个文件夹：mapping.json 是建立索引用的设置和映射（中文按相邻两个字切分，不需要插件），bulk.ndjson 是批量导入（`bulk` API）的请求体。\n\n    记录必须先通过检查。消息、表头和标签的语言跟随网站（mkdocs.yml），也可以用 `--language` 指定。",
        "Export the records. --format xlsx (default): every kind of record as a sheet of an\n    Excel workbook; cases, people and sessions have the headers `kb import` reads, so\n    importing the workbook gives the same records back; mentoring, paths and awards are for\n    reading.\n\n    --format opensearch: every record as a document for OpenSearch (or Elasticsearch), in a\n    folder: mapping.json creates the index (settings with a Chinese analyzer that needs no\n    plugin, and the mapping of every field), bulk.ndjson is the body of a bulk request that\n    loads the documents.\n\n    The records must validate first. Messages, headers and labels are in the site's\n    language (mkdocs.yml), or the one --language gives.\n    ",
    ),
    "help-export-short": (
        "把记录导出为 Excel 工作簿或 OpenSearch 的批量导入文件。",
        "Export the records to Excel or OpenSearch.",
    ),
    "help-export-format": (
        "`xlsx`：Excel 工作簿；`opensearch`：搜索服务器的索引映射和批量导入文件。",
        "xlsx: an Excel workbook; opensearch: a search server's index mapping and bulk request.",
    ),
    "help-export-out": (
        "`xlsx`：工作簿文件 [默认：records.xlsx]；`opensearch`：写入 mapping.json 和 bulk.ndjson 的文件夹 [默认：`opensearch`]。",
        "xlsx: the workbook [default: records.xlsx]; opensearch: the folder for mapping.json and bulk.ndjson [default: opensearch].",
    ),
    "help-export-index": (
        "`opensearch`：批量导入时写入的索引名 [默认：`servicekb`]。",
        "opensearch: the index the bulk request writes to [default: servicekb].",
    ),
    "help-export-language": (
        "表头、标签、荣誉标题和消息的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "Headers, labels, award titles and the messages [default: the site's, from mkdocs.yml, else zh].",
    ),
    "help-export-data": ("YAML 记录所在的文件夹。", "The folder of YAML records."),
    # kb search-report (generator/cli/search_report.py)
    "help-search-report": (
        "读取网站服务器的访问日志（nginx 或 Apache，`common` 或 `combined` 格式；也可以是 .gz），网站要用 `search_log: true` 构建；列出结果不超过 --few 个的搜索词和搜索次数：这就是知识库缺少的内容。含个人信息（手机号、身份证号、电子邮箱）或控制字符的搜索词不会列出。",
        "Read web server access logs (nginx or Apache, common or combined format; .gz too) of a\n    site built with `search_log: true`, and list the queries that found at most --few\n    results, with how often each was searched: what the knowledge base is missing.\n    A query that holds personal data (phone, ID-card number, e-mail) or a control\n    character is never listed.\n    ",
    ),
    "help-search-report-short": (
        "从访问日志里找出没有结果的搜索。",
        "The searches that found nothing, from access logs.",
    ),
    "help-search-report-few": ("列出的搜索词最多有几个结果。", "Most results a listed query had."),
    "help-search-report-top": ("最多列出多少个搜索词。", "How many queries to list."),
    "help-search-report-page": (
        "同时把列表写成 Markdown 页面（放在 kb/，网站手写页面的文件夹）。",
        "Also write the list as a Markdown page (for kb/, the site's hand-written pages).",
    ),
    "help-search-report-language": (
        "输出和页面的语言 [默认：mkdocs.yml 里网站的语言，否则 zh]。",
        "Language of the output and the page [default: the site's, from mkdocs.yml, else zh].",
    ),
    # kb qr (generator/cli/qr.py)
    "help-qr": (
        "为每个产品（或用 --product 指定的产品）生成铭牌二维码：扫码打开网站上该产品的页面。写到 --out 文件夹：每个产品的 <id>.svg（产品页）和 <id>-codes.svg（它的报警代码），以及 stickers.html，一页 A4 十张贴纸，每张有两个二维码、产品名称和网址，用浏览器打印。\n\n    二维码要有完整的网址，取自 mkdocs.yml 的 site_url（或环境变量 KB_SITE_URL）；没有设置时什么都不写。",
        "Make nameplate QR codes for every product (or those given with --product): scanned,\n    each opens the product's page on the site. Written into --out: <id>.svg (the product's\n    page) and <id>-codes.svg (its alarm codes) for each product, and stickers.html, ten\n    stickers to an A4 page, each with both codes, the product's name and its address, to\n    print from a browser.\n\n    A QR code needs the site's full address: site_url in mkdocs.yml (or KB_SITE_URL).\n    Without it nothing is written.\n    ",
    ),
    "help-qr-short": ("产品铭牌的二维码贴纸，用来打印。", "Nameplate QR code stickers of the products, to print."),
    "help-qr-product": (
        "只为这个产品生成；可以给多次 [默认：全部产品]。",
        "Only this product; may be given several times [default: every product].",
    ),
    "help-qr-out": ("SVG 文件和贴纸页写到哪里。", "Where to write the SVG files and the sheet of stickers."),
    "help-qr-language": (
        "贴纸和消息的语言 [默认：网站的语言，否则 zh]。",
        "Language of the stickers [default: the site's, else zh].",
    ),
    "help-qr-config-file": ("从哪里读 site_url 和网站名称。", "Where site_url and the site's name are read from."),
}
