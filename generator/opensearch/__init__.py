"""The records for a search server: `kb export --format opensearch`.

A team whose knowledge base outgrows the static search (README, "When to move search to a
server") loads the records into OpenSearch or Elasticsearch: `mapping.json` creates the index
(settings with a Chinese analyzer, and a strict mapping of every field), `bulk.ndjson` is the
body of one bulk request that indexes every record.

- mapping.py     the index's analysis settings and its fields, one table for every kind
- documents.py   one document per record: its searchable text as plain text, its ids and dates
- bulk.py        the bulk request's lines, and the index names it accepts
- conformance.py the offline check of both against what OpenSearch accepts, as far as it can
                 be told without a server

All kinds share one index, told apart by the `kind` field: one query searches everything, as
the site's search does, and the filters are terms of that query rather than a choice of index.
"""
