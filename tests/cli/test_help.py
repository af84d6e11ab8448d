"""`kb --help` answers at once: it lists the commands from their table and imports none of
them (nor MkDocs, the theme or the renderer); each command in the table is what its module defines."""

from __future__ import annotations

import importlib
import subprocess
import sys

from generator.cli import COMMANDS

LISTING = """
import sys
from generator.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
heavy = sorted(name for name in sys.modules if name.startswith(("mkdocs", "material", "pydantic", "pypinyin", "generator.cli.")) and name != "generator.cli.language")
print(" ".join(heavy))
"""


def test_the_command_list_imports_no_command():
    result = subprocess.run([sys.executable, "-c", LISTING], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[-2] == "", result.stdout[-500:]
    for name in COMMANDS:
        assert name in result.stdout


def test_each_listed_command_is_its_modules_command():
    for name, (module, summary) in COMMANDS.items():
        command = importlib.import_module(module).command
        assert command.name == name and all(summary), name
