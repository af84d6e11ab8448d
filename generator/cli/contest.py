"""`kb contest --products … --skills … --questions 30 --seed N`: a contest paper to print and its
answer key, made of the practice questions of the chosen products and skills.

The same records and the same options give the same two files, byte for byte. They are
written into `--out` (default `contest/<seed>/`), each in one rename and never through a
symbolic link; a problem is one line and exit 1, with nothing written.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import codes
from generator.cli.files_out import shared_mode, write_beside
from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import config_file_option, data_option, language_choice, site_of
from generator.constants import CONTEST_ANSWERS as ANSWERS
from generator.constants import CONTEST_PAPER as PAPER
from generator.diagnostics import START
from generator.language import decide_language
from generator.messages import Listing, Text, text
from generator.report import diagnostic_line, shown

if TYPE_CHECKING:
    from generator.render.contest import PaperRequest

_HELP = say("help-contest")


def _ids(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """`--products a,b --products c`: every id once, in the order given."""
    return tuple(dict.fromkeys(part.strip() for value in values for part in value.split(",") if part.strip()))


@click.command("contest", cls=Command, help=_HELP, short_help=say("help-contest-short"))
@click.option("--products", multiple=True, metavar="ID,…", callback=_ids, help=say("help-contest-products"))
@click.option("--skills", multiple=True, metavar="ID,…", callback=_ids, help=say("help-contest-skills"))
@click.option(
    "--questions",
    type=click.IntRange(min=1, max=500),
    default=30,
    show_default=True,
    help=say("help-contest-questions"),
)
@click.option("--seed", type=click.IntRange(min=0), required=True, help=say("help-contest-seed"))
@click.option("--session", metavar="ID", help=say("help-contest-session"))
@data_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help=say("help-contest-out"))
@language_choice("help-contest-language")
@config_file_option("help-contest-config-file")
def command(
    products: tuple[str, ...],
    skills: tuple[str, ...],
    questions: int,
    seed: int,
    session: str | None,
    data_dir: str,
    out_dir: Path | None,
    language: str | None,
    config_file: str,
) -> None:
    from generator.model import build_dataset
    from generator.pipeline import check
    from generator.render.contest import PaperRequest, paper_files, paper_questions
    from generator.render.questions import practice_opt_outs, practice_questions
    from generator.report import as_text
    from generator.settings import Settings

    language = decide_language(language, Path(config_file))
    request = PaperRequest(seed, questions, products, skills, session)
    out = out_dir if out_dir is not None else Path("contest") / str(seed)
    _refuse_target(out, language)  # before anything is read: nothing is done for nothing
    checked = check(Settings(Path(data_dir), dt.date.today(), language, shown_root=data_dir))
    if checked.report.errors:
        click.echo(as_text(checked.report, checked.files, language=language), err=True)
        _refuse(text("contest-records-have-errors"), language)
    data = build_dataset(checked.context)
    _check_request(data, request, language)
    chosen = paper_questions(data, practice_questions(data, practice_opt_outs(data)), request)
    if not chosen:
        _refuse(text("contest-no-questions"), language)
    site_name, site_url = site_of(Path(config_file))
    files = paper_files(data, chosen, request, language, site_name, site_url)
    _write(out, files, language)
    _report(out, request, len(chosen), language)


def _check_request(data, request: PaperRequest, language: str) -> None:
    """Every product, skill and session named exists; the session is a contest."""
    for kind, given, known in (("product", request.products, data.products), ("skill", request.skills, data.skills)):
        for record_id in given:
            if record_id not in known:
                _refuse(text(f"contest-unknown-{kind}", id=record_id, known=Listing(tuple(known))), language)
    if request.session is not None:
        found = data.sessions.get(request.session)
        if found is None:
            _refuse(text("contest-unknown-session", id=request.session), language)
        elif found.format != "contest":
            _refuse(text("contest-not-a-contest", id=request.session, format=found.format), language)


def _report(out: Path, request: PaperRequest, count: int, language: str) -> None:
    from generator.render.contest import paper_command

    if count < request.questions:
        click.echo(text("contest-fewer", count=count, asked=request.questions).render(language))
    paper, answers = (shown(str(out / name)) for name in (PAPER, ANSWERS))
    click.echo(text("contest-wrote", paper=paper, answers=answers, count=count).render(language))
    again = paper_command(request.seed, request.questions, request.products, request.skills, request.session)
    click.echo(text("contest-again", command=again).render(language))


def _refuse_target(out: Path, language: str) -> None:
    """The folder is a plain folder or new, and each file a plain file or new: never a link."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        _refuse_at(out, text("contest-out-not-a-folder"), language)
    for name in (PAPER, ANSWERS):
        target = out / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            _refuse_at(target, text("contest-file-not-plain"), language)


def _write(out: Path, files: dict[str, str], language: str) -> None:
    """Both files whole or not at all (generator/cli/files_out.py): a failure leaves the previous
    paper and key as they were."""
    _refuse_target(out, language)
    try:
        write_beside(out, files, shared_mode())
    except OSError as error:
        _refuse_at(out, text("contest-cannot-write", reason=error.strerror or type(error).__name__), language)


def _refuse_at(path: Path, words: Text, language: str) -> None:
    click.echo(diagnostic_line(codes.CONTEST_OUT_REFUSED.at(str(path), START, words), language), err=True)
    sys.exit(1)


def _refuse(message: Text, language: str) -> None:
    """One line on standard error, and exit 1."""
    click.echo(text("build-error").render(language) + message.render(language), err=True)
    sys.exit(1)
