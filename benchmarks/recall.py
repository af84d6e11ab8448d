"""Recall benchmark: the query sets through our search page, plain Pagefind and Material's search
with jieba, on the same cases, by kind of query.

    python benchmarks/recall.py                      # every set, table to stdout
    python benchmarks/recall.py --sets third --out /tmp/recall.md

For each query set (tests/browser/*_queries.yml) and its data folder:

- **ours**: the site `kb build` makes, searched through its search page in Chromium, as
  tests/browser/test_search.py does (a hit: an expected case among the first five results);
- **Material with jieba**: the same cases as bare MkDocs pages (benchmarks/baseline.py, every
  field our search reads: title, aka words, tags, product and skill names, symptoms, environment,
  cause, resolution), built by plain `mkdocs build` with Material's search and jieba, the query
  typed into Material's search box; the first five pages it lists;
- **plain Pagefind**: those same bare pages indexed by Pagefind as it comes (`pagefind --site`:
  the pages' text, Chinese segmented by Pagefind itself), the query given to Pagefind's own
  `search()` as typed; its first five pages.

Needs jieba (pip install -e '.[bench]') and Debian's chromium.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the repository, not this folder

import yaml  # noqa: E402

from benchmarks.baseline import write_baseline  # noqa: E402
from benchmarks.run import TODAY, WORK, machine, serve  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TESTS = REPO / "tests"
SETS = {
    "second": (TESTS / "data" / "second-org", TESTS / "browser" / "second_org_queries.yml"),
    "demo": (REPO / "data", TESTS / "browser" / "search_queries.yml"),
    "third": (TESTS / "data" / "third-org", TESTS / "browser" / "third_org_queries.yml"),
}
ENGINES = ("ours", "Material with jieba", "plain Pagefind")
TOP = 5

# Material's search: type the query, wait until its results settle, the pages it lists.
MATERIAL_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
  .map((a) => a.getAttribute('href'))"""
PAGEFIND_RESULTS = """async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
  return pages.map((page) => page.url);
}"""


def our_site(name: str, data: Path) -> Path:
    import datetime as dt

    from generator.publish.site import BuildRequest, build

    site = WORK / f"recall-ours-{name}"
    shutil.rmtree(site, ignore_errors=True)
    request = BuildRequest(
        REPO / "mkdocs.yml", data, None, dt.date.fromisoformat(TODAY), site, cache_dir=WORK / f"recall-cache-{name}"
    )
    if not build(request, lambda line: None).ok:
        raise SystemExit(f"the build of {data} failed")
    return site


def baseline_site(name: str, data: Path) -> Path:
    """The bare pages built by plain MkDocs with Material's search and jieba, then indexed by Pagefind."""
    folder = WORK / f"recall-baseline-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    write_baseline(data, folder, jieba=True, all_fields=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, check=True)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder / "site")], check=True, capture_output=True)
    return folder / "site"


def is_hit(urls: list[str], expected: list[str]) -> bool:
    return any(url.split("#")[0].rstrip("/").endswith(f"cases/{case}") for case in expected for url in urls[:TOP])


def measured(browser, url: str, engine: str, queries: list[dict]) -> dict[str, list[int]]:
    """kind -> [found, asked] for one engine on one site."""
    by_kind: dict[str, list[int]] = {}
    if engine == "ours":
        from tests.browser.test_search import SearchPage, recall

        page = SearchPage(browser, url).open()
        _, by_kind, misses = recall(page, queries)
        for miss in misses:
            print("  ours missed:", miss, flush=True)
        page.close()
        return by_kind
    tab = browser.new_context(base_url=url).new_page()
    tab.goto("")
    for item in queries:
        expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        urls = material_search(tab, item["query"]) if engine.startswith("Material") else pagefind(tab, item["query"])
        counts = by_kind.setdefault(item["kind"], [0, 0])
        counts[0] += is_hit(urls, expected)
        counts[1] += 1
    tab.context.close()
    return by_kind


def material_search(tab, query: str) -> list[str]:
    box = tab.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on a key, not on the input event that filling gives
    tab.wait_for_timeout(1000)  # the search worker answers as the query is typed
    return pages_of(tab.evaluate(MATERIAL_RESULTS))


def pages_of(urls: list[str]) -> list[str]:
    """The pages of a result list, in order: Material lists a page's sections (`#resolution`) under it."""
    return list(dict.fromkeys(url.split("#")[0] for url in urls))


def pagefind(tab, query: str) -> list[str]:
    return tab.evaluate(PAGEFIND_RESULTS, query)


def run_set(browser, name: str) -> dict[str, dict[str, list[int]]]:
    data, queries_file = SETS[name]
    queries = yaml.safe_load(queries_file.read_text(encoding="utf-8"))
    sites = {"ours": our_site(name, data)}
    sites["Material with jieba"] = sites["plain Pagefind"] = baseline_site(name, data)
    results = {}
    for engine in ENGINES:
        url, server = serve(sites[engine])
        try:
            results[engine] = measured(browser, url, engine, queries)
        finally:
            server.shutdown()
        print(name, engine, summary(results[engine]), flush=True)
    return results


def summary(by_kind: dict[str, list[int]]) -> str:
    found, asked = (sum(counts[i] for counts in by_kind.values()) for i in (0, 1))
    return f"{found / asked:.0%} ({found}/{asked})"


def report(measured_sets: dict[str, dict[str, dict[str, list[int]]]]) -> str:
    lines = [f"Measured by `python benchmarks/recall.py`, on: {machine()}.", ""]
    for name, results in measured_sets.items():
        kinds = list(results["ours"])
        lines += [f"### {SETS[name][1].name}", "", "| kind | " + " | ".join(ENGINES) + " |", "|---|---|---|---|"]
        for kind in kinds:
            cells = [f"{results[e][kind][0]}/{results[e][kind][1]}" for e in ENGINES]
            lines.append(f"| {kind} | " + " | ".join(cells) + " |")
        lines.append("| **all** | " + " | ".join(f"**{summary(results[e])}**" for e in ENGINES) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--out", type=Path, help="where to write the tables (default: print only)")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        text = report({name: run_set(browser, name) for name in args.sets})
        browser.close()
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
