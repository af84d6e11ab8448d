"""Messages of the checks after the shapes: identity, references, rules, attachments, personal data, advice."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the record kinds, as messages name them (`kind-<kind>`), are each kind's own words (generator/kinds/)
    # identity (generator/validate/identity.py)
    "id-taxonomy-missing": ("缺少 taxonomy.yml；它列出产品、技能、团队和奖项类别", "taxonomy.yml is missing; it names the products, skills, teams and award kinds"),
    "id-not-file-name": ("id `{id}` 和文件名 `{file}` 不一致；请改其中一个", "id `{id}` differs from the file name `{file}`; rename one of them"),
    "id-duplicate": ("{kind} id `{id}` 已经被 {other} 用了", "{kind} id `{id}` is already used by {other}"),
    "id-taxonomy-duplicate": ("`{list}` 里的 id `{id}` 已经在第 {line} 行列过", "{list} id `{id}` is already listed on line {line}"),
    "id-reserved": (
        "`{id}` 留给了网站生成的页面；请换一个 id（保留的有：{reserved}）",
        "`{id}` is reserved for a page the site generates; choose another id (reserved: {reserved})",
    ),
    "id-taxonomy-reserved": (
        "`{list}` 里的 id `{id}` 留给了网站生成的页面（保留的有：{reserved}）",
        "{list} id `{id}` is reserved for a page the site generates (reserved: {reserved})",
    ),
    # references (generator/validate/references.py)
    "ref-unknown-skill": ("未知的技能 `{id}`{hint}", "unknown skill `{id}`{hint}"),
    "ref-unknown-product": ("未知的产品 `{id}`{hint}", "unknown product `{id}`{hint}"),
    "ref-unknown-team": ("未知的团队 `{id}`{hint}", "unknown team `{id}`{hint}"),
    "ref-unknown-award-kind": ("未知的奖项类别 `{id}`{hint}", "unknown award kind `{id}`{hint}"),
    "ref-unknown-ticket": (
        "data/tickets/ 的导出文件中没有工单 `{id}`{hint}",
        "ticket `{id}` is in none of the exports in data/tickets/{hint}",
    ),
    # rules (generator/validate/rules.py)
    "rule-validator-role": (
        "`{person}` 的 `kcs_role` 是 `{role}`；只有 `publisher` 或 `coach` 才能验证案例",
        "`{person}` has kcs_role `{role}`; only a publisher or coach may validate",
    ),
    "rule-validator-sole-author": (
        "`{person}` 是唯一的作者；案例要由另一位 `publisher` 或 `coach` 来验证",
        "`{person}` is the only author; another publisher or coach validates",
    ),
    "rule-self-mentoring": ("`{person}` 不能自己带自己", "`{person}` cannot mentor themselves"),
    "rule-self-related": ("案例不能把自己列为相关案例", "a case cannot be related to itself"),
    "rule-date-order": ("`{later_name}` {later} 早于 `{first_name}` {first}", "`{later_name}` {later} is before `{first_name}` {first}"),
    "rule-not-yet-joined": ("`{person}` 在 {joined} 才入职，晚于 {day}", "`{person}` joined on {joined}, after {day}"),
    "rule-left-before": ("`{person}` 在 {left} 已经离职，早于 {day}", "`{person}` left on {left}, before {day}"),
    "rule-duplicate-step": ("步骤 id `{id}` 用了两次", "step id `{id}` is used twice"),
    "rule-unknown-step": (
        "步骤 `{step}` 要求 `{required}`，但本路径没有这个步骤",
        "step `{step}` requires `{required}`, which is not a step of this path",
    ),
    "rule-step-cycle": ("步骤互相要求，形成了循环：{cycle}", "steps require each other in a cycle: {cycle}"),
    "rule-not-a-contest": (
        "培训场次 `{session}` 的形式是 `{format}`，不是比赛（`contest`）",
        "session `{session}` is a {format} session, not a contest",
    ),
    # attachments named by records (generator/validate/attachments.py)
    "attachment-not-inside": (
        "`{name}` 既不是 `http(s)` 链接，也不是 data/attachments/ 里的文件",
        "`{name}` is neither an http(s) link nor a file in data/attachments/",
    ),
    "attachment-missing": ("`{name}` 不是 data/attachments/ 里的文件", "`{name}` is not a file in data/attachments/"),
    "attachment-refused": ("`{name}`：{problem}", "`{name}`: {problem}"),
    "attachment-unreadable": ("无法读取（`{reason}`）", "cannot be read ({reason})"),
    # personal data (generator/validate/privacy.py); the values are shown masked
    "privacy-mobile": ("手机号（{masked}）", "a mobile phone number ({masked})"),
    "privacy-id-card": ("身份证号（{masked}）", "an ID-card number ({masked})"),
    "privacy-email": ("电子邮箱地址（{masked}）", "an e-mail address ({masked})"),
    "privacy-in-value": (
        "{where}里有{what}；不得记录客户的个人信息",
        "{where} contains {what}; customer personal data must not be recorded",
    ),
    "privacy-field": ("`{field}` ", "`{field}`"),
    "privacy-key-of": ("`{field}` 的一个键", "a key of `{field}`"),
    "privacy-field-name": ("一个字段名", "a field name"),
    "privacy-in-path": (
        "文件路径里有{what}；请重命名，不得记录客户的个人信息",
        "the file's path contains {what}; rename it, customer personal data must not be recorded",
    ),
    # advice (generator/validate/advice.py)
    "advice-review-due": ("原定 {due} 复审；案例仍是 `{state}`", "review was due on {due}; the case is still {state}"),
    "advice-outcome-missing": ("已完成的传帮带应当写明成果 `outcome`", "a completed pair should describe its `outcome`"),
    "advice-near-duplicate": (
        "看起来和 `{other}`（{file}，相似度 {score}）几乎重复；请合并，或者写清两者的区别",
        "looks like a near-duplicate of `{other}` ({file}, similarity {score}); merge them or make the difference clear",
    ),
    "advice-mentor-overloaded": (
        "`{mentor}` 正在带 {count} 名徒弟，超过了上限 {limit}",
        "`{mentor}` has {count} active mentees, more than the limit of {limit}",
    ),
    "advice-picture-unusable": (
        "`{name}` 不会显示：{problem}",
        "`{name}` is not shown: {problem}",
    ),
    "advice-quiet-pair": (
        "已经 {days} 天没有记录（最后一次：{last}）；这对师徒仍在进行中",
        "no log entry for {days} days (last: {last}); the pair is still active",
    ),
}  # fmt: skip
