"""Plain values that the generators and the command line share, kept apart from the modules
that use them (the reference's anchors read the record shapes, the 台账 reader the table of
kinds): `kb --help`, a command's help and a mistake on its command line read them without
importing those. What the command line shows of the kinds (which kinds `kb import` reads,
the states a case may have, `kb new`'s kinds and options) is the table's, read through
generator/cli/kinds_digest.py.
"""

from __future__ import annotations

IMPORTED_STATE = "not-validated"  # a row of a 台账 that names no state: solved, not reviewed
REFERENCE_FILE = "docs/records.md"  # the record format, written by `kb reference`
CONTEST_PAPER = "paper.html"  # `kb contest` writes the paper and its key under these names
CONTEST_ANSWERS = "answers.html"
