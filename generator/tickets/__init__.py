"""Service tickets: the CSV exports of a ticket or CRM system in data/tickets/, and the KCS
measures made from them (link rate, reuse and new, participation).

In pipeline order: `read` (load: a file's bytes to rows of the read columns), `parse`
(validate: dates, names resolved to ids), `checks` (the registry's ticket checks),
`ticket` (the Dataset's tickets and their back-links), `figures` (the measures).

Exports carry customer names and phone numbers. Only the columns of `columns.COLUMNS`
are kept from each row; every other cell is dropped with the row it was read in.
"""
