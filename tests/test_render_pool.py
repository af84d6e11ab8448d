"""The processes a build renders in end with a SIGTERM, even when they are forked by a server
that is stopping and ignores a second one (generator/cli/serving.py): its parent waits for them
at exit."""

from __future__ import annotations

import signal

from generator.pipeline import render_pool


def test_a_render_pool_forked_while_sigterm_is_ignored_still_ends_on_it():
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with render_pool(1) as pool:
            assert pool.apply(signal.getsignal, (signal.SIGTERM,)) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
