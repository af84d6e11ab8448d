"""The stable diagnostic codes: what each means, an example and the fix, in Chinese and English.

Codes never change meaning once published; a retired code is not reused.
KB1xx loading, KB2xx shape, KB3xx identity, KB4xx references, KB5xx rules,
KB6xx personal data, KB7xx advice (warnings), KB8xx importing spreadsheets (`kb import`), KB9xx service-ticket
exports (data/tickets/*.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.diagnostics import Diagnostic, Position, Severity
from generator.language import LANGUAGES
from generator.messages import MESSAGES, Text, text

Words = str | tuple[str, str]  # (Chinese, English), or one text for both (a YAML example)


class CodeText(NamedTuple):
    """A code as the checks page shows it, in one language."""

    code: str
    severity: Severity
    title: str
    example: str
    fix: str


@dataclass(frozen=True)
class Code:
    code: str
    title: Words
    example: Words
    fix: Words
    severity: Severity = "error"

    def at(self, file: str, position: Position, words: Text | str, /, **args: Any) -> Diagnostic:
        """This problem at a place: `words` is a Text, a catalogue key (with `args`) or plain words."""
        if isinstance(words, str) and (args or words in MESSAGES):
            words = text(words, **args)
        return Diagnostic(file, position.line, position.column, self.code, words, self.severity)

    def in_language(self, language: str) -> CodeText:
        return CodeText(
            self.code,
            self.severity,
            _in(self.title, language),
            _in(self.example, language),
            _in(self.fix, language),
        )


def _in(words: Words, language: str) -> str:
    return words if isinstance(words, str) else words[LANGUAGES.index(language)]


def _code(code: str, title: Words, example: Words, fix: Words, severity: Severity = "error") -> Code:
    entry = Code(code, title, example, fix, severity)
    CODES[code] = entry
    return entry


CODES: dict[str, Code] = {}

# Loading
YAML_SYNTAX = _code(
    "KB101",
    ("YAML 语法错误", "YAML syntax error"),
    "title: [unclosed",
    (
        "按消息所指的行改正 YAML；含有 `: ` 或以 `[`、`{`、`*`、`&`、`!` 开头的文字要加引号。",
        "Fix the YAML at the line shown; quote text that contains `: ` or starts with `[`, `{`, `*`, `&`, `!`.",
    ),
)
DUPLICATE_KEY = _code(
    "KB102",
    ("同一个映射里有重复的键", "Duplicate key in a mapping"),
    "title: A\ntitle: B",
    ("两个键只保留一个：YAML 会悄悄丢掉前一个。", "Keep one of the two keys: YAML would silently drop the first."),
)
ANCHOR_ALIAS = _code(
    "KB103",
    ("不允许使用锚点和别名", "Anchors and aliases are not allowed"),
    "a: &x 1\nb: *x",
    (
        "把值完整写出来；记录对人和对生成器都应该读起来一样。",
        "Write the value out in full; records must read the same to a person and to the generator.",
    ),
)
UNSAFE_TAG = _code(
    "KB104",
    ("非标准的 YAML 标签", "Non-standard YAML tag"),
    "x: !!python/object:os.system",
    (
        "删除标签；记录里只能有文字、数字、日期、列表和映射。",
        "Remove the tag; records hold only text, numbers, dates, lists and mappings.",
    ),
)
NOT_A_MAPPING = _code(
    "KB105",
    ("文件不是由字段组成的映射", "The file is not a mapping of fields"),
    "- just a list",
    ("记录文件的顶层是一行行 `字段: 值`。", "A record file holds `field: value` lines at the top level."),
)
EMPTY_FILE = _code(
    "KB106",
    ("空文件", "Empty file"),
    ("（什么都没有，或者只有注释）", "(nothing, or only comments)"),
    ("写上记录的字段，或者删除这个文件。", "Write the record's fields, or delete the file."),
)
TOO_LARGE = _code(
    "KB107",
    ("文件太大", "File too large"),
    ("案例里粘贴了 5 MiB 的日志", "a 5 MiB log pasted into a case"),
    (
        "把大的日志和图片放到 data/attachments/，在 `attachments` 里列出。",
        "Move large logs and images to data/attachments/ and list them under `attachments`.",
    ),
)
NOT_UTF8 = _code(
    "KB108",
    ("文件不是 UTF-8 编码", "File is not UTF-8"),
    ("旧编辑器把案例存成了 GBK", "a case saved as GBK by an old editor"),
    (
        "把文件另存为 UTF-8，例如 `iconv -f GBK -t UTF-8 in.yml > out.yml`。",
        "Re-save the file as UTF-8, e.g. `iconv -f GBK -t UTF-8 in.yml > out.yml`.",
    ),
)
KEY_NOT_TEXT = _code(
    "KB109",
    ("键不是普通文字", "A key is not plain text"),
    "? [a, b]\n: value",
    ("键只用普通的字段名。", "Use plain field names as keys."),
)
STRUCTURE = _code(
    "KB110",
    ("不支持的 YAML 结构", "Unsupported YAML structure"),
    ("用 `---` 隔开的两个文档", "two documents separated by `---`"),
    (
        "一个文件只放一条记录，嵌套不超过 64 层。",
        "Keep one record per file and at most 64 levels of nesting.",
    ),
)
CONTROL_CHARACTER = _code(
    "KB111",
    ("文字里有控制字符", "Control character in text"),
    'note: "ready\\x1b[31m"',
    (
        "删除这个不可见的字符（它常常是从终端或日志里粘贴进来的，或者是双引号里写的 `\\x1b` 这样的转义）；"
        "记录里只允许 Tab 和换行这两种控制字符。",
        "Delete the invisible character (often pasted from a terminal or a log, or written as an escape such as "
        "`\\x1b` in double quotes); tabs and line breaks are the only control characters a record may hold.",
    ),
)
GUESSED_NUMBER = _code(
    "KB112",
    ("YAML 1.1 会猜测的数字写法", "Number in a form YAML 1.1 would guess"),
    ("hours_to_resolve: 1:30   （会读成 90）", "hours_to_resolve: 1:30   (read as 90)"),
    (
        "直接写数字（1.5）；如果不是数字，就给文字加上引号。",
        "Write the number plainly (1.5), or put the text in quotes if it is not a number.",
    ),
)
SYMLINK = _code(
    "KB113",
    ("符号链接，或指向 data/ 以外的路径", "Symbolic link or path leaving data/"),
    "data/attachments/notes.txt -> /etc/passwd",
    (
        "把链接换成 data/ 里一份真正的文件；data/ 以外的东西不会被发布。",
        "Replace the link with a real copy of the file inside data/; nothing outside data/ is published.",
    ),
)

LOG_UNREADABLE = _code(
    "KB114",
    ("访问日志无法读取", "Access log cannot be read"),
    (
        "`kb search-report` 读到不存在的文件、文件夹、损坏的 .gz，或者一个表格",
        "`kb search-report` given a file that does not exist, a folder, a damaged .gz, or a spreadsheet",
    ),
    (
        "给出 nginx 或 Apache 的访问日志：common 或 combined 格式的文本文件，也可以是 .gz。",
        "Give nginx or Apache access logs: text files in the common or combined format, or .gz of them.",
    ),
)
LOG_LIMIT = _code(
    "KB115",
    ("访问日志超过上限", "Access log over a limit"),
    ("解压后超过 1 GiB 的 .gz（也可能是压缩炸弹）", "a .gz that unpacks to more than 1 GiB (or a gzip bomb)"),
    (
        "按天或按周轮转日志，一次报告较少的日志：单个日志解压后最多 1 GiB、1000 万行，一次报告最多 10 万个不同的搜索词。",
        "Rotate the logs by day or week and report on fewer at a time: a log holds at most 1 GiB unpacked and "
        "10,000,000 lines, a report at most 100,000 different queries.",
    ),
)
PAGE_REFUSED = _code(
    "KB116",
    ("报告页面不能写到这个路径", "The report page cannot be written there"),
    (
        "`--page kb/missed.md`，而 kb/missed.md 是符号链接",
        "`--page kb/missed.md` where kb/missed.md is a symbolic link",
    ),
    (
        "给出普通文件（或者还不存在的文件）的路径；页面整体替换，写入失败时原来的文件保持不变。",
        "Name a plain file, or one that does not exist yet; the page is replaced whole, and a failed write leaves "
        "the previous file as it was.",
    ),
)

# Shape
MISSING_FIELD = _code(
    "KB201",
    ("缺少必填字段", "Required field missing"),
    ("案例没有 `symptoms`", "a case without `symptoms`"),
    ("补上这个字段；docs/records.md 列出了哪些字段必填。", "Add the field; docs/records.md lists the required ones."),
)
UNKNOWN_FIELD = _code(
    "KB202",
    ("未知字段", "Unknown field"),
    "validatd_by: li-na",
    (
        "改正拼写（消息会提示最接近的字段），或者删除这个字段。",
        "Fix the spelling (the message suggests the nearest field) or remove the field.",
    ),
)
WRONG_TYPE = _code(
    "KB203",
    ("值的类型不对", "Value has the wrong type"),
    ("authors: zhang-wei   （这里要的是列表）", "authors: zhang-wei   (a list is expected)"),
    (
        "按 docs/records.md 给出的类型填写；YAML 会读成数字或是/否的文字要加引号。",
        "Write the value in the type docs/records.md gives; quote text that YAML reads as a number or yes/no.",
    ),
)
NOT_ALLOWED_VALUE = _code(
    "KB204",
    ("值不在允许的范围内", "Value is not one of the allowed values"),
    "state: done",
    ("使用消息里列出的某个值。", "Use one of the values listed in the message."),
)
BAD_DATE = _code(
    "KB205",
    ("不是 YYYY-MM-DD 形式的真实日期", "Not a real calendar date in YYYY-MM-DD form"),
    "solved_on: 2026-02-30",
    ("写一个真实的日期，格式为 YYYY-MM-DD。", "Write a real date as YYYY-MM-DD."),
)
BAD_ID = _code(
    "KB206",
    ("id 不符合规则", "Id does not match the id pattern"),
    "id: Zhang_Wei",
    (
        "只用英文小写字母、数字和单个连字符，最多 64 个字符。",
        "Use lower-case ASCII letters, digits and single hyphens, at most 64 characters.",
    ),
)
OUT_OF_RANGE = _code(
    "KB207",
    ("数字超出范围", "Number out of range"),
    "hours: 0",
    ("使用消息里给出的范围内的数字。", "Use a number in the range the message gives."),
)
EMPTY_LIST = _code(
    "KB208",
    ("列表不能为空", "List must not be empty"),
    "products: []",
    ("至少列出一项。", "Name at least one entry."),
)
STATE_REQUIRES = _code(
    "KB209",
    ("案例的状态要求的字段", "Field required by the case's state"),
    ("state: validated 却没有 validated_by", "state: validated without validated_by"),
    (
        "补上这个字段，或者选择与案例内容相符的状态。",
        "Add the field, or choose the state that matches what the case holds.",
    ),
)
BAD_PERIOD = _code(
    "KB210",
    ("期间的写法不对", "Period not in a known form"),
    "period: 2026Q3",
    ("写成 `2026`、`2026-H2`、`2026-Q3` 或 `2026-09`。", "Write `2026`, `2026-H2`, `2026-Q3` or `2026-09`."),
)

BLANK_TEXT = _code(
    "KB211",
    ("文字只有空格", "Text holds only spaces"),
    'title: "   "',
    ("写上文字；如果字段是选填的，就删除它。", "Write the text, or remove the field if it is optional."),
)
LINE_BREAK = _code(
    "KB212",
    ("单行字段里有换行", "Line break in a single-line field"),
    'title: "液压站\\n压力掉"',
    (
        "把文字写在一行里。只有 Markdown 字段（症状、解决步骤这类长文字）可以分行；姓名、标题、标签、"
        "又称等字段不是 `|` 或 `>` 块，也不含 `\\n` 这样的转义或空行。",
        "Write the text on one line. Only Markdown fields (long text such as symptoms or the resolution) may "
        "span lines; a name, title, tag or aka word is not a `|` or `>` block and holds no escape such as "
        "`\\n` and no empty line.",
    ),
)

# Identity
ID_NOT_FILENAME = _code(
    "KB301",
    ("id 和文件名不一致", "Id differs from the file name"),
    ("cases/a.yml 里写着 id: b", "cases/a.yml with id: b"),
    ("改文件名或改 id，让两者一致。", "Rename the file or change the id so they match."),
)
DUPLICATE_ID = _code(
    "KB302",
    ("同一类记录里 id 用了两次", "Id used twice in one kind"),
    ("两个人的 id 都是 zhang-wei", "two people with id zhang-wei"),
    ("同一类的每条记录都要有自己的 id。", "Give each record of a kind its own id."),
)
PATH_LIKE_ID = _code(
    "KB303",
    ("id 看起来像路径", "Id looks like a path"),
    "id: ../../etc/passwd",
    ("id 是简单的名称，会成为网址和文件名的一部分。", "Ids are plain slugs; they become URLs and file names."),
)
UNKNOWN_FOLDER = _code(
    "KB304",
    ("文件不在已知的记录文件夹里", "File outside the known record folders"),
    "data/case/x.yml",
    (
        "记录放在 people/、cases/、mentoring/、sessions/、paths/ 或 awards/ 里。",
        "Put records in people/, cases/, mentoring/, sessions/, paths/ or awards/.",
    ),
)
MISSING_TAXONOMY = _code(
    "KB306",
    ("缺少 taxonomy.yml", "taxonomy.yml is missing"),
    ("data/ 里没有 taxonomy.yml", "data/ without taxonomy.yml"),
    (
        "创建 data/taxonomy.yml，写上产品、技能、团队和奖项类别。",
        "Create data/taxonomy.yml with the products, skills, teams and award kinds.",
    ),
)
RESERVED_ID = _code(
    "KB307",
    ("id 留给了网站生成的页面", "Id is reserved for a page the site generates"),
    ("cases/index.yml 里写着 id: index", "cases/index.yml with id: index"),
    ("换一个 id；消息里列出了保留的 id。", "Choose another id; the message lists the reserved ones."),
)
DUPLICATE_STEP = _code(
    "KB305",
    ("同一条路径里步骤 id 用了两次", "Step id used twice in one path"),
    ("两个步骤的 id 都是 basics", "two steps with id basics"),
    ("路径里的每个步骤都要有自己的 id。", "Give each step of a path its own id."),
)

# References
UNKNOWN_PERSON = _code(
    "KB401",
    ("未知的人员", "Unknown person"),
    "authors: [zhang-wie]",
    (
        "使用 data/people/ 里某个文件的 id，或者添加这个人。",
        "Use the id of a file in data/people/, or add that person.",
    ),
)
UNKNOWN_CASE = _code(
    "KB402",
    ("未知的案例", "Unknown case"),
    "related: [no-such-case]",
    ("使用 data/cases/ 下某个文件的 id。", "Use the id of a file under data/cases/."),
)
UNKNOWN_SESSION = _code(
    "KB403",
    ("未知的培训场次", "Unknown session"),
    "sessions: [2026-13-x]",
    ("使用 data/sessions/ 里某个文件的 id。", "Use the id of a file in data/sessions/."),
)
UNKNOWN_SKILL = _code(
    "KB404",
    ("未知的技能", "Unknown skill"),
    "skills: [hydralics]",
    (
        "使用 taxonomy.yml 里 `skills` 的某个 id，或者在那里添加。",
        "Use a `skills` id from taxonomy.yml, or add it there.",
    ),
)
UNKNOWN_PRODUCT = _code(
    "KB405",
    ("未知的产品", "Unknown product"),
    "products: [hx-300]",
    (
        "使用 taxonomy.yml 里 `products` 的某个 id，或者在那里添加。",
        "Use a `products` id from taxonomy.yml, or add it there.",
    ),
)
UNKNOWN_TEAM = _code(
    "KB406",
    ("未知的团队", "Unknown team"),
    "team: west",
    (
        "使用 taxonomy.yml 里 `teams` 的某个 id，或者在那里添加。",
        "Use a `teams` id from taxonomy.yml, or add it there.",
    ),
)
UNKNOWN_AWARD_KIND = _code(
    "KB407",
    ("未知的奖项类别", "Unknown award kind"),
    "award: best-engineer",
    (
        "使用 taxonomy.yml 里 `awards` 的某个 id，或者在那里添加。",
        "Use an `awards` id from taxonomy.yml, or add it there.",
    ),
)
UNKNOWN_STEP = _code(
    "KB408",
    ("本路径没有这个步骤", "Unknown step of this path"),
    "requires: [basic]",
    ("写同一条路径里某个步骤的 id。", "Name a step id of the same path."),
)

# Rules
VALIDATOR_ROLE = _code(
    "KB501",
    ("验证人无权验证", "Validator may not validate"),
    ("validated_by 是一名 contributor", "validated_by a contributor"),
    (
        "案例由 `kcs_role` 为 `publisher` 或 `coach` 的人验证。",
        "Cases are validated by a person whose kcs_role is publisher or coach.",
    ),
)
VALIDATOR_SOLE_AUTHOR = _code(
    "KB502",
    ("验证人是唯一的作者", "Validator is the only author"),
    "authors: [li-na], validated_by: li-na",
    ("由另一位 `publisher` 或 `coach` 验证这个案例。", "Another publisher or coach validates the case."),
)
SELF_MENTORING = _code(
    "KB503",
    ("师傅和徒弟是同一个人", "Mentor and mentee are the same person"),
    "mentor: li-na, mentee: li-na",
    ("写两个不同的人。", "Name two different people."),
)
DATE_ORDER = _code(
    "KB504",
    ("日期先后顺序不对", "Dates in the wrong order"),
    ("ends 早于 started", "ends before started"),
    ("改正后一个日期，让它不早于前一个。", "Fix the later date so it is not before the earlier one."),
)
NOT_YET_JOINED = _code(
    "KB505",
    ("那一天这个人还没有入职", "Person had not joined by that date"),
    ("作者的入职日期晚于 solved_on", "an author who joined after solved_on"),
    ("核对日期，或者这个人的 `joined`。", "Check the date or the person's `joined`."),
)
STEP_CYCLE = _code(
    "KB506",
    ("路径的步骤互相要求，形成循环", "Path steps require each other in a cycle"),
    ("a 要求 b，b 又要求 a", "a requires b, b requires a"),
    ("去掉其中一个要求，让步骤有先后。", "Remove one of the requirements so the steps have an order."),
)
ATTACHMENT_MISSING = _code(
    "KB507",
    ("找不到附件", "Attachment not found"),
    ("attachments: [photo.png]，但没有这个文件", "attachments: [photo.png] without the file"),
    ("把文件放到 data/attachments/，或者改正路径。", "Put the file under data/attachments/ or fix the path."),
)
ATTACHMENT_ESCAPES = _code(
    "KB508",
    ("附件路径跑出了 data/attachments/", "Attachment path leaves data/attachments/"),
    "attachments: [../../secret.txt]",
    ("只指向 data/attachments/ 里面的文件。", "Point only at files inside data/attachments/."),
)
SELF_RELATED = _code(
    "KB509",
    ("案例把自己列为相关案例", "Case names itself as related"),
    ("related: [自己的 id]", "related: [its own id]"),
    ("从 `related` 里去掉它自己的 id。", "Remove its own id from `related`."),
)
NOT_A_CONTEST = _code(
    "KB510",
    ("荣誉所在的场次不是比赛", "Award session is not a contest"),
    ("session: 一个课堂培训场次", "session: a classroom session"),
    (
        "写一个形式为 `contest` 的场次，或者去掉 `session`。",
        "Name a session whose format is `contest`, or drop `session`.",
    ),
)
LEFT_BEFORE = _code(
    "KB511",
    ("那一天这个人已经离职", "Person had left by that date"),
    ("学员在培训之前已经离职", "an attendee who left before the session"),
    ("核对日期，或者这个人的 `left`。", "Check the date or the person's `left`."),
    "warning",
)

ATTACHMENT_TYPE = _code(
    "KB512",
    ("附件类型不允许", "Attachment type not allowed"),
    ("attachments: [report.html]   （或者带脚本的 SVG）", "attachments: [report.html]   (or an SVG with a script)"),
    (
        "附上图片、PDF、Office 文档、文本、压缩包或视频；网页或带脚本的 SVG 请导出为 PDF 或 PNG。",
        "Attach images, PDF, Office documents, text, archives or video; export a web page or an active SVG as PDF or PNG.",
    ),
)

MARKDOWN_NESTING = _code(
    "KB513",
    ("列表或引用嵌套太深", "Lists or quotes nested too deeply"),
    (
        "`- - - - - - - - - - - - - - - - - 太深`（17 层列表）",
        "`- - - - - - - - - - - - - - - - - too deep` (17 levels of lists)",
    ),
    (
        "一段 Markdown 里列表和引用最多套 16 层；把内容拆平，或者放进 ``` 代码块。",
        "Lists and quotes nest at most 16 levels in one Markdown field; flatten the text or put it in a ``` code block.",
    ),
)
MARKDOWN_BRACKETS = _code(
    "KB514",
    ("同时打开的 `[` 太多", "Too many `[` open at once"),
    ("一段里写了 17 个没有关上的 `[`", "a paragraph with 17 `[` not yet closed"),
    (
        "一段里同时打开的 `[` 最多 16 个；关上它们，把不是链接的写成 `\\[`，或者放进 ``` 代码块。",
        "At most 16 `[` may be open at once in a paragraph; close them, write those that are not links as `\\[`, "
        "or put the text in a ``` code block.",
    ),
)
MARKDOWN_LINKS = _code(
    "KB515",
    ("一个字段里的链接和图片太多", "Too many links and images in one field"),
    ("一个字段里有 501 个 `](`", "501 `](` in one field"),
    (
        "一个 Markdown 字段最多 500 个链接和图片；把附件列在 `attachments` 里，或者把记录拆开。",
        "A Markdown field holds at most 500 links and images; list files under `attachments` or split the record.",
    ),
)

# Personal data
MOBILE_NUMBER = _code(
    "KB601",
    ("文字里有手机号", "Mobile phone number in text"),
    "联系人 13812345678",
    ("删除号码：客户的联系方式永远不写进记录。", "Remove the number: customer contact data never goes into records."),
)
ID_CARD_NUMBER = _code(
    "KB602",
    ("文字里有身份证号", "Chinese ID-card number in text"),
    "身份证 11010519491231002X",
    ("删除号码：客户的个人信息永远不写进记录。", "Remove the number: customer personal data never goes into records."),
)
EMAIL_ADDRESS = _code(
    "KB603",
    ("文字里有电子邮箱地址", "E-mail address in text"),
    "wang@example.com",
    ("删除地址：客户的联系方式永远不写进记录。", "Remove the address: customer contact data never goes into records."),
)

# Advice
REVIEW_DUE = _code(
    "KB701",
    ("案例已过复审日期", "Case is past its review date"),
    ("未验证的案例写着 review_by: 2025-01-01", "review_by: 2025-01-01 on a not-validated case"),
    (
        "复审这个案例，然后验证它，或者设一个新的 review_by。",
        "Review the case, then validate it or set a new review_by.",
    ),
    "warning",
)
NEAR_DUPLICATE = _code(
    "KB703",
    ("案例和另一个几乎重复", "Case looks like a near-duplicate of another"),
    ("两位工程师把同一个故障各写了一遍", "the same fault written up twice by two engineers"),
    (
        "把两个案例合并成一个（KCS：一个问题，一篇文章），或者在标题和症状里写清区别。",
        "Merge the two into one case (KCS: one problem, one article), or make the difference clear in title and symptoms.",
    ),
    "warning",
)
MENTOR_OVERLOADED = _code(
    "KB704",
    ("师傅带的徒弟超过上限", "Mentor has more active mentees than the limit"),
    ("同一位师傅有四对进行中的传帮带（上限 3）", "four active pairs with the same mentor (limit 3)"),
    (
        "结束或停止一对，或者请另一位老师傅分担；上限由 `--max-mentees` 设定。",
        "Finish or stop a pair, or share the mentees with another veteran; the limit is `--max-mentees`.",
    ),
    "warning",
)
PAIR_WITHOUT_LOG = _code(
    "KB705",
    ("进行中的传帮带 60 天没有记录", "Active mentoring pair without a log entry for 60 days"),
    ("最后一条记录在八月，今天是十一月", "last log entry in August, today is November"),
    (
        "在 `log` 里写下两人一起做了什么，或者把这一对标为已完成或已停止。",
        "Write what the pair did together under `log`, or mark the pair completed or stopped.",
    ),
    "warning",
)
PICTURE_UNUSABLE = _code(
    "KB706",
    ("人员照片不是可用的图片", "Person's picture is not a usable image"),
    ("attachments/people/zhang-wei.png 其实是一个网页", "attachments/people/zhang-wei.png that is really a web page"),
    (
        "换成真正的 JPEG 或 PNG 照片，或者删掉它；在此之前页面上显示姓名首字。",
        "Replace it with a real JPEG or PNG photo, or remove it; until then the page shows the initials.",
    ),
    "warning",
)
OUTCOME_MISSING = _code(
    "KB702",
    ("已完成的传帮带没有写成果", "Completed mentoring without an outcome"),
    ("status: completed 却没有 outcome", "status: completed without outcome"),
    ("在 `outcome` 里写下这一对取得的成果。", "Write what the pair achieved under `outcome`."),
    "warning",
)

# KB8xx importing spreadsheets (`kb import`): reported at the sheet's cell, `台账.xlsx:案例!K14`
COLUMN_IGNORED = _code(
    "KB801",
    ("这一列没有导入", "Column not imported"),
    ("案例表里的一列 客户电话", "a column 客户电话 in the case sheet"),
    (
        "如果这一列不是记录的字段，什么都不用做：它永远不会被写入。如果是，请在 --map 里写明它对应的字段。",
        "Nothing to do if the column holds no record field: it is never written. If it does, name the field in --map.",
    ),
    "warning",
)
ALREADY_EXISTS = _code(
    "KB802",
    ("记录已经存在，内容不同", "Record already exists and differs"),
    ("某一行的案例 id 已经在 data/cases/ 里", "a row whose case id is already in data/cases/"),
    (
        "加上 --update 再运行一次来覆盖它（会显示改动），或者给这一行另一个 id。",
        "Run again with --update to overwrite it (the change is shown as a diff), or give the row another id.",
    ),
)
AMBIGUOUS_NAME = _code(
    "KB803",
    ("名字对应了不止一条记录", "Name fits more than one record"),
    ("作者写了 张伟，而有两个人都叫张伟", "authors: 张伟, and two people are called 张伟"),
    (
        "改写 id 而不是名字（消息里列出了可选的 id）。",
        "Write the id instead of the name (the message lists the candidates).",
    ),
)
SHEET_UNREADABLE = _code(
    "KB804",
    ("表格文件读不出来", "Spreadsheet cannot be read"),
    (
        "一个 .xls 文件、损坏的工作簿、既不是 UTF-8 也不是 GBK 的 CSV",
        "an .xls file, a damaged workbook, a CSV in neither UTF-8 nor GBK",
    ),
    ("把文件另存为 .xlsx，或者 CSV UTF-8。", "Save the file again as .xlsx, or as CSV UTF-8."),
)
SHEET_SKIPPED = _code(
    "KB805",
    ("这张工作表没有导入", "Sheet not imported"),
    (
        "一张备注表，或者表头里没有案例、人员或培训的字段",
        "a sheet of notes, or one whose headers name no case, person or session fields",
    ),
    (
        "如果这张表里没有记录，什么都不用做；否则用 --kind 指明类型，或在 --map 里写明表头对应的字段。",
        "Nothing to do if the sheet holds no records; otherwise give --kind, or name its headers in --map.",
    ),
    "warning",
)
COLUMN_MISSING = _code(
    "KB806",
    ("缺少必填字段的列", "No column for a required field"),
    ("案例表里没有 症状 这一列", "a case sheet without a 症状 (symptoms) column"),
    (
        "加上这一列，或者在 --map 里写明哪一列是这个字段。",
        "Add the column, or name the column that holds the field in --map.",
    ),
)
# A formula's cached value is whatever the program that saved the file last calculated (or
# what a hostile file says it calculated): it is never taken as text.
FORMULA_CELL = _code(
    "KB807",
    ("单元格里是公式", "Formula in a cell"),
    ("作者一列写着 =VLOOKUP(B3,人员!A:B,2,FALSE)", "authors holds =VLOOKUP(B3,People!A:B,2,FALSE)"),
    (
        "把公式换成它的值：选中这一列，复制，再选择性粘贴为“数值”；或者删掉它。`kb import` 不读公式，也不读 Excel 上次算出的值。",
        "Replace the formula with its value: select the column, copy, and paste special as values; or delete it. "
        "kb import reads no formulas, nor the value Excel last calculated.",
    ),
)
SHEET_TOO_LARGE = _code(
    "KB808",
    ("表格超出了 `kb import` 的上限", "Spreadsheet beyond kb import's limits"),
    (
        "一个 2 KB 的工作簿在 XFD1048576 有一个单元格；合并到最后一行最后一列的区域；解压后有几个 GB 的共享字符串",
        "a 2 KB workbook with a cell at XFD1048576; a merged range to the last row and column; shared strings "
        "that unpack to gigabytes",
    ),
    (
        "消息写明了碰到的上限（至多 200,000 行、200 列、解压后 100 MiB 等，远高于一个团队十年的台账）。删掉记录下方和右侧"
        "多余的行、列、合并和格式（按 `Ctrl+End` 应该停在最后一条记录上），或者把表格拆成几个文件；另存为 CSV 也可以。",
        "The message names the limit met (at most 200,000 rows, 200 columns, 100 MiB unpacked and so on, far above "
        "a team's ten years of records). Delete the rows, columns, merges and formatting below and to the right of "
        "the records (Ctrl+End should stop at the last record), or split the file; saving it as CSV works too.",
    ),
)
IMPORT_OUTSIDE_DATA = _code(
    "KB809",
    ("导入会写到数据文件夹以外", "Import would write outside the data folder"),
    ("data/cases 是指向 /tmp/elsewhere 的符号链接", "data/cases is a symbolic link to /tmp/elsewhere"),
    (
        "把链接换成数据文件夹里真正的文件夹（`kb validate` 会以 KB113 报出每个链接）。`kb import` 从不通过链接写入，"
        "有一个目标不行，就一个文件都不写。",
        "Replace the link with a real folder inside the data folder (kb validate reports every link as KB113). "
        "kb import never writes through a link, and writes nothing while one target is refused.",
    ),
)

# Service-ticket exports (data/tickets/*.csv), reported at the row's line and the cell's column.
# KB9xx rather than KB8xx: the spreadsheet import (`kb import`) numbers its codes from KB801.
TICKETS_UNREADABLE = _code(
    "KB901",
    ("工单导出文件读不出来", "Ticket export cannot be read"),
    (
        "tickets/export.xlsx、既不是 UTF-8 也不是 GBK 的 CSV，或者超过 50 MiB 的文件",
        "tickets/export.xlsx, a CSV in neither UTF-8 nor GBK, or one over 50 MiB",
    ),
    (
        "把工单重新导出为 CSV（UTF-8 或 GBK），第一行是表头，每个文件不超过 50 MiB（按月或按年分开）。",
        "Export the tickets again as CSV (UTF-8 or GBK) with the header row first, and keep each file under 50 MiB "
        "(one per month or year).",
    ),
)
TICKETS_MISSING_COLUMN = _code(
    "KB902",
    ("工单缺少列或值", "Ticket column or value missing"),
    (
        "导出文件没有 处理人 这一列，或者某一行的 工单号 是空的",
        "an export without a 处理人 (engineer) column, or a row with an empty 工单号",
    ),
    (
        "按 docs/records.md 给出的表头（中文或英文）导出这一列，或者把单元格填上。",
        "Export the column under one of the headers docs/records.md gives (English or Chinese), or fill in the cell.",
    ),
)
TICKETS_BAD_DATE = _code(
    "KB903",
    ("工单日期不是日期", "Ticket date is not a date"),
    ("创建日期 2025-13-01，或者 上周三", "创建日期 2025-13-01, or 上周三"),
    (
        "日期写成 YYYY-MM-DD（YYYY/M/D 以及日期后面带时间也能读）。",
        "Write the date as YYYY-MM-DD (YYYY/M/D and a time after the date are read too).",
    ),
)
TICKETS_UNKNOWN_ENGINEER = _code(
    "KB904",
    ("工单的处理人不认识", "Ticket names an unknown engineer"),
    ("处理人写的是 张玮，而人员是 张伟", "处理人 张玮 where the person is 张伟"),
    (
        "按 data/people/ 里的写法写人员的 id 或姓名，或者在那里添加这个人（已离职的写上 `left`）。",
        "Write the person's id or name as in data/people/, or add the person there (with `left` if they have left).",
    ),
)
# A warning, as KB906: the fix is in the ticket system, and the export must stay buildable meanwhile.
TICKETS_UNKNOWN_PRODUCT = _code(
    "KB905",
    ("工单的产品不认识", "Ticket names an unknown product"),
    ("产品 HX-300", "产品 HX-300"),
    (
        "把这个产品（或工单系统里用的名称）加到 taxonomy.yml，或者在工单系统里改正；在此之前这张工单按无产品统计。",
        "Add the product (or the name the ticket system uses for it) to taxonomy.yml, or correct it in the "
        "ticket system; until then the ticket counts without a product.",
    ),
    "warning",
)
# A warning: historical tickets keep the ids of cases merged or removed since, and an export
# cannot be edited like a record. The link is left out of every figure.
TICKETS_UNKNOWN_CASE = _code(
    "KB906",
    ("工单关联了不存在的案例", "Ticket links an unknown case"),
    ("关联案例 20260412-hx200-pressure-dorp", "关联案例 20260412-hx200-pressure-dorp"),
    (
        "在工单系统里改正案例 id（消息里给出了最接近的一个）后重新导出；在此之前这条关联不计入统计。",
        "Correct the case id in the ticket system (the message suggests the nearest one) and export again; until "
        "then the link is not counted.",
    ),
    "warning",
)
TICKETS_DUPLICATE = _code(
    "KB907",
    ("工单号重复", "Ticket id used twice"),
    (
        "GD20250001 在 tickets/2025.csv 里，又出现在 tickets/2025-12.csv 里",
        "GD20250001 in tickets/2025.csv and again in tickets/2025-12.csv",
    ),
    (
        "每张工单只放在一个导出文件里：删掉重叠的行，或者删掉重复导出的那个文件。",
        "Keep each ticket in one export: remove the overlapping rows, or the file that repeats an earlier one.",
    ),
)
