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


def write_baseline(data_dir: Path, out: Path, jieba: bool = False, all_fields: bool = False) -> int:
    """The project; `all_fields`: each page also with the case's aka words, tags and the names of
    its products and skills, every field our search reads (benchmarks/recall.py)."""
    docs = out / "docs"
    (docs / "cases").mkdir(parents=True, exist_ok=True)
    config = CONFIG.replace("{search_options}", JIEBA_OPTIONS if jieba else "")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    names = _names(data_dir) if all_fields else {}
    count = 0
    for path in sorted((data_dir / "cases").rglob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        parts = [f"# {case['title']}\n"]
        if all_fields:
            parts += _listed(case, names)
        for field in ("symptoms", "environment", "cause", "resolution"):
            if case.get(field):
                parts.append(f"## {field}\n\n{case[field]}")
        (docs / "cases" / f"{case['id']}.md").write_text("\n".join(parts), encoding="utf-8")
        count += 1
    return count


def _names(data_dir: Path) -> dict[str, str]:
    """Product and skill id -> its names (Chinese and English)."""
    taxonomy = yaml.safe_load((data_dir / "taxonomy.yml").read_text(encoding="utf-8"))
    entries = [*taxonomy.get("products", []), *taxonomy.get("skills", [])]
    return {entry["id"]: " ".join(filter(None, (entry["name"], entry.get("name_en")))) for entry in entries}


def _listed(case: dict, names: dict[str, str]) -> list[str]:
    parts = []
    for field in ("aka", "tags"):
        if case.get(field):
            parts.append(f"## {field}\n\n" + "、".join(str(word) for word in case[field]))
    named = [names[i] for i in [*case.get("products", []), *case.get("skills", [])] if i in names]
    if named:
        parts.append("## products and skills\n\n" + "、".join(named))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jieba", action="store_true", help="set up Material's search for jieba's Chinese words")
    args = parser.parse_args()
    print(write_baseline(args.data_dir, args.out, args.jieba), "pages")


if __name__ == "__main__":
    main()
