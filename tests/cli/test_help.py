"""`kb --help` answers at once: it lists the commands from their table and imports none of
them (nor MkDocs, the theme or the renderer); each command in the table is what its module
defines, and defining one imports only what its command line needs: what it runs is imported
when it runs, so its help and a mistake on its command line answer at once too (the times are
in benchmarks/CLI.md). What the help shows of the table of kinds comes from its digest."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

from generator.cli import COMMANDS

# What a command runs, never what its command line needs: the record shapes (pydantic), pinyin's
# dictionaries, MkDocs and its theme, the spreadsheet reader, the file watcher, the pipeline.
HEAVY = ("mkdocs", "material", "pydantic", "pypinyin", "openpyxl", "watchdog", "jinja2", "generator.pipeline")
CLI_FRAMEWORK = ("generator.cli.language", "generator.cli.mistakes", "generator.cli.options")

LISTING = f"""
import sys
from generator.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
heavy = sorted(name for name in sys.modules if name.startswith({HEAVY + ("generator.cli.",)!r})
               and name not in {CLI_FRAMEWORK!r})
print(" ".join(heavy))
"""

DEFINING = f"""
import sys
from generator.cli import COMMANDS, main
for name in COMMANDS:
    main.get_command(None, name)
print(" ".join(sorted(name for name in sys.modules if name.startswith({HEAVY!r}))))
"""


def test_the_command_list_imports_no_command():
    result = subprocess.run([sys.executable, "-c", LISTING], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[-2] == "", result.stdout[-500:]
    for name in COMMANDS:
        assert name in result.stdout


def test_defining_every_command_imports_nothing_that_it_runs(tmp_path):
    """Once the digest of the table of kinds is kept (generator/cli/kinds_digest.py), which the
    first run that needs it builds."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    build = "from generator.cli.kinds_digest import digest; digest()"
    subprocess.run([sys.executable, "-c", build], env=environment, check=True)
    result = subprocess.run(
        [sys.executable, "-c", DEFINING], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", result.stdout


def test_each_listed_command_is_its_modules_command():
    for name, (module, summary) in COMMANDS.items():
        command = importlib.import_module(module).command
        assert command.name == name and all(summary), name


IMPORT_HELP = f"""
import sys
from generator.cli import main
try:
    main(["import", "--help"])
except SystemExit:
    pass
loaded = (name for name in sys.modules if name.startswith({HEAVY + ("generator.kinds", "generator.sheets")!r}))
print("\\x00" + " ".join(sorted(loaded)))
"""


def test_the_import_help_shows_its_table_of_headers_without_importing_a_kind_or_the_sheets(tmp_path):
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    build = "from generator.cli.kinds_digest import digest; digest()"
    subprocess.run([sys.executable, "-c", build], env=environment, check=True)
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_HELP], env=environment, capture_output=True, text=True, check=True
    )
    shown, loaded = result.stdout.split("\x00")
    assert "故障现象" in shown and "处理措施" in shown  # the 台账's headers
    assert loaded.strip() == "", loaded


def test_the_table_of_headers_does_not_load_the_renderer():
    """The module that keeps the 台账's headers reads the pages' labels from the catalogue
    (generator/page_labels.py), not through the renderer's package, which loads every page."""
    loaded = "import sys, generator.sheets.columns; print(sorted(m for m in sys.modules if m.startswith(RENDERER)))"
    command = [sys.executable, "-c", f"RENDERER = ('generator.render', 'jinja2')\n{loaded}"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
