"""What the command line shows of the table of kinds, kept so that its help answers at once.

`kb import --help` lists the kinds a sheet may hold, the states a case may have and the
headers a 台账 is read by; `kb new --help` lists the kinds it writes, each with its options and
their help. All of it is the table's (generator/kinds/): a new kind declares it in its own
module. But reading the table imports every kind's record shape (pydantic and more), which
costs several times what the rest of a command's help does.

So the command line reads a digest of the table: built from the table the first time it is
needed, and kept as JSON in the user's cache folder (`$XDG_CACHE_HOME/servicekb/`, else
`~/.cache/servicekb/`), with the sizes and modification times of the package's modules it was
built from. Any change to a module of the package builds it again, so a new kind or option
shows the next time. Where the cache cannot be read or written, the digest is built each
time: slower help, the same help. What a command runs reads the table itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import generator

PACKAGE = Path(generator.__file__).resolve().parent
FORMAT = 1  # of the JSON kept: a digest of another format is built again


@dataclass(frozen=True)
class NewOption:
    """An option of `kb new <kind>` (generator/kinds/kind.py, Option)."""

    name: str
    dest: str
    prompt: bool
    value: str
    choices: tuple[str, ...]
    default: Any


@dataclass(frozen=True)
class NewKind:
    """A kind `kb new` writes: its options, and its help's words (key -> (Chinese, English))."""

    name: str
    options: tuple[NewOption, ...]
    words: dict[str, tuple[str, str]]

    def say(self, key: str, language: str) -> str:
        chinese, english = self.words[key]
        return chinese if language == "zh" else english


@dataclass(frozen=True)
class Digest:
    importable: tuple[str, ...]  # the kinds `kb import` reads
    states: tuple[str, ...]  # a case's states: `kb import --state`
    ledger_kind: str  # the kind a team's 台账 holds
    # the 台账's fields: (field, its Chinese label, the headers it is read by besides its name and labels)
    ledger_fields: tuple[tuple[str, str, tuple[str, ...]], ...]
    passed_over: tuple[str, ...]  # headers of columns that are no field of any kind
    new_kinds: tuple[NewKind, ...]  # the kinds `kb new` writes, in the table's order


@cache
def digest() -> Digest:
    """The digest of the table of kinds, from the cache when it was built from these modules."""
    fingerprint = _fingerprint()
    kept = _cache_file()
    found = _read(kept, fingerprint) if kept else None
    if found is not None:
        return found
    made = from_table()
    if kept:
        _write(kept, fingerprint, made)
    return made


def from_table() -> Digest:
    """The digest read from the table of kinds itself (imports every kind)."""
    from generator.kinds import IMPORT_KINDS, SCAFFOLD_KINDS
    from generator.page_labels import LABELS
    from generator.sheets.columns import ALIASES, LABEL_KEYS, PASSED_OVER, export_header
    from generator.sheets.fields import LEDGER_KIND
    from generator.vocabulary import CASE_STATES

    def label(name: str) -> str:
        if name == "id":
            return export_header(LEDGER_KIND, "id", "zh")
        return LABELS["zh"].get(LABEL_KEYS.get((LEDGER_KIND, name), name), name)

    return Digest(
        importable=tuple(kind.name for kind in IMPORT_KINDS),
        states=tuple(CASE_STATES),
        ledger_kind=LEDGER_KIND,
        ledger_fields=tuple((name, label(name), tuple(headers)) for name, headers in ALIASES[LEDGER_KIND].items()),
        passed_over=tuple(header for headers in PASSED_OVER.values() for header in headers),
        new_kinds=tuple(_new_kind(kind) for kind in SCAFFOLD_KINDS),
    )


def _new_kind(kind: Any) -> NewKind:
    options = tuple(
        NewOption(option.name, option.dest, option.prompt, option.value, tuple(option.choices), option.default)
        for option in kind.scaffold.options
    )
    command = f"help-new-{kind.name}"
    needed = {key for key in kind.words_needed() if key == command or key.startswith(command + "-")}
    return NewKind(kind.name, options, {key: tuple(kind.words[key]) for key in sorted(needed)})


# --- the cache -------------------------------------------------------------------------------


def _fingerprint() -> str:
    """The package's folder, and the name, size and modification time of each of its modules."""
    hashed = hashlib.sha256(f"{FORMAT} {PACKAGE}".encode())
    for folder, folders, files in os.walk(PACKAGE):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                hashed.update(f"\n{folder}/{name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return hashed.hexdigest()


def _cache_file() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None  # no home folder to keep it in
    installed = hashlib.sha256(str(PACKAGE).encode()).hexdigest()[:16]  # one file per copy of the package
    return Path(base) / "servicekb" / f"kinds-{installed}.json"


def _read(path: Path, fingerprint: str) -> Digest | None:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("fingerprint") != fingerprint:
            return None
        return _from_json(kept["digest"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # none yet, or unreadable: built again


def _write(path: Path, fingerprint: str, made: Digest) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"fingerprint": fingerprint, "digest": asdict(made)}), encoding="utf-8")
        os.replace(temporary, path)  # whole or not at all, as another kb may read it meanwhile
    except OSError:  # a read-only home, or no folder there: the digest is built each time
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _from_json(data: dict[str, Any]) -> Digest:
    return Digest(
        importable=tuple(data["importable"]),
        states=tuple(data["states"]),
        ledger_kind=data["ledger_kind"],
        ledger_fields=tuple((name, label, tuple(headers)) for name, label, headers in data["ledger_fields"]),
        passed_over=tuple(data["passed_over"]),
        new_kinds=tuple(
            NewKind(
                kind["name"],
                tuple(NewOption(**(option | {"choices": tuple(option["choices"])})) for option in kind["options"]),
                {key: tuple(words) for key, words in kind["words"].items()},
            )
            for kind in data["new_kinds"]
        ),
    )
