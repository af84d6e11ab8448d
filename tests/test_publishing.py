"""What ships for teams' CI: workflows, pre-commit and editor settings, and the commands they call."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
KB = str(Path(sys.executable).with_name("kb"))


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def test_workflows_match_the_github_actions_schema():
    result = run(
        [
            str(Path(sys.executable).with_name("check-jsonschema")),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS),
        ],
        REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    steps:\n      - run: true\n", encoding="utf-8")  # no runs-on
    result = run(
        [
            str(Path(sys.executable).with_name("check-jsonschema")),
            "--builtin-schema",
            "vendor.github-workflows",
            str(broken),
        ],
        REPO,
    )
    assert result.returncode != 0


def kb_steps() -> list[tuple[str, str, dict]]:
    """(workflow, command, env) for every step that runs `kb`."""
    steps = []
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                command = step.get("run", "")
                if command.startswith("kb "):
                    steps.append((workflow.name, command, step.get("env", {})))
    return steps


def test_workflows_run_validate_build_and_honours():
    commands = {command.split()[1] for _, command, _ in kb_steps()}
    assert commands == {"validate", "build", "honours"}
    assert any("--format github" in command for _, command, _ in kb_steps())


def test_the_workflows_that_build_keep_what_earlier_builds_made():
    """Each job that runs `kb build` restores `.cache/` first (README, "Incremental builds"):
    the newest cache of any run, by a key of its own run; publishing saves its own."""
    kept = {}
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            steps = job.get("steps", [])
            builds = [index for index, step in enumerate(steps) if step.get("run", "").startswith("kb build")]
            caches = [index for index, step in enumerate(steps) if step.get("uses", "").startswith("actions/cache")]
            if not builds:
                continue
            assert caches and caches[0] < builds[0], workflow.name
            cache = steps[caches[0]]
            options = cache["with"]
            assert options["path"] == ".cache" and options["key"].startswith(options["restore-keys"]), workflow.name
            assert "github.run_id" in options["key"], workflow.name
            kept[workflow.name] = cache["uses"].split("@")[0]
    assert kept == {"publish.yml": "actions/cache", "records.yml": "actions/cache/restore"}


def test_the_readme_shows_gitlab_keeping_the_cache():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(part for part in readme.split("```yaml")[1:] if part.lstrip().startswith("# GitLab CI"))
    job = yaml.safe_load(block.split("```")[0])["pages"]
    assert job["cache"]["paths"] == [".cache/"] and any(line.startswith("kb build") for line in job["script"][1:])


@pytest.mark.parametrize(("workflow", "command", "env"), kb_steps(), ids=lambda v: v if isinstance(v, str) else "")
def test_each_workflow_command_works_on_the_demo_records(workflow, command, env, tmp_path):
    for name in ("data", "kb", "schemas"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    values = {"PERIOD": "2026-Q3", "KB_SITE_URL": "https://example.github.io/kb/"}
    argv = [KB if word == "kb" else word for word in shlex.split(command.replace('"$PERIOD"', values["PERIOD"]))]
    result = run(argv, tmp_path, {key: values[key] for key in env} | {"KB_TODAY": "2026-11-28"})
    assert result.returncode == 0, result.stdout + result.stderr
    if "--format github" in command:
        assert all(line.startswith("::warning ") for line in result.stdout.splitlines()[:-1])
    if command.startswith("kb build"):
        assert (tmp_path / "site/index.html").is_file() and (tmp_path / "site/pagefind").is_dir()
    if command.startswith("kb honours"):
        assert (tmp_path / "announcements/honours-2026-Q3.html").is_file()


def test_pre_commit_files_are_valid_and_the_hook_reports_only_changed_records(tmp_path):
    pre_commit = str(Path(sys.executable).with_name("pre-commit"))
    assert run([pre_commit, "validate-config", ".pre-commit-config.yaml"], REPO).returncode == 0
    assert run([pre_commit, "validate-manifest", ".pre-commit-hooks.yaml"], REPO).returncode == 0
    hook = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    shutil.copytree(REPO / "data", tmp_path / "data")
    changed = "data/people/li-na.yml"
    assert re.search(hook["files"], changed)
    person = tmp_path / changed
    person.write_text(person.read_text(encoding="utf-8").replace("team:", "teem:"), encoding="utf-8")
    entry = [KB if word == "kb" else word for word in shlex.split(hook["entry"])]
    bad = run([*entry, changed], tmp_path)
    assert bad.returncode == 1 and "data/people/li-na.yml:" in bad.stdout and "KB202" in bad.stdout
    other = run([*entry, "data/people/zhang-wei.yml"], tmp_path)
    assert other.returncode == 0 and "li-na" not in other.stdout


def test_vscode_maps_every_record_file_to_its_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped: dict[Path, str] = {}
    for schema, patterns in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        for pattern in patterns:
            for path in REPO.glob(pattern):
                assert path not in mapped, f"{path} matches two schemas"
                mapped[path] = schema
    records = {p for p in (REPO / "data").rglob("*.yml") if "attachments" not in p.parts}
    assert records == set(mapped)
    assert mapped[REPO / "data/taxonomy.yml"].endswith("taxonomy.schema.json")
    assert all(schema.endswith("case.schema.json") for path, schema in mapped.items() if "cases" in path.parts)


def test_honours_announcement_and_an_unknown_period(tmp_path):
    result = run(
        [KB, "honours", "2026-Q3", "--data", str(REPO / "data"), "--out", str(tmp_path), "--today", "2026-11-28"], REPO
    )
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "honours-2026-Q3.md").read_text(encoding="utf-8")
    awards = [
        a
        for a in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REPO / "data/awards").glob("*.yml"))
        if str(a["period"]) in ("2026-Q3", "2026-07", "2026-08", "2026-09")
    ]
    assert markdown.startswith("# ") and "2026 年第三季度" in markdown
    assert markdown.count("\n## ") == len(awards) > 0
    html = (tmp_path / "honours-2026-Q3.html").read_text(encoding="utf-8")
    assert "@page" in html and "<script" not in html
    unknown = run(
        [KB, "honours", "2031-Q1", "--data", str(REPO / "data"), "--out", str(tmp_path)], REPO, {"KB_LANGUAGE": "en"}
    )
    assert unknown.returncode == 1 and "no honours were awarded for 2031-Q1; periods with honours:" in unknown.stderr
    malformed = run([KB, "honours", "Q3-2026", "--data", str(REPO / "data")], REPO)
    assert malformed.returncode == 2 and "`Q3-2026` 不是期间" in malformed.stderr  # the repository's site is Chinese
