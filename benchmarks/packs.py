"""Offline packs at 1,000 and 10,000 cases: what each product's pack weighs, and which search
index it should carry.

    python benchmarks/packs.py                  # 1,000 and 10,000 cases; writes benchmarks/PACKS.md
    python benchmarks/packs.py --sizes 1000     # a quick run
    python benchmarks/packs.py --reuse          # measure the sites built by the last run again

The data is grown from the second organisation's records (benchmarks/grow.py, as
benchmarks/run.py grows it: one product line holds about a third of the cases). Each size is
built with `kb build`, which writes every product's pack (generator/search/packs.py); then, for
each pack, from its manifest: what the phone downloads (the archive: the pages in three
gzip-compressed columns, attachments compressed, Pagefind's files as Pagefind writes them), what
that is once inflated, and its parts: the pages, the attachments, the pack's own Pagefind bundle.
The grown cases repeat their source's sentences in many combinations, which the pages' columns
compress better than a real team's cases would compress: the pages are therefore also measured
each compressed alone (as the phone keeps them), a bound no real data exceeds.

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
import shutil
import sys
from pathlib import Path

from run import HERE, REPO, WORK, kb_build, machine, synthetic

sys.path.insert(0, str(REPO))
from generator.search.packs import read_pack

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
        "pages_alone": sum(
            len(gzip.compress(data, compresslevel=9, mtime=0))
            for url, data in read_pack(site, product).items()
            if url.endswith("/")
        ),
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


def measure_size(cases: int, reuse: bool = False) -> dict:
    data = synthetic(cases, "grown")
    site, cache = WORK / f"packs-site-{cases}", WORK / f"packs-cache-{cases}"
    stats = WORK / f"stats-{site.name}.json"
    if reuse and stats.is_file():
        build = {"seconds": json.loads(stats.read_text(encoding="utf-8"))["seconds"]}
        build["own"] = json.loads(stats.read_text(encoding="utf-8"))
    else:
        print(f"== {cases} cases: kb build", flush=True)
        for folder in (site, cache, cache.with_name(cache.name + "-search"), cache.with_name(cache.name + "-packs")):
            shutil.rmtree(folder, ignore_errors=True)  # nothing from the cache: every bundle is made
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
        "| product | cases | pages | pack MB (downloaded) | inflated MB | pages MB | pages, each compressed alone MB "
        "| attachments MB | own search bundle MB | search from the site's shards MB | MB per 1,000 of its cases "
        "| bound: MB per 1,000 of its cases, pages compressed alone |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for pack in result["packs"]:
        parts = pack["parts"]
        per_thousand = pack["bytes"] / max(pack["cases"], 1) * 1000
        lines.append(
            f"| {pack['product']} | {pack['cases']:,} | {pack['pages']:,} | **{mb(pack['bytes'])}** | {mb(pack['size'])} "
            f"| {mb(parts['pages'][0])} | {mb(pack['pages_alone'])} | {mb(parts['attachments'][0])} "
            f"| {mb(parts['search'][0])} | {mb(pack['shards_search'])} | {mb(per_thousand)} | {mb(bound(pack))} |"
        )
    runs = result["pack_runs"]
    seconds = sum(run["seconds"] for run in runs)
    peak = max((run["peak_mb"] for run in runs), default=0)
    lines += [
        "",
        f"`kb build` took {result['build_seconds']:.0f} s (no cache; on a machine shared with other work), of which "
        f"the packs' {len(runs)} Pagefind runs {seconds:.0f} s, the largest at {peak} MB.",
    ]
    return lines


def bound(pack: dict) -> float:
    """A pack's bytes per 1,000 of its cases with its pages compressed each alone."""
    alone = pack["bytes"] - pack["parts"]["pages"][0] + pack["pages_alone"]
    return alone / max(pack["cases"], 1) * 1000


def verdict(results: list[dict]) -> list[str]:
    lines = ["| goal | measured | met |", "|---|---|---|"]
    for result in results:
        largest = result["packs"][0]
        met = largest["bytes"] < GOAL_MB * MB
        lines.append(
            f"| {result['cases']:,} cases: every product's pack under {GOAL_MB} MB | largest {largest['product']} "
            f"{mb(largest['bytes'])} MB ({largest['cases']:,} cases) | {'yes' if met else '**no**'} |"
        )
    # Read as a pack that holds 1,000 cases or more: measured on such packs, where the pack's fixed
    # part (guide pages, Pagefind's code) no longer weighs on a few cases.
    large = [pack for result in results for pack in result["packs"] if pack["cases"] >= 1000]
    if large:
        per_thousand = max(pack["bytes"] / pack["cases"] * 1000 for pack in large)
        alone = max(bound(pack) for pack in large)
        lines.append(
            f"| a pack of 1,000 cases under {GOAL_MB} MB (the {len(large)} packs of 1,000 cases or more) "
            f"| at most {mb(per_thousand)} MB per 1,000 of a pack's cases (bound, pages compressed alone: "
            f"{mb(alone)} MB) | {'yes' if alone < GOAL_MB * MB else '**no**'} |"
        )
    return lines


def choice(results: list[dict]) -> list[str]:
    """Which search index a pack carries, from the figures."""
    lines = ["**The search index of a pack.** A Pagefind bundle of the pack's own pages, by the figures:", ""]
    for result in results:
        own = [pack["parts"]["search"][0] for pack in result["packs"]]
        shards = [pack["shards_search"] for pack in result["packs"]]
        lines.append(
            f"- {result['cases']:,} cases: {mb(min(own))}–{mb(max(own))} MB a pack, against "
            f"{mb(min(shards))}–{mb(max(shards))} MB from the site's shards;"
        )
    last = results[-1]
    largest = last["packs"][0]
    kept = largest["pages_alone"] + largest["parts"]["search"][0] + largest["parts"]["attachments"][0]
    lines += [
        "",
        "the shards' index of every page of the site (its word chunks, filters and page list) outweighs a bundle",
        "of the pack's own pages, and grows with the whole site rather than with the product; its results would",
        "also name pages the phone does not have. What it costs: one Pagefind run per product at build time",
        "(kept by content in the packs' cache, so an unchanged pack is not indexed again).",
        "",
        "**On the phone** a pack takes more room than it downloads: the phone keeps each page compressed on its",
        f'own (the column "pages, each compressed alone" plus the search bundle): {mb(kept)} MB for the largest',
        f"pack at {last['cases']:,} cases, which downloads {mb(largest['bytes'])} MB.",
    ]
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
        *choice(results),
        "",
    ]
    for result in results:
        lines += size_table(result) + [""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=HERE / "PACKS.md")
    parser.add_argument("--reuse", action="store_true", help="measure the sites the last run built, if any")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    results = [measure_size(cases, args.reuse) for cases in args.sizes]
    (WORK / "packs.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    args.out.write_text(report(results), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
