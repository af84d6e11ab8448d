"""Text to a Document quickly: values without positions, the strict parser for anything unsure.

Most record files are never reported, so keeping the line and column of every value (as
strict_yaml's event builder does) is work thrown away. Here libyaml's composer, in C, builds
the file's node tree, and one walk turns it into values. The walk decides nothing it is not
sure of: a refusal (duplicate key, anchor or alias, tag, key that is not text, nesting too
deep, escaped control character, number YAML would guess), a syntax error or anything else
unusual hands the text to the strict parser, which reads it again and refuses it with its
code and position — or gives the same values, if the walk was merely cautious. A file that
passes therefore reads into the same values either way, and the Document finds its positions
only when a check asks for one: then it reads its file again and takes them from libyaml's
marks on the nodes, the very marks the strict parser's events carry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.load.strict_yaml import (
    _CORE,
    _NUMBER_TAGS,
    _PLAIN_NUMBER,
    _SCALAR_TAGS,
    _STR,
    _YAML12_OCTAL,
    MAX_DEPTH,
    Document,
    Path,
    Placed,
    _constructor,
    _refuse_control_characters,
    _resolver,
    parse_document,
)
from generator.load.text import control_character_in_value
from generator.privacy import file_may_hold_personal_data, texts_may_hold_personal_data, value_text

try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None

# An anchor (`&a`) or a tag (`!x`, `!!int`) can only start a node: at the start of the text
# or after a space, a line break, a BOM (libyaml skips one at the start of a line) or a flow
# indicator. Every `&` and `!` so placed sends the file to the strict parser, which refuses
# anchors and all but the plain core tags. Aliases need an anchor, so they are caught with
# it. `![` is left out: there it cannot be a tag (it would be a syntax error, which the
# composer reports in turn), while Markdown writes an image so at the start of a line.
_NODE_PROPERTY = re.compile(r"(?<![^\s\ufeff\[{,:])(?:&|!(?!\[))")
# Plain scalars YAML 1.1 reads as text without asking its patterns: the patterns are
# indexed by the first character, and almost no record value starts with one of those.
_PATTERN_STARTS = frozenset(key for key in _resolver.yaml_implicit_resolvers if key)
# What the implicit patterns give that is not a core scalar type (`<<`, `=`, a lone `!`):
# records keep them as text, as the strict parser does.
_TEXT_TAGS = frozenset(_CORE + name for name in ("merge", "value", "yaml"))
_KEY_TAGS = _SCALAR_TAGS | _TEXT_TAGS
_MAP, _SEQ, _TIMESTAMP = _CORE + "map", _CORE + "seq", _CORE + "timestamp"


class _NotSure(Exception):
    """The walk leaves this file to the strict parser."""


def read_document(source: str, file: str, reread: Callable[[], str | None] | None = None) -> Document:
    """Parse one record file's text, or raise LoadError at the first thing refused.

    The Document has no positions until one is asked for: `reread` gives the file's text
    again then, or None when it changed or went since (its positions are then its start).
    Without `reread`, the Document keeps `source` for that.
    """
    _refuse_control_characters(source)
    if CParser is None or _may_hold_node_property(source):
        return parse_document(source, file)
    try:
        data = _mapping(_root(source), 0)
    except _NotSure:
        return parse_document(source, file)  # refuses it exactly, or reads it the same
    again = reread if reread is not None else partial(str, source)
    return Document.unplaced(file, data, partial(_places, file, again), _may_hold_personal_data(source, data))


def _may_hold_personal_data(source: str, data: dict[str, Any]) -> bool:
    # One look over the text; a backslash may be an escape that writes a digit the text hides
    # (`\uff11`, `\n` between two digits), so then the look is over what was read instead.
    if "\\" not in source:
        return file_may_hold_personal_data(source)
    return texts_may_hold_personal_data(_texts(data))


def _texts(data: Any) -> Iterator[str]:
    """Every key, and every value as the check of personal data looks at it (numbers as text)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _texts(value)
    elif isinstance(data, list):
        for item in data:
            yield from _texts(item)
    else:
        text = value_text(data)
        if text is not None:
            yield text


