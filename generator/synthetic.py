"""A synthetic data folder of any size, for scale tests and benchmarks: deterministic for a seed.

The text is assembled from pieces of real service language (Chinese with English terms,
alarm codes, parameters) so that search, similarity and the site behave as they would on
a large real team's records. Every field of every record kind is used, in proportion.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.slug import slugify
from generator.synthetic_tickets import Engineer, KnownCase, Product, TicketSynthesizer, write_exports

END = dt.date(2026, 11, 20)
TICKETS_PER_CASE = 10  # a case is written for every few problems; most tickets reuse one or link none
PRODUCTS = [
    ("hx-200", "HX-200 液压站"),
    ("hx-400", "HX-400 液压站"),
    ("vmc-850", "VMC-850 立式加工中心"),
    ("vmc-1160", "VMC-1160 立式加工中心"),
    ("sc-75", "SC-75 螺杆空压机"),
    ("sc-132", "SC-132 螺杆空压机"),
    ("im-280", "IM-280 注塑机"),
    ("im-450", "IM-450 注塑机"),
    ("sd-3", "SD-3 伺服驱动器"),
    ("cc-500", "CC-500 PLC 控制柜"),
    ("ad-30", "AD-30 冷冻式干燥机"),
    ("lc-60", "LC-60 激光切割机"),
]
SKILLS = [
    ("hydraulics", "液压系统"),
    ("electrical", "电气控制"),
    ("plc", "PLC 与 HMI"),
    ("servo", "伺服与变频"),
    ("cnc", "数控系统"),
    ("mechanical", "机械装调"),
    ("pneumatics", "压缩空气系统"),
    ("moulding", "注塑工艺"),
    ("laser", "激光与光路"),
    ("communication", "客户沟通"),
    ("spare-parts", "备件管理"),
    ("networking", "工业网络"),
]
AWARD_KINDS = [
    ("excellent-service", "优秀服务工程师"),
    ("service-star", "服务之星"),
    ("model-worker", "劳动模范"),
    ("advanced-worker", "先进工作者"),
    ("knowledge-contest", "服务知识竞赛"),
    ("skills-contest", "技能比武"),
]
CITIES = ["华东", "华南", "华北", "西南", "华中", "西北", "东北", "苏南", "浙北", "珠三角", "京津", "成渝"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉波斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳思雨婷雪琳晶颖佳"
COMPONENTS = [
    "比例溢流阀",
    "电磁换向阀",
    "主泵",
    "压力传感器",
    "编码器电缆",
    "接触器",
    "冷却风扇",
    "油冷却器",
    "进气阀",
    "最小压力阀",
    "油分芯",
    "温控阀",
    "主轴拉刀碟簧",
    "润滑泵",
    "伺服电机",
    "制动电阻",
    "IO 模块",
    "交换机",
    "安全继电器",
    "加热圈",
    "热电偶",
    "螺杆止逆环",
    "排水阀",
    "冷凝器",
    "激光器水冷机",
    "保护镜片",
    "刀库机械手",
]
SYMPTOMS = [
    "压力上不去",
    "油温越来越高",
    "一开机就报警",
    "运行一阵子就停机",
    "声音特别大",
    "时好时坏",
    "动作很慢",
    "数值乱跳",
    "启动就跳闸",
    "漏油",
    "通讯中断",
    "尺寸不稳",
    "产品打不满",
    "排气带油",
    "出口有水",
    "切不透",
]
CAUSES = [
    "{c}磨损，内泄增大",
    "{c}接线端子松动，接触不良",
    "{c}脏堵，流量不足",
    "{c}参数被改动，与出厂值不一致",
    "{c}老化损坏",
    "{c}选型偏小，长期过载",
    "现场电源电压波动，{c}误动作",
    "{c}安装不当，受力不均",
]
STEPS = [
    "确认报警记录和发生时间，与客户核对工况",
    "测量{c}相关的压力、温度和电流，记录数据",
    "断电上锁挂牌后拆检{c}",
    "更换{c}（备件号 {part}），按手册力矩紧固",
    "恢复参数 {param} = {value}，保存并重启",
    "清洗滤网并更换液压油/润滑油",
    "空载试机 30 min，再带载试机 2 h，数据正常",
    "向客户说明原因，建议纳入点检表每月检查",
]
ENGLISH = [
    "Checked the firmware version v{v} and the parameter backup.",
    "Replaced the {e} and verified the readings on the HMI.",
    "Root cause confirmed with the supplier's application note.",
    "Customer signed off the service report.",
]
ENGLISH_PARTS = ["encoder cable", "pressure sensor", "cooling fan", "contactor", "IO module", "proportional valve"]


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no aliases, Markdown in literal blocks."""

    def ignore_aliases(self, data) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


