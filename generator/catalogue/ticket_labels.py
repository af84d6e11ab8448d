"""The words of the ticket figures (knowledge health, case and person pages): key -> (Chinese, English).

Kept apart from the other page labels so that the ticket sections can grow on their own;
templates read both alike (`tl.link_rate`).
"""

from __future__ import annotations

TICKET_LABELS: dict[str, tuple[str, str]] = {
    "tickets": ("工单", "tickets"),
    "tickets_heading": ("工单与知识复用（KCS）", "Tickets and knowledge reuse (KCS)"),
    "tickets_intro": (
        "按工单系统导出的工单统计（data/tickets/）。工单按关闭月份计入；未关闭的工单只出现在“知识缺口”中。链接率 = 关联了至少一个案例的已关闭工单 ÷ 已关闭工单。案例在工单创建之前已解决，这次关联算“复用”；否则算“新建”。工单的班组是处理人所在的班组。参与率 = 期末在职的工程师（现场服务和技术支持两类岗位都算：现场工程师和热线专家都处理工单）中，本期关闭过至少一张关联工单的人所占比例。这些是知识的使用情况，不是对个人的评分。",
        "Counted from the ticket system's exports (data/tickets/). A ticket counts in the month it was closed; open tickets appear only as knowledge gaps. Link rate = closed tickets with at least one linked case ÷ closed tickets. A link is reuse when the case was solved before the ticket was opened, new otherwise. A ticket's team is its engineer's team. Participation = the share of the engineers in post at the period's end (both roles count: field engineers and hotline experts both handle tickets) who closed at least one linked ticket in the period. These are facts about how knowledge is used, not a score of anyone.",
    ),
    "no_tickets": (
        "还没有工单数据。把工单系统导出的 CSV 文件放进 data/tickets/，即可看到链接率、复用与参与情况。",
        "No ticket data yet. Put the ticket system's CSV exports in data/tickets/ to see link rate, reuse and participation.",
    ),
    "last_year": ("近 12 个月", "Last 12 months"),
    "closed_tickets": ("已关闭工单", "Closed tickets"),
    "linked_tickets": ("有关联案例", "With a linked case"),
    "link_rate": ("链接率", "Link rate"),
    "reuse_links": ("复用", "Reuse"),
    "new_links": ("新建", "New"),
    "reuse_per_new": ("复用 : 新建", "Reuse : new"),
    "reuse_share": ("复用占比", "Reuse share"),
    "engineers": ("在职工程师", "Engineers in post"),
    "participants": ("参与人数", "Taking part"),
    "participation": ("参与率", "Participation"),
    "link_rate_per_month": ("每月已关闭工单与关联案例", "Closed tickets and linked cases per month"),
    "reuse_per_month": ("每月复用与新建的关联", "Reuse and new links per month"),
    "participation_per_month": ("每月参与率", "Participation per month"),
    "percent_unit": ("%", "%"),
    "ticket_months": ("按月", "By month"),
    "ticket_teams": ("按班组（近 12 个月）", "By team (last 12 months)"),
    "team_months": ("各班组按月", "Each team by month"),
    "days_to_validation": ("从首张工单到案例验证", "From the first ticket to the case's validation"),
    "days_to_validation_intro": (
        "已验证案例中，从关联它的第一张工单创建之日到案例验证之日的天数，只统计第一张工单早于验证的案例（即从工单处理中写出的案例）。记录中没有验证日期，这里用案例的解决日期（solved_on）代替。",
        "For validated cases: the days from the day the first ticket linking the case was opened to the day the case was validated, counted only where that ticket came first (cases written from ticket work). The records hold no validation date, so the day the case was solved (solved_on) stands in for it.",
    ),
    "all_teams": ("全部", "All"),
    "measured_cases": ("案例数", "Cases"),
    "median_days": ("中位天数", "Median days"),
    "longest_days": ("最长天数", "Longest"),
    "unused_cases": ("近 12 个月没有工单使用的案例", "Cases no ticket used in the last 12 months"),
    "unused_intro": (
        "一年前就已解决、未归档，且近 12 个月没有任何工单关联的案例：可复审、改写或归档。",
        "Cases solved over a year ago, not archived, that no ticket linked in the last 12 months: candidates to review, rewrite or archive.",
    ),
    "unused_more": ("另有 {n} 个，完整列表见 api/tickets.json。", "{n} more; the full list is in api/tickets.json."),
    "last_use": ("最近使用", "Last used"),
    "never_used": ("从未使用", "never"),
    "knowledge_gaps": (
        "知识缺口：超过 30 天未关闭且没有关联案例的工单",
        "Knowledge gaps: tickets open over 30 days with no linked case",
    ),
    "gaps_short": ("知识缺口", "Knowledge gaps"),
    "knowledge_gaps_intro": (
        "这些问题还没有可用的案例，值得写成案例或请专家协助。",
        "No case helps with these yet: worth writing one, or asking an expert.",
    ),
    "opened": ("创建日期", "Opened"),
    "days_open": ("已开天数", "Days open"),
    "ticket_id": ("工单号", "Ticket"),
    "ticket_use": ("工单使用", "Ticket use"),
    "ticket_use_line": ("{n} 张（近 12 个月 {recent} 张）", "{n} ({recent} in the last 12 months)"),
    "ticket_use_reuse": ("复用 {reuse}，新建 {new}", "reuse {reuse}, new {new}"),
    "first_use": ("首次使用", "First used"),
    "ticket_facts": ("工单与知识", "Tickets and knowledge"),
    "ticket_facts_intro": (
        "关联案例的工单和被同事复用的案例，是知识被使用的事实，不是排名。",
        "Tickets linked to cases, and cases reused by colleagues: facts about knowledge in use, not a ranking.",
    ),
    "closed_by_person": ("关闭的工单", "Tickets closed"),
    "closed_with_link": ("其中关联了案例", "of them with a linked case"),
    "reused_by_others": ("同事复用的本人案例", "Their cases reused by colleagues"),
    "reused_times": ("复用工单数", "Tickets reusing it"),
}
