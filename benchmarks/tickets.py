"""Ticket benchmark: 100,000 synthetic tickets against 10,000 cases.

    python benchmarks/tickets.py                  # writes benchmarks/TICKETS.md
    python benchmarks/tickets.py --cases 1000     # a quick run (10 tickets per case)

It writes a synthetic data folder (`kb demo --cases N`, fixed seed: ten tickets per case, one
CRM-like export per year, GBK and UTF-8 with a BOM), validates the records once, and then
times what the tickets add, each stage on its own:

- read: every export's bytes to rows of the read columns (decoding, CSV, positions);
- parse: dates, engineers and products resolved by name or id, cases split;
- checks: the registry's ticket checks (unique ids, people, products and cases exist,
  dates in order, personal data in the read cells);
- dataset: the Dataset's tickets and back-links;
- figures: every figure of the health page, of every case page and every person page.

Peak memory is Python's own allocation peak (tracemalloc, in a second pass: tracing slows
Python down) over read, parse and checks, and the process's maximum resident size at the end. Every figure is measured here.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from generator.model import build_dataset  # noqa: E402
from generator.pipeline import check  # noqa: E402
from generator.settings import Settings  # noqa: E402
from generator.tickets import checks, figures  # noqa: E402
from generator.tickets.parse import parse_tickets  # noqa: E402
from generator.tickets.read import read_ticket_file  # noqa: E402
from generator.tickets.ticket import dataset_tickets, link_tickets  # noqa: E402

WORK = HERE / "work"
TODAY = dt.date(2026, 11, 28)
TICKET_CHECKS = (
    checks.ensure_ticket_ids_are_unique,
    checks.ensure_ticket_engineers_exist,
    checks.ensure_ticket_products_exist,
    checks.ensure_ticket_cases_exist,
    checks.ensure_tickets_close_after_they_open,
    checks.ensure_no_personal_data_in_tickets,
)


def timed(stages: dict[str, tuple[float, float]], name: str, work):
    """Run `work`, keeping its wall and CPU seconds: on a shared machine the two differ."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    stages[name] = (time.perf_counter() - wall, time.process_time() - cpu)
    return result


def data_folder(cases: int) -> Path:
    folder = WORK / f"tickets-{cases}"
    if not (folder / "tickets").is_dir():
        kb = str(Path(sys.executable).with_name("kb"))
        subprocess.run([kb, "demo", "--cases", str(cases), "--out", str(folder), "--seed", "1"], check=True)
    return folder


def measure(folder: Path) -> dict:
    settings = Settings(folder, TODAY, shown_root="data")
    checked = check(settings)  # everything once: the records' context the tickets are read against
    assert not checked.report.errors, checked.report.errors[:5]
    context = checked.context
    sources = [exported.source for exported in context.tickets.exports]
    stages: dict[str, tuple[float, float]] = {}
    exports = timed(stages, "read", lambda: [read_ticket_file(source) for source in sources])
    parsed, problems = timed(stages, "parse", partial(parse_tickets, exports, context))
    context.tickets = parsed
    found = timed(stages, "checks", partial(_run_checks, context))
    assert not problems and not found, (problems + found)[:5]
    peak = _python_peak(sources, context)  # a second pass: tracing slows Python down several times
    data = build_dataset(context)  # the records' part, and the tickets once more

    def tickets_into_dataset() -> None:
        data.tickets_of_case.clear()
        data.tickets_of_person.clear()
        data.tickets = dataset_tickets(context, data.people, data.products, data.cases)
        link_tickets(data.tickets, data.tickets_of_case, data.tickets_of_person)

    timed(stages, "dataset", tickets_into_dataset)

    def every_figure() -> None:
        figures.monthly_figures(data)
        figures.last_year_figures(data)
        for team in figures.teams_with_tickets(data):
            figures.monthly_figures(data, team)
            figures.last_year_figures(data, team)
        figures.days_to_validation_by_team(data)
        figures.unused_cases(data)
        figures.knowledge_gaps(data)
        for case_id in data.cases:
            figures.case_use(data, case_id)
        for person_id in data.people:
            figures.person_tickets(data, person_id)

    timed(stages, "figures", every_figure)
    return {
        "tickets": len(data.tickets),
        "links": sum(len(t.cases) for t in data.tickets),
        "cases": len(data.cases),
        "people": len(data.people),
        "files": len(sources),
        "megabytes": sum(source.path.stat().st_size for source in sources) / 1024 / 1024,
        "stages": stages,
        "python_peak_mb": peak / 1024 / 1024,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load": os.getloadavg()[0],
    }


def _run_checks(context) -> list:
    return [diagnostic for ensure in TICKET_CHECKS for diagnostic in ensure(context)]


def _python_peak(sources, context) -> float:
    context.tickets = None
    tracemalloc.start()
    exports = [read_ticket_file(source) for source in sources]
    context.tickets, _ = parse_tickets(exports, context)
    _run_checks(context)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def report(result: dict, cases: int) -> str:
    stages = result["stages"]
    load = sum(stages[name][0] for name in ("read", "parse", "checks"))
    load_cpu = sum(stages[name][1] for name in ("read", "parse", "checks"))
    rows = "\n".join(f"| {name} | {wall:.2f} | {cpu:.2f} |" for name, (wall, cpu) in stages.items())
    return f"""# Ticket benchmark

Measured on {dt.date.today().isoformat()} by `python benchmarks/tickets.py --cases {cases}`, on: {machine()};
load average {result["load"]:.1f} while it ran (the machine was shared), so wall seconds are above CPU seconds.

A synthetic data folder (`kb demo --cases {cases}`, seed 1): {result["tickets"]:,} tickets with
{result["links"]:,} case links, in {result["files"]} exports ({result["megabytes"]:.1f} MiB, GBK and UTF-8 with a BOM,
13 columns of which 6 are read), against {result["cases"]:,} cases and {result["people"]:,} people.

**Loading and validating the tickets: {load:.2f} s** wall, {load_cpu:.2f} s CPU (read + parse + checks below).

| stage | wall seconds | CPU seconds |
|---|---|---|
{rows}

- read: every export decoded, split into rows, the read columns kept with their positions;
- parse: dates, engineers and products resolved by name or id, linked cases split;
- checks: unique ids, engineers, products and cases exist, dates in order, no personal data in read cells;
- dataset: the Dataset's tickets and back-links;
- figures: every figure of the knowledge-health page, of all {result["cases"]:,} case pages and {result["people"]:,} person pages.

Memory: Python's allocation peak over read, parse and checks {result["python_peak_mb"]:.0f} MB; the
benchmark process's maximum resident size at the end (the records of {result["cases"]:,} cases included)
{result["max_rss_mb"]:.0f} MB.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--out", type=Path, default=HERE / "TICKETS.md")
    options = parser.parse_args()
    result = measure(data_folder(options.cases))
    text = report(result, options.cases)
    options.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