@dataclass
class Sizes:
    cases: int

    @property
    def people(self) -> int:
        return max(24, self.cases // 25)

    @property
    def teams(self) -> int:
        return max(3, self.people // 30)

    @property
    def sessions(self) -> int:
        return max(12, self.cases // 20)

    @property
    def mentoring(self) -> int:
        return max(6, self.people // 4)

    @property
    def awards(self) -> int:
        return max(10, self.people // 3)


class Synthesizer:
    def __init__(self, cases: int, seed: int = 1, tickets: int | None = None) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.sizes = Sizes(cases)
        self.tickets = TICKETS_PER_CASE * cases if tickets is None else tickets
        self.people: list[dict] = []
        self.case_ids: list[tuple[str, dt.date]] = []
        self.written: list[KnownCase] = []

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self._dump(out / "taxonomy.yml", self._taxonomy())
        for person in self._people():
            self._dump(out / "people" / f"{person['id']}.yml", person)
        for case in self._cases():
            self._dump(out / "cases" / str(case["solved_on"].year) / f"{case['id']}.yml", case)
        sessions = list(self._sessions())
        for session in sessions:
            self._dump(out / "sessions" / f"{session['id']}.yml", session)
        for pair in self._mentoring():
            self._dump(out / "mentoring" / f"{pair['id']}.yml", pair)
        for path in self._paths(sessions):
            self._dump(out / "paths" / f"{path['id']}.yml", path)
        for award in self._awards(sessions):
            self._dump(out / "awards" / f"{award['id']}.yml", award)
        if self.tickets:
            self._write_tickets(out)

    def _write_tickets(self, out: Path) -> None:
        # A generator of its own, seeded from the same seed: adding tickets changes no record.
        people = [Engineer(p["id"], p["name"], p["joined"], p.get("left")) for p in self.people]
        products = [Product(i, n) for i, n in PRODUCTS]
        synthesizer = TicketSynthesizer(people, products, self.written, self.seed, END)
        write_exports(out / "tickets", synthesizer.rows(self.tickets))

    @staticmethod
    def _dump(path: Path, record: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )

    def _taxonomy(self) -> dict:
        teams = [
            {"id": f"team-{i + 1}", "name": f"{CITIES[i % len(CITIES)]}服务站{'' if i < len(CITIES) else i}"}
            for i in range(self.sizes.teams)
        ]
        return {
            "products": [{"id": i, "name": n} for i, n in PRODUCTS],
            "skills": [{"id": i, "name": n, "description": f"{n}的诊断与维修"} for i, n in SKILLS],
            "teams": teams,
            "awards": [{"id": i, "name": n} for i, n in AWARD_KINDS],
        }

    def _people(self):
        rng, used = self.rng, set()
        for number in range(self.sizes.people):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            person_id = slugify(name)
            while person_id in used:
                person_id = f"{slugify(name)}-{len(used)}"
            used.add(person_id)
            veteran = number % 6 == 0
            joined = (
                dt.date(2010 + rng.randrange(8), 1 + rng.randrange(12), 1)
                if veteran
                else dt.date(2018 + rng.randrange(6), 1 + rng.randrange(12), 1)
            )
            person = {
                "id": person_id,
                "name": name,
                "team": f"team-{number % self.sizes.teams + 1}",
                "role": "field-service" if number % 3 else "technical-support",
                "title": "高级工程师" if veteran else "服务工程师",
                "joined": joined,
                "skills": {s: (4 if veteran else 1 + rng.randrange(3)) for s, _ in rng.sample(SKILLS, 4)},
                "kcs_role": "coach" if veteran else rng.choice(["candidate", "contributor", "contributor"]),
            }
            if number % 40 == 39:
                person["left"] = dt.date(2026, 1 + rng.randrange(10), 28)
            self.people.append(person)
            yield person

    def _active(self, day: dt.date, veteran: bool = False) -> list[dict]:
        return [
            p
            for p in self.people
            if p["joined"] <= day
            and ("left" not in p or p["left"] >= day)
            and (not veteran or p["kcs_role"] == "coach")
        ]

    def _cases(self):
        rng = self.rng
        start = END - dt.timedelta(days=3 * 365)
        for number in range(self.sizes.cases):
            day = start + dt.timedelta(days=rng.randrange((END - start).days))
            product, product_name = rng.choice(PRODUCTS)
            component, symptom = rng.choice(COMPONENTS), rng.choice(SYMPTOMS)
            code = f"{rng.choice(['E', 'AL-', 'ALM ', 'Err-', 'F'])}{rng.randrange(10, 9999)}"
            state = rng.choices(["validated", "not-validated", "wip", "archived"], [70, 15, 8, 7])[0]
            authors = rng.sample(self._active(day), 2 if number % 4 == 0 else 1)
            case_id = f"{day:%Y%m%d}-{product.replace('-', '')}-{number}"
            case = {
                "id": case_id,
                "title": f"{product_name}{symptom}，报 {code}",
                "state": state,
                "products": [product],
                "skills": [s for s, _ in rng.sample(SKILLS, 2)],
                "tags": [component, symptom],
                "aka": [symptom, f"{component}故障"],
                "symptoms": self._symptoms(code, component, symptom),
            }
            if state != "wip":
                case["environment"] = (
                    f"{product_name}，固件 v{rng.randrange(1, 5)}.{rng.randrange(10)}.{rng.randrange(10)}，{rng.choice(CITIES)}某工厂，环境温度 {rng.randrange(5, 40)} °C。\n"
                )
                case["cause"] = rng.choice(CAUSES).format(c=component) + "。\n"
                case["resolution"] = self._resolution(component)
            case["authors"] = [a["id"] for a in authors]
            if state == "validated":
                coaches = [p for p in self._active(day, veteran=True) if p["id"] not in case["authors"]]
                if not coaches:
                    case["state"] = "not-validated"
                else:
                    case["validated_by"] = rng.choice(coaches)["id"]
            case["solved_on"] = day
            case["hours_to_resolve"] = round(rng.uniform(0.5, 24), 1)
            case["customer"] = f"某{rng.choice(['食品', '汽车零部件', '电子', '包装', '五金', '医疗器械'])}厂"
            case["team"] = authors[0]["team"]
            if self.case_ids and number % 3 == 0:
                case["related"] = [rng.choice(self.case_ids)[0]]
            if state == "not-validated":
                case["review_by"] = day + dt.timedelta(days=180)
            self.case_ids.append((case_id, day))
            self.written.append(KnownCase(case_id, day, tuple(case["products"]), tuple(case["authors"])))
            yield case

    def _symptoms(self, code: str, component: str, symptom: str) -> str:
        rng = self.rng
        lines = [
            f"- 客户反映{symptom}，HMI 报 `{code}`",
            f"- 现场检查{component}附近有异常，数值在 {rng.randrange(1, 90)}–{rng.randrange(90, 200)} 之间波动",
            f"- 每天发生 {rng.randrange(1, 12)} 次，{rng.choice(['上午', '下午', '夜班', '开机后'])}更明显",
        ]
        if rng.random() < 0.5:
            lines.append(
                "- "
                + rng.choice(ENGLISH).format(
                    v=f"{rng.randrange(1, 4)}.{rng.randrange(10)}", e=rng.choice(ENGLISH_PARTS)
                )
            )
        return "\n".join(lines) + "\n"

    def _resolution(self, component: str) -> str:
        rng = self.rng
        steps = rng.sample(STEPS, 5)
        text = "\n".join(
            f"{i}. "
            + s.format(
                c=component,
                part=f"HX-{rng.randrange(100, 999)}-{rng.randrange(10, 99)}",
                param=f"P{rng.randrange(100, 999)}",
                value=rng.randrange(1, 500),
            )
            for i, s in enumerate(steps, 1)
        )
        return text + "\n"

    def _sessions(self):
        rng = self.rng
        for number in range(self.sizes.sessions):
            day = END - dt.timedelta(days=rng.randrange(-60, 3 * 365))
            skill, skill_name = rng.choice(SKILLS)
            trainers = self._active(day, veteran=True) or self._active(day)
            attendees = rng.sample(self._active(day), min(8, len(self._active(day))))
            past_cases = [cid for cid, solved in self.case_ids[-500:] if solved <= day][:3]
            yield {
                "id": f"{day:%Y-%m}-{skill}-{number}",
                "title": f"{skill_name}专题培训（第 {number + 1} 期）",
                "date": day,
                "hours": rng.choice([2, 3, 4, 6]),
                "format": "contest" if number % 25 == 0 else rng.choice(["classroom", "on-site", "online"]),
                "trainers": [rng.choice(trainers)["id"]],
                "attendees": [p["id"] for p in attendees],
                "skills": [skill],
                "summary": f"讲解{skill_name}的原理与常见故障，结合案例练习。\n",
                "cases": past_cases,
                "materials": [f"https://intranet.example.com/training/{skill}/{number}.pdf"],
            }

    def _mentoring(self):
        rng = self.rng
        for number in range(self.sizes.mentoring):
            started = END - dt.timedelta(days=rng.randrange(30, 700))
            mentors = self._active(started, veteran=True)
            mentees = [p for p in self._active(started) if p["kcs_role"] != "coach"]
            if not mentors or not mentees:
                continue
            mentor, mentee = rng.choice(mentors), rng.choice(mentees)
            skill = rng.choice(list(mentor["skills"]))
            log_day = min(END, started + dt.timedelta(days=20))
            cases = [cid for cid, solved in self.case_ids if started <= solved <= END][:1]
            yield {
                "id": f"pair-{number}-{mentor['id']}-{mentee['id']}"[:64].rstrip("-"),
                "mentor": mentor["id"],
                "mentee": mentee["id"],
                "started": started,
                "status": "active" if number % 3 else "completed",
                "goals": [{"skill": skill, "target": 3}],
                "log": [
                    {
                        "date": log_day,
                        "note": "一起处理现场故障，讲解排查思路。",
                        **({"case": cases[0]} if cases else {}),
                    }
                ],
                **({} if number % 3 else {"outcome": "徒弟已能独立处理同类故障。\n"}),
            }

    def _paths(self, sessions: list[dict]):
        for number, role in enumerate(["field-service", "technical-support", "field-service"]):
            steps = []
            for index in range(6):
                step_sessions = [s["id"] for s in sessions[index * 3 + number : index * 3 + number + 2]]
                steps.append(
                    {
                        "id": f"step-{index + 1}",
                        "title": f"第 {index + 1} 阶段：{SKILLS[index][1]}",
                        "skill": SKILLS[index][0],
                        "requires": [f"step-{index}"] if index else [],
                        "read": [cid for cid, _ in self.case_ids[index : index + 2]],
                        "sessions": step_sessions,
                    }
                )
            enrolled = [p["id"] for p in self.people if p["kcs_role"] == "candidate" and "left" not in p][number::3][
                :40
            ]
            yield {
                "id": f"path-{number + 1}",
                "title": f"新员工培养路径 {number + 1}",
                "for_role": role,
                "summary": "入职第一年的学习安排。\n",
                "steps": steps,
                "enrolled": enrolled,
            }

    def _awards(self, sessions: list[dict]):
        rng = self.rng
        contests = [s for s in sessions if s["format"] == "contest"]
        for number in range(self.sizes.awards):
            day = END - dt.timedelta(days=rng.randrange(0, 3 * 365))
            people = self._active(day)
            kind, _ = rng.choice(AWARD_KINDS[:4])
            award = {
                "id": f"award-{number}",
                "award": kind,
                "recipients": [rng.choice(people)["id"]],
                "period": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
                "awarded_on": day,
                "citation": "全年服务零投诉，主动编写并验证案例，带教新人成效明显。\n",
                "evidence": [cid for cid, solved in self.case_ids[number % 50 : number % 50 + 2] if solved <= day],
            }
            if contests and number % 10 == 0:
                contest = contests[number // 10 % len(contests)]
                award.update(
                    {
                        "award": "skills-contest",
                        "awarded_on": contest["date"],
                        "period": str(contest["date"].year),
                        "rank": 1 + number // 10 % 3,
                        "session": contest["id"],
                        "recipients": [rng.choice(contest["attendees"])],
                    }
                )
            yield award


def write_synthetic(out: Path, cases: int, seed: int = 1, tickets: int | None = None) -> None:
    """A data folder of `cases` cases and, by default, ten tickets per case in data/tickets/."""
    Synthesizer(cases, seed, tickets).write(out)
