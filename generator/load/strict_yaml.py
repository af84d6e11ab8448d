"""Text to a Document: strict YAML that keeps the position of every value.

PyYAML builds objects from its own node tree, which loses positions, silently keeps
the last of two duplicate keys and expands aliases. Here libyaml's event stream is
turned into plain Python values directly, so every refusal happens at the event
that causes it (an alias bomb stops at its first anchor) and every value keeps the
line and column where it was written.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable
from typing import Any

import yaml

from generator import codes
from generator.diagnostics import START, Position
from generator.load.syntax import explain
from generator.load.text import (
    LINE_BREAKS,
    character_name,
    control_character_in_file,
    control_character_in_value,
    position_in_text,
)
from generator.messages import Text, text
from generator.privacy import file_may_hold_personal_data

try:  # libyaml is several times faster; the pure-Python parser gives the same events.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

        def dispose(self) -> None:
            pass


MAX_DEPTH = 64
Path = tuple[str | int, ...]
# What a document's `place` gives: its keys' and its blocks' positions, and its text.
Placed = tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int, str]], str]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = _CORE + "str"
_NUMBER_TAGS = {_CORE + "int", _CORE + "float"}
_COLLECTION_TAGS = {_CORE + "seq", _CORE + "map"}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


class LoadError(Exception):
    def __init__(self, code: codes.Code, position: Position, words: Text) -> None:
        super().__init__(str(words))
        self.code = code
        self.position = position
        self.words = words

    @property
    def message(self) -> str:
        return str(self.words)


class Document:
    """One record file: its data and where each part of it was written.

    A file read by the strict parser keeps its positions from the start. A file read
    quickly (generator/load/quick_yaml.py) has none until a check asks where something was
    written: then its `place` reads the file again and finds them, the same as the strict
    parser's (tests/load/test_quick_yaml.py holds the two to that).
    """

    __slots__ = ("_keys", "_personal", "_place", "_text", "_values", "data", "file", "memo")

    def __init__(
        self,
        file: str,
        data: dict[str, Any],
        keys: dict[Path, tuple[int, int]] | None = None,
        values: dict[Path, tuple[int, int, str]] | None = None,
        text: str = "",
    ) -> None:
        self.file = file
        self.data = data
        # 0-based (line, column) pairs, made into Positions only when asked: a document has
        # hundreds of values and most are never reported.
        self._keys = {} if keys is None else keys
        self._values = {} if values is None else values  # literal and folded blocks only
        self._text: str | None = text
        self._place: Callable[[], Placed] | None = None
        self._personal: bool | None = None
        # Results derived from this document alone (its parsed shape, the personal data in it),
        # kept so that `kb serve` does not work them out again for files that did not change.
        self.memo: dict[str, Any] = {}

    @classmethod
    def unplaced(cls, file: str, data: dict[str, Any], place: Callable[[], Placed], personal: bool) -> Document:
        """A document whose positions and text `place` gives when first asked for.

        `personal` is the quick look for personal data over the file's text
        (generator/privacy.py), taken while the text was at hand.
        """
        document = cls(file, data)
        document._keys = document._values = document._text = None
        document._place = place
        document._personal = personal
        return document

    @property
    def keys(self) -> dict[Path, tuple[int, int]]:
        """Where each key and list item was written, by its path."""
        if self._keys is None:
            self._find_places()
        return self._keys

    @keys.setter
    def keys(self, keys: dict[Path, tuple[int, int]]) -> None:
        self._keys = keys

    @property
    def values(self) -> dict[Path, tuple[int, int, str]]:
        """Where each literal or folded block starts, and which it is."""
        if self._values is None:
            self._find_places()
        return self._values

    @values.setter
    def values(self, values: dict[Path, tuple[int, int, str]]) -> None:
        self._values = values

    @property
    def text(self) -> str:
        if self._text is None:
            self._find_places()
        return self._text

    @property
    def may_hold_personal_data(self) -> bool:
        """Whether the file's text passes the quick look for personal data (most do not)."""
        if self._personal is None:
            self._personal = file_may_hold_personal_data(self.text)
        return self._personal

    def _find_places(self) -> None:
        keys, values, text = self._place() if self._place is not None else ({}, {}, "")
        if self._keys is None:
            self._keys = keys
        if self._values is None:
            self._values = values
        self._text = text
        self._place = None

    def position(self, path: Path) -> Position:
        """Where the field or item at `path` was written, or its nearest written parent."""
        for end in range(len(path), 0, -1):
            found = self.keys.get(path[:end])
            if found is not None:
                return Position(found[0] + 1, found[1] + 1)
        return START

    def text_position(self, path: Path, offset: int) -> Position:
        """Where character `offset` of the text at `path` stands in the file.

        Exact for literal blocks (`|`), which is how Markdown fields are written;
        other styles fold lines, so their start is the best answer.
        """
        spot = self.values.get(path)
        if spot is None:
            return self.position(path)
        line, column, style = spot
        value = _value_at(self.data, path)
        if style != "|" or not isinstance(value, str):
            return Position(line + 1, column + 1)
        line_index = value.count("\n", 0, offset)
        line_start = value.rfind("\n", 0, offset) + 1
        line_number = line + 2 + line_index
        lines = self.text.splitlines()
        source = lines[line_number - 1] if line_number <= len(lines) else ""
        indent = len(source) - len(source.lstrip(" "))
        return Position(line_number, indent + offset - line_start + 1)

    def line_break_position(self, path: Path, offset: int) -> Position:
        """Where the line break at character `offset` of the text at `path` was written.

        Exact in a literal block; in other styles, the first escape that writes a line break
        (`"a\\nb"`) or the first empty line (which a folded or plain text keeps as a line
        break) in the value's source; else where the block or the value starts.
        """
        spot = self.values.get(path)
        if spot is not None and spot[2] == "|":
            return self.text_position(path, offset)
        begin, end = self._source_span(path)
        for escape in _ESCAPE.finditer(self.text, begin, end):
            written = escape.group(1)  # a backslash before the end of a line only joins two lines
            if written not in ("\n", "\r") and _escaped_character(written) in LINE_BREAKS:
                return position_in_text(self.text, escape.start())
        empty_line = _EMPTY_LINE.search(self.text, begin, end)
        if empty_line is not None:
            return position_in_text(self.text, empty_line.start() + 1)
        return Position(spot[0] + 1, spot[1] + 1) if spot is not None else self.position(path)

    def _source_span(self, path: Path) -> tuple[int, int]:
        """Where the key or item at `path` starts in the text, and where the next one starts."""
        line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

        def index(spot: tuple[int, int]) -> int:
            return line_starts[spot[0]] + spot[1] if spot[0] < len(line_starts) else len(self.text)

        start = self.keys.get(path)
        if start is None:
            return 0, 0
        following = [spot for spot in self.keys.values() if spot > start]
        return index(start), index(min(following)) if following else len(self.text)


