"""`kb contest`: a printable paper and a separate answer key, the same bytes for the same seed, on
the demo and both other data folders; the seed, the selection and the command that makes the
paper again on both; every answer is its case's cause; refusals in one line with nothing
written."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import build_dataset
from generator.render.codes import cause_line
from generator.render.contest import PaperRequest, paper_command
from tests.cli.test_search_report import refused_in_one_line
from tests.conftest import REPO, TESTS, check

FOLDERS = {
    "demo": REPO / "data",
    "second-org": TESTS / "data" / "second-org",
    "third-org": TESTS / "data" / "third-org",
}
CHOICES = re.compile(r'<li><span class="kb-box"></span>([A-H])\. (.*?)</li>')
ANSWER_ROW = re.compile(
    r'<tr><td>(\d+)</td><td class="kb-letter">([A-H])</td><td>(.*?)</td><td>.*?<code>([a-z0-9-]+)</code></td></tr>'
)


def data_folder(name: str, tmp_path):
    folder = FOLDERS[name]
    if (folder / "glossary.yml").exists():  # a format this tree does not read yet; it holds no case
        shutil.copytree(folder, tmp_path / "data", ignore=shutil.ignore_patterns("glossary.yml"))
        return tmp_path / "data"
    return folder


def contest(*arguments: str):
    return CliRunner().invoke(main, ["contest", *arguments, "-f", str(REPO / "mkdocs.yml")])


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_the_same_seed_gives_the_same_paper_byte_for_byte(tmp_path, name):
    data = data_folder(name, tmp_path)
    first, second, other = tmp_path / "first", tmp_path / "second", tmp_path / "other"
    for out, seed in ((first, "7"), (second, "7"), (other, "8")):
        result = contest(
            "--data", str(data), "--seed", seed, "--questions", "12", "--out", str(out), "--language", "zh"
        )
        assert result.exit_code == 0, result.output
    for name_ in ("paper.html", "answers.html"):
        assert (first / name_).read_bytes() == (second / name_).read_bytes()
        assert (first / name_).read_bytes() != (other / name_).read_bytes()
    paper, answers = ((first / f).read_text(encoding="utf-8") for f in ("paper.html", "answers.html"))
    for page in (paper, answers):
        assert "随机种子 7 · 12 道题 · 产品: 不限 · 技能: 不限" in page
        assert "<code>kb contest --questions 12 --seed 7</code>" in page
    checked = check(data)
    dataset = build_dataset(checked.context)
    rows = ANSWER_ROW.findall(answers)
    assert [int(number) for number, *_ in rows] == list(range(1, 13))
    questions = paper.split('<section class="kb-question">')[1:]
    assert len(questions) == 12
    for (number, letter, cause, case_id), question in zip(rows, questions, strict=True):
        choices = dict(CHOICES.findall(question))
        assert unescape(choices[letter]) == unescape(cause) == cause_line(dataset.cases[case_id].cause), number
        assert dataset.cases[case_id].state == "validated"
        assert cause not in paper.split("<main>")[0], "no answer above the questions"
    body = paper.split("<body>", 1)[1]
    assert "kb-letter" not in body and "<code>20" not in body, "the paper holds no answer and no case id"


def test_the_questions_come_from_the_chosen_products_and_skills(tmp_path):
    out = tmp_path / "paper"
    result = contest(
        "--data", str(REPO / "data"), "--products", "hx-200", "--skills", "moulding,pneumatics",
        "--questions", "30", "--seed", "3", "--out", str(out), "--language", "en",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    dataset = build_dataset(check(REPO / "data").context)
    answers = (out / "answers.html").read_text(encoding="utf-8")
    cases = [case_id for *_, case_id in ANSWER_ROW.findall(answers)]
    assert cases and len(cases) < 30
    for case_id in cases:
        case = dataset.cases[case_id]
        assert "hx-200" in case.products or {"moulding", "pneumatics"} & set(case.skills)
    assert f"Only {len(cases)} questions to draw from (30 asked for)." in result.output
    again = "kb contest --products hx-200 --skills moulding,pneumatics --questions 30 --seed 3"
    assert f"To make this paper again: {again}" in result.output
    assert f"<code>{again}</code>" in answers and "Seed 3" in answers
    names = [
        dataset.products["hx-200"].name_en,
        dataset.skills["moulding"].name_en,
        dataset.skills["pneumatics"].name_en,
    ]
    assert "Products: {} · Skills: {}, {}".format(*names) in answers


def test_a_contest_session_is_named_on_the_paper(tmp_path):
    out = tmp_path / "paper"
    result = contest(
        "--data", str(REPO / "data"), "--session", "2026-06-skills-contest", "--seed", "1", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    paper = (out / "paper.html").read_text(encoding="utf-8")
    dataset = build_dataset(check(REPO / "data").context)
    assert dataset.sessions["2026-06-skills-contest"].title in paper
    assert "--session 2026-06-skills-contest" in paper


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--products", "hx-200,no-such"], "there is no product `no-such`"),
        (["--skills", "no-such"], "there is no skill `no-such`"),
        (["--session", "no-such"], "there is no session `no-such`"),
        (["--session", "2026-03-hydraulics-basics"], "has the format `classroom`, not `contest`"),
    ],
)
def test_a_wrong_selection_is_one_line_and_nothing_is_written(tmp_path, arguments, words):
    out = tmp_path / "paper"
    result = contest("--data", str(REPO / "data"), *arguments, "--seed", "1", "--out", str(out), "--language", "en")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1 and words in result.output
    assert not out.exists()


def test_no_questions_is_one_line(tmp_path, data):
    result = contest("--data", str(data), "--seed", "1", "--out", str(tmp_path / "paper"), "--language", "en")
    assert result.exit_code == 1 and "have no questions" in result.output
    assert not (tmp_path / "paper").exists()


def test_a_paper_is_never_written_through_a_link(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "paper"
    out.symlink_to(elsewhere)
    line = refused_in_one_line(
        contest("--data", str(REPO / "data"), "--seed", "1", "--out", str(out), "--language", "en"), "KB117"
    )
    assert "symbolic link" in line and list(elsewhere.iterdir()) == []
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "answers.html").symlink_to(elsewhere / "stolen.html")
    refused_in_one_line(contest("--data", str(REPO / "data"), "--seed", "1", "--out", str(folder)), "KB117")
    assert not (folder / "paper.html").exists() and not (elsewhere / "stolen.html").exists()


def test_the_default_folder_is_named_by_the_seed_and_help_speaks_both_languages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert contest("--data", str(REPO / "data"), "--seed", "42").exit_code == 0
    assert (tmp_path / "contest" / "42" / "paper.html").is_file()
    assert "竞赛试卷" in CliRunner().invoke(main, ["contest", "--help"], env={"KB_LANGUAGE": "zh"}).output
    english = CliRunner().invoke(main, ["contest", "--help", "--language", "en"]).output
    assert "Usage:" in english or "--seed" in english


def test_the_command_names_everything_that_makes_the_paper():
    assert paper_command(7, 30, ["hx-200", "vmc-850"], ["hydraulics"], "2026-06-skills-contest") == (
        "kb contest --session 2026-06-skills-contest --products hx-200,vmc-850 --skills hydraulics --questions 30 --seed 7"
    )
    assert PaperRequest(7, 30).products == ()


def test_hostile_record_text_is_inert_on_the_paper_and_the_key(tmp_path, data):
    from tests.publish.test_hostile_records import PAYLOAD, live_html

    quoted = PAYLOAD.replace('"', '\\"')
    for number in range(1, 5):
        record = (
            f'id: hostile-{number}\ntitle: "{quoted}"\nstate: validated\nproducts: [hx-200]\n'
            f'symptoms: |\n  {PAYLOAD}\nenvironment: |\n  <a href="javascript:alert(1)">环境</a>\n'
            f'cause: "原因 {number} {quoted}"\nresolution: 更换。\nauthors: [zhang-wei]\nvalidated_by: li-na\n'
            "solved_on: 2026-05-01\n"
        )
        (data / "cases" / "2026" / f"hostile-{number}.yml").write_text(record, encoding="utf-8")
    out = tmp_path / "paper"
    result = contest("--data", str(data), "--seed", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    for name in ("paper.html", "answers.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert "alert" in page, "shown, as text"
        assert live_html(page) == [], name


def test_a_contest_session_that_names_its_paper_shows_the_command_on_its_page():
    """The session's `paper` field is not in the record format yet: its part of the page is ready."""
    from types import SimpleNamespace

    from generator.render.engine import page_environment
    from generator.render.labels import Labels
    from generator.render.learning_view import LearningView

    view = LearningView(build_dataset(check(REPO / "data").context))
    paper = SimpleNamespace(seed=7, questions=30, products=["hx-200"], skills=[])
    session = SimpleNamespace(id="2026-06-skills-contest", format="contest", paper=paper)
    command = "kb contest --session 2026-06-skills-contest --products hx-200 --questions 30 --seed 7"
    assert view.paper_command(session) == command
    assert view.paper_command(SimpleNamespace(id="x", format="classroom", paper=paper)) is None
    assert view.paper_command(view.data.sessions["2026-06-skills-contest"]) is None, "no record names a paper yet"
    part = page_environment().get_template("_session_paper.md.j2")
    shown = part.render(s=session, learning=view, t=Labels("en"))
    assert "## Contest paper" in shown and f"<code>{command}</code>" in shown
    assert part.render(s=view.data.sessions["2026-06-skills-contest"], learning=view, t=Labels("en")).strip() == ""
