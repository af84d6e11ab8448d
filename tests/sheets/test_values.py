"""What a cell means: dates as typed, numbers with units, several values, names or ids."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.names import Names
from generator.sheets.values import read_date, read_number, split


@pytest.mark.parametrize(
    ("cell", "date"),
    [
        (dt.datetime(2026, 4, 12), dt.date(2026, 4, 12)),
        ("2026-04-12", dt.date(2026, 4, 12)),
        ("2026/4/12", dt.date(2026, 4, 12)),
        ("2026.4.12", dt.date(2026, 4, 12)),
        ("2026年4月12日", dt.date(2026, 4, 12)),
        ("2026-04-12 00:00:00", dt.date(2026, 4, 12)),
        ("2026/2/30", "2026-02-30"),  # passed on for validation to call not a real date
        ("下周一", "下周一"),
        ("", None),
    ],
)
def test_dates_in_the_forms_people_type(cell, date):
    assert read_date(cell) == date


@pytest.mark.parametrize(
    ("cell", "number"), [(3, 3), (2.5, 2.5), (3.0, 3), ("6.5", 6.5), ("4 小时", 4), ("2h", 2), ("六小时", "六小时")]
)
def test_numbers_as_numbers(cell, number):
    assert read_number(cell) == number and type(read_number(cell)) is type(number)


def test_several_values_in_one_cell_but_not_split_at_spaces():
    assert split("张伟、李娜，陈浩;王五；赵六,钱七\n孙八") == ["张伟", "李娜", "陈浩", "王五", "赵六", "钱七", "孙八"]
    assert split("VMC-850 立式加工中心") == ["VMC-850 立式加工中心"]


def test_products_by_name_model_number_or_id_and_nothing_guessed():
    names = Names()
    names.add("product", "vmc-850", "VMC-850 立式加工中心")
    names.add("product", "lb60", "LB-60 不干胶贴标机")
    names.add("product", "lb60s", "LB-60 不干胶贴标机（双面）")
    assert names.find("product", "VMC-850 立式加工中心").id == "vmc-850"
    assert names.find("product", "vmc-850").id == "vmc-850"
    assert names.find("product", "VMC850").id == "vmc-850"
    assert names.find("product", "LB60S").id == "lb60s"
    assert names.find("product", "LB-60").ambiguous == ("lb60", "lb60s")  # two products start with LB-60
    assert names.find("product", "VMC-805").near == ("vmc-850",)


def test_people_by_name_id_or_pinyin_and_homophones_only_suggested():
    names = Names()
    names.add("person", "zhang-wei", "张伟", "Zhang Wei")
    assert names.find("person", "张伟").id == "zhang-wei"
    assert names.find("person", "Zhang Wei").id == "zhang-wei"
    assert names.find("person", "ZHANG-WEI").id == "zhang-wei"
    assert names.find("person", "张玮").id is None and names.find("person", "张玮").near == ("zhang-wei",)
