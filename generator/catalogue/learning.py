"""Learning from the cases: the practice sets, contest papers (`kb contest`), the pipeline's
movement and the readers' verdicts on cases (`kb feedback-report`). `WORDS` are the pages'
words (templates read them as `t.practice`) and the commands' help; `MESSAGES` what the
commands say."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # practice sets (generator/render/practice.py, templates/practice*.md.j2, _practice_*.md.j2)
    "practice": ("练习", "Practice"),
    "practice_sets": ("练习题", "Practice questions"),
    "practice_this": ("做练习题", "Practise"),
    "practice_count": ("{n} 道题", "{n} questions"),
    "practice_intro": (
        "根据已验证案例的症状，选出原因。答案在这台设备上检查，进度只保存在这个浏览器里，不会发送到任何地方。",
        "Choose the cause from a validated case's symptoms. Answers are checked on this device; the progress "
        "is kept in this browser only and sent nowhere.",
    ),
    "practice_index_intro": (
        "每道题来自一个已验证案例：看症状和环境，选出原因；三个错误选项是相似案例的原因。"
        "培养路径按步骤出题，产品和技能各取最新的 50 个案例。",
        "Each question comes from a validated case: read the symptoms and environment and choose the cause; "
        "the three wrong answers are causes of similar cases. Paths have questions by step; products and "
        "skills take their 50 newest cases.",
    ),
    "practice_by_path": ("按培养路径", "By training path"),
    "practice_by_product": ("按产品", "By product"),
    "practice_by_skill": ("按技能", "By skill"),
    "question_n": ("第 {n} 题", "Question {n}"),
    "practice_question": ("原因是什么？", "What is the cause?"),
    "practice_answer": ("答案和案例", "Answer and case"),
    "practice_read_case": ("读案例：", "Read the case:"),
    "practice_progress": (
        "这个浏览器里的进度：已答 {answered}/{total} 题，答对 {right} 题。",
        "Progress in this browser: {answered} of {total} answered, {right} right.",
    ),
    "practice_right": ("答对了。", "Right."),
    "practice_wrong": ("不对，答案是 {letter}。", "Not this one: the answer is {letter}."),
    "practice_earlier": ("（之前的回答）", "(answered earlier)"),
    "practice_reset": ("清除本页进度", "Clear this page's progress"),
    # the pipeline's movement (generator/learning/movement.py, _person_movement.md.j2, _team_movement.md.j2)
    "movement": ("技能成长", "Skill steps"),
    "movement_person_intro": (
        "技能等级的每次提高，读自这份人员记录在 git 里的历史（自 {date} 起）；建档时的等级是起点，不算一步。",
        "Each raise of a skill level, read from the git history of this person's record (since {date}); the "
        "levels the record was created with are where it starts, not steps.",
    ),
    "movement_team_intro": (
        "谁在什么时候提高了哪项技能，读自人员记录在 git 里的历史（自 {date} 起）。只是事实，不是评价。",
        "Who moved up which skill when, read from the git history of the people's records (since {date}). "
        "Facts, not a verdict.",
    ),
    "movement_none": ("记录的历史里没有技能等级的提高。", "The records' history holds no raise of a skill level."),
    "movement_latest": ("最近 {n} 步（共 {total} 步）。", "The latest {n} steps ({total} in all)."),
    "movement_to_independent": ("从入职到能独立（3 级）", "From joining to independent (level 3)"),
    "movement_median": ("用时中位数", "Median time"),
    "months_n": ("{n} 个月", "{n} months"),
    "months_after_joining": ("入职后 {n} 个月", "{n} months after joining"),
    "movement_quiet": ("一年来没有人提高的技能", "Skills nobody moved up in for a year"),
    "movement_quiet_none": ("每项技能在这一年里都有人提高过。", "Someone moved up in every skill within the year."),
    "movement_short_history": (
        "记录的历史还不到一年：这里列出的是历史里没有人提高过的技能。",
        "The records' history is shorter than a year: listed are the skills nobody moved up in within it.",
    ),
    "movement_last_step": ("最近一次提高：", "last raise:"),
    "movement_no_step": ("历史里没有人提高过", "no raise in the history"),
    # contest papers (generator/render/contest.py, templates/contest_*.html.j2, _session_paper.md.j2)
    "contest_paper": ("竞赛试卷", "Contest paper"),
    "contest_answers": ("竞赛答案", "Contest answer key"),
    "contest_seed": ("随机种子", "Seed"),
    "contest_questions_count": ("{n} 道题", "{n} questions"),
    "contest_any": ("不限", "any"),
    "contest_again": ("重新生成这份试卷：", "To make this paper again:"),
    "contest_name": ("姓名", "Name"),
    "contest_instructions": ("每道题选出一个原因，在方框里打 ✓。", "Tick the box of one cause for each question."),
    "contest_key_apart": (
        "答案另附，不随试卷发放。",
        "The answer key is separate; it is not handed out with the paper.",
    ),
    "contest_number": ("题号", "No."),
    "contest_answer": ("答案", "Answer"),
    "contest_case": ("案例", "Case"),
    "contest_results_note": (
        "竞赛结果照常记在荣誉记录里（名次），不记录每道题的得分。",
        "The contest's results are kept as usual, as ranks on the awards; no per-question score is kept.",
    ),
    "contest_paper_intro": (
        "这场竞赛的试卷可以用下面的命令重新生成，题目和顺序完全相同：",
        "This contest's paper is made again, with the same questions in the same order, by:",
    ),
    # the reader's verdict on a case (_case_verdict.md.j2, assets/kb-learning.js)
    "verdict_question": ("这个案例解决了你的问题吗？", "Did this solve your problem?"),
    "verdict_yes": ("是", "Yes"),
    "verdict_no": ("否", "No"),
    "verdict_remark": ("有什么不同？（可以不填）", "What was different? (optional)"),
    "verdict_remark_hint": (
        "不要写姓名、电话、邮箱或客户信息。",
        "No names, phone numbers, e-mail addresses or customer details.",
    ),
    "verdict_send": ("发送", "Send"),
    "verdict_thanks": ("谢谢！已记下。", "Thank you: noted."),
    "verdict_personal": (
        "请删掉电话号码或邮箱地址再发送。",
        "Please take out the phone number or e-mail address before sending.",
    ),
    # kb contest (generator/cli/contest.py)
    "help-kb-contest": ("竞赛试卷和答案，用来打印。", "A contest paper and its answer key, to print."),
    "help-contest": (
        "用所选产品和技能的练习题出一份竞赛试卷（paper.html）和另一份答案（answers.html），都是可以打印的 HTML。"
        "同样的记录和同样的 --seed 得到完全相同的文件；种子、所选范围和重新生成的命令印在两份文件上。"
        "题目来自任一所选产品或任一所选技能的已验证案例；都不选时从全部练习题里出。"
        "竞赛结果照常记在荣誉记录里（名次），不记录每道题的得分。",
        "Make a contest paper (paper.html) and a separate answer key (answers.html), both HTML to print, of\n"
        "    the practice questions of the chosen products and skills. The same records and the same --seed\n"
        "    give the same files, byte for byte; the seed, the selection and the command that makes the\n"
        "    paper again are printed on both. The questions come from the validated cases of any chosen\n"
        "    product or skill, or of all when none is chosen. Results stay as ranks on the awards, never\n"
        "    per-question scores.\n    ",
    ),
    "help-contest-short": ("竞赛试卷和答案，用来打印。", "A contest paper and its answer key, to print."),
    "help-contest-products": (
        "出题的产品 id，用逗号分开，也可以写多次。",
        "Product ids to draw questions from, separated by commas or given several times.",
    ),
    "help-contest-skills": (
        "出题的技能 id，用逗号分开，也可以写多次。",
        "Skill ids to draw questions from, separated by commas or given several times.",
    ),
    "help-contest-questions": ("题目数量。", "How many questions."),
    "help-contest-seed": (
        "随机种子：同一个种子得到同一份试卷；记下它，就能重新生成。",
        "The seed: the same seed gives the same paper; keep it to make the paper again.",
    ),
    "help-contest-session": (
        "这份试卷用于哪场竞赛（`format: contest` 的培训场次 id），印在试卷上。",
        "The contest session (a session id whose format is contest) the paper is for; printed on it.",
    ),
    "help-contest-out": ("写入的文件夹（默认 contest/<种子>/）。", "Folder to write into (default contest/<seed>/)."),
    "help-contest-language": (
        "试卷和消息的语言（默认跟随网站）。",
        "Language of the paper and messages (default: the site's).",
    ),
    "help-contest-config-file": (
        "MkDocs 配置文件：读取网站名称和 site_url（答案里的案例链接）。",
        "The MkDocs configuration: the site's name and site_url (the answer key's case links).",
    ),
    # kb feedback-report (generator/cli/feedback_report.py)
    "help-kb-feedback-report": (
        "从网站服务器的日志里找出读者认为没有解决问题的案例。",
        "Cases readers said did not solve their problem, from the web server's log.",
    ),
    "help-feedback-report": (
        "读取网站服务器的访问日志（nginx 或 Apache，`common` 或 `combined` 格式；也可以是 .gz），网站要用 `search_log: true` 构建；"
        "列出被读者标为「没有解决问题」次数最多的案例，以及读者写下的不同之处。含个人信息（手机号、身份证号、电子邮箱）"
        "或控制字符的留言不会列出，只计数。",
        "Read web server access logs (nginx or Apache, common or combined format; .gz too) of a site\n"
        "    built with `search_log: true`, and list the cases readers marked as not solving their problem\n"
        "    most often, with what they said was different. A remark that holds personal data (phone,\n"
        "    ID-card number, e-mail) or a control character is never listed, only counted.\n    ",
    ),
    "help-feedback-report-short": (
        "从网站服务器的日志里找出读者认为没有解决问题的案例。",
        "Cases readers said did not solve their problem, from the web server's log.",
    ),
    "help-feedback-report-top": ("最多列出多少个案例。", "How many cases to list."),
    "help-feedback-report-page": (
        "同时把报告写成一个页面（Markdown），用于知识健康复查；整体替换，不会顺着符号链接写入。",
        "Also write the report as a page (Markdown) for the knowledge-health review; replaced whole, "
        "never written through a symbolic link.",
    ),
    "help-feedback-report-language": ("报告的语言（默认跟随网站）。", "Language of the report (default: the site's)."),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # kb contest
    "contest-records-have-errors": ("记录有错误，没有生成试卷", "the records have errors; no paper was made"),
    "contest-unknown-product": ("没有 id 为 `{id}` 的产品；已有：{known}", "there is no product `{id}`; there are {known}"),
    "contest-unknown-skill": ("没有 id 为 `{id}` 的技能；已有：{known}", "there is no skill `{id}`; there are {known}"),
    "contest-unknown-session": ("没有 id 为 `{id}` 的培训场次", "there is no session `{id}`"),
    "contest-not-a-contest": (
        "培训场次 `{id}` 的 `format` 是 `{format}`，不是 `contest`",
        "session `{id}` has the format `{format}`, not `contest`",
    ),
    "contest-no-questions": (
        "所选产品和技能没有可出的题：需要有原因的已验证案例",
        "the chosen products and skills have no questions: they need validated cases with a cause",
    ),
    "contest-fewer": ("只有 {count} 道题可出（要求 {asked} 道）。", "Only {count} questions to draw from ({asked} asked for)."),
    "contest-wrote": ("已写入 {paper} 和 {answers}（{count} 道题）。", "Wrote {paper} and {answers} ({count} questions)."),
    "contest-again": ("重新生成这份试卷：{command}", "To make this paper again: {command}"),
    "contest-out-not-a-folder": (
        "`--out` 的路径是符号链接或者不是文件夹；试卷只写到普通文件夹里",
        "the --out path is a symbolic link or not a folder; the paper is written only into a plain folder",
    ),
    "contest-file-not-plain": (
        "这个文件是符号链接或者不是普通文件；试卷不会顺着链接写到别处",
        "this file is a symbolic link or not a plain file; the paper is never written through a link",
    ),
    "contest-cannot-write": (
        "无法写入试卷：`{reason}`；原来的文件保持不变",
        "cannot write the paper: {reason}; the previous files are left as they were",
    ),
    # kb feedback-report
    "log-too-many-verdicts": (
        "这些日志里不同的案例和留言超过 {limit} 个；请一次报告较少的日志",
        "the logs hold more than {limit} different cases and remarks; report on fewer logs at a time",
    ),
    "feedback-report-summary": (
        "日志里有 {verdicts} 次回答，其中 {no} 次「否」；被标为没有解决问题最多的案例：",
        "{verdicts} verdicts in the logs, {no} of them no; the cases marked as not solving the problem most often:",
    ),
    "feedback-report-row": ("{no} 次否  {yes} 次是  {case}", "{no}× no  {yes}× yes  {case}"),
    "feedback-report-remark": ("「{remark}」 ×{count}", "\u201c{remark}\u201d ×{count}"),
    "feedback-report-personal": ("{n} 条留言因含个人信息没有列出。", "Remarks left out for holding personal data: {n}."),
    "feedback-report-unprintable": ("{n} 条留言因含控制字符没有列出。", "Remarks left out for holding control characters: {n}."),
    "feedback-page-title": ("读者认为没有解决问题的案例", "Cases readers said did not solve their problem"),
    "feedback-page-case": ("案例", "Case"),
    "feedback-page-no": ("否", "No"),
    "feedback-page-yes": ("是", "Yes"),
    "feedback-page-remarks": ("读者说的不同之处", "What readers said was different"),
    "feedback-page-personal": ("含个人信息而未列出的留言：{n} 条。", "Remarks left out for personal data: {n}."),
    "feedback-page-unprintable": ("含控制字符而未列出的留言：{n} 条。", "Remarks left out for control characters: {n}."),
}  # fmt: skip
