"""A realistic ticket export for a data folder: deterministic for a seed.

It looks like what a CRM writes: one file per year, the older one in GBK with Chinese
headers and the newer one in UTF-8 with a BOM, engineers and products sometimes by name and
sometimes by id, and the columns a CRM has besides the ones that are read (customer,
contact, mobile number, fault description, priority, notes). The customers, contacts and
numbers are invented; they are there to prove that nothing of them reaches the site.

How tickets use cases follows KCS practice: most cases come out of a ticket (a "new" link
on the ticket that was being worked when the case was written); later tickets of the same
product reuse solved cases, a few cases far more than others; some tickets link nothing,
and a few stay open.

`kb demo` writes an export with its synthetic records; `python -m generator.synthetic_tickets
DATA_DIR` writes one for an existing data folder (the demo data/ was made that way).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HEADER = ("工单号", "创建日期", "客户名称", "联系人", "联系电话", "产品", "故障描述", "处理人", "关闭日期", "关联案例")
HEADER += ("服务类型", "优先级", "备注")
CITIES = (
    "济南",
    "青岛",
    "郑州",
    "太原",
    "石家庄",
    "天津",
    "成都",
    "重庆",
    "绵阳",
    "苏州",
    "无锡",
    "宁波",
    "佛山",
    "东莞",
)
TRADES = ("乳品", "饮料", "制药", "日化", "汽车零部件", "电子", "包装", "五金", "食品", "塑料制品", "精密机械")
WORDS = ("泉城", "海河", "恒泰", "康宁", "蜀香", "顺达", "丰谷", "优选", "华瑞", "金石", "远航", "嘉禾")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉波斌宇浩凯健俊帆"
FAULTS = (
    "设备报警停机",
    "压力不稳",
    "异响",
    "温度过高",
    "通讯中断",
    "精度超差",
    "无法启动",
    "漏油",
    "频繁跳闸",
    "触摸屏无显示",
)
SERVICE = ("上门维修", "电话指导", "远程诊断", "备件更换", "保养")
PRIORITY = ("高", "中", "低")
NOTES = ("", "", "保修期内", "付费服务", "需带备件", "客户催促，产线停机", "二次上门", "等客户确认")


@dataclass(frozen=True)
class Engineer:
    id: str
    name: str
    joined: dt.date
    left: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or self.left > day)


@dataclass(frozen=True)
class KnownCase:
    id: str
    solved_on: dt.date
    products: tuple[str, ...]
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Product:
    id: str
    name: str


class TicketSynthesizer:
    def __init__(
        self,
        people: list[Engineer],
        products: list[Product],
        cases: list[KnownCase],
        seed: int = 1,
        end: dt.date = dt.date(2026, 11, 20),
    ) -> None:
        self.rng = random.Random(seed)
        self.people = people
        self.products = products
        self.cases = sorted(cases, key=lambda case: (case.solved_on, case.id))
        self.end = end
        names = Counter(person.name for person in people)
        self.unique_name = {person.id for person in people if names[person.name] == 1}
        self.by_id = {person.id: person for person in people}
        self._reusable = self._reusable_by_product()

    def _reusable_by_product(self) -> dict[str, tuple[list[dt.date], list[float], list[KnownCase]]]:
        """Per product its cases by solved date with cumulative weights: a few cases are
        reused far more than others, as in every real knowledge base."""
        found: dict[str, list[KnownCase]] = defaultdict(list)
        for case in self.cases:
            for product in case.products:
                found[product].append(case)
        prepared = {}
        for product, cases in found.items():
            weights = [self.rng.paretovariate(1.2) for _ in cases]
            prepared[product] = ([c.solved_on for c in cases], list(itertools.accumulate(weights)), cases)
        return prepared

    def rows(self, count: int) -> list[tuple[str, ...]]:
        """`count` tickets (at least one per case written from a ticket), oldest first."""
        tickets = [ticket for case in self.cases if (ticket := self._origin(case)) is not None]
        start = self.cases[0].solved_on if self.cases else self.end - dt.timedelta(days=365)
        while len(tickets) < count and self.people and self.products:
            ticket = self._ordinary(start)
            if ticket is not None:
                tickets.append(ticket)
        tickets = tickets[:count]
        tickets.sort(key=lambda t: (t[0], t[1] or dt.date.max))
        numbers: Counter[int] = Counter()
        rows = []
        for opened, closed, engineer, product, cases in tickets:
            numbers[opened.year] += 1
            rows.append(
                self._row(f"GD{opened.year}{numbers[opened.year]:06d}", opened, closed, engineer, product, cases)
            )
        return rows

    def _origin(self, case: KnownCase) -> tuple | None:
        """The ticket a case was written from: opened a few days before it was solved."""
        if self.rng.random() < 0.15:
            return None  # written from a training session or a visit without a ticket
        opened = case.solved_on - dt.timedelta(days=self.rng.randrange(0, 6))
        engineer = case.authors[0]
        person = self.by_id.get(engineer)
        if person is None or not person.active_on(opened):
            opened = case.solved_on
        closed = case.solved_on + dt.timedelta(days=self.rng.randrange(0, 2))
        return (opened, closed if closed <= self.end else None, engineer, case.products[0], (case.id,))

    def _ordinary(self, start: dt.date) -> tuple | None:
        rng = self.rng
        opened = start + dt.timedelta(days=rng.randrange((self.end - start).days + 1))
        active = [p for p in self.people if p.active_on(opened)]
        if not active:
            return None
        engineer = rng.choice(active).id
        product = rng.choice(self.products).id
        age = (self.end - opened).days
        if (age < 20 and rng.random() < 0.5) or rng.random() < 0.01:
            closed = None  # still open: recent, or stuck for want of knowledge
        else:
            closed = min(self.end, opened + dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 5, 8))))
        cases: tuple[str, ...] = ()
        if rng.random() < 0.7:
            cases = self._reused(product, opened)
        return (opened, closed, engineer, product, cases)

    def _reused(self, product: str, opened: dt.date) -> tuple[str, ...]:
        reusable = self._reusable.get(product)
        if reusable is None:
            return ()
        days, cumulative, cases = reusable
        before = bisect.bisect_left(days, opened)  # solved before the ticket was opened
        if before == 0:
            return ()
        picked = {cases[bisect.bisect_left(cumulative, self.rng.random() * cumulative[before - 1])].id}
        if self.rng.random() < 0.12:
            picked.add(cases[self.rng.randrange(before)].id)
        return tuple(sorted(picked))

    def _row(self, number: str, opened, closed, engineer: str, product: str, cases: tuple[str, ...]) -> tuple[str, ...]:
        rng = self.rng
        person = self.by_id[engineer]
        shown_engineer = person.name if engineer in self.unique_name and rng.random() < 0.7 else engineer
        named = next(p for p in self.products if p.id == product)
        shown_product = rng.choice((named.name, named.name, named.id, named.name.split()[0]))
        customer = f"{rng.choice(CITIES)}{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司"
        contact = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        mobile = f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"
        return (
            number,
            opened.isoformat(),
            customer,
            contact,
            mobile,
            shown_product,
            rng.choice(FAULTS),
            shown_engineer,
            closed.isoformat() if closed else "",
            "、".join(cases),
            rng.choice(SERVICE),
            rng.choice(PRIORITY),
            rng.choice(NOTES),
        )


def write_exports(folder: Path, rows: list[tuple[str, ...]]) -> list[Path]:
    """One export per year: GBK for all years but the last, UTF-8 with a BOM for the last."""
    folder.mkdir(parents=True, exist_ok=True)
    by_year: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in rows:
        by_year[row[1][:4]].append(row)
    written = []
    years = sorted(by_year)
    for year in years:
        encoding = "utf-8-sig" if year == years[-1] else "gb18030"
        path = folder / f"crm-export-{year}.csv"
        with path.open("w", encoding=encoding, newline="") as file:
            writer = csv.writer(file, lineterminator="\r\n")  # as Excel and most CRMs write it
            writer.writerow(HEADER)
            writer.writerows(by_year[year])
        written.append(path)
    return written


def tickets_for_folder(data_dir: Path, count: int, seed: int = 1, end: dt.date | None = None) -> list[Path]:
    """Write data_dir/tickets/ for the valid records of an existing data folder."""
    from generator.pipeline import check
    from generator.settings import Settings

    context = check(Settings(data_dir, end or dt.date.today())).context
    people = [Engineer(r.id, r.model.name, r.model.joined, r.model.left) for r in sorted(context.of("person"), key=_id)]
    products = [Product(entry.id, entry.name) for entry in context.taxonomy.products] if context.taxonomy else []
    cases = [
        KnownCase(r.id, r.model.solved_on, tuple(r.model.products), tuple(r.model.authors))
        for r in sorted(context.of("case"), key=_id)
    ]
    last = max((case.solved_on for case in cases), default=dt.date.today())
    synthesizer = TicketSynthesizer(people, products, cases, seed, end or last)
    return write_exports(data_dir / "tickets", synthesizer.rows(count))


def _id(record) -> str:
    return record.id


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a realistic ticket export into DATA_DIR/tickets/.")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=dt.date.fromisoformat, help="the last day of the export [default: last case]")
    options = parser.parse_args()
    for path in tickets_for_folder(options.data_dir, options.count, options.seed, options.end):
        print(f"Wrote {path}")


if __name__ == "__main__":
    main()
