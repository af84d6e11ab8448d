"""One example record of each kind, shown in the record reference.

Together they validate: a test writes them into a data folder next to the minimal test
data (whose people, sessions and attachment they name) and runs every check on them.
"""

from __future__ import annotations

EXAMPLES: dict[str, str] = {
    "taxonomy": """\
products:
  - {id: hx-200, name: HX-200 液压站, name_en: HX-200 hydraulic power unit}
  - {id: vmc-850, name: VMC-850 立式加工中心}
skills:
  - {id: hydraulics, name: 液压系统, name_en: Hydraulics, description: 泵、阀、油路的诊断与维修}
  - {id: cnc, name: 数控系统}
teams:
  - {id: east, name: 华东服务站, name_en: East China service station}
  - {id: hotline, name: 技术支持中心}
awards:
  - {id: excellent-service, name: 优秀服务工程师, name_en: Excellent service engineer}
  - {id: skills-contest, name: 技能比武}
""",
    "person": """\
id: zhao-lei
name: 赵磊
name_en: Zhao Lei
team: east
role: field-service
title: 现场服务工程师
joined: 2024-07-01
skills:
  hydraulics: 3
  cnc: 2
kcs_role: contributor
""",
    "case": """\
id: 20260716-hx200-al1021-oil-overheat
title: 液压站报 AL-1021 油温高，一到下午就停机
state: validated
products: [hx-200]
skills: [hydraulics]
tags: [油温, AL-1021]
aka: [油温报警, 下午停机]
symptoms: |
  每天下午两点左右 HMI 报警 AL-1021（油温高），液压站停机；早上正常。
environment: |
  HX-200，固件 v2.3.1，车间夏季室温 36 ℃，冷却器装在泵站背面靠墙处。
cause: |
  冷却器散热片被油泥和棉絮堵住，通风不足。
resolution: |
  1. 停机泄压，拆下冷却器护罩。
  2. 用清洗剂和压缩空气清理散热片。
  3. 试机 4 小时，油温稳定在 48 ℃ 以下。
authors: [zhao-lei, zhang-wei]
validated_by: li-na
solved_on: 2026-07-16
hours_to_resolve: 3.5
customer: 某食品厂
team: east
related: [20260412-hx200-pressure-drop]
review_by: 2027-07-16
attachments: [valve.png]
""",
    "mentoring": """\
id: zhang-wei-zhao-lei-2026
mentor: zhang-wei
mentee: zhao-lei
started: 2026-03-01
ends: 2026-12-31
status: active
goals:
  - {skill: hydraulics, target: 4}
  - {skill: cnc, target: 3}
log:
  - {date: 2026-07-16, note: 一起处理液压站油温高停机, case: 20260716-hx200-al1021-oil-overheat}
  - {date: 2026-11-02, note: 复盘数控系统回零报警}
""",
    "session": """\
id: 2026-09-hydraulics-advanced
title: 液压进阶：冷却与油温
date: 2026-09-18
hours: 3.5
format: classroom
trainers: [zhang-wei]
attendees: [zhao-lei, chen-hao]
skills: [hydraulics]
summary: |
  冷却器的选型与保养；油温高报警的排查顺序。
cases: [20260716-hx200-al1021-oil-overheat]
materials: [https://intranet.example.com/hydraulics-advanced.pdf, valve.png]
""",
    "path": """\
id: new-hotline-engineer
title: 新入职热线技术支持工程师
for_role: technical-support
summary: |
  前三个月：液压基础、典型案例、远程诊断。
steps:
  - id: basics
    title: 液压基础
    skill: hydraulics
    sessions: [2026-03-hydraulics-basics, 2026-09-hydraulics-advanced]
  - id: cases
    title: 读典型案例
    requires: [basics]
    read: [20260716-hx200-al1021-oil-overheat]
    signed_off:
      - {person: zhao-lei, by: zhang-wei, date: 2026-08-01}
enrolled: [zhao-lei]
""",
    "award": """\
id: 2026-skills-contest-second
award: skills-contest
recipients: [zhao-lei]
period: 2026
awarded_on: 2026-06-20
citation: |
  技能比武液压排故项目第二名，用时最短。
evidence: [20260412-hx200-pressure-drop]
rank: 2
session: 2026-06-skills-contest
""",
}
