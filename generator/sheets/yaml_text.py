"""A record as the house writes it: fields in records.md's order, lists of ids and words on
one line (`products: [hx-200]`), skill levels one per line, Markdown fields and other text
with line breaks as `|` blocks (`|-` when the text does not end with a line break, so it
reads back exactly as the cell held it), and quotes only where YAML would otherwise read
the text as something else.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.sheets.fields import fields_of

WIDTH = 10_000  # never fold a long title or list over lines


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses aliases; a repeated value is written out again


class Block(str):
    """Text written as a `|` block even on one line: the house style for Markdown fields."""


def _block(dumper: yaml.SafeDumper, value: Block) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _mapping(dumper: yaml.SafeDumper, value: dict) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Block, _block)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(dict, _mapping)


def record_yaml(kind: str, record: dict[str, Any]) -> str:
    """The YAML body of a record (without the schema line), its fields in the shape's order."""
    specs = fields_of(kind)
    markdown = {spec.name for spec in specs if spec.value == "markdown"}
    ordered = {
        spec.name: Block(record[spec.name]) if spec.name in markdown else record[spec.name]
        for spec in specs
        if spec.name in record
    }
    ordered.update({name: value for name, value in record.items() if name not in ordered})
    return yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH)
