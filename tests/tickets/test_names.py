"""Names to ids, as a ticket export or an imported sheet writes them."""

from __future__ import annotations

from generator.names import Names, Resolver
from generator.records import resolve
from tests.conftest import check, write


def test_resolve_people_and_products_of_a_data_folder(data):
    context = check(data).context
    assert resolve("person", "张伟", context) == "zhang-wei"
    assert resolve("person", "Zhang-Wei", context) == "zhang-wei"
    assert resolve("product", "VMC-850", context) == "vmc-850"
    assert resolve("product", "HX-200 hydraulic power unit", context) == "hx-200"
    assert resolve("team", "华东服务站", context) == "east"
    assert resolve("person", "王工", context) is None


def test_two_people_of_one_name_are_not_guessed(data):
    write(
        data,
        "people/zhang-wei-2.yml",
        "id: zhang-wei-2\nname: 张伟\nteam: east\nrole: field-service\njoined: 2020-01-01\n",
    )
    assert resolve("person", "张伟", check(data).context) is None
    assert resolve("person", "zhang-wei-2", check(data).context) == "zhang-wei-2"


def test_near_names_are_suggested_and_answers_remembered():
    names = Names()
    names.add("person", "zhang-wei", "张伟")
    names.add("person", "li-na", "李娜")
    resolver = Resolver(names)
    assert resolver.find("person", "张玮").near[0] == "zhang-wei"  # the same pinyin
    assert resolver.find("person", "张玮") is resolver.find("person", "张玮")
