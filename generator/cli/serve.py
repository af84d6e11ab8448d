"""`kb serve`: the site with live reload while records and pages are edited."""

from __future__ import annotations

import logging
from pathlib import Path

import click
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException

from generator.build.site import BuildSettings, environment
from generator.cli.build import config_option, data_override, language_option
from generator.cli.options import today_option


@click.command("serve")
@config_option
@data_override
@language_option
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT", help="Where to serve."
)
@today_option
def command(config_file, data_dir, language, dev_addr, today) -> None:
    """Serve the site at http://127.0.0.1:8000 and rebuild it when anything in
    data/ or kb/ changes. Record errors are printed and the last good pages stay up.
    """
    settings = BuildSettings(Path(config_file), Path(data_dir) if data_dir else None, language, today)
    with environment(settings):
        try:
            # Dirty builds re-render only pages whose files changed; the plugin keeps the rest.
            # MkDocs warns that dirty builds may leave stale links, so strict mode (kb build's) is off here.
            _show_mkdocs_messages()
            mkdocs_serve(
                config_file=str(settings.config_file),
                dev_addr=dev_addr,
                livereload=True,
                build_type="dirty",
                strict=False,
            )
        except MkDocsException as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            pass


def _show_mkdocs_messages() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
