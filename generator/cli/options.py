"""Options shared by the commands that read records."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click

from generator.cli.language import say
from generator.language import LANGUAGES

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, dir_okay=True, exists=True),
    default="data",
    show_default=True,
    help=say("help-option-data"),
)


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("help-option-not-a-date", value=value)) from None


max_mentees_option = click.option(
    "--max-mentees",
    type=click.IntRange(min=1),
    help=say("help-option-max-mentees"),
)

skip_option = click.option(
    "--skip",
    multiple=True,
    metavar="CODE|CHECK",
    help=say("help-option-skip"),
)

# For the commands that print a line or two: the language of their help and of what they
# say, read from the command line before it is parsed (generator/cli/language.py).
language_option = click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    expose_value=False,
    help=say("help-option-language"),
)

today_option = click.option(
    "--today",
    callback=parse_today,
    metavar="YYYY-MM-DD",
    help=say("help-option-today"),
)


def site_of(config_file: Path) -> tuple[str, str]:
    """The site's name and site_url from the MkDocs configuration, or empty when it has none."""
    from mkdocs.config import load_config  # only the commands that need the site import MkDocs
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        return "", ""
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return "", ""
    return config.site_name, config.site_url or ""


def site_folders(config_file: Path) -> tuple[Path, ...]:
    """Where the site is built to and from: `site/` and `kb/` beside the MkDocs configuration, and
    its own `site_dir` and `docs_dir` when they are elsewhere. Read as text: a folder must be
    known even when the configuration does not load."""
    root = config_file.parent
    folders = [root / "site", root / "kb"]
    try:
        text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    for key in ("site_dir", "docs_dir"):
        found = re.search(rf"^{key}:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", text, re.MULTILINE)
        if found:
            folders.append(root / found.group(1).strip())
    return tuple(dict.fromkeys(folders))


def language_choice(help_key: str):
    """`--language zh|en` of a command whose help (`help_key`) says what it chooses the language of."""
    return click.option("--language", type=click.Choice(LANGUAGES), help=say(help_key))


def config_file_option(help_key: str, must_exist: bool = False):
    """`-f/--config-file`, the MkDocs configuration, with what the command reads of it (`help_key`)."""
    return click.option(
        "-f",
        "--config-file",
        type=click.Path(dir_okay=False, exists=must_exist),
        default="mkdocs.yml",
        show_default=True,
        help=say(help_key),
    )
