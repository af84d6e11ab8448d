"""Messages of the commands' runs: `kb build`, `kb serve` and plain `mkdocs build` through the plugin."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # kb build (generator/publish/site.py, generator/cli/build.py)
    "build-checking": ("正在检查 {folder}/ 里的记录 ……", "Checking records in {folder}/ ..."),
    "build-rendered": ("已生成 {pages} 个页面；正在构建网站 ……", "Rendered {pages} pages; building the site ..."),
    "build-checking-links": ("正在检查链接、锚点和图片，同时建立搜索索引 ……", "Checking links, anchors and images while the search index is built ..."),
    "build-mkdocs-failed": ("`mkdocs build` 失败：`{error}`", "mkdocs build failed: {error}"),
    # what MkDocs logs while it builds, its own words quoted as it wrote them
    "build-mkdocs-warning": ("MkDocs 警告：`{message}`", "WARNING - {message}"),
    "build-mkdocs-error": ("MkDocs 错误：`{message}`", "ERROR - {message}"),
    "build-error": ("错误：", "Error: "),
    "build-broken-links": ("{count} 个失效链接；之前的网站保持不变。", "{count} broken link(s); the previous site was left in place."),
    # a broken link, anchor or image of the built site (generator/check/links.py): the page, why, the link
    "link-problem": ("{page}: 错误: {reason}: {url}", "{page}: error: {reason}: {url}"),
    "link-unsafe": ("`{scheme}:` 链接", "{scheme}: link"),
    "link-missing": ("链接指向不存在的页面或文件", "link to a missing page or file"),
    "link-anchor-missing": ("{target} 里没有锚点 `#{fragment}`", "anchor #{fragment} missing in {target}"),
    "link-external-status": ("外部链接返回了 {status}", "external link answered {status}"),
    "link-external-failed": ("外部链接打不开（{error}）", "external link failed ({error})"),
    # the site's configuration (generator/publish/site.py); MkDocs' own words are quoted as it wrote them
    "config-no-plugin": (
        "{file} 没有启用 `servicekb` 插件：在 `plugins:` 下加上 `- servicekb`",
        "{file} does not enable the `servicekb` plugin: add `- servicekb` under `plugins:`",
    ),
    "config-refused": ("MkDocs 不接受 {file}：{problems}", "MkDocs refuses {file}: {problems}"),
    "build-records-have-errors": ("记录有错误；之前的网站保持不变。", "The records have errors; the previous site was left in place."),
    "build-done": (
        "已把 {pages} 个页面构建到 {site}/，用时 {seconds} 秒；链接已检查。",
        "Built {pages} pages into {site}/ in {seconds} s; links checked.",
    ),
    # the records' history from git (generator/history.py)
    "history-shallow": (
        "记录没有修改历史：{folder} 是浅克隆（检出时用 `fetch-depth: 0`）",
        "no record history: {folder} is a shallow clone (check out with fetch-depth: 0)",
    ),
    "history-too-slow": (
        "记录没有修改历史：{folder} 的 `git log` 超过 {seconds} 秒还没结束",
        "no record history: `git log` of {folder} did not finish within {seconds} s",
    ),
    "history-too-long": (
        "记录没有修改历史：{folder} 的 `git log` 输出超过了 {size} MiB",
        "no record history: `git log` of {folder} printed more than {size} MiB",
    ),
    # kb build --shard I/N and kb build --merge (generator/publish/merge.py)
    "build-part-done": (
        "已把第 {part} 部分（{own} 个记录页面和全部共用页面）构建到 {site}/，用时 {seconds} 秒；链接在合并时检查。",
        "Built part {part} ({own} record pages and every shared page) into {site}/ in {seconds} s; links are checked at the merge.",
    ),
    "build-shard-invalid": ("`{value}` 不是 I/N 形式的部分（1 ≤ I ≤ N），例如 2/4", "`{value}` is not a part as I/N (1 ≤ I ≤ N), e.g. 2/4"),
    "merge-needs-parts": (
        "`--merge` 需要各部分的文件夹，例如 `kb build --merge site-part-*`",
        "--merge needs the parts' folders, e.g. `kb build --merge site-part-*`",
    ),
    "merge-parts-without-merge": ("只有和 `--merge` 一起才能给出文件夹：{folders}", "Folders are given only with --merge: {folders}"),
    "merge-shard-and-merge": ("`--shard` 和 `--merge` 不能同时使用", "--shard and --merge cannot be used together"),
    "merge-not-a-part": (
        "{folder} 不是构建的一部分（没有可读的 {file}）；先用 `kb build --shard I/N` 构建各部分",
        "{folder} is not a part of a build (no readable {file}); build the parts with `kb build --shard I/N` first",
    ),
    "merge-mixed-counts": ("这些部分来自分成不同份数的构建（{counts}）", "The parts come from builds split in different numbers of parts ({counts})"),
    "merge-part-twice": ("第 {parts} 部分给了不止一次", "Part {parts} is given more than once"),
    "merge-parts-missing": ("缺少第 {parts} 部分", "Part {parts} is missing"),
    "merge-different-builds": (
        "{folder} 和 {first} 的共用页面不一样：它们不是用同样的记录、设置和日期构建的",
        "{folder} and {first} differ in their shared pages: they were not built from the same records, settings and date",
    ),
    "merge-page-missing": ("{folder} 缺少它自己的页面 {page}（那里没有普通文件）", "{folder} lacks its own page {page} (no plain file there)"),
    "merge-no-search-index": ("{folder} 没有搜索索引（pagefind/shards.json）", "{folder} has no search index (pagefind/shards.json)"),
    # a part is untrusted (generator/publish/parts.py): each refusal names the part and the path
    "merge-part-link": (
        "{folder}：{path} 是符号链接；合并不跟随也不发布部分里的任何链接，请重新构建这一部分",
        "{folder}: {path} is a symbolic link; the merge neither follows nor publishes a link in a part: build the part again",
    ),
    "merge-part-not-a-file": (
        "{folder}：{path} 不是普通文件或文件夹（管道、设备或套接字）；请重新构建这一部分",
        "{folder}: {path} is not a plain file or folder (a FIFO, a device or a socket); build the part again",
    ),
    "merge-part-bad-name": ("{folder}：{path} 的名字不是 UTF-8；请重新构建这一部分", "{folder}: the name of {path} is not UTF-8; build the part again"),
    "merge-part-changed": (
        "{folder}：{path} 在合并读取时被换掉了；请等这一部分写完后再合并",
        "{folder}: {path} was replaced while the merge read it; merge once the part is written",
    ),
    "merge-file-too-large": (
        "{folder}：{path} 超过 {limit}；`kb build --shard` 不会写这么大的文件（记录更多时请分成更多部分）",
        "{folder}: {path} is larger than {limit}, more than `kb build --shard` writes (for more records, build in more parts)",
    ),
    "merge-part-field-invalid": (
        "{folder}：{file} 里的 `{field}` 不是 `kb build --shard` 写的样子；请重新构建这一部分",
        "{folder}: `{field}` in {file} is not as `kb build --shard` writes it; build the part again",
    ),
    "merge-page-path-invalid": (
        "{folder}：kb-part.json 里的页面路径 `{page}` 不是部分里的普通相对路径（绝对路径、`..`、`.`、反斜杠、NUL 或空的一段）",
        "{folder}: the page path `{page}` in kb-part.json is not a plain path inside the part (absolute, `..`, `.`, a backslash, NUL or an empty segment)",
    ),
    "merge-page-twice": ("{folder}：kb-part.json 把页面 {page} 列了不止一次", "{folder}: kb-part.json lists the page {page} more than once"),
    "merge-page-reserved": (
        "{folder}：kb-part.json 把 {page} 列为自己的页面，但它属于搜索索引或 kb-part.json",
        "{folder}: kb-part.json lists {page} as a page of its own, but that is the search index's or kb-part.json",
    ),
    "merge-page-not-owned": (
        "{folder}：{page} 不属于第 {part} 部分（页面按路径的哈希分给各部分）；一个部分不能提供另一个部分的页面",
        "{folder}: {page} is not a page of part {part} (the hash of a page's path gives it its part); one part may not supply another's page",
    ),
    "merge-manifest-invalid": (
        "{folder}：pagefind/shards.json 不是 `kb build` 写的样子；请重新构建这一部分",
        "{folder}: pagefind/shards.json is not as `kb build` writes it; build the part again",
    ),
    "merge-shard-name-invalid": (
        "{folder}：pagefind/shards.json 里的分片名 `{name}` 不是 `kb build` 写的名字（16 位十六进制小写）",
        "{folder}: the shard name `{name}` in pagefind/shards.json is not a name `kb build` writes (16 lowercase hex digits)",
    ),
    "merge-shard-folder-missing": (
        "{folder}：pagefind/shards.json 列出的分片 pagefind/{name}/ 不存在或不是普通文件夹",
        "{folder}: the shard pagefind/{name}/ that pagefind/shards.json lists is missing or not a plain folder",
    ),
    "merge-shard-twice": ("搜索分片 {name} 出现了不止一次（{folder}，{other}）", "The search shard {name} is listed more than once ({folder}, {other})"),
    "merge-different-data": (
        "{folder} 和 {first} 来自不同的记录：它们的数据摘要不同（记录、附件、工单导出、git 历史，或语言、`--today` 等设置不一样）",
        "{folder} and {first} come from different records: their data digests differ (records, attachments, ticket exports, git history, or settings such as the language or --today)",
    ),
    "merge-shared-forged": (
        "{folder}：{file} 里的共用页面摘要和它的文件算出的不一致；这一部分被改动过，请重新构建",
        "{folder}: the shared digest in {file} is not the one its files give; the part was altered: build it again",
    ),
    "merge-page-also-shared": (
        "{folder}：它自己的页面 {page} 是 {first} 的共用文件；一个部分不能替换另一个部分的文件",
        "{folder}: its own page {page} is a shared file of {first}; one part may not replace another's file",
    ),
    "merge-outside-site": ("{path} 会写到新网站的文件夹 {site} 之外；什么都没有替换", "{path} would be written outside the new site's folder {site}; nothing was replaced"),
    "merge-written-twice": ("{path} 会在新网站里写两次；什么都没有替换", "{path} would be written twice into the new site; nothing was replaced"),
    "merge-checking-links": (
        "已合并 {pages} 个记录页面；正在检查链接、锚点和图片 ……",
        "Merged {pages} record pages; checking links, anchors and images ...",
    ),
    "merge-done": (
        "已把 {parts} 个部分合并到 {site}/，用时 {seconds} 秒；链接已检查。",
        "Merged {parts} parts into {site}/ in {seconds} s; links checked.",
    ),
    "build-waiting": ("{folder} 正被另一次构建使用；等它结束 ……", "Another build is using {folder}; waiting for it to finish ..."),
    "build-waiting-for": (
        "{folder} 正被另一次构建（进程 {pid}）使用；等它结束 ……",
        "Another build (process {pid}) is using {folder}; waiting for it to finish ...",
    ),
    "build-stale-lock": (
        "{folder} 的锁属于已经结束的进程 {pid}；接管它。",
        "The lock of {folder} belonged to process {pid}, which has ended; taking it over.",
    ),
    "build-server-running": (
        "`kb serve` 已经在 {address} 运行（进程 {pid}），它占用着页面缓存 {folder}：打开这个地址就能看到网站。要再启动一个，先停止它（在它的终端按 `Ctrl+C`），或者用 `--cache-dir` 给新的一个另一个文件夹",
        "kb serve is already running at {address} (process {pid}) and holds the page cache {folder}: open that address to see the site. To start another, stop it first (Ctrl+C in its terminal), or give the new one another folder with --cache-dir",
    ),
    "build-busy": (
        "{folder} 已经被占用了 {minutes} 分钟；请停止另一次构建（或 `kb serve`）后再试",
        "{folder} has been busy for {minutes} minutes; stop the other build (or `kb serve`) and try again",
    ),
    "os-error": ("{path}：`{what}`；{advice}", "{path}: {what}; {advice}"),
    "os-error-no-path": ("`{what}`；{advice}", "{what}; {advice}"),
    "os-advice-permissions": (
        "没有写入的权限：请修改文件夹的权限，或者用 `--site-dir` 构建到别处",
        "you may not write there: fix the folder's permissions or build elsewhere with --site-dir",
    ),
    "os-advice-disk-full": ("磁盘满了：请腾出空间后再构建", "the disk is full: free some space and build again"),
    "os-advice-read-only": ("文件系统是只读的：请用 `--site-dir` 构建到别处", "the file system is read-only: build elsewhere with --site-dir"),
    "os-advice-quota": ("磁盘配额用完了：请腾出空间后再构建", "the disk quota is used up: free some space and build again"),
    "os-advice-missing-folder": ("路径上的某个文件夹不存在：请检查路径", "a folder on the way is missing: check the path"),
    "os-advice-file-in-the-way": ("需要文件夹的地方有一个文件：请把它移走", "a file stands where a folder is needed: move it away"),
    "os-advice-check-the-path": ("请检查路径后再试", "check the path and try again"),
    "build-stages": ("各阶段用时：{stages}", "Stages: {stages}"),
    "build-stage": ("{name} {seconds} 秒", "{name} {seconds} s"),
    "stage-validate-and-render": ("检查与生成", "validate and render"),
    "stage-mkdocs-build": ("`mkdocs build`", "mkdocs build"),
    "stage-link-check": ("链接检查", "link check"),
    "stage-link-check-and-search-index": ("链接检查与搜索索引", "link check and search index"),
    "list-separator": ("，", ", "),
    # kb serve (generator/publish/serve.py, generator/cli/serve.py)
    "serve-built": (
        "[{time}] 网站已构建：{what}，用时 {seconds} 秒{warnings}。",
        "[{time}] Site built: {what} in {seconds} s{warnings}.",
    ),
    "serve-not-built": ("[{time}] 网站还没有构建：{what}。", "[{time}] The site is not built yet: {what}."),
    "serve-rebuilt": (
        "[{time}] {files} 有改动：{what}，用时 {seconds} 秒{warnings}。",
        "[{time}] {files} changed: {what} in {seconds} s{warnings}.",
    ),
    "serve-some-files": ("文件", "Files"),
    "serve-files-and-more": ("{named} 和另外 {more} 个文件", "{named} and {more} more"),
    "serve-pages": ("{pages} 个页面", "{pages} pages"),
    "serve-all-pages-built": ("全部 {pages} 个页面已重新构建", "all {pages} pages built again"),
    "serve-pages-changed": ("更新了 {pages} 个页面", "pages updated: {pages}"),
    "serve-no-page-changed": ("没有页面变化", "no page changed"),
    "serve-fixed": ("错误已改好，网站和上一次成功构建的一样", "the errors are fixed; the site is as last built"),
    "serve-edited-then-rest": (
        "编辑的页面 {quick} 秒就已更新，提到它们的 {pages} 个页面随后更新",
        "the edited pages updated in {quick} s, then the pages that mention them ({pages})",
    ),
    "serve-no-warnings": ("，没有警告", ", no warnings"),
    "serve-one-warning": ("，1 条警告", ", 1 warning"),
    "serve-warnings": ("，{count} 条警告", ", {count} warnings"),
    "serve-records-broken": (
        "记录有 {errors} 个错误（见上），网站保持上一次成功构建的内容，每个页面都显示这些错误",
        "the records have errors ({errors}, above); the last good site stays served, with the errors shown on every page",
    ),
    "serve-records-broken-first": (
        "记录有 {errors} 个错误（见上）；改好后自动构建，在此之前每个页面都显示这些错误",
        "the records have errors ({errors}, above); it is built once they are fixed, and until then every page shows them",
    ),
    "serve-serving": (
        "在 {address} 提供网站（进程 {pid}）；{watched} 有改动时自动重新构建。按 `Ctrl+C` 停止。",
        "Serving the site at {address} (process {pid}); it is rebuilt when {watched} change. Press Ctrl+C to stop.",
    ),
    "serve-port-taken": ("端口 {port} 已被占用，改用 {free}。", "Port {port} is taken; serving on {free} instead."),
    "serve-no-free-port": (
        "端口 {first} 到 {last} 都已被占用；请用 `--port` 指定另一个端口",
        "Ports {first} to {last} are all taken; choose another with --port",
    ),
    "serve-cannot-listen": ("无法在 {host}:{port} 提供网站：`{reason}`", "Cannot serve at {host}:{port}: {reason}"),
    "serve-last-good-site": ("网站保持上一次成功构建的内容。", "The last good site stays served."),
    "serve-search-failed": ("搜索索引没能更新：{error}", "The search index could not be updated: {error}"),
    "serve-stopped": ("已停止。", "Stopped."),
    # plain mkdocs build (generator/publish/plugin.py)
    "plugin-records-have-errors": ("记录有错误，什么都没有构建：\n{report}", "the records have errors; nothing was built:\n{report}"),
    "plugin-page-clash": ("kb/{page} 和一个生成的页面重名；请给手写的文件改名", "kb/{page} clashes with a generated page; rename the hand-written file"),
}  # fmt: skip
