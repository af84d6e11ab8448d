"""Offline packs at 1,000 and 10,000 cases: what each product's pack weighs, and which search
index it should carry.

    python benchmarks/packs.py                  # 1,000 and 10,000 cases; writes benchmarks/PACKS.md
    python benchmarks/packs.py --sizes 1000     # a quick run

The data is grown from the second organisation's records (benchmarks/grow.py, as
benchmarks/run.py grows it: one product line holds about a third of the cases). Each size is
built with `kb build`, which writes every product's pack (generator/search/packs.py); then, for
each pack, from its manifest: what the phone downloads (the archive: the pages in three
gzip-compressed columns, attachments compressed, Pagefind's files as Pagefind writes them), what
that is once inflated, and its parts: the pages, the attachments, the pack's own Pagefind bundle.

The alternative to a bundle of its own is the site's search shards (generator/search/shards.py),
which the browser already merges: a pack would then carry every shard's index (the word
chunks, filters and page list of the whole site: a query on the phone has to load them, as it
does online) and the page data of its own pages only. Its size is measured from the built
shards: every file but the page data, and the page data files whose page the pack holds.
Every figure is measured here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path

from run import HERE, WORK, kb_build, machine, synthetic

PAGEFIND_UI = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
MB = 1024 * 1024
GOAL_MB = 10


def pack_figures(site: Path, product: str) -> dict:
    """One pack's sizes by part, as downloaded (the archive) and as served (inflated)."""
    told = json.loads((site / "packs" / f"{product}.json").read_text(encoding="utf-8"))
    parts = {"pages": [sum(column["length"] for column in told["columns"]), 0], "attachments": [0, 0], "search": [0, 0]}
    cases = 0
    for entry in told["entries"]:
        url = entry["url"]
        part = "search" if url.startswith("packs/") else "pages" if url.endswith("/") else "attachments"
        parts[part][0] += entry.get("length", 0)  # a page's share is in its columns, counted above
        parts[part][1] += entry["size"]
        cases += url.startswith("cases/")
    return {
        "product": product,
        "cases": cases,
        "pages": told["pages"],
        "bytes": told["bytes"],
        "size": told["size"],
        "parts": parts,
        "page_urls": {"/" + entry["url"] for entry in told["entries"] if entry["url"].endswith("/")},
    }


def shard_figures(site: Path) -> tuple[int, dict[str, int]]:
    """The site's search shards: the bytes of every file but the page data (what any query may
    load), and each page's data file size by its URL."""
    index_bytes, fragments = 0, {}
    for shard in sorted(p for p in (site / "pagefind").iterdir() if p.is_dir()):
        entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        wasm = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values()}
        for path in shard.rglob("*"):
            if not path.is_file() or path.name.startswith(PAGEFIND_UI):
                continue
            if path.name.startswith("wasm.") and path.name not in wasm:
                continue
            if path.parent.name == "fragment":
                raw = gzip.decompress(path.read_bytes())
                fragments[json.loads(raw[len(b"pagefind_dcd") :])["url"]] = path.stat().st_size
            else:
                index_bytes += path.stat().st_size
    return index_bytes, fragments


def measure_size(cases: int) -> dict:
    data = synthetic(cases, "grown")
    site, cache = WORK / f"packs-site-{cases}", WORK / f"packs-cache-{cases}"
    print(f"== {cases} cases: kb build", flush=True)
    build = kb_build(data, site, cache)
    index_bytes, fragments = shard_figures(site)
    packs = []
    for listed in build["own"]["packs"]:
        figures = pack_figures(site, listed["product"])
        urls = figures.pop("page_urls")
        figures["shards_search"] = index_bytes + sum(size for url, size in fragments.items() if url in urls)
        packs.append(figures)
        print(figures, flush=True)
    runs = build["own"]["peak_mb"]["pagefind for packs"]
    return {
        "cases": cases,
        "build_seconds": build["seconds"],
        "pack_runs": runs,
        "packs": sorted(packs, key=lambda pack: -pack["bytes"]),
    }


def mb(value: int) -> str:
    return f"{value / MB:.1f}" if value >= MB / 10 else f"{value / MB:.2f}"


def size_table(result: dict) -> list[str]:
    lines = [
        f"### {result['cases']:,} cases",
        "",
        "| product | cases | pages | pack MB (downloaded) | inflated MB | pages MB | attachments MB "
        "| own search bundle MB | search from the site's shards MB | MB per 1,000 of its cases |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for pack in result["packs"]:
        parts = pack["parts"]
        per_thousand = pack["bytes"] / max(pack["cases"], 1) * 1000
        lines.append(
            f"| {pack['product']} | {pack['cases']:,} | {pack['pages']:,} | **{mb(pack['bytes'])}** | {mb(pack['size'])} "
            f"| {mb(parts['pages'][0])} | {mb(parts['attachments'][0])} | {mb(parts['search'][0])} "
            f"| {mb(pack['shards_search'])} | {mb(per_thousand)} |"
        )
    runs = result["pack_runs"]
    seconds = sum(run["seconds"] for run in runs)
    peak = max((run["peak_mb"] for run in runs), default=0)
    lines += [
        "",
        f"`kb build` took {result['build_seconds']:.0f} s, of which the packs' {len(runs)} Pagefind runs "
        f"{seconds:.0f} s (largest {peak} MB).",
    ]
    return lines


def verdict(results: list[dict]) -> list[str]:
    lines = ["| goal | measured | met |", "|---|---|---|"]
    for result in results:
        largest = result["packs"][0]
        met = largest["bytes"] < GOAL_MB * MB
        lines.append(
            f"| {result['cases']:,} cases: every product's pack under {GOAL_MB} MB | largest {largest['product']} "
            f"{mb(largest['bytes'])} MB ({largest['cases']:,} cases) | {'yes' if met else '**no**'} |"
        )
    per_thousand = max(p["bytes"] / max(p["cases"], 1) * 1000 for result in results for p in result["packs"])
    lines.append(
        f"| a pack holding 1,000 cases under {GOAL_MB} MB | at most {mb(per_thousand)} MB per 1,000 of a pack's cases "
        f"| {'yes' if per_thousand < GOAL_MB * MB else '**no**'} |"
    )
    return lines


def report(results: list[dict]) -> str:
    lines = [
        "# Offline packs",
        "",
        (HERE / "packs.py").read_text(encoding="utf-8").split('"""')[1].strip(),
        "",
        f"Measured on {dt.date.today().isoformat()} by `python benchmarks/packs.py`, on: {machine()}.",
        "",
        *verdict(results),
        "",
    ]
    for result in results:
        lines += size_table(result) + [""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=HERE / "PACKS.md")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    results = [measure_size(cases) for cases in args.sizes]
    (WORK / "packs.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    args.out.write_text(report(results), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
