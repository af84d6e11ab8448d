"""Scale benchmark: the knowledge base against plain MkDocs, in one run on one machine.

    python benchmarks/run.py                 # 1,000 and 10,000 cases, table to benchmarks/RESULTS.md
    python benchmarks/run.py --sizes 1000    # a quick run
    python benchmarks/run.py --with-100k     # also 100,000 cases (long); 10,000 cases are also built in 4 parts and merged

For each size it grows a data folder from an independently written organisation's records
(benchmarks/grow.py; `--source demo` for `kb demo`'s) and measures: validation, rendering,
the full `kb build` (search index and link check included) with each process's peak memory
(`kb build --stats`), site size, the bytes one search query transfers (Chromium's network
log), and the time from editing one case under `kb serve` to the updated page. The
baselines are plain `mkdocs build` with Material's own search, with jieba and without, over
the same cases as bare Markdown pages kept out of the nav. 10,000 cases are then built
in parts (`kb build --shard I/N`) and merged. Every figure is measured here; nothing is
copied from elsewhere. Needs jieba for the baseline: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
GROWN_FROM = REPO / "tests" / "data" / "second-org"
KB = str(Path(sys.executable).with_name("kb"))
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
TODAY = "2026-11-28"
QUERY = "压力上不去 E203"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}

# Runs a command and reports its wall time and the peak memory of it and its children.
MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
stages = next((line for line in run.stdout.splitlines() if line.startswith("Stages: ")), "")
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "code": run.returncode, "stages": stages.removeprefix("Stages: ")}))
"""

RENDER = """
import datetime, json, sys, time, tempfile
from pathlib import Path
from generator.pipeline import check, render_into
from generator.model import build_dataset
from generator.settings import Settings
settings = Settings(Path(sys.argv[1]), datetime.date.fromisoformat(sys.argv[2]), shown_root="data",
                    cache_dir=Path(tempfile.mkdtemp()), site_name="bench")
checked = check(settings)
dataset = build_dataset(checked.context)
started = time.perf_counter()
pages = render_into(settings, dataset).pages
print(json.dumps({"seconds": time.perf_counter() - started, "pages": len(pages)}))
"""


