"""Make Pagefind's output the same bytes for the same site.

Pagefind 1.5 writes the values of each filter, and the list of filters, in hash-map
order, which changes from run to run; the file names (content hashes) and the meta
file that lists them change with it. Here those lists are sorted and the affected
files rewritten under names derived from their new content. Only the filter files,
the meta file and the entry file are touched; a bundle in a format this does not
recognise is left exactly as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from pathlib import Path

import cbor2

log = logging.getLogger(__name__)
MAGIC = b"pagefind_dcd"
META_FILTERS = 3  # position of [[filter name, file hash], ...] in the meta record


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(raw[len(MAGIC) :])


def _encode(value) -> bytes:
    return gzip.compress(MAGIC + cbor2.dumps(value), compresslevel=9, mtime=0)


def _name(language: str, payload: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(payload).hexdigest()[:length]}"


def canonicalise(bundle: Path) -> bool:
    """Rewrite the order-dependent files of a Pagefind bundle; True when it was done."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        for language, info in sorted(entry["languages"].items()):
            info["hash"] = _canonical_language(bundle, language, info["hash"])
    except (OSError, ValueError, KeyError, IndexError, TypeError, cbor2.CBORDecodeError) as error:
        log.warning("search index left as Pagefind wrote it (%s)", error)
        return False
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return True


def _canonical_language(bundle: Path, language: str, meta_hash: str) -> str:
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    filters = []
    for filter_name, file_hash in meta[META_FILTERS]:
        old = bundle / "filter" / f"{file_hash}.pf_filter"
        data = _read(old)
        data[1] = sorted(data[1], key=lambda value: value[0])
        payload = _encode(data)
        new_hash = _name(language, payload, 7)
        old.unlink()
        (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(payload)
        filters.append([filter_name, new_hash])
    meta[META_FILTERS] = sorted(filters)
    payload = _encode(meta)
    new_meta_hash = _name(language, payload, 10)
    meta_path.unlink()
    (bundle / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(payload)
    return new_meta_hash
