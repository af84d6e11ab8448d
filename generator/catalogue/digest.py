"""The private monthly note to each engineer (`kb digest`, generator/digest.py): its words, and
the command's help and what it says.
"""

from __future__ import annotations

DIGEST: dict[str, tuple[str, str]] = {
    # the note
    "digest_title": ("{name}的月度小结 · {month}", "{name}'s month · {month}"),
    "digest_private": (
        "这份小结只发给你本人，网站上没有。数字来自知识库的记录，不与任何人比较。",
        "This note is for you alone and is not on the site. Its figures come from the records and compare you "
        "with nobody.",
    ),
    "digest_reused": ("同事复用了你的案例", "Your cases colleagues reused"),
    "digest_reused_item": (
        "《{title}》：本月被同事的 {n} 张工单复用",
        "“{title}”: reused on {n} colleague ticket(s) this month",
    ),
    "digest_validated": ("你验证的案例", "Cases you validated"),
    "digest_validated_item": ("《{title}》，{day} 验证", "“{title}”, validated on {day}"),
    "digest_commendations": ("你收到的表扬", "Commendations you received"),
    "digest_commendation_item": ("{day}，{form}，来自{given_by}", "{day}: {form} from {given_by}"),
    "digest_training": ("培训", "Training"),
    "digest_attended_item": ("{day} 参加了《{title}》，{hours} 小时", "{day}: attended “{title}”, {hours} h"),
    "digest_trained_item": ("{day} 讲授了《{title}》，{hours} 小时", "{day}: taught “{title}”, {hours} h"),
    "digest_mentoring": ("传帮带的目标", "Your mentoring goals"),
    "digest_reached_item": (
        "{skill}：已到 {level} 级，达到了目标 {target} 级（师傅 {mentor}）",
        "{skill}: at level {level}, the target of level {target} reached (mentor {mentor})",
    ),
    "digest_next": ("你的下一步", "Your next step"),
    "digest_next_item": ("{path}：下一步是「{step}」", "{path}: next, “{step}”"),
    "digest_path_waits": ("{path}：下一步要等前面的步骤完成", "{path}: the next step waits on an earlier one"),
    "digest_path_done": ("{path}：已全部完成", "{path}: every step done"),
    "digest_team_goals": ("{team}的目标", "{team}'s goals"),
    "digest_goal_heading": ("{goal}（{progress}）", "{goal} ({progress})"),
    "digest_goal_item": (
        "{figure}：目标 {target}，班组目前 {actual}，{state}",
        "{figure}: target {target}, the team at {actual}, {state}",
    ),
    "digest_no_team_goals": ("班组这个月没有目标。", "Your team has no goal for this month."),
    "digest_nothing": ("本月没有。", "None this month."),
    "digest_quiet": (
        "这个月的记录里没有新的案例、表扬或培训。有什么进展，告诉主管一声，把它记下来。",
        "The records hold no case, commendation or training of yours this month. If something went well, tell "
        "your manager so that it is written down.",
    ),
    # kb digest (generator/cli/digest.py)
    "help-kb-digest": (
        "每位工程师的私人月度小结，由主管发送。",
        "A private monthly note to each engineer, for the manager to send.",
    ),
    "help-digest": (
        "为 MONTH（如 2026-11）月底在岗的每个人写一份私人月度小结：Markdown（可以直接贴进消息）和可以打印的 HTML，"
        "写到网站以外的文件夹。内容是本人的：同事复用了哪些案例、验证的案例、收到的表扬、参加和讲授的培训、"
        "传帮带目标、路径的下一步，以及班组对照目标的情况。没有排名，不与任何人比较；网站从不发布这些小结。",
        "Write a private note for each person in post at the end of MONTH (such as 2026-11): Markdown, ready to\n"
        "    paste into a message, and printable HTML, in a folder outside the site. Each holds the person's own\n"
        "    month: their cases colleagues reused, cases validated, commendations, sessions attended and given,\n"
        "    mentoring goals, the next step on their path, and how their team stands against its goals. No\n"
        "    ranks, no comparison with anyone; the site never publishes the notes.\n    ",
    ),
    "help-digest-short": ("每位工程师的私人月度小结。", "A private monthly note to each engineer."),
    "help-digest-out": (
        "小结写到哪里 [默认：digest/MONTH/]；不能在网站文件夹、kb/ 或数据文件夹里。",
        "Where to write the notes [default: digest/MONTH/]; never inside the site folder, kb/ or the data folder.",
    ),
    "help-digest-language": (
        "小结和消息的语言 [默认：网站的语言，否则 zh]。",
        "Language of the notes and messages [default: the site's, else zh].",
    ),
    "help-digest-config-file": (
        "从哪里读网站名称、网站文件夹和 kb/ 的位置，如果有这个文件。",
        "Where the site name, the site folder and kb/ are read from, if it exists.",
    ),
    "help-digest-not-a-month": (
        "`{month}` 不是月份；请写成 2026-11 这样",
        "`{month}` is not a month; write it as 2026-11",
    ),
    "help-digest-inside": (
        "{out} 在 {folder} 里：小结是私人的，不能写进网站、kb/ 或数据文件夹；请换一个 --out",
        "{out} is inside {folder}: the notes are private and never go into the site, kb/ or the data folder; "
        "choose another --out",
    ),
    "help-digest-not-a-folder": (
        "{out} 不是一个普通文件夹（是文件或链接）；请换一个 --out",
        "{out} is not a plain folder (a file or a link); choose another --out",
    ),
    "help-digest-cannot-write": ("无法写入 {out}：{reason}", "Cannot write into {out}: {reason}"),
    "help-digest-nobody": ("{month} 月底没有在岗的人。", "Nobody was in post at the end of {month}."),
    "help-digest-done": (
        "已为 {count} 人写好 {month} 的小结：{target}/<人员 id>.md 和 .html。它们是私人的：只发给本人。",
        "Wrote the notes of {month} for {count} people: {target}/<person id>.md and .html. They are private: "
        "send each to its person only.",
    ),
}
