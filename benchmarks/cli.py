"""How long `kb` takes to answer before it does any work: its help, and a mistake on its command line.

    python benchmarks/cli.py                      # every command; writes benchmarks/CLI.md
    python benchmarks/cli.py --before OLD_TREE    # and the same command lines of an older tree beside them
    python benchmarks/cli.py --runs 3 --print-only

OLD_TREE is a copy of the code to compare with (`git archive merged-23 | tar -x -C /tmp/old`).

Each command line is run --runs times as `python -m generator …` (what the `kb` script runs)
in a folder without mkdocs.yml, so the language is decided as on a new machine, Chinese. The
table gives, for each, the median of the wall-clock times and the median of the CPU times (user
+ system) of the process: on a shared machine the wall clock includes waiting for a core, the CPU
time does not. A command's help and its mistakes import only its command line (click, the
catalogue); `kb import --help` also reads the table of headers a 台账 is read by, whose module
reads the record shapes. The goal: under 0.3 s for `kb --help` and for every usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READING = """How to read it. The CPU time is the cost of answering: about 0.15 s for the command list, any
command's help and any mistake, of which Python itself takes a third; before, a command's help or
mistake imported what the command runs (the record shapes and pydantic, pinyin's dictionaries,
MkDocs, the spreadsheet reader) and took 1.5 to 2.4 s. The wall clock adds the time spent waiting
for a core: on a machine shared with other work (see the load average) it varies from run to run,
and only the CPU time compares two trees fairly. `kb import --help` still pays for the table of
headers, and only its help does."""

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL = 0.3  # seconds

# (what is measured, the command line after `kb`)
CASES = [
    ("the command list", ["--help"]),
    ("an unknown command", ["nosuch"]),
    *[(f"`kb {name} --help`", [name, "--help"]) for name in ("build", "serve", "validate", "new", "import")],
    ("`kb search-report --help`", ["search-report", "--help"]),
    ("an unknown option", ["serve", "--bogus"]),
    ("`--port` that is no number", ["serve", "--port", "abc"]),
    ("a folder that does not exist", ["build", "--data", "nowhere"]),
    ("a value not among the choices", ["validate", "--format", "xml"]),
    ("a missing argument", ["import"]),
    ("a file that does not exist", ["import", "nosuch.xlsx"]),
    ("a missing argument", ["search-report"]),
    ("a period that is none", ["honours", "2026-Q5"]),
    ("a number out of range", ["new", "mentoring", "--target", "9"]),
    ("a missing option", ["demo"]),
    ("an unknown option", ["export", "--bogus"]),
    ("an unknown option", ["qr", "--bogus"]),
    ("an extra argument", ["schema", "extra"]),
    ("an extra argument", ["reference", "extra"]),
]


def measure(command: list[str], runs: int, folder: Path, tree: Path = REPO) -> tuple[float, float, int]:
    """The median wall-clock and CPU seconds of `command` with the code of `tree`, and its exit code."""
    env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
    env["PYTHONPATH"] = str(tree)
    walls, cpus, code = [], [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, cwd=folder, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        code = done.returncode
    return statistics.median(walls), statistics.median(cpus), code


def table(runs: int, before: Path | None) -> list[str]:
    older = " before (wall, CPU) |" if before else ""
    rows = [f"| what | command line | exit |{older} wall clock (median) | CPU (median) |"]
    rows.append("|---|---|---|" + ("---|" if before else "") + "---|---|")
    with tempfile.TemporaryDirectory(prefix="kb-cli-bench-") as folder:
        wall, cpu, code = measure([sys.executable, "-c", "pass"], runs, Path(folder))
        rows.append(f"| Python itself, for comparison | `python -c pass` | {code} |{' |' if before else ''} ")
        rows[-1] += f"{wall:.2f} s | {cpu:.2f} s |"
        print(rows[-1], flush=True)
        for what, arguments in CASES:
            command = [sys.executable, "-m", "generator", *arguments]
            then = ""
            if before:
                old_wall, old_cpu, _ = measure(command, runs, Path(folder), before)
                then = f" {old_wall:.2f} s, {old_cpu:.2f} s |"
            wall, cpu, code = measure(command, runs, Path(folder))
            rows.append(f"| {what} | `kb {' '.join(arguments)}` | {code} |{then} {wall:.2f} s | {cpu:.2f} s |")
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command line (default 9)")
    parser.add_argument("--print-only", action="store_true", help="print the table; do not write CLI.md")
    parser.add_argument("--before", type=Path, help="an older tree to measure beside this one")
    options = parser.parse_args()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    heading = (
        f"`python benchmarks/cli.py --runs {options.runs}{' --before OLD_TREE' if options.before else ''}`, "
        f"{dt.date.today().isoformat()}, on {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {load} at the start), Python {platform.python_version()}."
    )
    print(heading)
    rows = table(options.runs, options.before)
    if options.print_only:
        return
    intro = __doc__.split("\n\n", 2)[2].strip()
    text = "\n\n".join(["# How fast `kb` answers", heading, intro, "\n".join(rows), READING]) + "\n"
    (HERE / "CLI.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
