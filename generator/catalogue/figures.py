"""The figures goals are set on: each one's name and its one definition, and the words of
their units: `figure-<key>`, `figure-<key>-definition` (generator/figure_definitions.py lists
the keys; generator/figures.py computes them). The goal pages, the knowledge-health page and
the training figures show these same words beside the same numbers.
"""

from __future__ import annotations

FIGURES: dict[str, tuple[str, str]] = {
    "figure-link_rate": ("工单关联率", "Link rate"),
    "figure-link_rate-definition": (
        "期间内关闭的工单中，关联了至少一个案例的比例：关联了案例的已关闭工单 ÷ 已关闭工单",
        "closed tickets with at least one linked case ÷ tickets closed in the period",
    ),
    "figure-reuse_rate": ("复用率", "Reuse rate"),
    "figure-reuse_rate-definition": (
        "复用关联 ÷ 全部关联（期间内关闭的工单）；工单创建前已解决的案例算复用",
        "reuse links ÷ all links of the tickets closed in the period; a link is reuse when the case was solved "
        "before the ticket was opened",
    ),
    "figure-cases_written": ("新写案例", "Cases written"),
    "figure-cases_written-definition": (
        "期间内解决并写成的案例数，计入案例的班组（未写班组时计入第一作者的班组）",
        "cases solved in the period, counted for the case's team (its first author's when it names none)",
    ),
    "figure-cases_validated": ("验证案例", "Cases validated"),
    "figure-cases_validated-definition": (
        "期间内验证的案例数（记录里没有验证日期，以解决日期代替），计入案例的班组",
        "validated cases whose validation day falls in the period (the records hold no validation date: the day "
        "solved stands in), counted for the case's team",
    ),
    "figure-days_to_validation": ("从工单到验证的天数", "Days to validation"),
    "figure-days_to_validation-definition": (
        "期间内验证的案例，从第一张关联工单创建到案例验证的天数的中位数（越少越好）",
        "the median days from a problem's first linked ticket to its validated case, for cases validated in the "
        "period (fewer is better)",
    ),
    "figure-participation": ("参与率", "Participation"),
    "figure-participation-definition": (
        "期末在岗的工程师中，期间内关闭过关联了案例的工单的人所占比例",
        "engineers in post at the period's end who closed a ticket with a linked case in it ÷ those engineers",
    ),
    "figure-training_hours_per_person": ("人均培训学时", "Training hours per person"),
    "figure-training_hours_per_person-definition": (
        "期间内已举办的培训里班组成员的参训学时之和 ÷ 期末在岗人数",
        "hours of the sessions held in the period, attended by the team's people ÷ the team's people in post at "
        "the period's end",
    ),
    "figure-sessions_held": ("举办培训场次", "Sessions held"),
    "figure-sessions_held-definition": (
        "期间内已举办、班组有人授课或参加的培训场次（全公司：全部已举办场次）",
        "sessions held in the period that someone of the team trained or attended (the organisation: every session "
        "held)",
    ),
    "figure-active_pairs": ("在带师徒对", "Active mentoring pairs"),
    "figure-active_pairs-definition": (
        "期间内在带的师徒对（按徒弟的班组）：期末前已开始，且仍在带或计划结束日不早于期初",
        "mentoring pairs active in the period, by the mentee's team: started by its end, and still active or "
        "planned to end on or after its start",
    ),
    "figure-second_teacher": ("有第二位能教的人", "A second teacher"),
    "figure-second_teacher-definition": (
        "班组用到的技能中，期末在岗至少两人达到 4 级（能教别人）的技能所占比例；技能等级没有日期，按当前记录",
        "skills the team uses that at least two people in post at the period's end can teach (level 4) ÷ skills "
        "the team uses; levels carry no date, so today's records count",
    ),
    # units, as a target or an actual is written after its number (a count has none)
    "figure-unit-percent": ("%", "%"),
    "figure-unit-days": (" 天", " days"),
    "figure-unit-hours": (" 小时", " h"),
    # the tables of the figures by quarter, on the knowledge-health and training pages
    "figures_by_quarter": ("各季度的指标", "The figures by quarter"),
    "figures_by_quarter_intro": (
        "本季度和上季度，全公司和各班组；与目标页面用同一套定义和计算。",
        "This quarter and the last, for the organisation and each team; the same definitions and computation as "
        "the goal pages.",
    ),
    "figures_organisation": ("全公司", "Whole organisation"),
    "figures_running": ("进行中，只算到今天", "running: counted to today"),
    "figure-better-higher": ("越高越好", "higher is better"),
    "figure-better-lower": ("越低越好", "lower is better"),
}
