"""Which code-shaped words of the cases are alarm codes: both data folders, every typed form,
part numbers, models and parameters left alone, and the same codes whatever the order."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import check
from generator.search.alarms import AlarmCode, find_alarm_codes, mentions
from generator.settings import Settings
from generator.shapes import Case, Entry
from tests.conftest import REPO, TESTS
from tests.hostile import hostile_text

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def codes_of(folder) -> tuple[dict[str, AlarmCode], dict[str, Case]]:
    checked = check(Settings(folder, dt.date(2026, 11, 28), shown_root="data"))
    cases = {record.id: record.model for record in checked.context.of("case")}
    return find_alarm_codes(cases, checked.context.taxonomy.products), cases


def products_of(code: AlarmCode, cases: dict[str, Case]) -> set[str]:
    return {product for case_id in code.cases for product in cases[case_id].products}


def test_the_demo_cases_codes_and_nothing_else():
    codes, cases = codes_of(REPO / "data")
    assert [code.code for code in codes.values()] == [
        "AL-0012", "AL-0100", "AL-0110", "AL-0400", "AL-1021", "AL-1033", "AL-1105", "AL-2204",
        "ALM-300", "ALM-306", "ALM-411", "ALM-1005", "ALM-2010", "ALM-2031",
        "E-203", "E-318", "ERR-05", "ERR-16", "ERR-21", "ERR-31", "ERR-52", "F-0003",
    ]  # fmt: skip
    # Written as the cases write them, most used first; the page's slug is the code in lower case.
    assert codes["alm1005"].written == ("ALM 1005",) and codes["alm1005"].slug == "alm-1005"
    assert codes["e203"].written == ("E203",) and len(codes["e203"].cases) == 2
    assert codes["al1021"].messages() == ("油温过高", "油温高")  # from the symptoms and the title
    # Reported in a resolution only, after 报警号: 报警号改为 AL-0110.
    assert codes["al0110"].cases == ("20250618-sd3-overcurrent-on-start",)
    # A code of a case on two products belongs to both.
    assert products_of(codes["alm300"], cases) == {"vmc-850", "sd-3"}


def test_the_second_organisations_codes_and_nothing_else():
    codes, cases = codes_of(TESTS / "data" / "second-org")
    assert [code.code for code in codes.values()] == [
        "AL-45", "ALM-0302", "ALM-1102", "ALM-4105", "E-118", "E-201", "E-305", "E-702",
        "ERR-12", "ERR-31", "F-0003", "F-0017", "W-07", "W-12",
    ]  # fmt: skip
    # Err.12 (a dot between letters and digits, as the search folds it) and AL 45 (a space).
    assert codes["err12"].written == ("Err.12",) and codes["al45"].written == ("AL 45",)
    # **W-07 电池电压低** in a cause: emphasised with its message.
    assert codes["w07"].messages() == ("电池电压低",)
    assert products_of(codes["e201"], cases) == {"fm12"}


NOT_CODES = {
    # models: product ids and names
    "vmc850", "hx200", "sc75", "im280", "cc500", "ad30", "fm12", "cs450", "lb60", "st900",
    # pieces of part numbers (HX-VB-220, HX-AC-10B, HX-CB-16-K, VM-PS-BT40-60) and parts named alone
    "vb220", "ac10", "cb16", "bt40", "pdi03", "ht1070", "qr180", "cr2032",
    # CNC words, parameters, oil grades, bottles and film, plugs
    "g00", "g01", "m06", "m19", "f2000", "p1828", "p1815", "pn100", "pn600", "vg46", "pet500", "bopp60", "din43650",
}  # fmt: skip


def test_part_numbers_models_parameters_and_program_words_are_not_codes():
    for folder in (REPO / "data", TESTS / "data" / "second-org"):
        codes, _ = codes_of(folder)
        assert not NOT_CODES & set(codes), NOT_CODES & set(codes)


def reported(text: str, field: str = "symptoms") -> list[tuple[str, str, bool]]:
    return [(m.key, m.written, m.reported) for m in mentions(text, field)]


def test_every_typed_form_is_one_code():
    assert reported("HMI 报 AL-3002") == [("al3002", "AL-3002", True)]
    assert reported("HMI 报 AL3002") == [("al3002", "AL3002", True)]
    assert reported("HMI 报 `al 3002 油温高`") == [("al3002", "al 3002", True)]
    assert reported("HMI 报 Err.12") == [("err12", "Err.12", True)]
    assert reported("报警 ＡＬ－３００２ 过热") == [("al3002", "AL-3002", True)]  # full width
    assert reported("the panel shows ALM 1005 spindle orientation") == [("alm1005", "ALM 1005", True)]


def test_where_a_code_stands_tells_whether_the_case_reports_it():
    # After a word of reporting, or emphasised with its message: reported.
    assert reported("偶发 `AL-1033 卸荷频次过高`")[0][2]
    assert reported("一直有 **W-07 电池电压低**", "cause")[0][2]
    # Emphasised alone: a code in the symptoms, a parameter in a cause.
    assert reported("面板显示 `Err-52`")[0][2] and reported("`Err-52`")[0][2]
    assert not reported("超过 `P1828` 设定值", "cause")[0][2]
    # Plain text, and English words before a number: not.
    assert reported("执行 M06 换刀时")[0][2] is False
    assert reported("we drove at 20 km/h and Step 10 failed") == []
    # Words that only look like reporting: a spring, a price quote.
    assert not reported("弹簧 M12 螺栓松了")[0][2] and not reported("报价 AB-20 元")[0][2]
    # A piece of a part number is no code at all.
    assert reported("HMI 报 HX-VB-220 漏油") == [] and reported("报 HX-CB-16-K") == []


def case(case_id: str, products: list[str], **fields) -> Case:
    return Case.model_validate(
        {
            "id": case_id,
            "title": fields.pop("title", "压力低"),
            "state": "wip",
            "products": products,
            "symptoms": fields.pop("symptoms", "压力低。"),
            "authors": ["zhang-wei"],
            "solved_on": dt.date(2026, 1, 1),
            **fields,
        }
    )


PRODUCTS = [Entry(id="hx-200", name="HX-200 液压站"), Entry(id="vmc-850", name="VMC-850 立式加工中心")]


def test_a_products_code_prefixes_count_wherever_the_code_stands():
    cases = {
        "a": case("a", ["hx-200"], symptoms="HMI 报 `AL-1021 油温过高`"),
        "b": case("b", ["hx-200"], tags=["AL-1105"], resolution="与 AL-2204 无关。"),
        "c": case("c", ["vmc-850"], tags=["AL-1106"], title="显示 VMC-850 报 ALM 300"),
    }
    codes = find_alarm_codes(cases, PRODUCTS)
    # AL is an HX-200 prefix (reported in a): a tag and a plain mention on HX-200 are codes;
    # on the VMC-850, whose codes are ALM, the same shape is not; its model never is.
    assert set(codes) == {"al1021", "al1105", "al2204", "alm300"}
    assert codes["al2204"].cases == ("b",)


@settings(max_examples=150, deadline=None)
@given(hostile_text(), st.sampled_from(["title", "symptoms", "cause"]))
def test_hostile_text_never_breaks_recognition_and_codes_stay_clean_ids(text, field):
    for mention in mentions(text, field):
        assert re.fullmatch(r"[a-z]{1,4}[0-9]{2,5}", mention.key)
    found = find_alarm_codes({"x": case("x", ["hx-200"], symptoms=f"报 {text} `{text}`")}, PRODUCTS)
    for code in found.values():
        assert ID.match(code.slug) and code.slug == code.code.lower()


def test_the_same_cases_in_any_order_give_the_same_codes():
    codes, cases = codes_of(REPO / "data")
    backwards = dict(reversed(list(cases.items())))
    checked = check(Settings(REPO / "data", dt.date(2026, 11, 28), shown_root="data"))
    assert find_alarm_codes(backwards, checked.context.taxonomy.products) == codes
