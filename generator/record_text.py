"""How a new record file is written: the editor schema line, then YAML whose text values stay
text (quoted scalars, `|` blocks) and whose titles are one line.

Each kind writes its own new records (its module's scaffold, generator/kinds/); `kb new`,
`kb import` and the capture page on a phone (assets/kb-capture.js, handed SPACES and
LINE_BREAK by generator/offline/capture.py) all write them through these.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

MODELINE = "# yaml-language-server: $schema={}"
SPACES = r"[ \t\r\n\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
LINE_BREAK = r"\r\n|[\r\n\x85\u2028\u2029]"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


@dataclass(frozen=True)
class NewRecord:
    kind: str
    record_id: str
    body: str  # the YAML after the schema line
    folder: str = ""  # the kind's folder in data/
    sub_folders: bool = False  # records are kept in a sub-folder per year

    def path(self, data_dir: Path, year: int | None = None) -> Path:
        folder = data_dir / self.folder
        if self.sub_folders and year is not None:
            folder = folder / str(year)
        return folder / f"{self.record_id}.yml"

    def text(self, target: Path, schema_dir: Path) -> str:
        schema = Path(os.path.relpath(schema_dir / schema_file_name(self.kind), target.parent)).as_posix()
        return MODELINE.format(schema) + "\n" + self.body


def quoted(text: str) -> str:
    """A YAML scalar that stays text, whatever it contains (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def one_line(text: str) -> str:
    """A title as one line: runs of spaces and line breaks as one space, none at either end."""
    return re.sub(SPACES, " ", text).strip(" ")


def block(text: str) -> str:
    """Text as a `|` block after its key: every line indented by two spaces, spaces and tabs at
    line ends and blank lines at either end dropped (`|2` when the first line starts with a
    space, which would otherwise set the block's indentation)."""
    lines = [line.rstrip(" \t") for line in re.split(LINE_BREAK, text)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    header = "|2" if lines and lines[0].startswith(" ") else "|"
    return header + "\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)


def words_in(text: str, separators: str) -> list[str]:
    return [word for word in re.split(separators, text) if word.strip(" ")]
