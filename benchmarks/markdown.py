"""What a record of hostile Markdown costs `kb validate` and `kb build`, before and after the limits.

    python benchmarks/markdown.py --before OLD_TREE       # both trees; writes benchmarks/MARKDOWN.md
    python benchmarks/markdown.py --before OLD_TREE --build  # also a full `kb build` of each
    python benchmarks/markdown.py --only image-openers    # one input, this tree, printed only

OLD_TREE is a checkout of the code before the limits (`git worktree add /tmp/old c2f2e09`).
Each input is the `symptoms` of one case of tests/data/minimal, written as a `|` block; the
record file is just under the 1 MiB a record may have (the issue's nested inputs are smaller).
`normal` is the Markdown fields of every case in data/ and tests/data/second-org/, one after
another until the size is reached. Every figure is the CPU time (user + system) of the `kb`
process, the fastest of --runs runs (a build: of one): the machine may be shared, and waiting
for a core is not the cost of the work. A run over --timeout seconds is stopped and shown
as `> N s`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

READING = """How to read it. `kb validate` parses a field only when it holds a link or an image (to check
the attachments it names); `kb build` parses each field for its page, its feeds and its search
copy. Before the limits, `![a](` 190,000 times took seconds per parse and 100 s to build; the
limits refuse it, and the issue's nested inputs, before any parser runs. What passes them is
parsed in time linear in its length, but not at one rate: markdown-it pays for every block
(list item, quote, paragraph) it opens, so a text in which nearly every other character opens
one (`lists-16`, or a list of empty `-` items, which no limit on nesting can tell from a real
list) costs about five times a normal text, to validate when it holds a link and to build.
The `lists-16` "before" figures are small because markdown-it, at its default nesting limit of
20, stopped at the tenth level of a list and left out everything after it; the parser now reads
deeper than the limit of 16 allows, so no text is lost, and pays for reading all of it. Every
other build is cheaper than before: a case's symptoms were parsed up to nine times (page, five
feeds, description twice, search copy), now once for the page, once for the words and once for
the feeds, and a text over 16 KiB reaches the feeds as its first words."""

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RECORD = "cases/2026/20260412-hx200-pressure-drop.yml"
BUDGET = 1024 * 1024 - 4096  # bytes of the text as written in the file, indentation included
NORMAL_LINKS = 400


def fill(unit: str) -> str:
    """`unit` repeated until the record is just under the size cap."""
    out, size = [], 0
    step = len(unit.encode("utf-8")) + unit.count("\n") * 2
    while size + step <= BUDGET:
        out.append(unit)
        size += step
    return "".join(out)


def normal_text(links: int = NORMAL_LINKS) -> str:
    """Real records' Markdown, repeated: paragraphs, lists, code, quotes, tables, and the
    first `links` of their links and images (to a file the minimal data holds)."""
    fields = []
    for folder in (REPO / "data" / "cases", REPO / "tests" / "data" / "second-org" / "cases"):
        for path in sorted(folder.rglob("*.yml")):
            fields += _markdown_fields(path.read_text(encoding="utf-8"))
    text = fill("\n\n".join(fields) + "\n\n")
    kept = 0

    def link(match: re.Match) -> str:
        nonlocal kept
        kept += 1
        return "](valve.png)" if kept <= links else "] "

    return re.sub(r"\]\([^)\s]*\)", link, text)


def _markdown_fields(record: str) -> list[str]:
    found = []
    for match in re.finditer(r"^(symptoms|environment|cause|resolution): \|\n((?:  .*\n|\n)+)", record, re.M):
        found.append("\n".join(line[2:] for line in match.group(2).splitlines()).strip())
    return found


# name -> (what it is, the text); the first three are records people could write.
INPUTS: dict[str, tuple[str, Callable[[], str]]] = {
    "normal": ("real cases' text: paragraphs, lists, code, tables, their links and images", normal_text),
    "normal-list": (
        "one long list, an item per line, and a link",
        lambda: "[a](valve.png)\n\n" + fill("- 检查油温和压力\n"),
    ),
    "short-paragraphs": ("a pasted log, a blank line after each short line", lambda: fill("E203 油压 8.0 MPa\n\n")),
    # the inputs
    "image-openers": ("`![a](` 190,000 times", lambda: "![a](" * 190_000),
    "nested-brackets": (
        "100,000 `[` inside each other, then as many `]` and a link's `(`",
        lambda: "[" * 100_000 + "a" + "]" * 100_000 + "(valve.png)",
    ),
    "nested-lists": ("`- ` 100,000 times on one line: lists inside each other", lambda: "- " * 100_000 + "x"),
    "nested-quotes": ("`> ` 100,000 times on one line", lambda: "> " * 100_000 + "x"),
    "emphasis": ("`*a_` over and over: emphasis markers, none closed", lambda: fill("*a_")),
    # hostile but within the limits: what an attacker can still write
    "links-500": ("500 `![a](` then real text without links", lambda: "![a](" * 500 + normal_text(0)[2500:]),
    "brackets-16": ("paragraphs of 16 open `[`", lambda: fill("[" * 16 + "a\n\n")),
    "lists-16": ("`- ` 16 times on a line, over and over", lambda: fill("- " * 16 + "x\n\n")),
    "lists-16-link": (
        "the same with one link, which `kb validate` parses for",
        lambda: "[a](valve.png)\n\n" + fill("- " * 16 + "x\n\n"),
    ),
    "quotes-16": ("`> ` 16 times on a line, over and over", lambda: fill("> " * 16 + "x\n\n")),
    "long-addresses": ("500 links whose address runs on for 2,000 characters", lambda: ("[a](" + "x" * 2000) * 500),
}


def record_folder(root: Path, text: str) -> Path:
    """tests/data/minimal with the text as one case's symptoms."""
    data = root / "data"
    shutil.copytree(REPO / "tests" / "data" / "minimal", data)
    path = data / RECORD
    block = "".join(f"  {line}\n" if line else "\n" for line in text.split("\n"))
    record = re.sub(r"symptoms: \|\n(  .*\n)+", lambda _: "symptoms: |\n" + block, path.read_text(encoding="utf-8"))
    path.write_text(record, encoding="utf-8")
    return data


