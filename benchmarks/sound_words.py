"""What each way of carrying the sound of a case adds to the search index, counted in words.

    python benchmarks/sound_words.py                 # the 10,000 cases grown by benchmarks/search.py
    python benchmarks/sound_words.py DATA_FOLDER

Pagefind's memory and index grow with the words of the pages' bodies (benchmarks/SEARCH.md),
so the designs are compared by the words each would add, counted over the cases of a data
folder (no build): the words of the cases' search copies as they are now (title and text
fields), and, for each design, the words it adds and how many of them are distinct:

- *titles, as read in context* (the design chosen, generator/search/pinyin.py `sound_copy`):
  a sound token for each pair of adjacent characters of a title, and those of the pairs read
  otherwise one character at a time;
- *titles, every reading*: a token for every pair of readings of every pair (pypinyin's
  heteronyms);
- *aka words, tags, product and skill names*: their sound tokens as well, in the index;
- *initials of a title's stretches*: one word of initials for each stretch of two to four
  characters of a title (`fxjx`), for initials to be found in the index.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

import yaml
from pypinyin import Style, pinyin

# The repository in place of this folder, whose markdown.py (benchmarks/markdown.py) would
# stand for the markdown package that MkDocs imports.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from generator.search.pinyin import sound_copy, sound_token  # noqa: E402
from generator.search.tokens import CJK_RUN, normalise, search_copy  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "work" / "data-grown-10000"
FIELDS = ("symptoms", "environment", "cause", "resolution")


def words(copy: str) -> list[str]:
    return [word for word in copy.split() if word != ";"]


def every_reading(title: str) -> list[str]:
    found = []
    for run in CJK_RUN.findall(normalise(title)):
        readings = [[r for r in pinyin(char, style=Style.NORMAL, heteronym=True)[0] if r.isascii()] for char in run]
        for first, second in pairwise(readings):
            found += [sound_token(a, b) for a in first for b in second if _known(a, b)]
    return found


def _known(*syllables: str) -> bool:
    try:
        sound_token(*syllables)
    except KeyError:
        return False
    return True


def initials(title: str) -> list[str]:
    found = []
    for run in CJK_RUN.findall(normalise(title)):
        letters = "".join(r[0][0] if r and r[0] else "-" for r in pinyin(run, style=Style.FIRST_LETTER))
        found += [letters[i:j] for i in range(len(run)) for j in range(i + 2, min(len(run), i + 4) + 1)]
    return found


def count(folder: Path) -> dict[str, tuple[int, int]]:
    taxonomy = yaml.safe_load((folder / "taxonomy.yml").read_text(encoding="utf-8"))
    names = {entry["id"]: entry["name"] for group in ("products", "skills") for entry in taxonomy[group]}
    designs: dict[str, list[str]] = {"search copies now": [], "titles, in context (chosen)": []}
    designs |= {"titles, every reading": [], "aka, tags and names too": [], "initials of a title's stretches": []}
    for path in sorted((folder / "cases").rglob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [case["title"], *map(str, case.get("aka", [])), *map(str, case.get("tags", []))]
        texts += [str(case[field]) for field in FIELDS if case.get(field)]
        designs["search copies now"] += [w for text in texts for w in words(search_copy(text))]
        designs["titles, in context (chosen)"] += words(sound_copy(case["title"]))
        designs["titles, every reading"] += every_reading(case["title"])
        short = [*map(str, case.get("aka", [])), *map(str, case.get("tags", []))]
        short += [names[i] for i in [*case.get("products", []), *case.get("skills", [])] if i in names]
        designs["aka, tags and names too"] += [w for text in short for w in words(sound_copy(text))]
        designs["initials of a title's stretches"] += initials(case["title"])
    return {name: (len(found), len(set(found))) for name, found in designs.items()}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    counts = count(folder)
    now = counts["search copies now"][0]
    print(f"| {folder.name} | words | distinct | words against the search copies |\n|---|---|---|---|")
    for name, (total, distinct) in counts.items():
        print(f"| {name} | {total:,} | {distinct:,} | {total / now:.1%} |")


if __name__ == "__main__":
    main()
