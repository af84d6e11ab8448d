"""`kb new goal` and `kb new commendation` write records that validate (and refuse what would
not), and a commendation's customer is held to what an organisation's label looks like."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.privacy import ORGANISATION_ENDINGS, PERSON_ENDINGS, is_organisation_label
from tests.conftest import check
from tests.hostile import hostile_line


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--language", "en"])


def test_new_goal_for_a_team_and_for_the_organisation(data, tmp_path):
    schemas = str(tmp_path / "schemas")
    made = run("new", "goal", "--period", "2026-Q4", "--figure", "link_rate", "--target", "80", "--team", "east",
               "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert made.exit_code == 0, made.output
    text = (data / "goals" / "2026-q4-east.yml").read_text(encoding="utf-8")
    assert "team: east" in text and "  - figure: link_rate\n    target: 80\n" in text
    whole = run("new", "goal", "--period", "2026", "--figure", "sessions_held", "--target", "4",
                "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert whole.exit_code == 0, whole.output
    assert "\nteam:" not in (data / "goals" / "2026-all.yml").read_text(encoding="utf-8")
    assert not check(data).report.errors


def test_new_goal_out_of_range_or_on_a_person_is_not_written(data, tmp_path):
    schemas = str(tmp_path / "schemas")
    high = run("new", "goal", "--period", "2026-Q4", "--figure", "link_rate", "--target", "120", "--team", "east",
               "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert high.exit_code == 1 and "KB517" in high.output and not (data / "goals" / "2026-q4-east.yml").exists()
    person = run("new", "goal", "--period", "2026-Q4", "--figure", "cases_written", "--target", "3", "--team",
                 "zhang-wei", "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert person.exit_code == 1 and "KB516" in person.output and "never a person" in person.output
    assert not list((data / "goals").glob("*.yml"))


def test_new_commendation_from_a_customer_and_from_a_colleague(data, tmp_path):
    schemas = str(tmp_path / "schemas")
    customer = run("new", "commendation", "--about", "zhang-wei", "--source", "customer", "--form", "letter",
                   "--words", "两小时修好了灌装线。", "--customer", "某食品厂", "--date", "2026-11-05",
                   "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert customer.exit_code == 0, customer.output
    assert (data / "commendations" / "20261105-letter-zhang-wei.yml").is_file()
    colleague = run("new", "commendation", "--about", "li-na", "--source", "colleague", "--form", "thanks",
                    "--words", "热线帮了大忙。", "--given-by", "zhang-wei", "--date", "2026-11-06",
                    "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert colleague.exit_code == 0, colleague.output
    named = run("new", "commendation", "--about", "li-na", "--source", "customer", "--form", "letter",
                "--words", "谢谢。", "--customer", "王建国", "--date", "2026-11-07",
                "--data", str(data), "--schemas", schemas)  # fmt: skip
    assert named.exit_code == 1 and "KB604" in named.output
    assert not (data / "commendations" / "20261107-letter-li-na.yml").exists()
    assert not check(data).report.errors


def test_organisations_pass_and_people_do_not():
    for label in ("某食品厂", "华东某汽车零部件有限公司", "某三甲医院", "a food factory", "某连锁超市"):
        assert is_organisation_label(label), label
    for label in ("王建国", "李经理", "某张先生", "Mr Wang", "刘师傅", "", "某" * 41):
        assert not is_organisation_label(label), label


@given(st.text(alphabet="张王李赵刘陈杨黄周吴", min_size=1, max_size=3), st.sampled_from(PERSON_ENDINGS))
def test_a_name_with_a_persons_title_is_never_an_organisation(name, title):
    assert not is_organisation_label(name + title)
    assert not is_organisation_label("某" + name + title)


@given(
    st.text(alphabet="食品汽车电子包装五金医疗华东南北", min_size=1, max_size=6), st.sampled_from(ORGANISATION_ENDINGS)
)
def test_an_anonymised_organisation_is_one(words, ending):
    assert is_organisation_label("某" + words + ending)


@given(hostile_line())
def test_any_label_is_answered_without_an_error(label):
    assert is_organisation_label(label) in (True, False)
