"""Every `kb` command and group, speaking the language of the run, mistakes included.

Click has no translations of its own: the words it writes around a command line that cannot
run (`Try 'kb … --help' for help.`, `Error: …`, `Missing argument`, `No such option`,
`No such command`, `'x' is not one of …`, `Path 'x' does not exist.`, `0 is not in the range
x>=1.`) and around a run that cannot go on (`Error: …`, `Aborted!`) are English. `Command`
and `Group` here are the one class of every `kb` command and group. They

- say click's mistakes in the catalogue's words (`Mistake`: the usage, where help is, and one
  line saying what is wrong; exit 2), whether click finds them while parsing (parse_args) or
  a command raises them when it runs, or a group looks for a sub-command (invoke);
- show a ClickException a command raises as `Failure` (`错误：…`, one line, its exit code),
  and a run interrupted (Ctrl+C, the end of input at a prompt) as `Stopped`;
- give each parameter a type that says what is wrong with a value in the catalogue's words:
  click's Choice, Path(exists=True), numbers and ranges are replaced, when the command is
  made, by the same types from here;
- write click's generic placeholders (`[OPTIONS]`, `COMMAND [ARGS]...`, TEXT, INTEGER, FILE ...)
  in the language of the run.

Their help is laid out by generator/cli/language.py (headings, notes, Chinese wrapping).
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
_MISSING_COMMAND = "Missing command."


def words(key: str, /, **args: Any) -> str:
    """A catalogue entry in the language of this run."""
    return text(key, **args).render(language.startup_language())


class Failure(click.ClickException):
    """The run cannot go on (a file cannot be written ...): one line, `错误：…` or `Error: …`."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click keeps it on the class; a command's own code

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(words("cli-error", message=self.format_message()), file=file, err=file is None)


class Stopped(click.ClickException):
    """The run was interrupted (Ctrl+C, or the end of input at a prompt): exit 1."""

    def __init__(self) -> None:
        super().__init__("")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(words("cli-stopped"), file=file, err=file is None)


class Mistake(click.UsageError):
    """The command line cannot run: the usage, where help is, and what is wrong."""

    def show(self, file: IO[Any] | None = None) -> None:
        err = file is None
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=file, err=err)
            click.echo(words("cli-try-help", command=self.ctx.command_path) + "\n", file=file, err=err)
        click.echo(words("cli-error", message=self.format_message()), file=file, err=err)


def in_language(error: click.UsageError) -> Mistake:
    """Click's own mistake in the catalogue's words (a value's own words are kept), on one line."""
    return Mistake(" ".join(_message(error).split("\n")), error.ctx)


def _message(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        return words("cli-no-such-option", option=printable(error.option_name), hint=_hint(error.possibilities))
    if isinstance(error, click.exceptions.NoSuchCommand):
        return words("cli-no-such-command", command=printable(error.command_name), hint=_hint(error.possibilities))
    if isinstance(error, click.MissingParameter):
        return words("cli-missing", name=_name(error))
    if isinstance(error, click.BadOptionUsage):
        key = "cli-takes-no-value" if "does not take" in error.message else "cli-needs-value"
        return words(key, option=error.option_name)
    if isinstance(error, click.BadParameter):
        return words("cli-bad-value", name=_name(error), message=error.message)
    if error.message == _MISSING_COMMAND:
        return words("cli-missing-command")
    extra = _EXTRA_ARGUMENTS.match(error.message)
    if extra:
        return words("cli-extra-arguments", arguments=printable(extra.group("arguments")))
    return error.message


def _hint(possibilities: list[str] | None) -> str:
    return words("cli-did-you-mean", names=Listing(tuple(possibilities), "or")) if possibilities else ""


def _name(error: click.BadParameter) -> str:
    """The option's names (`-f / --config-file`) or the argument's placeholder (`FILE`)."""
    if error.param is None:
        hint = error.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint or "")
    if isinstance(error.param, click.Argument):
        return error.param.human_readable_name
    return " / ".join(error.param.opts)


# --- values: what is wrong with one, said in the catalogue's words --------------------------


class ExistingPath(click.Path):
    """A file (`folder` False), a folder (True) or either (None) that must exist."""

    def __init__(self, folder: bool | None = False, path_type: type | None = None) -> None:
        super().__init__(exists=False, file_okay=folder is not True, dir_okay=folder is not False, path_type=path_type)
        self.folder = folder

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(value))
        shown = printable(str(value))
        if not path.exists():
            missing = {False: "cli-no-such-file", True: "cli-no-such-folder", None: "cli-no-such-path"}
            self.fail(words(missing[self.folder], path=shown), param, ctx)
        if self.folder is not None and path.is_dir() != self.folder:
            self.fail(words("cli-not-a-folder" if self.folder else "cli-a-folder", path=shown), param, ctx)
        return super().convert(value, param, ctx)


