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
  - search{search_options}
nav:
  - index.md
validation:
  omitted_files: ignore
"""


# Material segments Chinese with jieba when it is installed; its words are then parted by
# U+200B, which the separator must include (Material's documentation, search plugin: lang).
JIEBA_OPTIONS = """:
      lang: zh
      separator: '[\\s\\u200b\\-]'"""


def write_baseline(data_dir: Path, out: Path, jieba: bool = False) -> int:
    docs = out / "docs"
    (docs / "cases").mkdir(parents=True, exist_ok=True)
    config = CONFIG.replace("{search_options}", JIEBA_OPTIONS if jieba else "")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
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
    parser.add_argument("--jieba", action="store_true", help="set up Material's search for jieba's Chinese words")
    args = parser.parse_args()
    print(write_baseline(args.data_dir, args.out, args.jieba), "pages")


if __name__ == "__main__":
    main()
