"""Search benchmark: what one query costs the reader and what the index costs the build.

    python benchmarks/search.py                      # 1,000 and 10,000 cases, table to benchmarks/SEARCH.md
    python benchmarks/search.py --sizes 1000         # a quick run
    python benchmarks/search.py --label before --out /tmp/before.md

For each size it writes a data folder (grown from tests/data/second-org by benchmarks/grow.py,
or `kb demo`'s with a fixed seed; shared with benchmarks/run.py), builds it with `kb build`, and then measures on that site:

- the peak memory (resident set) of the Pagefind process, by running the project's own
  indexing step (`generator.search.index.Indexing`) again on the built site, several times
  (the peak varies by some tens of MB from run to run with the threads' timing): the median
  and the range;
- the size of the search bundle and of its largest index chunk;
- the bytes Chromium fetched under /pagefind/ (and the site's words and readings, search/*.json)
  to answer each query typed into the search
  box of a fresh page (network log), and the most any one query needed; and for the first
  query on the search page with its filters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import ENV, KB, TODAY, WORK, is_search_data, machine, serve, size_mb, synthetic

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# What an engineer types: a symptom with a code, a code typed without its dash, a part number,
# a word that only the resolution of a case holds, an English word; then a question, a term in
# toneless pinyin and in its initials (灌装阀 滴漏), a homophone typo (灌装伐 for 灌装阀), and the
# initials of a title that no word of the site has (标签起皱: the titles' sound tokens by their start).
QUERIES = [
    "压力上不去 E203", "AL1021", "HX-VB-220", "蓄能器 预充", "overheat",
    "灌装阀滴漏怎么办", "guanzhuangfa dilou", "gzf", "灌装伐", "bqqz",
]  # fmt: skip

# Runs the site's indexing step alone and reports the peak memory of the processes it starts.
INDEX_ONLY = """
import json, resource, sys, time
from pathlib import Path
from generator.search.index import Indexing
started = time.perf_counter()
Indexing(Path(sys.argv[1])).finish()
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


# The box has answered: results are listed, or the status says that there are none.
ANSWERED = """() => document.querySelector("dialog .kb-search-result")
  || /没有|No results/.test(document.querySelector("dialog .kb-search-status")?.textContent || "")"""


def build(cases: int, source: str, reuse: bool) -> Path:
    data = synthetic(cases, source)
    site = WORK / f"search-site-{source}-{cases}"
    if reuse and (site / "pagefind").is_dir():
        return site
    subprocess.run(
        [
            KB,
            "build",
            "--data",
            str(data),
            "--site-dir",
            str(site),
            "--today",
            TODAY,
            "--cache-dir",
            str(WORK / f"search-cache-{source}-{cases}"),
        ],
        check=True,
        cwd=REPO,
        env=ENV,
        stdout=subprocess.DEVNULL,
    )
    return site


def index_figures(site: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        run = subprocess.run(
            [sys.executable, "-c", INDEX_ONLY, str(site)], cwd=REPO, env=ENV, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(run.stdout.strip().splitlines()[-1]))
    peaks = sorted(run["peak_mb"] for run in runs)
    figures = {
        "peak_mb": statistics.median(peaks),
        "peak_range": (peaks[0], peaks[-1]),
        "seconds": statistics.median(run["seconds"] for run in runs),
    }
    bundle = site / "pagefind"
    chunks = list(bundle.glob("*/index/*.pf_index"))  # every shard's
    fragments = list(bundle.glob("*/fragment/*.pf_fragment"))
    figures["bundle_mb"] = size_mb(bundle)
    figures["chunks"] = len(chunks)
    figures["largest_chunk_kib"] = max(p.stat().st_size for p in chunks) / 1024
    figures["mean_fragment_kib"] = sum(p.stat().st_size for p in fragments) / len(fragments) / 1024
    return figures


def transfers(site: Path) -> dict[str, float]:
    """KiB fetched under /pagefind/ to answer each query on a fresh page (Chromium's network log):
    typed into the header box, and the first one on the search page."""
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    found: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for query in QUERIES:
                found[query] = _one_query(browser, url, query, page=False)
            found["search page"] = _one_query(browser, url, QUERIES[0], page=True)
            browser.close()
    finally:
        server.shutdown()
    return found


def _one_query(browser, url: str, query: str, page: bool) -> float:
    # Without the site's service worker: Chromium reports no sizes for what a worker fetched,
    # and a first visit's query goes to the network anyway.
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    fetched: list[tuple[str, int]] = []
    tab.on(
        "requestfinished",
        lambda r: fetched.append((r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])),
    )
    if page:
        tab.goto(url + "search/?q=" + quote(query))
        tab.wait_for_selector(".kb-search-result", timeout=120_000)
    else:
        tab.goto(url)
        tab.wait_for_function("window.kbSearch")
        tab.locator("button.kb-search-button").click()
        tab.locator("dialog input").fill(query)
        tab.wait_for_function(ANSWERED, timeout=120_000)
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(500)
    context.close()
    return sum(size for address, size in fetched if is_search_data(address)) / 1024


def run_size(cases: int, source: str, repeat: int, reuse: bool) -> dict:
    print(f"== {cases} cases", flush=True)
    site = build(cases, source, reuse)
    row = {"cases": cases, **index_figures(site, repeat)}
    print("index", row, flush=True)
    row["queries"] = transfers(site)
    print("queries", row["queries"], flush=True)
    return row


def report(rows: list[dict], label: str) -> str:
    lines = [
        f"### {label}",
        "",
        f"Measured on {dt.date.today().isoformat()} by `python benchmarks/search.py`, on: {machine()}.",
        "",
        "| cases | Pagefind peak MB (range) | index s | bundle MB | chunks | largest chunk KiB | mean fragment KiB | "
        + " | ".join(f"`{q}` KiB" for q in QUERIES)
        + " | most for one query KB | search page KiB |",
        "|---" * (9 + len(QUERIES)) + "|",
    ]
    for row in rows:
        worst = max(row["queries"][q] for q in QUERIES)
        low, high = row["peak_range"]
        lines.append(
            f"| {row['cases']:,} | {row['peak_mb']:.0f} ({low:.0f}–{high:.0f}) | {row['seconds']:.1f} | "
            f"{row['bundle_mb']:.1f} | {row['chunks']} | {row['largest_chunk_kib']:.0f} | {row['mean_fragment_kib']:.1f} | "
            + " | ".join(f"{row['queries'][q]:.0f}" for q in QUERIES)
            + f" | {worst * 1024 / 1000:.0f} | {row['queries']['search page']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--label", default="after", help="heading of the table, e.g. before or after")
    parser.add_argument("--out", type=Path, help="where to write the table (default: print only)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the indexing step per size")
    parser.add_argument("--reuse-site", action="store_true", help="measure an already built site again")
    parser.add_argument(
        "--source", choices=["grown", "demo"], default="grown", help="grown from tests/data/second-org, or kb demo"
    )
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    os.environ.update(ENV)
    text = report([run_size(cases, args.source, args.repeat, args.reuse_site) for cases in args.sizes], args.label)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
