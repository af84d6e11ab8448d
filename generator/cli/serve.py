"""`kb serve`: the site with live reload while records and pages are edited.

The command line is read here; what it runs (generator/cli/serving.py) is imported when it runs.
"""

from __future__ import annotations

import click

from generator.cli.build import cache_option, config_option, data_override, language_option
from generator.cli.language import say
from generator.cli.mistakes import Command
from generator.cli.options import max_mentees_option, today_option


def _address(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(say("help-serve-not-an-address", dev_addr=value))
    return host.strip("[]"), int(port)


@click.command(
    "serve",
    cls=Command,
    help=say("help-serve"),
    short_help=say("help-serve-short"),
)
@config_option
@data_override
@language_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar=say("help-serve-address-metavar"),
    callback=_address,
    help=say("help-serve-dev-addr"),
)
@click.option("-p", "--port", type=click.IntRange(1, 65535), help=say("help-serve-port"))
@click.option("-v", "--verbose", is_flag=True, help=say("help-serve-verbose"))
@cache_option
@max_mentees_option
@today_option
def command(config_file, data_dir, language, dev_addr, port, verbose, cache_dir, max_mentees, today) -> None:
    from generator.cli.serving import Wanted, serve

    host, addressed_port = dev_addr
    wanted = Wanted(config_file, data_dir, language, cache_dir, max_mentees, today)
    serve(wanted, host, port or addressed_port, verbose)
