"""A copy of the minimal data folder with two ticket exports: one GBK with Chinese headers,
one UTF-8 with a BOM and English headers, both with the customer columns a CRM adds."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from generator.model import Dataset, build_dataset
from generator.pipeline import check
from generator.render import render_site
from generator.settings import Settings
from tests.conftest import TODAY, copy_minimal

# 工单号 … 关联案例, the columns in a CRM's order, with a customer, a contact and a mobile number
FIRST_HALF = """工单号,创建日期,客户名称,联系人,联系电话,产品,处理人,关闭日期,关联案例,备注
GD-001,2026-04-10,临沂鑫达精工有限公司,欧阳秋菊,13905311234,HX-200 液压站,张伟,2026-04-12,20260412-hx200-pressure-drop,
GD-002,2026-04-20,临沂鑫达精工有限公司,欧阳秋菊,13905311235,hx-200,李娜,2026-04-21,20260412-hx200-pressure-drop,保修期内
GD-003,2026-04-25,淄博恒远模具厂,司马青松,15866021236,VMC-850,zhang-wei,2026-04-28,,付费服务
GD-004,2026-05-01,淄博恒远模具厂,司马青松,15866021237,vmc-850,陈浩,2026-05-03,20260501-vmc850-spindle-alarm、20260412-hx200-pressure-drop,
GD-005,2026-05-10,潍坊博海液压件公司,端木雪莲,18653601238,,li-na,2026-05-12,,待寄配件
GD-006,2026-06-02,潍坊博海液压件公司,端木雪莲,18653601239,vmc-850,李娜,,,客户催促
"""
SECOND_HALF = """ticket,customer name,phone,opened,closed,engineer,product,cases,remarks
SR-101,日照远洋机械有限公司,13706331240,2026-09-01,2026-09-03,li-na,hx-200,20260412-hx200-pressure-drop,
SR-102,日照远洋机械有限公司,13706331241,2026-09-15,2026-09-15,zhang-wei,hx-200,"20260412-hx200-pressure-drop; 20260501-vmc850-spindle-alarm",
SR-103,枣庄华鼎重工集团,17763221242,2026-11-20,,chen-hao,vmc-850,,
SR-104,枣庄华鼎重工集团,17763221243,2026-10-05,2026-10-06,陈浩,VMC-850 立式加工中心,,
"""
UNREAD = {"客户名称", "联系人", "联系电话", "备注", "customer name", "phone", "remarks"}


def unread_values(*exports: str) -> set[str]:
    """Every non-empty cell of the columns that are not read: customers, contacts, mobiles, notes."""
    found = set()
    for export in exports:
        table = list(csv.reader(io.StringIO(export)))
        columns = [index for index, header in enumerate(table[0]) if header in UNREAD]
        found |= {row[index] for row in table[1:] for index in columns if row[index]}
    return found


def add_tickets(data_dir: Path) -> Path:
    folder = data_dir / "tickets"
    folder.mkdir(exist_ok=True)
    (folder / "crm-2026-h1.csv").write_bytes(FIRST_HALF.replace("\n", "\r\n").encode("gbk"))
    (folder / "service-2026-h2.csv").write_bytes(b"\xef\xbb\xbf" + SECOND_HALF.encode("utf-8"))
    return data_dir


@pytest.fixture
def ticket_data(tmp_path: Path) -> Path:
    return add_tickets(copy_minimal(tmp_path / "data"))


def dataset_of(data_dir: Path, today: dt.date = TODAY, **settings) -> Dataset:
    checked = check(Settings(data_dir, today, shown_root="data", **settings))
    assert not checked.report.errors, [f"{d.file}:{d.line}: {d.message}" for d in checked.report.errors]
    return build_dataset(checked.context)


def pages_of(data_dir: Path, language: str = "zh", **settings) -> dict[str, str]:
    return {page.src_uri: page.text for page in render_site(dataset_of(data_dir, **settings), language)}
