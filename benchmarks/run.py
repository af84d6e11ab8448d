"""Scale benchmark: the knowledge base against plain MkDocs, in one run on one machine.

    python benchmarks/run.py                 # 1,000 and 10,000 cases, table to benchmarks/RESULTS.md
    python benchmarks/run.py --sizes 1000    # a quick run
    python benchmarks/run.py --with-100k     # also build 100,000 cases to completion (long)

For each size it writes a synthetic data folder (`kb demo`, fixed seed) and measures:
validation, rendering, the full `kb build` (search index and link check included), peak
memory, site size, the bytes one search query transfers (Chromium's network log), and the
time from editing one case under `kb serve` to the updated page. The baseline is plain
`mkdocs build` with Material's own search over the same cases as bare Markdown pages, kept
out of the nav. Every figure is measured here; nothing is copied from elsewhere.
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
pages, _ = render_into(settings, dataset)
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


def synthetic(cases: int) -> Path:
    data = WORK / f"data-{cases}"
    if not data.exists():
        subprocess.run([KB, "demo", "--cases", str(cases), "--out", str(data), "--seed", "1"], check=True, env=ENV)
    return data


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
            page = browser.new_page()
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
        marker = "/pagefind/" if ours else "search"
        return sum(size for address, size in fetched if marker in address) / 1024
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


def run_size(cases: int, with_serve: bool) -> dict:
    data = synthetic(cases)
    print(f"== {cases} cases", flush=True)
    row: dict = {"cases": cases}
    row["validate"] = measure([KB, "validate", str(data), "--today", TODAY])
    print("validate", row["validate"], flush=True)
    render = subprocess.run(
        [sys.executable, "-c", RENDER, str(data), TODAY], capture_output=True, text=True, env=ENV, cwd=REPO
    )
    row["render"] = json.loads(render.stdout.strip().splitlines()[-1])
    print("render", row["render"], flush=True)
    site = WORK / f"site-{cases}"
    shutil.rmtree(site, ignore_errors=True)
    row["build"] = measure(
        [KB, "build", "--data", str(data), "--site-dir", str(site), "--today", TODAY],
        env={"KB_CACHE": str(WORK / f"cache-{cases}")},
    )
    print("build", row["build"], flush=True)
    row["site_mb"] = size_mb(site)
    row["query_kib"] = query_transfer(site, ours=True)
    print("query", row["query_kib"], flush=True)
    if with_serve:
        row["serve_edit"] = serve_edit_seconds(data)
        print("serve edit", row["serve_edit"], flush=True)
    baseline = WORK / f"baseline-{cases}"
    shutil.rmtree(baseline, ignore_errors=True)
    subprocess.run(
        [sys.executable, str(HERE / "baseline.py"), str(data), str(baseline)], check=True, capture_output=True
    )
    row["baseline_build"] = measure([MKDOCS, "build", "-q"], cwd=baseline)
    print("baseline", row["baseline_build"], flush=True)
    row["baseline_site_mb"] = size_mb(baseline / "site")
    row["baseline_query_kib"] = query_transfer(baseline / "site", ours=False)
    return row


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
        "| cases | validate (s) | render (s) | kb build (s) | baseline build (s) | ratio | peak MB | baseline peak MB | "
        "site MB | baseline site MB | query KiB | baseline query KiB | serve edit (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = row["build"]["seconds"] / row["baseline_build"]["seconds"]
        serve_edit = f"{row['serve_edit']:.1f}" if "serve_edit" in row else "–"
        lines.append(
            f"| {row['cases']:,} | {row['validate']['seconds']:.1f} | {row['render']['seconds']:.1f} | {row['build']['seconds']:.1f} | "
            f"{row['baseline_build']['seconds']:.1f} | {ratio:.2f} | {row['build']['peak_mb']:.0f} | "
            f"{row['baseline_build']['peak_mb']:.0f} | {row['site_mb']:.0f} | {row['baseline_site_mb']:.0f} | "
            f"{row['query_kib']:.0f} | {row['baseline_query_kib']:.0f} | {serve_edit} |"
        )
    return "\n".join(lines)


TARGETS = [
    (
        "10,000 cases: full `kb build` faster than the baseline, ratio below 0.8",
        lambda r: r["build"]["seconds"] / r["baseline_build"]["seconds"] < 0.8,
        lambda r: f"ratio {r['build']['seconds'] / r['baseline_build']['seconds']:.2f}",
    ),
    (
        "10,000 records validate in under 3 s",
        lambda r: r["validate"]["seconds"] < 3,
        lambda r: f"{r['validate']['seconds']:.1f} s",
    ),
    (
        "edit-to-updated-page under `kb serve` under 3 s",
        lambda r: r.get("serve_edit", 99) < 3,
        lambda r: f"{r.get('serve_edit', float('nan')):.1f} s",
    ),
    (
        "peak memory under 500 MB (the build and every process it starts)",
        lambda r: r["build"]["peak_mb"] < 500,
        lambda r: f"{r['build']['peak_mb']:.0f} MB",
    ),
    (
        "one search query transfers under 300 KB",
        lambda r: r["query_kib"] * 1024 < 300_000,
        lambda r: f"{r['query_kib'] * 1024 / 1000:.0f} KB",
    ),
]


def verdicts(row: dict) -> list[str]:
    lines = ["| target | measured | met |", "|---|---|---|"]
    for name, met, figure in TARGETS:
        lines.append(f"| {name} | {figure(row)} | {'yes' if met(row) else '**no**'} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--with-100k", action="store_true", help="also build 100,000 cases to completion")
    parser.add_argument("--no-serve", action="store_true", help="skip the kb serve edit measurement")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    rows = [run_size(cases, not args.no_serve) for cases in args.sizes]
    report = [
        "# Benchmark results",
        "",
        f"Measured on {dt.date.today().isoformat()} by `python benchmarks/run.py`, in one run, on: {machine()}.",
        "",
        "`ratio` is our full `kb build` (validation, pages, site, search index, link check) over the",
        "baseline's plain `mkdocs build` (Material with its own search) of the same cases as bare pages.",
        "`query` is what the browser fetched for search (index and search code) to answer one query",
        f"typed in the search box (`{QUERY}`) on a fresh page, from Chromium's network log;",
        "`serve edit` is from saving an edited case to",
        "`kb serve` serving the updated page.",
        "",
        table(rows),
        "",
        "Where the time of `kb build` goes (its own `Stages:` line; the link check and the search",
        "index run side by side, the last figure is both together):",
        "",
        *[f"- {row['cases']:,} cases: {row['build']['stages']}" for row in rows],
    ]
    largest = max(rows, key=lambda r: r["cases"])
    if largest["cases"] >= 10_000:
        report += [
            "",
            f"Targets at {largest['cases']:,} cases:",
            "",
            *verdicts(largest),
            "",
            "Why the missed ones are missed, with the profile: [PROFILE.md](PROFILE.md).",
        ]
    if args.with_100k:
        data = synthetic(100_000)
        site = WORK / "site-100000"
        shutil.rmtree(site, ignore_errors=True)
        figures = measure(
            [KB, "build", "--data", str(data), "--site-dir", str(site), "--today", TODAY],
            env={"KB_CACHE": str(WORK / "cache-100000")},
        )
        report += [
            "",
            f"100,000 cases: `kb build` completed in {figures['seconds']:.0f} s, peak memory "
            f"{figures['peak_mb']:.0f} MB, site {size_mb(site):.0f} MB.",
        ]
    (HERE / "RESULTS.md").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
