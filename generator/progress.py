"""Progress for long work: a bar on a terminal, a few plain lines when piped or in CI."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

Advance = Callable[[int], None]


def is_interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(label: str, total: int, enabled: bool = True) -> Iterator[Advance]:
    """Yield a function that advances the progress by n items."""
    if not enabled or total < 200:  # small jobs finish before a bar is worth drawing
        yield lambda n: None
        return
    if is_interactive():
        with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
            yield bar.update
        return
    yield from _plain_lines(label, total)


def _plain_lines(label: str, total: int) -> Iterator[Advance]:
    started = time.monotonic()
    done = 0
    next_report = total // 4

    def advance(n: int) -> None:
        nonlocal done, next_report
        done += n
        if done >= next_report and next_report <= 3 * total // 4:  # a quarter, a half, three quarters
            click.echo(f"{label}: {done}/{total}", err=True)
            next_report += total // 4

    yield advance
    click.echo(f"{label}: {total}/{total} in {time.monotonic() - started:.1f} s", err=True)
