"""`kb digest 2026-11` on both test organisations: a note per person in post, each line of it
checked against the records read as plain YAML and CSV; no note names another person but
those its own person's page names beside them; the notes are refused inside the site, kb/ and
the data folder; and nothing of any note is in the built site."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import TODAY
from tests.goals.conftest import ORGANISATIONS, organisation
from tests.goals.recompute import Folder
from tests.publish.conftest import build_site

MONTH, FIRST, LAST = "2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 30)
REUSED = re.compile(r"^- 《(?P<title>.+)》：本月被同事的 (?P<n>\d+) 张工单复用$")
VALIDATED = re.compile(r"^- 《(?P<title>.+)》，.+ 验证$")
TRAINED = re.compile(r"^- .+ (?P<how>参加了|讲授了)《(?P<title>.+)》，(?P<hours>[\d.]+) 小时$")


def digest(data_dir: Path, out: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["digest", MONTH, "--data", str(data_dir), "--out", str(out), "--today", TODAY.isoformat(), *more],
    )
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module", params=ORGANISATIONS)
def written(request, tmp_path_factory) -> tuple[Path, Path]:
    """(data folder, folder of the notes) of a test organisation."""
    root = tmp_path_factory.mktemp(f"digest-{request.param}")
    data_dir = organisation(request.param, root / "data")
    code, output = digest(data_dir, root / "notes", "--language", "zh")
    assert code == 0, output
    return data_dir, root / "notes"


def section(note: str, heading: str) -> list[str]:
    """The list items of one `## ` section of a note."""
    after = note.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in after.splitlines() if line.startswith("- ")]


def test_a_note_for_every_person_in_post_and_no_one_else(written):
    data_dir, notes = written
    folder = Folder(data_dir, TODAY)
    in_post = set(folder.in_post(None, LAST))
    assert {p.stem for p in notes.glob("*.md")} == in_post == {p.stem for p in notes.glob("*.html")}
    for person_id in in_post:
        note = (notes / f"{person_id}.md").read_text(encoding="utf-8")
        assert note.startswith(f"# {folder.people[person_id]['name']}的月度小结 · 2026 年 11 月\n")
        printable = (notes / f"{person_id}.html").read_text(encoding="utf-8")
        assert (
            "@media print" in printable
            and "@page" in printable
            and html.escape(folder.people[person_id]["name"]) in printable
        )


def test_each_line_of_a_note_is_what_the_records_say(written):
    data_dir, notes = written
    folder = Folder(data_dir, TODAY)
    commendations = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data_dir / "commendations").glob("*.yml")]
    checked = 0
    for note_file in sorted(notes.glob("*.md")):
        person, note = note_file.stem, note_file.read_text(encoding="utf-8")
        assert {(m["title"], int(m["n"])) for m in map(REUSED.match, section(note, "同事复用了你的案例"))} == reused(
            folder, person
        )
        assert {VALIDATED.match(line)["title"] for line in section(note, "你验证的案例")} == validated(folder, person)
        given = [c for c in commendations if person in c["about"] and FIRST <= c["date"] <= LAST]
        lines = section(note, "你收到的表扬")
        assert len(lines) == len(given)
        for c in given:
            giver = c["customer"] if c["source"] == "customer" else folder.people[c["given_by"]]["name"]
            assert any(giver in line for line in lines), (person, giver)
        trained = {(m["how"], m["title"]) for m in map(TRAINED.match, section(note, "培训"))}
        assert trained == sessions(folder, person)
        checked += len(lines) + len(trained) + len(section(note, "同事复用了你的案例"))
    assert checked > 0


def reused(folder: Folder, person: str) -> set[tuple[str, int]]:
    """Their cases and how many tickets closed in the month by someone other than the case's
    authors reused each (opened after it was solved)."""
    found = set()
    for case in folder.cases.values():
        if person not in case["authors"]:
            continue
        count = sum(
            1
            for t in folder.tickets
            if case["id"] in t.cases
            and t.closed
            and FIRST <= t.closed <= min(LAST, TODAY)
            and t.engineer not in case["authors"]
            and case["solved_on"] < t.opened
        )
        if count:
            found.add((case["title"], count))
    return found


def validated(folder: Folder, person: str) -> set[str]:
    return {
        c["title"]
        for c in folder.cases.values()
        if c.get("validated_by") == person and c["state"] == "validated" and FIRST <= c["solved_on"] <= TODAY
    }


def sessions(folder: Folder, person: str) -> set[tuple[str, str]]:
    held = [s for s in folder.sessions if FIRST <= s["date"] <= min(LAST, TODAY)]
    return {("讲授了", s["title"]) for s in held if person in s["trainers"]} | {
        ("参加了", s["title"]) for s in held if person in s.get("attendees", [])
    }


def test_no_note_names_anyone_its_person_page_does_not_name_beside_them(written):
    """A colleague appears in a note only as the giver of its person's commendation or as their mentor."""
    data_dir, notes = written
    folder = Folder(data_dir, TODAY)
    commendations = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data_dir / "commendations").glob("*.yml")]
    for note_file in notes.glob("*.md"):
        person, note = note_file.stem, note_file.read_text(encoding="utf-8")
        allowed = {person} | {c.get("given_by") for c in commendations if person in c["about"]}
        allowed |= {pair["mentor"] for pair in folder.pairs if pair["mentee"] == person}
        named = {pid for pid, p in folder.people.items() if p["name"] in note}
        assert named <= allowed, (person, named - allowed)
        assert not re.search(r"排名|第 ?\d+ ?名|名次|高于|低于|平均|rank", note), person


