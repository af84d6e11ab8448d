"""Glossary benchmark: three ways of applying a team glossary to search, measured on one site.

    python benchmarks/glossary.py                    # tests/data/third-org and 10,000 cases grown from it
    python benchmarks/glossary.py --sizes 0          # the third organisation alone (0: as written)
    python benchmarks/glossary.py --sizes 10000 --reuse-site --designs "group words"   # the built site again, as built

The third organisation (tests/data/third-org) has a glossary.yml, which the build reads (the
glossary record, generator/kinds/glossary.py). For each size its cases (as written, or grown
to that many by benchmarks/grow.py) are built once with `kb build`, the glossary applied as the
build applies it (generator/search/glossary.py): each page's hidden block holds the word of each
group it names and of each term it holds (*group words*). The other two designs are that site rewritten, so that the rest
of each page is the same:

- *index-time expansion*: instead of the group words, the search copies of all the groups'
  terms, so that a case that writes 冷媒 also holds 制冷剂 and refrigerant;
- *query-time expansion*: no group words, and the query also searches every other term of
  each group it names (emulated in the page through its Pagefind: each term's bigram phrase
  or words), as a script that adds the terms to the query would.

Measured for each: Pagefind's peak memory (the site's indexing step run again, twice), the
bundle, what a query with glossary terms transfers (each query of the third set of kinds
synonym, customer-words and english, typed into the header box of a fresh page: mean and
most), and recall@5 on the whole third set through the search page (as written only: grown
cases mix two cases' texts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

# The repository in place of this folder, whose markdown.py (benchmarks/markdown.py) would
# stand for the markdown package that MkDocs imports.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import yaml  # noqa: E402

from benchmarks.run import TODAY, WORK, is_search_data, machine, serve  # noqa: E402
from benchmarks.search import index_figures  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
THIRD = REPO / "tests" / "data" / "third-org"
QUERIES = yaml.safe_load((REPO / "tests" / "browser" / "third_org_queries.yml").read_text(encoding="utf-8"))
GLOSSARY_KINDS = ("synonym", "customer-words", "english")
DESIGNS = ("group words", "index-time expansion", "query-time expansion", "no glossary")
HIDDEN = re.compile(r'(<span data-pagefind-weight="[0-9.]+">¶‡ )([^<]*)(</span>)')


def data_folder(cases: int) -> Path:
    """The third organisation, its glossary included, as written (0) or grown to `cases`."""
    if not cases:
        return THIRD
    grown = WORK / f"glossary-grown-{cases}"
    if not grown.exists():
        subprocess.run([sys.executable, str(HERE / "grow.py"), str(THIRD), str(cases), str(grown)], check=True)
    return grown


def load_glossary(data: Path):
    """The glossary's groups as the build gives them to search (generator/kinds/glossary.py)."""
    from generator.kinds.glossary import Glossary, search_groups

    return search_groups(Glossary.model_validate(yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))))


def build_site(data: Path, site: Path) -> None:
    """`kb build` in this process: the glossary is read from the data folder as any build reads it."""
    from generator.publish.site import BuildRequest, build

    shutil.rmtree(site, ignore_errors=True)
    cache = site.with_name(site.name + "-cache")
    request = BuildRequest(REPO / "mkdocs.yml", data, None, dt.date.fromisoformat(TODAY), site, cache_dir=cache)
    result = build(request, lambda line: None)
    if not result.ok:
        raise SystemExit(f"build failed: {result.error} {result.problems}")


def rewritten(site: Path, name: str, hidden) -> Path:
    """A copy of the site whose hidden blocks are rewritten by `hidden(words)`, without the
    search script's glossary (it looks nothing up in the groups)."""
    target = site.with_name(f"{site.name}-{name}")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, symlinks=True)
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = HIDDEN.sub(lambda m: m.group(1) + hidden(m.group(2).split()) + m.group(3), text)
        changed = changed.replace('"glossary": true', '"glossary": false')
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return target


def glossary_words(groups) -> set[str]:
    """The words the glossary puts in hidden blocks: each group's and each of its terms'."""
    return {word for group in groups for word in (group.word, *map(group.term_word, range(len(group.terms))))}


def expanded(groups):
    """The hidden block's words with each group word replaced by its group's terms' copies (and
    its terms' words left out)."""
    from generator.search.tokens import search_copy

    copies = dict.fromkeys(glossary_words(groups), "")
    copies |= {group.word: " ; ".join(search_copy(term.text) for term in group.terms) for group in groups}
    return lambda words: " ".join(copies.get(word, word) for word in words if copies.get(word, word))


def without_groups(groups):
    words = glossary_words(groups)
    return lambda hidden: " ".join(word for word in hidden if word not in words)


def expansion_terms(query: str, groups) -> list[str]:
    """What a query-time expansion adds to a query: the other terms of each group it names,
    each as Pagefind looks it up (a Chinese term as its bigrams in a row)."""
    from generator.search.glossary import GroupFinder, folded
    from generator.search.tokens import search_copy

    found = []
    for group in GroupFinder(groups).groups_in([query]):
        for term in group.terms:
            if folded(term.text) in folded(query):
                continue
            copy = search_copy(term.text).split()
            found.append(f'"{" ".join(copy)}"' if any(word.startswith("qz") for word in copy) else " ".join(copy))
    return found


