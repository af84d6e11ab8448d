"""A large data folder grown from a small, independently written one (denser than `kb demo`).

    python benchmarks/grow.py tests/data/second-org 10000 benchmarks/work/grown-10000

Every record of the source is kept as written; cases are added until there are `cases`:
each is one of the source's cases with a second case's symptoms and first resolution step
mixed in, a serial number of its own in the text, and its date moved later, so that the index
sees the source's vocabulary in many combinations rather than one text repeated. Fixed
order, no randomness: the same arguments give the same folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path

import yaml

LAST_DAY = dt.date(2026, 11, 27)  # before the benchmark's today (2026-11-28)
DROPPED = ("related", "review_by", "attachments", "pictures", "supersedes", "superseded_by", "duplicate_of")


def grow(source: Path, cases: int, out: Path) -> int:
    shutil.copytree(source, out, ignore=shutil.ignore_patterns("tickets"))
    originals = sorted(source.glob("cases/**/*.yml"))
    records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in originals]
    written = 0
    for number in range(max(0, cases - len(records))):
        case = _variant(records[number % len(records)], records[(number * 7 + 3) % len(records)], number)
        year = case["solved_on"][:4]
        target = out / "cases" / year / f"{case['id']}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        written += 1
    return written + len(records)


def _variant(base: dict, donor: dict, number: int) -> dict:
    solved = dt.date.fromisoformat(str(base["solved_on"]))  # not before its people joined
    day = solved + dt.timedelta(days=(number * 37) % max(1, (LAST_DAY - solved).days))
    stem = base["id"].split("-", 1)[1][:40]
    case = {key: value for key, value in base.items() if key not in DROPPED}
    case["id"] = f"{day:%Y%m%d}-{stem}-g{number:06d}"
    case["title"] = f"{base['title']}（现场 {number:06d}）"
    case["solved_on"] = day.isoformat()
    serial = f"SN{(number * 7919) % 1_000_000:06d}"
    case["symptoms"] = f"{base['symptoms'].rstrip()}\n设备序列号 {serial}。{_first_line(donor['symptoms'])}\n"
    if base.get("resolution") and donor.get("resolution"):
        case["resolution"] = f"{base['resolution'].rstrip()}\n\n另见：{_first_line(donor['resolution'])}\n"
    return case


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line.lstrip("-0123456789. ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("cases", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(grow(args.source, args.cases, args.out), "cases")


if __name__ == "__main__":
    main()
