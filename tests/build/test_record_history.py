"""Record pages show their history from git, and links to edit the file or report a problem."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.build.site import BuildRequest, build
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
        table = page(history_site, url).css_first("table.kb-recently-changed")
        assert table is not None, url
        first = table.css_first("tbody tr")
        assert CASE in first.css_first("a").attributes["href"] and "李娜" in first.text()


def test_the_same_build_without_git_shows_no_history_and_still_links_the_editor(tmp_path):
    site = build_in(project_copy(tmp_path))
    case = page(site, f"cases/{CASE}")
    assert case.css_first("dl.kb-record-history") is None
    assert case.css_first("a.kb-edit-link") is not None
    assert page(site, "cases").css_first("table.kb-recently-changed") is None
