"""Plain values that the record shapes, the generators and the command line share.

The command line shows them in its help and checks options against them before it runs
anything, so they live here, apart from the modules that use them (the record shapes import
pydantic, the reference the shapes): `kb --help` and a mistake on the command line answer at
once.
"""

from __future__ import annotations

CASE_STATES = ("wip", "not-validated", "validated", "archived")
ROLES = ("field-service", "technical-support")
SESSION_FORMATS = ("classroom", "on-site", "online", "contest")
IMPORTABLE = ("case", "person", "session")  # the kinds of record a spreadsheet may hold
IMPORTED_STATE = "not-validated"  # a row of a spreadsheet that names no state: solved, not reviewed
REFERENCE_FILE = "docs/records.md"  # the record format, written by `kb reference`
