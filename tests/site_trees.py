"""Two built sites compared file by file, byte for byte, each difference named.

    python -m tests.site_trees SITE_BEFORE SITE_AFTER

says every file only one site has and every file whose bytes differ, with the first place
they differ (exit 1 when there is any difference). tests/publish/test_page_writer.py holds the
record pages written outside MkDocs' loop to MkDocs' own bytes with it; a build of the same
data with an earlier version of the generator can be compared with it the same way.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

SHOWN = 60  # characters on each side of the first difference


def digests(site: Path) -> dict[str, str]:
    """Every file of a site (relative path) with the SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def differences(before: Path, after: Path) -> list[str]:
    """One line for each file only one site has, and for each file that differs."""
    old, new = digests(before), digests(after)
    lines = [f"only before: {path}" for path in sorted(old.keys() - new.keys())]
    lines += [f"only after: {path}" for path in sorted(new.keys() - old.keys())]
    for path in sorted(old.keys() & new.keys()):
        if old[path] != new[path]:
            lines.append(
                f"differs: {path}: {first_difference((before / path).read_bytes(), (after / path).read_bytes())}"
            )
    return lines


def first_difference(old: bytes, new: bytes) -> str:
    """Where two files part, with what each has there."""
    at = next((index for index, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    start = max(0, at - SHOWN)
    return f"byte {at}: {old[start : at + SHOWN]!r} / {new[start : at + SHOWN]!r}"


def main(arguments: list[str]) -> int:
    before, after = (Path(argument) for argument in arguments)
    found = differences(before, after)
    print("\n".join(found) if found else f"the same {len(digests(before))} files, byte for byte")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