def measure(command: list[str], cwd: Path = REPO, env: dict | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=cwd, capture_output=True, text=True, env={**ENV, **(env or {})}
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["code"] != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return figures


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


def synthetic(cases: int, source: str) -> Path:
    """The data folder of a size: grown from an independently written organisation's
    records (benchmarks/grow.py), or `kb demo`'s synthetic records."""
    data = WORK / f"data-{source}-{cases}"
    if not data.exists():
        if source == "demo":
            subprocess.run([KB, "demo", "--cases", str(cases), "--out", str(data), "--seed", "1"], check=True, env=ENV)
        else:
            subprocess.run([sys.executable, str(HERE / "grow.py"), str(GROWN_FROM), str(cases), str(data)], check=True)
    return data


def kb_build(data: Path, site: Path, cache: Path, *more: str) -> dict:
    """`kb build` measured from outside, with its own figures (`--stats`) for each process."""
    stats = WORK / f"stats-{site.name}.json"
    command = [KB, "build", "--data", str(data), "--site-dir", str(site), "--today", TODAY, "--cache-dir", str(cache)]
    figures = measure([*command, *more, "--stats", str(stats)])
    figures["own"] = json.loads(stats.read_text(encoding="utf-8"))
    return figures


def baseline_build(data: Path, cases: int, jieba: bool) -> dict:
    """Plain `mkdocs build` of the same cases as bare pages, Material's search with or without jieba."""
    folder = WORK / f"baseline-{'jieba' if jieba else 'plain'}-{cases}"
    shutil.rmtree(folder, ignore_errors=True)
    options = ["--jieba"] if jieba else []
    subprocess.run(
        [sys.executable, str(HERE / "baseline.py"), str(data), str(folder), *options], check=True, capture_output=True
    )
    # Without jieba, Material's search finds no jieba to import and indexes Chinese unsegmented.
    hide = "" if jieba else "import sys; sys.modules['jieba'] = None; "
    run_mkdocs = f"{hide}from mkdocs.__main__ import cli; cli(['build', '-q'])"
    figures = measure([sys.executable, "-c", run_mkdocs], cwd=folder)
    figures["site_mb"] = size_mb(folder / "site")
    figures["query_kib"] = query_transfer(folder / "site", ours=False)
    return figures


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def is_search_data(url: str) -> bool:
    """The index, and the words and readings the search script reads (generator/search/vocabulary.py)."""
    return "/pagefind/" in url or url.endswith(("/search/words.json.gz", "/search/chars.json.gz"))


def query_transfer(site: Path, ours: bool) -> float:
    """KiB the browser fetched for search (index, search code) to answer one query on a fresh page.

    Material's search downloads its whole index when the page loads, Pagefind only what
    the query needs once typed: both are counted from the page's first request.
    """
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            # The site's service worker would fetch in the page's stead, and Chromium reports no
            # sizes for what a worker fetched: measured as a first visit without it.
            page = browser.new_context(service_workers="block").new_page()
            page.on(
                "requestfinished",
                lambda r: fetched.append((r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])),
            )
            page.goto(url)
            page.wait_for_load_state("networkidle")
            if ours:
                page.locator("button.kb-search-button").click()
                page.locator("dialog input").fill(QUERY)
                page.wait_for_selector(".kb-search-result", timeout=120_000)
            else:
                page.locator("input.md-search__input").click()
                page.locator("input.md-search__input").fill(QUERY)
                page.wait_for_timeout(3000)  # lunr answers in the page; its index came with the page
            page.wait_for_load_state("networkidle")
            browser.close()
        if ours:
            return sum(size for address, size in fetched if is_search_data(address)) / 1024
        return sum(size for address, size in fetched if "search" in address) / 1024
    finally:
        server.shutdown()