_EMPTY_LINE = re.compile(r"\n[ \t]*(?=\n)")


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def parse_document(source: str, file: str) -> Document:
    """Parse one record file's text, or raise LoadError at the first thing refused."""
    _refuse_control_characters(source)
    builder = _Builder(file, source)
    parser = None
    try:
        parser = _Parser(source)
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        position, words = explain(error, source)
        raise LoadError(codes.YAML_SYNTAX, position, words) from None
    except yaml.YAMLError as error:  # libyaml reports some problems without a mark
        raise LoadError(codes.YAML_SYNTAX, START, text("load-yaml-unmarked", error=str(error))) from None
    finally:
        if parser is not None:
            parser.dispose()
    return builder.document()


def _refuse_control_characters(source: str) -> None:
    """Refuse control characters before libyaml sees them.

    libyaml would report them at a byte offset, and counts U+0085, U+2028, U+2029 and a
    lone CR as line breaks, which shifts the line of every later diagnostic. Checked
    here, the position is the character's own: LF-counted line, column in characters.
    """
    index = control_character_in_file(source)
    if index is not None:
        raise LoadError(
            codes.CONTROL_CHARACTER,
            position_in_text(source, index),
            text("load-control-character", character=character_name(source[index])),
        )


# One escape of a double-quoted scalar: `\x1b`, `\u202e`, `\U0001F600` or a single character.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SHORT_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "L": "\u2028",
    "P": "\u2029",
}


