"""Diagnostics as text for people, JSON for tools, or GitHub Actions annotations.

Messages are put into the reader's language (`zh` or `en`); the layout of each line
(`file:line:col: error CODE: …`) stays the same in both, so editors and CI tools that
read it need not know the language.
"""

from __future__ import annotations

import json

import click

from generator.diagnostics import Diagnostic, Report
from generator.language import DEFAULT_LANGUAGE
from generator.messages import Text, text
from generator.printable import printable, shown

__all__ = ["FORMATS", "printable", "shown"]  # beside the report's own: what may be printed

FORMATS = ("text", "json", "github")


def render_report(report: Report, output_format: str, checked: int, colour: bool, language: str) -> str:
    if output_format == "json":
        return as_json(report, checked, language)
    if output_format == "github":
        return as_github(report, checked, language)
    return as_text(report, checked, colour, language)


def as_text(report: Report, checked: int, colour: bool = False, language: str = DEFAULT_LANGUAGE) -> str:
    lines = [_text_line(item, colour, language) for item in report.items]
    lines.append(summary(report, checked, colour, language))
    return "\n".join(lines)


def diagnostic_line(item: Diagnostic, language: str) -> str:
    """One problem as `kb validate` prints it, for a command that refuses an input of its own."""
    return _text_line(item, False, language)


def _text_line(item: Diagnostic, colour: bool, language: str) -> str:
    place = f"{shown(item.file)}:{item.line}:{item.column}:"
    severity = item.severity  # `error`/`warning` in both languages: tools match on them
    # Continuation lines are indented, so nothing in a message can pass for a problem of its own.
    message = shown(item.in_language(language), newlines=True).replace("\n", "\n    ")
    if colour:
        place = click.style(place, bold=True)
        severity = click.style(severity, fg="red" if item.is_error else "yellow", bold=True)
        return f"{place} {severity} {click.style(item.code, dim=True)}: {message}"
    return f"{place} {severity} {item.code}: {message}"


def summary(report: Report, checked: int, colour: bool, language: str) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    files = _count(checked, "file")
    if not errors and not warnings:
        line = text("report-no-problems", files=files).render(language)
        return click.style(line, fg="green") if colour else line
    words = text("report-counts", errors=_count(errors, "error"), warnings=_count(warnings, "warning"), files=files)
    line = words.render(language)
    if colour:
        return click.style(line, fg="red" if errors else "yellow", bold=True)
    return line


def _count(number: int, noun: str) -> Text:
    return text(f"count-{noun}" if number == 1 else f"count-{noun}s", n=number)


def as_json(report: Report, checked: int, language: str = DEFAULT_LANGUAGE) -> str:
    """Every diagnostic with its message in the reader's language, and in a stable form for
    tools: the catalogue `key` (null for words that come from elsewhere) and the English text."""
    payload = {
        "checked_files": checked,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "diagnostics": [
            {
                "file": shown(item.file),
                "line": item.line,
                "column": item.column,
                "severity": item.severity,
                "code": item.code,
                "key": item.words.key if isinstance(item.words, Text) else None,
                "message": shown(item.in_language(language), newlines=True),
                "message_en": shown(item.message, newlines=True),
            }
            for item in report.items
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def as_github(report: Report, checked: int, language: str = DEFAULT_LANGUAGE) -> str:
    """Workflow commands that GitHub shows on the changed lines of a pull request."""
    lines = [
        f"::{item.severity} file={_property(shown(item.file))},line={item.line},col={item.column},title={_property(item.code)}::{_data(shown(item.in_language(language), newlines=True))}"
        for item in report.items
    ]
    lines.append(summary(report, checked, False, language))
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