def cpu_seconds(command: list[str], tree: Path, timeout: float) -> tuple[float | None, str]:
    """The CPU time of one run of `command` with the code of `tree`, and the last line it wrote."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return used, _outcome(done.returncode, lines)


def _outcome(returncode: int, lines: list[str]) -> str:
    if returncode == 0:
        return "accepted"
    codes = sorted(set(re.findall(r"error (KB\d+)", "\n".join(lines))))
    return "refused " + ", ".join(codes) if codes else f"exit {returncode}"


def measure(name: str, tree: Path, build: bool, runs: int, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kb-markdown-") as work:
        root = Path(work)
        text = INPUTS[name][1]()
        data = record_folder(root, text)
        kb = [sys.executable, "-m", "generator"]
        validate = kb + ["validate", str(data), "--language", "en"]
        result: dict[str, object] = {"bytes": (data / RECORD).stat().st_size}
        result["validate"], result["outcome"] = _fastest(validate, tree, runs, timeout)
        if build:
            site, cache = root / "site", root / "cache"
            command = kb + ["build", "--data", str(data), "-d", str(site), "--cache-dir", str(cache)]
            result["build"], _ = _fastest(command + ["--today", "2026-11-28", "--language", "en"], tree, 1, timeout)
        return result


def _fastest(command: list[str], tree: Path, runs: int, timeout: float) -> tuple[float | None, str]:
    best, outcome = None, ""
    for _ in range(runs):
        seconds, outcome = cpu_seconds(command, tree, timeout)
        if seconds is None:
            return None, "timeout"
        best = seconds if best is None else min(best, seconds)
    return best, outcome


def shown(seconds: object, timeout: float) -> str:
    return f"> {timeout:.0f} s" if seconds is None else f"{seconds:.1f} s"


def table(results: dict[str, dict[str, dict]], build: bool, timeout: float) -> list[str]:
    trees = list(results)
    head = ["input", "what", "file"] + [f"validate {tree}" for tree in trees]
    head += [f"build {tree}" for tree in trees] if build else []
    head += [f"outcome {tree}" for tree in trees]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, (what, _) in INPUTS.items():
        if name not in results[trees[0]]:
            continue
        rows = [results[tree][name] for tree in trees]
        cells = [f"`{name}`", what, f"{rows[0]['bytes'] / 1024:.0f} KiB"]
        cells += [shown(row["validate"], timeout) for row in rows]
        cells += [shown(row.get("build"), timeout) for row in rows] if build else []
        cells += [str(row["outcome"]) for row in rows]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, help="a checkout of the code before the limits")
    parser.add_argument("--build", action="store_true", help="also time a full kb build of each input")
    parser.add_argument("--only", action="append", choices=sorted(INPUTS), help="only these inputs; print only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300)
    options = parser.parse_args()
    trees = {"before": options.before.resolve()} if options.before else {}
    trees["after"] = REPO
    names = options.only or list(INPUTS)
    results: dict[str, dict[str, dict]] = {label: {} for label in trees}
    for name in names:
        for label, tree in trees.items():
            results[label][name] = measure(name, tree, options.build, options.runs, options.timeout)
            print(name, label, results[label][name], flush=True)
    lines = table(results, options.build, options.timeout)
    print("\n".join(lines))
    if not options.only:
        write_results(lines, options)


def write_results(lines: list[str], options: argparse.Namespace) -> None:
    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    intro = (__doc__ or "").split("\n\n", 2)[2].strip()
    text = [
        "# What hostile Markdown costs",
        "",
        f"`python benchmarks/markdown.py --before OLD_TREE{' --build' if options.build else ''}`, "
        f"{dt.date.today().isoformat()}, on {machine}.",
        "",
        intro,
        "",
        *lines,
        "",
        READING,
        "",
    ]
    (HERE / "MARKDOWN.md").write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    main()
