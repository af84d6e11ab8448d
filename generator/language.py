"""The site's language, decided in one place for every way in: each `kb` command, `kb build`
and `kb serve`, and the servicekb plugin under a plain `mkdocs build`.

The order: `--language` on the command line; else the `language` option of the servicekb
plugin in the MkDocs configuration (its `!ENV [KB_LANGUAGE, zh]` read as MkDocs reads it);
else KB_LANGUAGE when there is no MkDocs configuration (a records-only repository running
`kb validate` as a pre-commit hook); else Chinese.

Everything below the entry points receives the language as a value. This module runs for
`kb --help`, so it imports nothing heavy: PyYAML, and MkDocs' own `!ENV` reader only when a
configuration uses it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

import yaml

LANGUAGES: Final = ("zh", "en")
DEFAULT_LANGUAGE: Final = "zh"
CONFIG_FILE: Final = Path("mkdocs.yml")  # MkDocs' own default
PLUGIN: Final = "servicekb"
ENVIRONMENT: Final = "KB_LANGUAGE"


class _Unread:
    """The plugin option is still to be read from the configuration file."""


UNREAD: Final = _Unread()


def decide_language(
    command_line: str | None = None, config_file: Path = CONFIG_FILE, plugin_option: str | _Unread | None = UNREAD
) -> str:
    """The language of a run: `command_line` (`--language`, None when not given); else the
    plugin's option, as MkDocs has read it when the caller has the loaded configuration
    (`plugin_option`), or as read here from `config_file`; else KB_LANGUAGE when there is no
    `config_file`; else Chinese. A value that is not a language counts as not given."""
    if command_line in LANGUAGES:
        return command_line
    if isinstance(plugin_option, _Unread):
        if not config_file.is_file():
            return _known(os.environ.get(ENVIRONMENT))
        plugin_option = plugin_language(config_file)
    return _known(plugin_option)


def check_language(language: str) -> str:
    """The language, or ValueError for anything else (Settings are made with a decided one)."""
    if language not in LANGUAGES:
        raise ValueError(f"language `{language}` is not one of {', '.join(LANGUAGES)}")
    return language


def _known(language: Any) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV` as MkDocs reads it, every other tag as nothing.

    MkDocs' own loader would import and call what `!!python/object/apply` names (a
    slugify function from the Markdown extensions); the language needs none of that.
    """


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    from yaml_env_tag import construct_env_tag  # MkDocs' own reading of `!ENV`

    return construct_env_tag(loader, node)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


def plugin_language(config_file: Path) -> str | None:
    """The `language` option of the servicekb plugin in an MkDocs configuration file, or None
    (no such option, or a file MkDocs itself will report as broken)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # MkDocs reports a broken configuration itself
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []:
        options = entry.get(PLUGIN) if isinstance(entry, dict) else None
        if isinstance(options, dict) and isinstance(options.get("language"), str):
            return options["language"]
    return None
