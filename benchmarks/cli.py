"""How long `kb` takes to answer before it does any work: its help, and a mistake on its command line.

    python benchmarks/cli.py                      # every command; writes benchmarks/CLI.md
    python benchmarks/cli.py --before OLD_TREE    # and the same command lines of an older tree beside them
    python benchmarks/cli.py --runs 3 --print-only

OLD_TREE is a copy of the code to compare with (`git archive main | tar -x -C /tmp/old`).

Each command line is run --runs times as `python -m generator …` (what the `kb` script runs)
in a folder without mkdocs.yml, so the language is decided as on a new machine, Chinese. The
table gives, for each, the median of the wall-clock times and the median of the CPU times (user
+ system) of the process: on a shared machine the wall clock includes waiting for a core, the CPU
time does not. A command's help and its mistakes import only its command line (click, the
catalogue). What `kb new` and `kb import` show of the record kinds (their kinds, options and the
台账's headers) is read from the digest of the table of kinds (generator/cli/kinds_digest.py),
kept in a cache folder of the benchmark's own: it is built before the rows are measured, and the
last rows measure a run that builds it first, as the first run after a change to the package
does. The goal: under 0.3 s for `kb --help` and for every usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READING = """How to read it. The CPU time is the cost of answering: 0.13 to 0.22 s for the command list,
any command's help and any mistake, of which Python itself takes 0.03 s; `kb new`'s and
`kb import`'s help read the record kinds, their options and the 台账's headers from the digest of
the table of kinds. The tree before (main as it was merged, at 2ce54ab: its commands import what
they run to define their command line) took 0.8 to 2.2 s for a command's help or mistake. The last
two rows are the first run after a change to the package, which builds the digest from the table
(the kinds and their shapes, pydantic, pinyin's dictionaries): 1.1 to 1.4 s of CPU, once. The wall
clock adds the time spent waiting for a core: on a machine shared with other work (see the load
average) it varies from run to run, and only the CPU time compares two trees fairly."""

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL = 0.3  # seconds

# (what is measured, the command line after `kb`)
CASES = [
    ("the command list", ["--help"]),
    ("an unknown command", ["nosuch"]),
    *[(f"`kb {name} --help`", [name, "--help"]) for name in ("build", "serve", "validate", "new", "import")],
    ("`kb new case --help`", ["new", "case", "--help"]),
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
# Measured with no digest of the table of kinds kept: each run builds it first.
FIRST_RUNS = [
    ("`kb new --help`, its digest built first", ["new", "--help"]),
    ("`kb import --help`, its digest built first", ["import", "--help"]),
]


def measure(
    command: list[str], runs: int, folder: Path, tree: Path = REPO, first_run: bool = False
) -> tuple[float, float, int]:
    """The median wall-clock and CPU seconds of `command` with the code of `tree`, and its exit
    code; its cache folder is `folder`/cache, emptied before each run when `first_run`."""
    env = {key: value for key, value in os.environ.items() if key != "KB_LANGUAGE"}
    env["PYTHONPATH"] = str(tree)
    env["XDG_CACHE_HOME"] = str(folder / "cache")
    walls, cpus, code = [], [], 0
    for _ in range(runs):
        if first_run:
            shutil.rmtree(folder / "cache", ignore_errors=True)
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
        measure([sys.executable, "-m", "generator", "new", "--help"], 1, Path(folder))  # builds the digest
        for what, arguments in CASES:
            rows.append(_row(what, arguments, runs, Path(folder), before, first_run=False))
        for what, arguments in FIRST_RUNS:
            rows.append(_row(what, arguments, runs, Path(folder), before, first_run=True))
    return rows


def _row(what: str, arguments: list[str], runs: int, folder: Path, before: Path | None, first_run: bool) -> str:
    command = [sys.executable, "-m", "generator", *arguments]
    then = ""
    if before:
        old_wall, old_cpu, _ = measure(command, runs, folder, before)
        then = f" {old_wall:.2f} s, {old_cpu:.2f} s |"
    wall, cpu, code = measure(command, runs, folder, first_run=first_run)
    row = f"| {what} | `kb {' '.join(arguments)}` | {code} |{then} {wall:.2f} s | {cpu:.2f} s |"
    print(row, flush=True)
    return row


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
