"""Attachments: every file a record names exists in data/attachments/ and may be published.

Only named files are published (see model.Dataset.attachments), so each one named is
checked here: in `attachments`, in a session's `materials`, and in the images and links
of every Markdown field.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from generator import codes
from generator.diagnostics import Diagnostic
from generator.load.attachments import attachment_problem, normalised_name
from generator.messages import Text, text
from generator.records import Context, Record
from generator.shapes import named_attachments


def _named(record: Record) -> Iterator[tuple[tuple, int, str]]:
    """(path, offset in the text, name) of every attachment a record names."""
    for path, written, name in named_attachments(record.kind, record.model):
        yield path, max(written.find(name), 0), name


def ensure_attachments_exist(context: Context) -> Iterator[Diagnostic]:
    """Ensure each attachment named is a file inside data/attachments/ (or an http(s) link)."""
    for record in context.all_records():
        for path, offset, name in _named(record):
            where = record.document.text_position(path, offset)
            relative = normalised_name(name)
            if relative is None:
                yield codes.ATTACHMENT_ESCAPES.at(record.file, where, "attachment-not-inside", name=name)
            elif relative not in context.attachments:
                yield codes.ATTACHMENT_MISSING.at(record.file, where, "attachment-missing", name=name)


def ensure_attachments_are_inert(context: Context) -> Iterator[Diagnostic]:
    """Ensure each attachment named is of an accepted type and holds nothing a browser would run."""
    for record in context.all_records():
        for path, offset, name in _named(record):
            relative = normalised_name(name)
            file = context.attachments.get(relative) if relative else None
            problem = _problem_of(file) if file else None
            if problem:
                where = record.document.text_position(path, offset)
                yield codes.ATTACHMENT_TYPE.at(record.file, where, "attachment-refused", name=name, problem=problem)


def _problem_of(file: Path) -> Text | None:
    try:
        stat = file.stat()
        return _inspected(file, stat.st_mtime_ns, stat.st_size)
    except OSError as error:
        return text("attachment-unreadable", reason=error.strerror)


@cache  # one file is often named by several records; an edited file has a new key
def _inspected(file: Path, _modified: int, _size: int) -> Text | None:
    return attachment_problem(file)
