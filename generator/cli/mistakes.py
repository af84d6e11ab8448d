"""A command line that cannot run, and a run that cannot go on, said in the language of the run.

Click writes its own words around a mistake (`Usage:` is ours already, but `Try 'kb … --help'
for help.`, `Error: …`, `Missing argument`, `No such option`, `'x' is not one of …`,
`File 'x' does not exist.`) in English. A command made with `Command` from here has them
in the catalogue's words; `ExistingPath` and `Choice` say what is wrong with a value.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, Any

import click

from generator.cli import language
from generator.messages import Listing, text
from generator.report import printable

_EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra arguments? \((?P<arguments>.*)\)$", re.DOTALL)


def words(key: str, /, **args: Any) -> str:
    """A catalogue entry in the language of this run."""
    return text(key, **args).render(language.startup_language())


class Failure(click.ClickException):
    """The run cannot go on (a file cannot be written ...): one line, `错误：…` or `Error: …`."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(words("cli-error", message=self.format_message()), file=file, err=file is None)


class Mistake(click.UsageError):
    """The command line cannot run: the usage, where help is, and what is wrong."""

    def show(self, file: IO[Any] | None = None) -> None:
        err = file is None
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=file, err=err)
            click.echo(words("cli-try-help", command=self.ctx.command_path) + "\n", file=file, err=err)
        click.echo(words("cli-error", message=self.format_message()), file=file, err=err)


def in_language(error: click.UsageError) -> Mistake:
    """Click's own mistake in the catalogue's words (a value's own words are kept)."""
    return Mistake(_message(error), error.ctx)


def _message(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        hint = words("cli-did-you-mean", names=Listing(tuple(error.possibilities), "or")) if error.possibilities else ""
        return words("cli-no-such-option", option=error.option_name, hint=hint)
    if isinstance(error, click.MissingParameter):
        return words("cli-missing", name=_name(error))
    if isinstance(error, click.BadOptionUsage):
        key = "cli-takes-no-value" if "does not take" in error.message else "cli-needs-value"
        return words(key, option=error.option_name)
    if isinstance(error, click.BadParameter):
        return words("cli-bad-value", name=_name(error), message=error.message)
    extra = _EXTRA_ARGUMENTS.match(error.message)
    if extra:
        return words("cli-extra-arguments", arguments=printable(extra.group("arguments")))
    return error.message


def _name(error: click.BadParameter) -> str:
    if error.param is None:
        return str(error.param_hint or "")
    return error.param.get_error_hint(error.ctx).strip("'\"")  # type: ignore[arg-type]


class Command(language.Command):
    """A `kb` command whose command-line mistakes are said in the language of the run."""

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:  # type: ignore[no-untyped-def]
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Mistake:
            raise
        except click.UsageError as error:
            raise in_language(error) from None


class ExistingPath(click.Path):
    """A file (or, with `folder`, a folder) that must exist."""

    def __init__(self, folder: bool = False) -> None:
        super().__init__(exists=False, file_okay=not folder, dir_okay=folder)
        self.folder = folder

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(value))
        shown = printable(str(value))
        if not path.exists():
            self.fail(words("cli-no-such-folder" if self.folder else "cli-no-such-file", path=shown), param, ctx)
        if path.is_dir() != self.folder:
            self.fail(words("cli-not-a-folder" if self.folder else "cli-a-folder", path=shown), param, ctx)
        return super().convert(value, param, ctx)


class Choice(click.Choice):
    """One of a few values; another is refused with the ones allowed."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        allowed = Listing(tuple(str(choice) for choice in self.choices), "or")
        return words("cli-not-a-choice", value=printable(str(value)), allowed=allowed)
