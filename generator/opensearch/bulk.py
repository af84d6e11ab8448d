"""The body of a bulk request: an action line, then its document, for every record.

The bulk API reads newline-delimited JSON: each line one JSON value, the last line ending in a
newline too (without it the server refuses the request). Lines are UTF-8, with Chinese as
written; control characters (DEL and C1 too), U+2028 and U+2029 are escaped all the same: JSON
allows some of them raw, but many tools that read "lines" (Python's str.splitlines, JavaScript
before ES2019) break lines at them, and a terminal showing the body would obey them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from generator.inert import json_escaped

# A subset of what OpenSearch accepts as an index name (lower case, none of \ / * ? " < > | , #
# : or space, not starting with - _ +, at most 255 bytes): plain ASCII that needs no quoting in
# a URL or a shell, and no leading dot, which marks hidden and system indices.
INDEX_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,254}")
DEFAULT_INDEX = "servicekb"


def is_index_name(name: str) -> bool:
    return INDEX_NAME.fullmatch(name) is not None


def ndjson_line(value: Any) -> str:
    """One JSON value on one line, newline included."""
    return json_escaped(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)) + "\n"


def bulk_body(index: str, documents: Iterable[tuple[str, dict[str, Any]]]) -> bytes:
    """Index each (`_id`, document) into `index`: re-running the request replaces, never duplicates."""
    lines = []
    for document_id, document in documents:
        lines.append(ndjson_line({"index": {"_index": index, "_id": document_id}}))
        lines.append(ndjson_line(document))
    return "".join(lines).encode("utf-8")


# The bulk API takes a request of up to 100 MB by default, but loads best in requests of some
# 5 to 15 MB: each is parsed whole in the server's memory before the first document is indexed.
CHUNK_BYTES = 10_000_000
SPLIT_ABOVE = 15_000_000


def lines_per_chunk(body: bytes, chunk_bytes: int = CHUNK_BYTES) -> int:
    """An even number of lines that come to about `chunk_bytes`: `split -l` by it keeps each
    action line with its document."""
    pairs = body.count(b"\n") // 2
    if not pairs:
        return 2
    return 2 * max(1, int(chunk_bytes // (len(body) / pairs)))
