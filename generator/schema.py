"""JSON Schema files for editors, generated from the record shapes."""

from __future__ import annotations

import json
from pathlib import Path

from generator.shapes import SHAPES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema={}"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema_for(kind: str) -> dict:
    shape = SHAPES[kind]
    body = shape.model_json_schema()
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_file_name(kind),
        "title": f"{kind} record",
        "description": f"A `{kind}` record of the service knowledge base (record format version 1).",
        **body,
    }


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, stable byte for byte."""
    return {
        schema_file_name(kind): json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n" for kind in SHAPES
    }


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema, touching only files whose content changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        target = out_dir / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written
