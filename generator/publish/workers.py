"""Record pages written by worker processes, with MkDocs' own page functions.

The record pages are kept out of MkDocs' page loop (generator/publish/page_writer.py), and
each takes a few milliseconds to read and write through the theme's templates: at 10,000
cases, on one core, most of a build. Once MkDocs has read its own pages and every plugin has
seen the template environment (the `env` event), the record pages are shared out among
forked workers, which write them with the very configuration, navigation and template
environment the main process would use, so the pages are the same bytes. The main process
goes on with the static files, the hand-written pages and the index pages.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from typing import Any

from generator.publish.page_writer import PageWriter
from generator.search.index import resident_mb

WORKERS_FROM = 2000  # record pages: below this, forking costs more than it saves


def worker_count(pages: int) -> int:
    """How many workers to use for this many record pages (0: build them in-process)."""
    cores = os.cpu_count() or 1
    if pages < WORKERS_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return min(cores, 4)


class PageWorkers:
    """Forked processes, each writing its share of the record pages."""

    def __init__(self, pages: list[str], writer: PageWriter, count: int) -> None:
        context = multiprocessing.get_context("fork")
        self.processes = []
        for index in range(count):
            receiving, sending = context.Pipe(duplex=False)
            share = pages[index::count]
            process = context.Process(target=_write_share, args=(share, writer, sending))
            process.start()
            sending.close()
            self.processes.append((process, receiving))

    def stop(self) -> None:
        for process, _ in self.processes:
            process.kill()
            process.join()

    def finish(self) -> list[str]:
        """Wait for every worker; the problems of those that failed."""
        problems = []
        self.peak_mb: list[float] = []  # each worker's resident memory when done, for `kb build --stats`
        self.used: set[str] = set()  # the kept pages the workers used (generator/publish/html_cache.py)
        for process, receiving in self.processes:
            message, peak, used = receiving.recv() if receiving.poll(None) else ("", 0.0, set())
            process.join()
            self.peak_mb.append(peak)
            self.used |= used
            if message or process.exitcode != 0:
                problems.append(message or f"a page worker stopped with exit code {process.exitcode}")
        return problems


def _write_share(pages: list[str], writer: PageWriter, report: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # ends with a SIGTERM whatever its parent does with one
    try:
        writer.write(pages)
    except BaseException as error:
        report.send((f"{error}\n{traceback.format_exc(limit=3)}", 0.0, set()))
        os._exit(1)
    used = writer.cache.used if writer.cache is not None else set()
    report.send(("", resident_mb("self"), used))  # its pages built; shared pages of the fork counted
    report.close()
    os._exit(0)  # leave at once: the process is a copy of the build, with nothing of its own to clean up
