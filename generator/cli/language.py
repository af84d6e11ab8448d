"""Which language `kb` speaks, and click's help in it.

The language is the site's, as generator/language.py decides it for every entry point:
`--language`, else the servicekb plugin's `language` in the MkDocs configuration
(`-f`/`--config-file`, default ./mkdocs.yml), else KB_LANGUAGE when there is no
configuration, else Chinese. Each command decides it from its own parsed options with
`decide_language`; `startup_language` decides it once from the raw command line.

Click reads a command's help when the command is defined, before it parses anything,
so the help texts are chosen by `say(key)` from the catalogue (generator/catalogue/help.py)
in the language the command line and configuration give at start-up.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import click

from generator.columns import display_width, wrap_columns
from generator.language import CONFIG_FILE, decide_language
from generator.messages import words


def say(key: str, /, **args: Any) -> str:
    """The catalogue's words for `key` (generator/catalogue/help.py) in the language of this
    run, with `args` filled in."""
    said = words(key, startup_language())
    return said.format(**args) if args else said


@cache
def startup_language() -> str:
    """The language the command line and the configuration give, read before click parses."""
    arguments = sys.argv[1:]
    config = _option_value(arguments, ("-f", "--config-file"))
    return decide_language(_option_value(arguments, ("--language",)), Path(config) if config else CONFIG_FILE)


def configured_language(config_file: Path = CONFIG_FILE) -> str:
    """The site's language when the command line gives none."""
    return decide_language(None, config_file)


def _option_value(arguments: list[str], names: tuple[str, ...]) -> str | None:
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument in names and index + 1 < len(arguments):
            return arguments[index + 1]
        for name in names:
            if name.startswith("--") and argument.startswith(name + "="):
                return argument.split("=", 1)[1]
    return None


# --- click's help in the language of the run -------------------------------------------------

# Click's own English words in a Chinese help: its headings, and its notes after an option's help.
_HEADINGS = {
    "Options": "help-heading-options",
    "Commands": "help-heading-commands",
    "Arguments": "help-heading-arguments",
    "Positional arguments": "help-heading-positional",
}
_NOTES = ("help-click-default", "help-click-required", "help-click-more-default", "help-click-more-required")


class HelpFormatter(click.HelpFormatter):
    """Click's layout with its own words (Usage, Options, default) in Chinese on a Chinese
    run, and Chinese text wrapped by terminal columns: click wraps at spaces, and a
    Chinese sentence has none, so it would run on as one long line."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, say("help-usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        if startup_language() != "zh":
            return super().write_heading(heading)
        shown = words(_HEADINGS[heading], "zh") if heading in _HEADINGS else heading
        self.write(f"{'':>{self.current_indent}}{shown}：\n")
        return None

    def write_text(self, text: str) -> None:
        if startup_language() == "zh":
            text = _wrapped(text, self.width - self.current_indent)
        super().write_text(text)

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """Click's two columns, measured in display columns on a Chinese run (a Chinese
        character takes two; click counts one, and the columns would not line up)."""
        rows = list(rows)
        if startup_language() != "zh" or not rows:
            return super().write_dl(rows, col_max, col_spacing)
        first_column = min(max(display_width(term) for term, _ in rows), col_max) + col_spacing
        width = max(self.width - first_column - 2, 10)  # as click measures the second column
        indent = " " * self.current_indent
        for term, help_text in rows:
            self.write(indent + term)
            lines = wrap_columns(" ".join(_in_chinese(help_text).split()), width)
            if not lines:
                self.write("\n")
                continue
            if display_width(term) <= first_column - col_spacing:
                self.write(" " * (first_column - display_width(term)))
            else:
                self.write("\n" + indent + " " * first_column)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(indent + " " * first_column + line + "\n")
        return None


def _in_chinese(help_text: str) -> str:
    for key in _NOTES:
        help_text = help_text.replace(words(key, "en"), words(key, "zh"))
    return help_text


def _wrapped(text: str, width: int) -> str:
    """Each paragraph wrapped by columns and marked for click to keep as it is (`\\b`)."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith("\b") or not paragraph.strip():
            paragraphs.append(paragraph)
        else:
            paragraphs.append("\b\n" + "\n".join(wrap_columns(" ".join(paragraph.split()), width)))
    return "\n\n".join(paragraphs)


class Context(click.Context):
    formatter_class = HelpFormatter


class InLanguage:
    """Help, and the help option's own line, in the language of the run (a mixin of the
    command and group classes of generator/cli/mistakes.py)."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = say("help-help-option")
        return option
