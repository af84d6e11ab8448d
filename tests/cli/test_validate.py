from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import write

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_clean_data_exits_zero(data):
    result = run("validate", str(data), "--today", "2026-11-28", "--language", "en")
    assert result.exit_code == 0, result.output
    assert "No problems in 12 files." in result.output


def test_warnings_fail_only_with_strict(data):
    write(
        data,
        "cases/2026/20260501-vmc850-spindle-alarm.yml",
        (data / "cases/2026/20260501-vmc850-spindle-alarm.yml").read_text(encoding="utf-8") + "review_by: 2026-06-01\n",
    )
    assert run("validate", str(data), "--today", "2026-11-28").exit_code == 0
    assert run("validate", str(data), "--today", "2026-11-28", "--strict").exit_code == 1


def test_json_output_is_machine_readable(data):
    write(data, CASE, (data / CASE).read_text(encoding="utf-8").replace("validated_by:", "validatd_by:"))
    payload = json.loads(run("validate", str(data), "--format", "json").output)
    assert payload["errors"] == 1 and payload["diagnostics"][0]["code"] == "KB202"


def test_bad_today_is_a_usage_error(data):
    result = run("validate", str(data), "--today", "tomorrow")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_missing_folder_is_a_usage_error(tmp_path):
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and str(tmp_path / "nowhere") in result.output


def test_missing_taxonomy_is_reported_once_with_its_code(data):
    (data / "taxonomy.yml").unlink()
    result = run("validate", str(data))
    assert result.exit_code == 1
    assert "taxonomy.yml:1:1: error KB306" in result.output


NASTY = {
    "typo": (CASE, lambda t: t.replace("validated_by:", "validatd_by:"), "KB202"),
    "dangling": (
        CASE,
        lambda t: t.replace("related: [20260501-vmc850-spindle-alarm]", "related: [no-such-case]"),
        "KB402",
    ),
    "duplicate-key": (CASE, lambda t: "title: again\n" + t, "KB102"),
    "python-tag": (CASE, lambda t: t + "x: !!python/object/apply:os.system [ls]\n", "KB104"),
    "alias-bomb": (
        CASE,
        lambda t: (
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "\n".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(9))
            + "\n"
        ),
        "KB103",
    ),
}


@pytest.mark.parametrize("name", sorted(NASTY) + ["gbk"])
def test_real_process_gives_one_message_and_exit_1_quickly(name, data):
    if name == "gbk":
        (data / "people" / "wang.yml").write_bytes("id: wang\nname: 王强，现场工程师，负责液压站维修\n".encode("gbk"))
        code = "KB108"
    else:
        path, change, code = NASTY[name]
        write(data, path, change((data / path).read_text(encoding="utf-8")))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(data), "--today", "2026-11-28"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    problem_lines = [line for line in result.stdout.splitlines() if ": error KB" in line]
    assert len(problem_lines) == 1 and f"error {code}:" in problem_lines[0], result.stdout