def _escaped_character(escape: str) -> str:
    if len(escape) > 1:  # x, u or U and its hex digits
        return chr(int(escape[1:], 16))
    return _SHORT_ESCAPES.get(escape, escape)


class _Frame:
    __slots__ = ("container", "key", "key_lines", "path")

    def __init__(self, container: dict | list, path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_lines: dict[str, int] = {}


class _Builder:
    """Turns parser events into values, refusing what records must not contain."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.keys: dict[Path, Position] = {}
        self.values: dict[Path, tuple[Position, str]] = {}

    def feed(self, event) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(self, event)

    def _document_start(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise LoadError(
                codes.STRUCTURE,
                _position(event.start_mark),
                text("load-second-document"),
            )

    def _alias(self, event) -> None:
        raise LoadError(
            codes.ANCHOR_ALIAS,
            _position(event.start_mark),
            text("load-alias", name=event.anchor),
        )

    def _end(self, event) -> None:
        self.stack.pop()

    def _node(self, event) -> None:
        if event.anchor is not None:
            raise LoadError(
                codes.ANCHOR_ALIAS,
                _position(event.start_mark),
                text("load-anchor", name=event.anchor),
            )
        self._check_tag(event)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.container, dict) and parent.key is None:
            self._key(parent, event)
            return
        path = self._child_path(parent, event)
        if isinstance(event, yaml.ScalarEvent):
            self._refuse_escaped_control_character(event)
            self._attach(parent, _scalar(event), path)
            if event.style in ("|", ">"):
                mark = event.start_mark
                self.values[path] = (mark.line, mark.column, event.style)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise LoadError(codes.STRUCTURE, _position(event.start_mark), text("load-too-deep", depth=MAX_DEPTH))
        container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
        self._attach(parent, container, path)
        self.stack.append(_Frame(container, path))

    def _key(self, parent: _Frame, event) -> None:
        mark = event.start_mark
        if not isinstance(event, yaml.ScalarEvent):
            raise LoadError(codes.KEY_NOT_TEXT, _position(mark), text("load-key-not-text"))
        self._refuse_escaped_control_character(event)
        key = event.value
        first_line = parent.key_lines.get(key)
        if first_line is not None:
            raise LoadError(
                codes.DUPLICATE_KEY,
                _position(mark),
                text("load-duplicate-key", key=key, line=first_line),
            )
        parent.key_lines[key] = mark.line + 1
        parent.key = key
        self.keys[parent.path + (key,)] = (mark.line, mark.column)

    def _child_path(self, parent: _Frame | None, event) -> Path:
        if parent is None:
            return ()
        if isinstance(parent.container, dict):
            return parent.path + (parent.key,)
        path = parent.path + (len(parent.container),)
        mark = event.start_mark
        self.keys[path] = (mark.line, mark.column)
        return path

    def _attach(self, parent: _Frame | None, value: Any, path: Path) -> None:
        if parent is None:
            self.root = value
        elif isinstance(parent.container, dict):
            parent.container[parent.key] = value
            parent.key = None
        else:
            parent.container.append(value)

    def _refuse_escaped_control_character(self, event) -> None:
        """Refuse a control character that a double-quoted escape put into a key or value."""
        # The raw text was checked before parsing, so only an escape such as `"\\x1b"` can
        # still bring one in, and only double quotes have escapes.
        if event.style != '"':
            return
        index = control_character_in_value(event.value)
        if index is None:
            return
        refused = event.value[index]
        escape, position = self._escape_writing(event, refused)
        raise LoadError(
            codes.CONTROL_CHARACTER,
            position,
            text("load-control-escape", escape=escape, character=character_name(refused)),
        )

    def _escape_writing(self, event, character: str) -> tuple[str, Position]:
        """The first escape in the scalar's source that writes `character`, and where it stands."""
        start, end = event.start_mark.index, event.end_mark.index  # libyaml counts characters, as str does
        for escape in _ESCAPE.finditer(self.text, start, end):
            if _escaped_character(escape.group(1)) == character:
                return escape.group(0), position_in_text(self.text, escape.start())
        return f"\\u{ord(character):04x}", _position(event.start_mark)  # not found: the scalar's start

    def _check_tag(self, event) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            return
        allowed = _SCALAR_TAGS if isinstance(event, yaml.ScalarEvent) else _COLLECTION_TAGS
        if tag not in allowed:
            shown = tag.replace(_CORE, "!!")
            raise LoadError(
                codes.UNSAFE_TAG,
                _position(event.start_mark),
                text("load-tag", tag=shown),
            )

    _handlers: typing.ClassVar = {
        yaml.DocumentStartEvent: _document_start,
        yaml.AliasEvent: _alias,
        yaml.MappingEndEvent: _end,
        yaml.SequenceEndEvent: _end,
        yaml.ScalarEvent: _node,
        yaml.MappingStartEvent: _node,
        yaml.SequenceStartEvent: _node,
    }

    def document(self) -> Document:
        if self.documents == 0 or self.root is None or self.root == "":
            raise LoadError(codes.EMPTY_FILE, START, text("load-empty"))
        if not isinstance(self.root, dict):
            kind = text("load-holds-a-list" if isinstance(self.root, list) else "load-holds-a-value")
            raise LoadError(codes.NOT_A_MAPPING, START, text("load-not-a-mapping", kind=kind))
        return Document(self.file, self.root, self.keys, self.values, self.text)


def _scalar(event) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return event.value  # quoted or block text is always text
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        _refuse_guessed_number(event, tag)
    if tag == _STR or tag not in _SCALAR_TAGS:  # YAML 1.1's `=` and `<<` are plain text in records
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        value = _constructor.yaml_constructors[tag](_constructor, node)
    except (ValueError, yaml.constructor.ConstructorError):
        if tag == _CORE + "timestamp":
            return event.value  # an impossible date stays text; validation names it
        raise LoadError(
            codes.YAML_SYNTAX,
            _position(event.start_mark),
            text("load-cannot-read-as", value=event.value, type=tag.replace(_CORE, "")),
        ) from None
    if isinstance(value, dt.datetime):
        return event.value  # records hold dates only; the text keeps what was written
    return value


# Numbers as a person writes them: `3`, `-2`, `3.5`, `.5`, `1.0e+3`. YAML 1.1 also reads
# `1:30` as 90, `0x1F` as 31, `017` as 15, `1_0` as 10 and `+12` as 12; a tag or alarm code
# written so would silently change, and `hours: 1:30` meant an hour and a half.
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+][0-9]+)?|\.[0-9]+(?:[eE][-+][0-9]+)?")
# PyYAML reads `0o17` as text, YAML 1.2 tools (the editors' language server) as 15.
_YAML12_OCTAL = re.compile(r"0o[0-7]+")


def _refuse_guessed_number(event, tag: str) -> None:
    value, hint = event.value, text("load-number-hint")
    if tag in _NUMBER_TAGS and not _PLAIN_NUMBER.fullmatch(value):
        words = text("load-guessed-number", value=value, read_as=_number_read_from(event, tag), hint=hint)
    elif tag == _STR and _YAML12_OCTAL.fullmatch(value):
        words = text("load-yaml12-octal", value=value, number=int(value[2:], 8), hint=hint)
    else:
        return
    raise LoadError(codes.GUESSED_NUMBER, _position(event.start_mark), words)


def _number_read_from(event, tag: str) -> Text:
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return text("load-read-as-the-number", number=_constructor.yaml_constructors[tag](_constructor, node))
    except ValueError:  # `0x_` matches YAML's pattern for an integer but has no digits
        return text("load-read-as-a-number")