def serve_edit_seconds(data: Path) -> float:
    """From saving an edited case to `kb serve` answering with the updated page."""
    copy = WORK / f"serve-{data.name}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data, copy)
    port = free_port()
    with (WORK / f"serve-{data.name}.log").open("w") as log:
        process = subprocess.Popen(
            [KB, "serve", "--data", str(copy), "--today", TODAY, "-a", f"127.0.0.1:{port}"],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**ENV, "KB_CACHE": str(WORK / f"serve-cache-{data.name}")},
            start_new_session=True,
        )
        try:
            cases = sorted((copy / "cases").rglob("*.yml"))
            case = cases[len(cases) // 2]
            url = f"http://127.0.0.1:{port}/cases/{case.stem}/"
            _wait_for(url, lambda body: True, 1800)
            time.sleep(2)
            marker = f"改过的标题 {time.time_ns()}"
            text = case.read_text(encoding="utf-8").splitlines()
            text[1] = f"title: {marker}"
            started = time.perf_counter()
            case.write_text("\n".join(text) + "\n", encoding="utf-8")
            _wait_for(url, lambda body: marker in body, 600)
            return time.perf_counter() - started
        finally:
            os.killpg(process.pid, signal.SIGTERM)  # kb serve and anything it started
            process.wait(30)
            time.sleep(5)  # let the machine settle before the next measurement


def _wait_for(url: str, ready, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {url}")


def incremental_build(data: Path, cases: int, cache: Path) -> dict:
    """One case edited in `data`, rebuilt with the cache the build before it left (`.cache/`
    kept, as CI keeps it), then built clean from the same records: the rebuild's time and
    memory, and the files in which the two sites differ (none, if the cache is sound). The
    case is put back as it was."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))  # tests/ of this checkout
    from tests.site_trees import differences

    case = sorted((data / "cases").rglob("*.yml"))[cases // 2]
    original = case.read_bytes()
    text = original.decode("utf-8").splitlines()
    text = [f"title: 改过的标题 {cases}" if line.startswith("title:") else line for line in text]
    try:
        case.write_text("\n".join(text) + "\n", encoding="utf-8")
        kept = kb_build(data, WORK / f"site-{cases}-edited", cache)
        clean_cache = WORK / f"cache-{cases}-clean"
        for folder in (
            WORK / f"site-{cases}-clean",
            VALIDATED,
            *(clean_cache.with_name(clean_cache.name + end) for end in SUFFIXES),
        ):
            shutil.rmtree(folder, ignore_errors=True)
        kb_build(data, WORK / f"site-{cases}-clean", clean_cache)
        kept["differences"] = differences(WORK / f"site-{cases}-clean", WORK / f"site-{cases}-edited")
    finally:
        case.write_bytes(original)
    return kept


SUFFIXES = ("", "-search", "-packs", "-html", "-links")  # the page cache and what is kept beside it
VALIDATED = WORK / "validated"  # a validation's result, kept beside the caches (`cache-*`'s parent)


def run_size(cases: int, source: str, with_serve: bool, with_baseline: bool = True) -> dict:
    data = synthetic(cases, source)
    print(f"== {cases} cases", flush=True)
    row: dict = {"cases": cases}
    row["validate"] = measure([KB, "validate", str(data), "--today", TODAY])
    print("validate", row["validate"], flush=True)
    render = subprocess.run(
        [sys.executable, "-c", RENDER, str(data), TODAY], capture_output=True, text=True, env=ENV, cwd=REPO
    )
    row["render"] = json.loads(render.stdout.strip().splitlines()[-1])
    print("render", row["render"], flush=True)
    site, cache = WORK / f"site-{cases}", WORK / f"cache-{cases}"
    for folder in (site, VALIDATED, *(cache.with_name(cache.name + end) for end in SUFFIXES)):
        shutil.rmtree(folder, ignore_errors=True)
    row["build"] = kb_build(data, site, cache)
    print("build", row["build"], flush=True)
    if cases == 10_000:
        row["incremental"] = incremental_build(data, cases, cache)
        print("one case edited", row["incremental"], flush=True)
    row["site_mb"] = size_mb(site)
    row["query_kib"] = query_transfer(site, ours=True)
    print("query", row["query_kib"], flush=True)
    if with_serve:
        row["serve_edit"] = serve_edit_seconds(data)
        print("serve edit", row["serve_edit"], flush=True)
    if with_baseline:
        for jieba in (True, False):
            key = "baseline_jieba" if jieba else "baseline_plain"
            row[key] = baseline_build(data, cases, jieba)
            print(key, row[key], flush=True)
    return row


def run_parts(cases: int, source: str, count: int) -> dict:
    """`kb build --shard I/N` for each part, one after the other (as N machines would, each
    alone), then `kb build --merge`: time and memory of each."""
    data = synthetic(cases, source)
    print(f"== {cases} cases in {count} parts", flush=True)
    parts = []
    for number in range(1, count + 1):
        folder, cache = WORK / f"part-{cases}-{number}-of-{count}", WORK / f"part-cache-{cases}-{number}-of-{count}"
        for old in (folder, *(cache.with_name(cache.name + end) for end in SUFFIXES)):
            shutil.rmtree(old, ignore_errors=True)
        if number == 1:  # the first part checks the records, the others take its result
            shutil.rmtree(VALIDATED, ignore_errors=True)
        parts.append(kb_build(data, folder, cache, "--shard", f"{number}/{count}"))
        print("part", number, parts[-1], flush=True)
    site = WORK / f"merged-{cases}"
    shutil.rmtree(site, ignore_errors=True)
    folders = [str(WORK / f"part-{cases}-{number}-of-{count}") for number in range(1, count + 1)]
    merged = measure([KB, "build", "--merge", *folders, "--site-dir", str(site)])
    print("merge", merged, flush=True)
    return {
        "cases": cases,
        "count": count,
        "parts": parts,
        "merge": merged,
        "query_kib": query_transfer(site, ours=True),
    }


def peak_line(build: dict) -> str:
    """Each process's peak, from `kb build --stats`."""
    peaks = build["own"]["peak_mb"]
    pagefind = peaks["pagefind"]
    words = [f"kb build {peaks['kb build']} MB"]
    if peaks["page workers"]:
        words.append(f"{len(peaks['page workers'])} page workers {'/'.join(map(str, peaks['page workers']))} MB")
    if pagefind:
        shown = "/".join(str(run["peak_mb"]) for run in pagefind)
        words.append(
            f"{len(pagefind)} Pagefind runs ({'/'.join(str(run['pages']) for run in pagefind)} pages) {shown} MB"
        )
    return "; ".join(words)


def commit() -> str:
    """The checkout's commit, and whether its files differ from it."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "generator"], cwd=REPO, capture_output=True, text=True
    )
    return head.strip() + (" (with changes to generator/)" if dirty.stdout.strip() else "")


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) // 1024 // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return f"{model}, {os.cpu_count()} cores, {memory} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def table(rows: list[dict]) -> str:
    lines = [
        "| cases | validate (s) | render (s) | kb build (s) | baseline with jieba (s) | ratio | baseline without jieba (s) | ratio | "
        "peak MB, any process | baseline peak MB (jieba / without) | site MB | query KiB | baseline query KiB | serve edit (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        jieba, plain = row.get("baseline_jieba"), row.get("baseline_plain")
        seconds = row["build"]["seconds"]

        def figure(baseline, key, form):
            return form.format(baseline[key]) if baseline else "–"

        serve_edit = f"{row['serve_edit']:.1f}" if "serve_edit" in row else "–"
        jieba_ratio = f"{seconds / jieba['seconds']:.2f}" if jieba else "–"
        plain_ratio = f"{seconds / plain['seconds']:.2f}" if plain else "–"
        lines.append(
            f"| {row['cases']:,} | {row['validate']['seconds']:.1f} | {row['render']['seconds']:.1f} | {seconds:.1f} | "
            f"{figure(jieba, 'seconds', '{:.1f}')} | {jieba_ratio} | "
            f"{figure(plain, 'seconds', '{:.1f}')} | {plain_ratio} | "
            f"{row['build']['peak_mb']:.0f} | {figure(jieba, 'peak_mb', '{:.0f}')} / {figure(plain, 'peak_mb', '{:.0f}')} | "
            f"{row['site_mb']:.0f} | {row['query_kib']:.0f} | {figure(jieba, 'query_kib', '{:.0f}')} | {serve_edit} |"
        )
    return "\n".join(lines)


def parts_table(run: dict) -> list[str]:
    lines = [
        f"{run['cases']:,} cases in {run['count']} parts (`kb build --shard I/{run['count']}` one after the other, "
        "as separate machines would run them, then `kb build --merge`):",
        "",
        "| step | wall time (s) | peak MB, any process | pages written of all | processes |",
        "|---|---|---|---|---|",
    ]
    for number, part in enumerate(run["parts"], 1):
        lines.append(
            f"| part {number}/{run['count']} | {part['seconds']:.1f} | {part['peak_mb']:.0f} | "
            f"{part['own']['part_pages']:,} of {part['own']['pages']:,} | {peak_line(part)} |"
        )
    lines.append(f"| merge | {run['merge']['seconds']:.1f} | {run['merge']['peak_mb']:.0f} | all | kb build --merge |")
    lines += ["", f"One query on the merged site fetched {run['query_kib']:.0f} KiB."]
    return lines


TARGETS = [
    (
        "10,000 cases: `kb build` against Material's search with jieba, ratio below 0.8",
        lambda r: "baseline_jieba" in r and r["build"]["seconds"] / r["baseline_jieba"]["seconds"] < 0.8,
        lambda r: (
            f"ratio {r['build']['seconds'] / r['baseline_jieba']['seconds']:.2f}" if "baseline_jieba" in r else "–"
        ),
    ),
    (
        "10,000 records validate in under 3 s, all rules",
        lambda r: r["validate"]["seconds"] < 3,
        lambda r: f"{r['validate']['seconds']:.1f} s",
    ),
    (
        "edit-to-updated-page under `kb serve` under 1.5 s",
        lambda r: r.get("serve_edit", 99) < 1.5,
        lambda r: f"{r.get('serve_edit', float('nan')):.1f} s",
    ),
    (
        "one case edited, rebuilt with the previous cache, under 10 s (the site a clean build gives)",
        lambda r: "incremental" in r and r["incremental"]["seconds"] < 10 and not r["incremental"]["differences"],
        lambda r: (
            f"{r['incremental']['seconds']:.1f} s, "
            + (
                "the same files"
                if not r["incremental"]["differences"]
                else f"{len(r['incremental']['differences'])} differ"
            )
            if "incremental" in r
            else "–"
        ),
    ),
    (
        "peak memory of any process under 1,000 MB",
        lambda r: r["build"]["peak_mb"] < 1000,
        lambda r: f"{r['build']['peak_mb']:.0f} MB",
    ),
    (
        "one search query transfers under 300 KB",
        lambda r: r["query_kib"] * 1024 < 300_000,
        lambda r: f"{r['query_kib'] * 1024 / 1000:.0f} KB",
    ),
]

TARGETS_100K = [
    (
        "100,000 cases: `kb build` under 300 s",
        lambda r: r["build"]["seconds"] < 300,
        lambda r: f"{r['build']['seconds']:.0f} s",
    ),
    (
        "100,000 cases: peak memory of any process under 2 GB",
        lambda r: r["build"]["peak_mb"] < 2048,
        lambda r: f"{r['build']['peak_mb']:.0f} MB",
    ),
    (
        "100,000 cases: one query under 500 KB",
        lambda r: r["query_kib"] * 1024 < 500_000,
        lambda r: f"{r['query_kib'] * 1024 / 1000:.0f} KB",
    ),
]


def verdicts(row: dict, targets=TARGETS) -> list[str]:
    lines = ["| target | measured | met |", "|---|---|---|"]
    for name, met, figure in targets:
        lines.append(f"| {name} | {figure(row)} | {'yes' if met(row) else '**no**'} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--with-100k", action="store_true", help="also build 100,000 cases (no baseline, long)")
    parser.add_argument(
        "--parts",
        type=int,
        nargs="+",
        default=[4],
        help="build one size in each of these many parts and merge them (0: not)",
    )
    parser.add_argument("--parts-size", type=int, default=10_000, help="the size built in parts")
    parser.add_argument(
        "--resume", action="store_true", help="take the sizes already measured from work/rows.json (a run cut short)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the kb serve edit measurement")
    parser.add_argument(
        "--source", choices=["grown", "demo"], default="grown", help="grown from tests/data/second-org, or kb demo"
    )
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    load_before = os.getloadavg()
    saved = WORK / f"rows-{args.source}.json"
    measured = {row["cases"]: row for row in json.loads(saved.read_text())} if args.resume and saved.exists() else {}
    rows = []
    for cases in [*args.sizes, *([100_000] if args.with_100k else [])]:
        if cases not in measured:
            full = cases != 100_000
            measured[cases] = run_size(cases, args.source, with_serve=full and not args.no_serve, with_baseline=full)
            saved.write_text(json.dumps(list(measured.values()), indent=1), encoding="utf-8")
        rows.append(measured[cases])
    all_parts = [run_parts(args.parts_size, args.source, count) for count in args.parts if count > 1]
    load_after = os.getloadavg()
    source = (
        f"cases grown from the independently written records in `{GROWN_FROM.relative_to(REPO)}` (benchmarks/grow.py)"
        if args.source == "grown"
        else "`kb demo`'s synthetic cases"
    )
    report = [
        f"Measured on {dt.date.today().isoformat()} by `python benchmarks/run.py {' '.join(sys.argv[1:])}`, in one run, "
        f"at commit {commit()}, on: {machine()}.",
        f"Data: {source}. The machine's load average (1, 5, 15 min) when the run started: "
        f"{', '.join(f'{load:.1f}' for load in load_before)}; when it ended: {', '.join(f'{load:.1f}' for load in load_after)} "
        "(above the 2 cores, other work shared them and the times are longer than on a quiet machine).",
        *(
            [
                "With `--resume`, the sizes that a run of this command measured before it stopped were taken",
                "from its `work/rows.json`; the rest was measured by this run, on the same machine, after it.",
            ]
            if args.resume
            else []
        ),
        "",
        "`ratio` is our full `kb build` (validation, pages, site, search index, link check) over the",
        "baseline's plain `mkdocs build` (Material with its own search) of the same cases as bare pages:",
        "with jieba (Chinese words segmented, as a Chinese site needs) and without. `peak MB` is the",
        "largest resident set of any process of the run (the build and everything it starts).",
        "`query` is what the browser fetched for search (index and search code) to answer one query",
        f"typed in the search box (`{QUERY}`) on a fresh page, from Chromium's network log;",
        "`serve edit` is from saving an edited case to `kb serve` serving the updated page.",
        "",
        table(rows),
        "",
        "Where the time of `kb build` goes (its own stages; the link check and the search index run",
        "side by side, the last figure is both together), and each process's peak memory:",
        "",
    ]
    for row in rows:
        stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in row["build"]["own"]["stages"].items())
        report += [f"- {row['cases']:,} cases: {stages}.", f"  Memory: {peak_line(row['build'])}."]
        if "incremental" in row:
            edited = row["incremental"]
            stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in edited["own"]["stages"].items())
            report += [
                f"- {row['cases']:,} cases, one case edited, rebuilt with the previous cache: {edited['seconds']:.1f} s "
                f"({stages}); {peak_line(edited)}."
            ]
    for row in rows:
        if row["cases"] == 10_000:
            report += ["", "Targets at 10,000 cases:", "", *verdicts(row)]
        if row["cases"] == 100_000:
            report += ["", "Targets at 100,000 cases:", "", *verdicts(row, TARGETS_100K)]
    for parts in all_parts:
        report += ["", *parts_table(parts)]
    report += ["", "Why a missed target is missed, with the profile: [PROFILE.md](PROFILE.md)."]
    write_section(HERE / "RESULTS.md", args.source, report)
    (WORK / f"results-{args.source}.json").write_text(
        json.dumps({"rows": rows, "parts": all_parts}, indent=1), encoding="utf-8"
    )
    print("\n".join(report))


SECTIONS = {"grown": "## Cases grown from another organisation's records", "demo": "## `kb demo`'s cases"}


def write_section(results: Path, source: str, report: list[str]) -> None:
    """This run's report as the section of its data in RESULTS.md; the other data's section
    (another run) kept as it was."""
    kept = results.read_text(encoding="utf-8") if results.exists() else ""
    sections = {}
    for name in SECTIONS:
        start = kept.find(f"<!-- {name} -->")
        end = kept.find(f"<!-- /{name} -->")
        if start >= 0 and end > start:
            sections[name] = kept[start : end + len(f"<!-- /{name} -->")]
    sections[source] = "\n".join([f"<!-- {source} -->", SECTIONS[source], "", *report, f"<!-- /{source} -->"])
    head = [
        "# Benchmark results",
        "",
        "Each section is one run of `benchmarks/run.py` on the data it names; earlier runs are in this file's history.",
    ]
    body = [sections[name] for name in SECTIONS if name in sections]
    results.write_text("\n\n".join(["\n".join(head), *body]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
