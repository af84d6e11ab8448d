"""How much of a spreadsheet `kb import` reads at most.

A team's 台账 of ten years is a few thousand rows of a few dozen columns, a few MiB once
unpacked; every bound here is far above that. They are checked before the workbook is
parsed (a 2 KB file can declare a cell at XFD1048576, merge the whole sheet, or unpack to
gigabytes), and each refusal names the bound it met.
"""

from __future__ import annotations

MIB = 1024 * 1024

MAX_FILE_BYTES = 50 * MIB  # the file as it is on disk: a workbook, or a CSV file
# The zip an .xlsx file is
MAX_MEMBERS = 1_000  # parts of the package: a workbook of 100 sheets has some 250
MAX_MEMBER_BYTES = 50 * MIB  # one part, unpacked
MAX_UNPACKED_BYTES = 100 * MIB  # all parts together, unpacked
MAX_RATIO = 200  # unpacked / packed size of a part over RATIO_FROM_BYTES; sheet XML packs some 10:1
RATIO_FROM_BYTES = 1 * MIB
# What the sheets hold, declared or read
MAX_ROWS = 200_000
MAX_COLUMNS = 200  # column GR
MAX_CELLS = 2_000_000  # cells written in all sheets, empty styled ones included
MAX_MERGED_RANGES = 10_000
MAX_RANGE_CELLS = 200_000  # cells covered by merged ranges (and, apart, by linked ranges)
MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell
MAX_LINE_CHARS = 1_000_000  # one line of a CSV file


def number(value: int) -> str:
    """A limit as messages write it: 200,000."""
    return f"{value:,}"


def mib(size: int) -> str:
    return f"{size / MIB:,.0f}"