def one_query(browser, url: str, query: str, extra: list[str]) -> float:
    """KiB of search data a fresh page fetched to answer a query in the header box, and to look
    up the extra terms through the page's Pagefind."""
    context = browser.new_context(service_workers="block")  # sizes of what a worker fetched are not reported
    tab = context.new_page()
    fetched: list[int] = []
    tab.on(
        "requestfinished",
        lambda r: (
            is_search_data(r.url) and fetched.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])
        ),
    )
    tab.goto(url)
    tab.wait_for_function("window.kbSearch")
    tab.locator("button.kb-search-button").click()
    tab.locator("dialog input").fill(query)
    tab.wait_for_function(
        "() => document.querySelector('dialog .kb-search-status')?.textContent && !/载入|Loading/.test(document.querySelector('dialog .kb-search-status').textContent)",
        timeout=120_000,
    )
    if extra:
        tab.evaluate(
            "async (terms) => { const pf = await window.kbSearch.loadPagefind(); for (const t of terms) await pf.search(t); }",
            extra,
        )
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(300)
    context.close()
    return sum(fetched) / 1024


def transfers(site: Path, groups, expand: bool) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    queries = [item["query"] for item in QUERIES if item["kind"] in GLOSSARY_KINDS]
    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            sizes = [one_query(browser, url, q, expansion_terms(q, groups) if expand else []) for q in queries]
            browser.close()
    finally:
        server.shutdown()
    return statistics.mean(sizes), max(sizes)


def recall(site: Path) -> float:
    from playwright.sync_api import sync_playwright

    from tests.browser.test_search import SearchPage
    from tests.browser.test_search import recall as measured

    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            score, _, _ = measured(SearchPage(browser, url).open(), QUERIES)
            browser.close()
    finally:
        server.shutdown()
    return score


def groups_kib(site: Path) -> float:
    """The glossary's part of the words' file, compressed: what every query loads for it."""
    words = json.loads(gzip.decompress((site / "search" / "words.json.gz").read_bytes()))
    raw = json.dumps(words["groups"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return len(gzip.compress(raw, 9)) / 1024


def run_size(cases: int, repeat: int, reuse: bool = False, designs: tuple[str, ...] = DESIGNS) -> list[dict]:
    groups = load_glossary(THIRD)
    data = data_folder(cases)
    site = WORK / f"glossary-site-{cases}"
    print(f"== {cases or 'as written'}", flush=True)
    if not (reuse and (site / "pagefind").is_dir()):
        build_site(data, site)
    sites = {DESIGNS[0]: site}
    if set(designs) & set(DESIGNS[1:]):
        plain = rewritten(site, "plain", without_groups(groups))
        # no glossary: the plain pages searched as they are, what the glossary's own bytes are measured against
        sites.update({DESIGNS[1]: rewritten(site, "expanded", expanded(groups)), DESIGNS[2]: plain, DESIGNS[3]: plain})
    rows, indexed = [], {}
    for design, folder in sites.items():
        if design not in designs:
            continue
        if folder not in indexed:
            indexed[folder] = index_figures(folder, repeat)
        row = {"cases": cases, "design": design, **indexed[folder]}
        row["mean_kib"], row["most_kib"] = transfers(folder, groups, expand=design == DESIGNS[2])
        row["groups_kib"] = groups_kib(site) if design in DESIGNS[::2] else 0.0
        row["recall"] = recall(folder) if not cases and design != DESIGNS[2] else None
        print(row, flush=True)
        rows.append(row)
    return rows


def report(rows: list[dict]) -> str:
    lines = [
        f"Measured by `python benchmarks/glossary.py`, on: {machine()}.",
        "",
        "| cases | design | Pagefind peak MB | bundle MB | the groups in the words' file, KiB (gzip) | glossary query KiB, mean | most | recall@5, third set |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cases = f"{row['cases']:,}" if row["cases"] else "53 (as written)"
        score = f"{row['recall']:.0%}" if row["recall"] is not None else "–"
        lines.append(
            f"| {cases} | {row['design']} | {row['peak_mb']:.0f} | {row['bundle_mb']:.1f} | {row['groups_kib']:.1f} | "
            f"{row['mean_kib']:.0f} | {row['most_kib']:.0f} | {score} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10000], help="0: the cases as written")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the indexing step per site")
    parser.add_argument("--out", type=Path, help="where to write the table (default: print only)")
    parser.add_argument("--reuse-site", action="store_true", help="measure an already built site again")
    parser.add_argument(
        "--designs",
        nargs="+",
        choices=DESIGNS,
        default=list(DESIGNS),
        metavar="DESIGN",
        help="of: " + ", ".join(DESIGNS),
    )
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    designs = tuple(args.designs)
    text = report([row for cases in args.sizes for row in run_size(cases, args.repeat, args.reuse_site, designs)])
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