class Choice(click.Choice):
    """One of a few values; another is refused with the ones allowed."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        allowed = Listing(tuple(str(choice) for choice in self.choices), "or")
        return words("cli-not-a-choice", value=printable(str(value)), allowed=allowed)


class _Number:
    """A number type (mixed in before click's) whose complaint is in the catalogue's words."""

    whole = True

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)  # type: ignore[misc]
        except click.BadParameter:
            shown = printable(str(value))
            if not _is_number(value, self.whole):
                self.fail(
                    words("cli-not-a-whole-number" if self.whole else "cli-not-a-number", value=shown), param, ctx
                )  # type: ignore[attr-defined]
            self.fail(words("cli-out-of-range", value=shown, range=self._range()), param, ctx)  # type: ignore[attr-defined]

    def _range(self) -> str:
        low, high = getattr(self, "min", None), getattr(self, "max", None)
        if low is not None and high is not None:
            return words("cli-range-between", low=low, high=high)
        if low is not None:
            return words("cli-range-above" if getattr(self, "min_open", False) else "cli-range-at-least", low=low)
        return words("cli-range-below" if getattr(self, "max_open", False) else "cli-range-at-most", high=high)


def _is_number(value: Any, whole: bool) -> bool:
    try:
        (int if whole else float)(value)
    except (TypeError, ValueError):
        return False
    return True


class Integer(_Number, click.types.IntParamType):
    pass


class Decimal(_Number, click.types.FloatParamType):
    whole = False


class IntRange(_Number, click.IntRange):
    pass


class FloatRange(_Number, click.FloatRange):
    whole = False


_SPOKEN = (ExistingPath, Choice, _Number)


def spoken(kind: click.ParamType) -> click.ParamType:
    """Click's type, or the same type from here, which says what is wrong in the catalogue's words."""
    if isinstance(kind, _SPOKEN):
        return kind
    if isinstance(kind, click.Choice):
        return Choice(kind.choices, kind.case_sensitive)
    if isinstance(kind, click.IntRange):
        return IntRange(kind.min, kind.max, kind.min_open, kind.max_open, kind.clamp)
    if isinstance(kind, click.FloatRange):
        return FloatRange(kind.min, kind.max, kind.min_open, kind.max_open, kind.clamp)
    if isinstance(kind, click.types.IntParamType):
        return Integer()
    if isinstance(kind, click.types.FloatParamType):
        return Decimal()
    if isinstance(kind, click.Path) and kind.exists:
        folder = None if kind.file_okay and kind.dir_okay else not kind.file_okay
        return ExistingPath(folder, kind.type)
    return kind


# Click's generic placeholders, by its type's name (TEXT, INTEGER RANGE, FILE, DIRECTORY ...).
_PLACEHOLDERS = {
    "text": "help-metavar-text",
    "integer": "help-metavar-integer",
    "integer range": "help-metavar-integer",
    "float": "help-metavar-number",
    "float range": "help-metavar-number",
    "file": "help-metavar-file",
    "filename": "help-metavar-file",
    "directory": "help-metavar-directory",
    "path": "help-metavar-path",
}


# --- the one command and group class ---------------------------------------------------------


class _Speaks:
    """What `Command` and `Group` share (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for param in self.params:  # type: ignore[attr-defined]
            param.type = spoken(param.type)
            placeholder = _PLACEHOLDERS.get(param.type.name)
            if isinstance(param, click.Option) and param.metavar is None and not param.is_flag and placeholder:
                param.metavar = language.say(placeholder)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [words("help-metavar-options") if piece == self.options_metavar else piece for piece in pieces]  # type: ignore[attr-defined]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except click.UsageError as error:
            if error.ctx is None:  # click's parser leaves it out of some (an option without its value)
                error.ctx = ctx
            raise _said(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except click.UsageError as error:
            raise _said(error) from None
        except (Failure, Stopped):
            raise
        except click.ClickException as error:
            raise Failure(printable(error.format_message()), error.exit_code) from None
        except (click.Abort, KeyboardInterrupt, EOFError):
            raise Stopped() from None


def _said(error: click.UsageError) -> click.UsageError:
    """The mistake in the language of the run; one already said (or help to show) as it is."""
    if isinstance(error, (Mistake, click.exceptions.NoArgsIsHelpError)):
        return error
    return in_language(error)


class Command(_Speaks, language.InLanguage, click.Command):
    """A `kb` command."""


class Group(_Speaks, language.InLanguage, click.Group):
    """A group of `kb` commands, whose sub-commands are `Command`s."""

    command_class = Command

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [words("help-metavar-command") if piece == self.subcommand_metavar else piece for piece in pieces]
