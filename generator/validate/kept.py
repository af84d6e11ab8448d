"""A validation's result kept for the other parts of the same build (`kb build --shard I/N`).

Every part needs every record read and its shape parsed, since its pages link to records the
other parts write. What the checks say of the records (the report) and the similar cases are
the same for every part, so the first part to check them keeps both in
`.cache/validated/<key>.json`, and a part that finds its key there takes them from it instead
of working them out again: on one machine, or on several that share `.cache/`, the records
are checked once.

The key is a digest of all the result is made from: the path and bytes of every file under
the data folder (records, ticket exports, attachments, and any file discovery refused), the
settings the checks read (today, language, how the folder is shown, the mentee limit, the
codes skipped) and the generator's own code. Only a result without errors is kept (a build
with errors stops). Like the page cache and the search bundles beside it, what is in
`.cache/` is taken as the build left it: whoever can write there can change the site.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Report
from generator.language import LANGUAGES
from generator.load.files import Found
from generator.messages import Listing, Text
from generator.search.similar import Neighbours
from generator.settings import Settings

FORMAT = 1  # of the kept file: a file of another format is not read
PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Kept:
    """What the checks said of the records, and their similar cases."""

    report: Report
    similar: Neighbours


def validation_key(found: Found, settings: Settings) -> str:
    """The digest of everything a validation's result is made from (module docstring)."""
    digest = hashlib.sha256(f"{FORMAT}\n{_code_digest()}\n".encode())
    shown = [settings.today.isoformat(), settings.language, settings.shown, str(settings.max_mentees)]
    digest.update(_line("settings", *shown, *sorted(settings.skip)))
    root = settings.data_dir
    files = {str(source.path.relative_to(root)): source.path for source in found.sources + found.tickets}
    files |= found.attachments
    for relative, path in sorted(files.items()):
        with open(path, "rb") as file:
            digest.update(_line("file", relative, hashlib.file_digest(file, "sha256").hexdigest()))
    for problem in sorted(found.problems, key=Diagnostic.sort_key):  # links and files in the wrong place
        digest.update(_line("refused", problem.file, problem.code, problem.message))
    return digest.hexdigest()


def read_kept(folder: Path, key: str) -> Kept | None:
    """The result kept under `key`, or None (none, unreadable, or of another format)."""
    try:
        kept = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        if kept.get("format") != FORMAT or kept.get("key") != key:
            return None
        report = Report([_diagnostic(item) for item in kept["report"]])
        similar = {case: [(other, float(score)) for other, score in others] for case, others in kept["similar"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # not there, or not as this module writes it: the records are checked
    return Kept(report, similar)


def keep(folder: Path, key: str, report: Report, similar: Neighbours) -> None:
    """Keep a result without errors for the other parts; a folder that cannot be written keeps nothing."""
    items = report.items
    if report.errors or not all(_round_trips(item) for item in items):
        return
    kept = {
        "format": FORMAT,
        "key": key,
        "report": [_as_json(item) for item in items],
        "similar": {case: [[other, score] for other, score in others] for case, others in sorted(similar.items())},
    }
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(kept, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, folder / f"{key}.json")  # whole or not at all, for a part reading it now
    except OSError:
        temporary.unlink(missing_ok=True)


@cache
def _code_digest() -> str:
    """The generator's code: a result is kept for the code that made it."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(_line(str(path.relative_to(PACKAGE)), hashlib.sha256(path.read_bytes()).hexdigest()))
    return digest.hexdigest()


def _line(*values: str) -> bytes:
    return ("\0".join(values) + "\n").encode("utf-8", "surrogateescape")


# --- Diagnostics as JSON: a message as its catalogue key and arguments, so that it is put into
# either language as it would have been; an argument that is a value is kept as its text.


def _as_json(item: Diagnostic) -> dict[str, Any]:
    return {
        "file": item.file,
        "line": item.line,
        "column": item.column,
        "code": item.code,
        "severity": item.severity,
        "words": _words_json(item.words),
    }


def _words_json(words: Any) -> Any:
    if isinstance(words, Text):
        return {"key": words.key, "args": [[name, _words_json(value)] for name, value in words.args]}
    if isinstance(words, Listing):
        return {"items": list(words.items), "joiner": words.joiner}
    return str(words)


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    severity = item["severity"]
    if severity not in ("error", "warning"):
        raise ValueError(severity)
    line, column = int(item["line"]), int(item["column"])
    return Diagnostic(str(item["file"]), line, column, str(item["code"]), _words(item["words"]), severity)


def _words(kept: Any) -> Any:
    if isinstance(kept, str):
        return kept
    if "items" in kept:
        return Listing(tuple(str(value) for value in kept["items"]), str(kept["joiner"]))
    return Text(str(kept["key"]), tuple((str(name), _words(value)) for name, value in kept["args"]))


def _round_trips(item: Diagnostic) -> bool:
    """Whether the diagnostic reads back as the same words in every language (kept only then)."""
    again = _diagnostic(json.loads(json.dumps(_as_json(item))))
    return all(again.in_language(language) == item.in_language(language) for language in LANGUAGES)
