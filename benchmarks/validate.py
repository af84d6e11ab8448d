"""Validation at scale: `kb validate` on grown data, and the parts of a `--shard` build.

    python benchmarks/validate.py                         # 1,000 and 10,000 cases, 5 runs each
    python benchmarks/validate.py --sizes 100000 --runs 1 # 100,000 cases, once
    python benchmarks/validate.py --parts 4               # also: each part's validation at 10,000
    python benchmarks/validate.py --tree ../other-checkout  # the same, with another copy of the code

Data folders are grown from tests/data/second-org as benchmarks/run.py grows them
(benchmarks/grow.py, kept in benchmarks/work/). Each run of `kb validate` is a process of its
own, timed from outside (wall clock) with its peak memory (the operating system's maximum
resident set) and CPU time (user and system: what the run cost, which a busy machine inflates
less than the wall clock); the median of the runs is printed with the fastest and slowest. Run it on one
processor (`taskset -c 0 python benchmarks/validate.py`) for figures that others can compare.

`--parts N` checks the 10,000 cases as the N parts of `kb build --shard I/N` check them, one
after the other in processes of their own sharing one `.cache/`: the first checks them and
keeps the result, the others take it (generator/validate/kept.py). Printed: each part's
`check` time and CPU time, imports excluded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
GROWN_FROM = REPO / "tests" / "data" / "second-org"
TODAY = "2026-11-28"

# One run, timed from outside, with the peak memory of the process it waited for.
MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "code": run.returncode}))
"""

# One part's validation, as `kb build --shard I/N` runs it (generator/publish/site.py).
PART = """
import datetime, json, sys, time
from pathlib import Path
from generator.pipeline import check
from generator.settings import Settings
data, cache = Path(sys.argv[1]), Path(sys.argv[2])
settings = Settings(data, datetime.date.fromisoformat(sys.argv[3]), shown_root="data", cache_dir=cache)
try:
    settings = settings.with_(share_validation=True)
except TypeError:  # code from before parts shared their validation: each part checks everything
    pass
started, cpu = time.perf_counter(), time.process_time()
checked = check(settings)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "warnings": len(checked.report.warnings)}))
"""


def grown(cases: int) -> Path:
    data = WORK / f"grown-{cases}"
    if not data.is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "grow.py"), str(GROWN_FROM), str(cases), str(data)], check=True)
    return data


def environment(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def validate_runs(data: Path, runs: int, tree: Path) -> list[dict]:
    command = [sys.executable, "-m", "generator", "validate", str(data), "--today", TODAY]
    measured = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=environment(tree), cwd=tree
        )
        measured.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return measured


def parts(data: Path, count: int, tree: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as shared:
        measured = []
        for number in range(1, count + 1):
            cache = Path(shared) / f"pages-part-{number}-of-{count}"
            command = [sys.executable, "-c", PART, str(data), str(cache), TODAY]
            result = subprocess.run(command, capture_output=True, text=True, env=environment(tree), cwd=tree)
            measured.append(json.loads(result.stdout.strip().splitlines()[-1]))
        return measured


def spread(values: list[float], form: str) -> str:
    if len(values) == 1:
        return format(values[0], form)
    middle = format(statistics.median(values), form)
    return f"{middle} ({format(min(values), form)}–{format(max(values), form)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", type=int, default=0, help="also check 10,000 cases as this many parts")
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose code is measured")
    args = parser.parse_args()
    tree = args.tree.resolve()
    print("| cases | kb validate, wall (s) | its CPU time (s) | peak memory (MB) | exit |")
    print("|---|---|---|---|---|")
    for cases in args.sizes:
        runs = validate_runs(grown(cases), args.runs, tree)
        seconds = spread([run["seconds"] for run in runs], ".2f")
        cpu = spread([run["cpu"] for run in runs], ".2f")
        peak = spread([run["peak_mb"] for run in runs], ".0f")
        print(f"| {cases:,} | {seconds} | {cpu} | {peak} | {sorted({run['code'] for run in runs})} |", flush=True)
    if args.parts:
        print(f"\n| part of {args.parts} | validation, wall (s) | its CPU time (s) | warnings |")
        print("|---|---|---|---|")
        for number, part in enumerate(parts(grown(10000), args.parts, tree), start=1):
            print(f"| {number} | {part['seconds']:.2f} | {part['cpu']:.2f} | {part['warnings']} |", flush=True)


if __name__ == "__main__":
    main()
