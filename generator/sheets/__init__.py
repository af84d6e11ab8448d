"""Spreadsheets in and out: `kb import` turns a team's sheet into records, `kb export` the reverse.

In pipeline order: read (cells of a .xlsx or .csv) -> columns (which header is which field)
-> values (what a cell means: names, Chinese states, dates, several values) -> rows (one
record per row) -> plan (validate everything in memory, report at the cell) -> write.
"""
