"""Record pages show their history from git, and links to edit the file or report a problem."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.publish.site import BuildRequest, build
from tests.conftest import REPO, TODAY

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
CASE = "20250218-hx200-pressure-drop"
REPORT = "mailto:kb@example.com?subject=[{id}]%20{title}"


def git(repo: Path, *args: str, author: str, day: str) -> None:
    moment = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(
        ["git", "-c", f"user.name={author}", "-c", "user.email=kb@example.com", *args],
        cwd=repo, env=env, check=True, capture_output=True,
    )  # fmt: skip


def project_copy(root: Path) -> Path:
    """The demo data, the hand-written pages and mkdocs.yml with a repository and a report target."""
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "kb", root / "kb")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "site_url: !ENV [KB_SITE_URL, null]",
        "site_url: https://kb.example.com/\nrepo_url: https://github.com/example/kb\nedit_uri: edit/main/kb/",
    ).replace(
        "      max_mentees: !ENV [KB_MAX_MENTEES, null]\n",
        f'      max_mentees: !ENV [KB_MAX_MENTEES, null]\n      report_url: "{REPORT}"\n',
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build_in(root: Path) -> Path:
    request = BuildRequest(root / "mkdocs.yml", None, None, TODAY, root / "site", cache_dir=root / "cache")
    result = build(request, lambda line: None)
    assert result.ok, (result.error, result.problems, result.prepared.report.errors if result.prepared else None)
    return root / "site"


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def history_site(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("with-git"))
    case_file = root / "data/cases/2025" / f"{CASE}.yml"
    git(root, "init", "-q", "-b", "main", author="张伟", day="2026-04-12")
    git(root, "add", ".", author="张伟", day="2026-04-12")
    git(root, "commit", "-qm", "records", author="张伟", day="2026-04-12")
    for day in ("2026-05-01", "2026-06-02"):
        case_file.write_text(case_file.read_text(encoding="utf-8") + f"# reviewed {day}\n", encoding="utf-8")
        git(root, "commit", "-qam", f"review {day}", author="李娜", day=day)
    return build_in(root)


def test_the_case_page_shows_created_last_changed_and_revisions(history_site):
    history = page(history_site, f"cases/{CASE}").css_first("dl.kb-record-history")
    assert history is not None
    values = [" ".join(dd.text().split()) for dd in history.css("dd")]
    assert values[0] == "2026年4月12日 · 张伟" and values[1] == "2026年6月2日 · 李娜"
    assert values[2].startswith("3")
    link = history.css_first("a.kb-history-link").attributes["href"]
    assert link == f"https://github.com/example/kb/commits/main/data/cases/2025/{CASE}.yml"
    other = page(history_site, "cases/20250115-vmc850-spindle-orientation-fail").css_first("dl.kb-record-history")
    assert [dd.text(strip=True) for dd in other.css("dd")][2].startswith("1")


def test_every_record_page_links_to_its_file_in_the_web_editor_and_to_a_report(history_site):
    case = page(history_site, f"cases/{CASE}")
    edit = case.css_first("a.kb-edit-link")
    assert edit.attributes["href"] == f"https://github.com/example/kb/edit/main/data/cases/2025/{CASE}.yml"
    assert edit.text(strip=True) == "编辑此记录"
    report = case.css_first("a.kb-report-link")
    assert report.text(strip=True) == "报告问题"
    assert report.attributes["href"].startswith(f"mailto:kb@example.com?subject=[{CASE}]%20%E6%B6%B2")
    for url in ("people/zhang-wei", "sessions/2025-03-hydraulics-basics", "paths/new-field-engineer"):
        assert page(history_site, url).css_first("a.kb-edit-link") is not None, url
        assert page(history_site, url).css_first("dl.kb-record-history") is not None, url


def test_the_cases_index_and_home_list_the_last_changed_first(history_site):
    for url in ("cases", ""):
        table = page(history_site, url).css_first(".kb-recently-changed table")
        assert table is not None, url
        first = table.css_first("tbody tr")
        assert CASE in first.css_first("a.kb-case-link").attributes["href"] and "李娜" in first.text()
        assert first.css_first("a.kb-person").attributes["href"].endswith("people/li-na/")  # the author, linked


def test_the_same_build_without_git_shows_no_history_and_still_links_the_editor(tmp_path):
    site = build_in(project_copy(tmp_path))
    case = page(site, f"cases/{CASE}")
    assert case.css_first("dl.kb-record-history") is None
    assert case.css_first("a.kb-edit-link") is not None
    assert page(site, "cases").css_first(".kb-recently-changed table") is None


HOSTILE_AUTHORS = {  # what a commit's author may hold, and what must never reach a page
    "phone": "张伟 13987654321",
    "e-mail": "zhang.san@example.com",
    "id-card": "王五 440308199001011239",
    "terminal": "\x1b[31m李娜\x07",
}
NEVER_PUBLISHED = ["13987654321", "zhang.san", "440308199001011239", "\x1b", "\x07", "@corp.example", "kb@example.com"]


def commit_as(repo: Path, author: str, day: str, message: str, email: str = "kb@example.com") -> None:
    moment = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, capture_output=True)
    subprocess.run(
        ["git", "-c", f"user.name={author}", "-c", f"user.email={email}", "commit", "-qm", message],
        cwd=repo, env=env, check=True, capture_output=True,
    )  # fmt: skip


def touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_history_site(tmp_path_factory) -> Path:
    """The minimal records committed by authors whose names hold personal data and terminal
    escapes, by an identity that the repository's .mailmap maps to 李娜, and by a person's id."""
    from tests.conftest import copy_minimal
    from tests.publish.conftest import build_site

    root = tmp_path_factory.mktemp("hostile-git")
    data = copy_minimal(root / "data")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    (root / ".mailmap").write_text("李娜 <lina@corp.example>\n", encoding="utf-8")
    commit_as(root, HOSTILE_AUTHORS["phone"], "2026-04-12", "records")
    touch(data / "cases/2026/20260412-hx200-pressure-drop.yml")
    commit_as(root, HOSTILE_AUTHORS["e-mail"], "2026-05-01", "edit")
    touch(data / "cases/2026/20260501-vmc850-spindle-alarm.yml")
    commit_as(root, HOSTILE_AUTHORS["id-card"], "2026-05-02", "edit")
    touch(data / "sessions/2026-03-hydraulics-basics.yml")
    commit_as(root, HOSTILE_AUTHORS["terminal"], "2026-05-03", "edit")
    touch(data / "people/li-na.yml")
    commit_as(root, "lina", "2026-05-04", "edit", email="lina@corp.example")
    touch(data / "paths/new-field-engineer.yml")
    commit_as(root, "ZHANG-WEI", "2026-05-05", "edit")
    result = build_site(data, root / "site", root / "cache")
    assert result.ok, (result.error, result.problems)
    return root / "site"


def history_of(site: Path, url: str) -> list[tuple[str, str | None]]:
    """(text, the author's link) of the created and last-changed rows of a record page."""
    rows = page(site, url).css_first("dl.kb-record-history").css("dd")[:2]
    return [(" ".join(dd.text().split()), (dd.css_first("a.kb-person") or dd).attributes.get("href")) for dd in rows]


def test_authors_are_never_published_as_written_only_as_a_person_or_a_colleague(hostile_history_site):
    site = hostile_history_site
    assert history_of(site, "cases/20260412-hx200-pressure-drop") == [
        ("2026年4月12日 · 一位同事", None), ("2026年5月1日 · 一位同事", None)
    ]  # fmt: skip
    assert history_of(site, "cases/20260501-vmc850-spindle-alarm")[1] == ("2026年5月2日 · 一位同事", None)
    assert history_of(site, "sessions/2026-03-hydraulics-basics")[1] == ("2026年5月3日 · 一位同事", None)
    assert history_of(site, "people/li-na")[1] == ("2026年5月4日 · 李娜", "./")  # through .mailmap
    assert history_of(site, "paths/new-field-engineer")[1] == ("2026年5月5日 · 张伟", "../../people/zhang-wei/")
    recently = page(site, "cases").css_first(".kb-recently-changed table")
    assert "一位同事" in recently.text()


def test_no_commit_metadata_reaches_a_page_feed_calendar_or_json_file(hostile_history_site):
    written = [p for p in hostile_history_site.rglob("*") if p.suffix in {".html", ".xml", ".atom", ".ics", ".json"}]
    assert len(written) > 50
    for path in written:
        text = path.read_text(encoding="utf-8")
        found = [value for value in NEVER_PUBLISHED if value in text]
        assert not found, (path.relative_to(hostile_history_site), found)