def test_the_notes_are_in_english_when_asked(tmp_path):
    data_dir = organisation("second-org", tmp_path / "data")
    code, output = digest(data_dir, tmp_path / "notes", "--language", "en")
    assert code == 0 and "Wrote the notes of 2026-11 for" in output
    note = (tmp_path / "notes" / "luo-mingyu.md").read_text(encoding="utf-8")
    assert note.startswith("# 罗明宇's month · November 2026\n") and "## Commendations you received" in note
    assert not re.search(r"[\u4e00-\u9fff]", "\n".join(line for line in note.splitlines() if line.startswith("## ")))


@pytest.mark.parametrize("inside", ["site", "site/2026-11", "kb/notes", "data/digest"])
def test_a_note_is_never_written_where_the_site_is_made(tmp_path, monkeypatch, inside):
    organisation("second-org", tmp_path / "data")
    (tmp_path / "kb").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: kb\nsite_dir: site\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = digest(Path("data"), Path(inside), "--language", "en")
    assert code == 2 and "the notes are private" in output, output
    assert not (tmp_path / inside).exists() or not list((tmp_path / inside).rglob("*.md"))
    assert not list((tmp_path / "data").rglob("*.md"))


def test_a_month_is_a_month(tmp_path):
    data_dir = organisation("second-org", tmp_path / "data")
    code, output = digest(data_dir, tmp_path / "notes", "--language", "zh")
    assert code == 0, output
    result = CliRunner().invoke(main, ["digest", "2026-Q4", "--data", str(data_dir), "--language", "zh"])
    assert result.exit_code == 2 and "`2026-Q4` 不是月份" in result.output


@pytest.fixture(scope="module", params=ORGANISATIONS)
def built(request, tmp_path_factory) -> tuple[Path, Path]:
    """(folder of the notes, built site) of a test organisation."""
    root = tmp_path_factory.mktemp(f"built-{request.param}")
    data_dir = organisation(request.param, root / "data")
    code, output = digest(data_dir, root / "notes", "--language", "zh")
    assert code == 0, output
    result = build_site(data_dir, root / "site", root / "cache")
    assert result.ok, result.error
    return root / "notes", root / "site"


def distinctive_lines(note: str) -> list[str]:
    """A note's own sentences: its title and every list item, as plain text."""
    lines = [line[2:] for line in note.splitlines() if line.startswith(("# ", "- "))]
    return [line for line in lines if len(line) >= 8]


def site_text(site: Path) -> str:
    texts = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".atom", ".json", ".txt", ".ics", ".md", ".js"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            texts.append(html.unescape(re.sub(r"<[^>]+>", "", text)) if path.suffix == ".html" else text)
    return "\n".join(texts)


def test_nothing_of_any_note_is_in_the_built_site(built):
    notes, site = built
    text = site_text(site)
    assert "月度小结" not in text
    lines = [line for note in notes.glob("*.md") for line in distinctive_lines(note.read_text(encoding="utf-8"))]
    assert len(lines) > 20
    assert [line for line in lines if line in text] == []