def _places(file: str, reread: Callable[[], str | None]) -> Placed:
    """Where every key, list item and block of a file read quickly was written: the same
    places as the strict parser's, from libyaml's marks on the nodes of the text read again."""
    text = reread()
    if text is None:
        return {}, {}, ""
    keys: dict[Path, tuple[int, int]] = {}
    values: dict[Path, tuple[int, int, str]] = {}
    try:
        _mark_places(_root(text), (), keys, values)
    except _NotSure:  # pragma: no cover - the same text read quickly the first time
        document = parse_document(text, file)
        return document.keys, document.values, text
    return keys, values, text


def _mark_places(node, path: Path, keys: dict, values: dict) -> None:
    if node.__class__ is MappingNode:
        for key_node, value_node in node.value:
            inner = (*path, key_node.value)
            keys[inner] = (key_node.start_mark.line, key_node.start_mark.column)
            _mark_places(value_node, inner, keys, values)
    elif node.__class__ is SequenceNode:
        for index, item in enumerate(node.value):
            inner = (*path, index)
            keys[inner] = (item.start_mark.line, item.start_mark.column)
            _mark_places(item, inner, keys, values)
    elif node.style in ("|", ">"):
        values[path] = (node.start_mark.line, node.start_mark.column, node.style)


def _may_hold_node_property(source: str) -> bool:
    # Looking for the two characters first is many times quicker than the pattern alone.
    return ("&" in source or "!" in source) and _NODE_PROPERTY.search(source) is not None


def _root(source: str) -> MappingNode:
    composer = None
    try:
        composer = _Composer(source)
        root = composer.get_single_node()
    except yaml.YAMLError:
        raise _NotSure from None
    finally:
        if composer is not None:
            composer.dispose()
    if root is None or root.__class__ is not MappingNode:
        raise _NotSure  # empty, or not a mapping: said by the strict parser
    return root


if CParser is not None:

    class _Composer(CParser):
        """libyaml's composer, with YAML 1.1's patterns asked only when one could match."""

        def resolve(self, kind, value, implicit):
            # As yaml.resolver.BaseResolver.resolve, which is asked for every node of every file.
            if kind is not ScalarNode:
                return _MAP if kind is MappingNode else _SEQ
            if implicit[0] and (not value or value[0] in _PATTERN_STARTS):
                return _resolver.resolve(kind, value, implicit)
            return _STR

        # Path resolvers are not used (YAML 1.1's Resolver has none): nothing to follow.
        def descend_resolver(self, current_node, current_index) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


def _value(node, depth: int) -> Any:
    kind = node.__class__
    if kind is ScalarNode:
        return _scalar(node)
    if kind is MappingNode:
        return _mapping(node, depth)
    if kind is SequenceNode and node.tag == _SEQ and depth < MAX_DEPTH:
        return [_value(item, depth + 1) for item in node.value]
    raise _NotSure


def _mapping(node, depth: int) -> dict[str, Any]:
    if node.tag != _MAP or depth >= MAX_DEPTH:
        raise _NotSure
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode or key_node.tag not in _KEY_TAGS:
            raise _NotSure
        key = key_node.value  # a key is the text written, never a number
        if key in mapping or (key_node.style == '"' and control_character_in_value(key) is not None):
            raise _NotSure
        mapping[key] = _value(value_node, depth + 1)
    return mapping


def _scalar(node) -> Any:
    tag, value, style = node.tag, node.value, node.style
    if tag == _STR:
        if style == '"' and control_character_in_value(value) is not None:
            raise _NotSure  # written as an escape: refused at it
        if not style and _YAML12_OCTAL.fullmatch(value):
            raise _NotSure
        return value
    if style:
        raise _NotSure  # quoted or block text read as another type: a tag said so
    if tag in _TEXT_TAGS:
        return value
    if tag not in _SCALAR_TAGS or (tag in _NUMBER_TAGS and not _PLAIN_NUMBER.fullmatch(value)):
        raise _NotSure
    try:
        read = _constructor.yaml_constructors[tag](_constructor, node)
    except (ValueError, yaml.constructor.ConstructorError):
        if tag == _TIMESTAMP:
            return value  # an impossible date stays text; validation names it
        raise _NotSure from None
    return value if isinstance(read, dt.datetime) else read  # records hold dates only
