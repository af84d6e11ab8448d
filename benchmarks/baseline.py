"""The baseline: plain MkDocs with Material's own search over the same cases as bare Markdown pages.

Writes a MkDocs project (mkdocs.yml + docs/) whose pages are the cases of a data folder,
each as a plain Markdown page (title, symptoms, environment, cause, resolution), kept
out of the nav as in the knowledge base. No plugin of ours is involved.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

CONFIG = """site_name: Baseline
docs_dir: docs
site_dir: site
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
nav:
  - index.md
validation:
  omitted_files: ignore
"""


def write_baseline(data_dir: Path, out: Path) -> int:
    docs = out / "docs"
    (docs / "cases").mkdir(parents=True, exist_ok=True)
    (out / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    count = 0
    for path in sorted((data_dir / "cases").rglob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        parts = [f"# {case['title']}\n"]
        for field in ("symptoms", "environment", "cause", "resolution"):
            if case.get(field):
                parts.append(f"## {field}\n\n{case[field]}")
        (docs / "cases" / f"{case['id']}.md").write_text("\n".join(parts), encoding="utf-8")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(write_baseline(args.data_dir, args.out), "pages")


if __name__ == "__main__":
    main()
