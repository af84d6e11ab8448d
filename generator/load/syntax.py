"""YAML syntax errors in plain words: what is wrong, the line with a caret under it, a hint.

libyaml says what its parser expected ("while scanning a simple key, could not find
expected ':'"), which is true but names no cause a person would recognise. The causes
people actually meet are few: a missing space after `:` (or a full-width `：`), an
unquoted `: ` or ` #` in text, uneven indentation, a tab, an unclosed quote or bracket,
a list item `-` at the wrong level. Each is recognised from the parser's problem and
context and from the text around the place it marks, and pointed at where it is (not
always where the parser gave up: an unclosed quote is reported where it opens).

The pure-Python parser words its problems differently from libyaml; both are matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from generator.columns import display_width, first_columns, last_columns
from generator.diagnostics import Position
from generator.messages import Text, text
from generator.printable import shown  # the report's own rule for what may be printed

_CLIP_BEFORE = 60  # columns of the line shown before the caret, at most
_CLIP_AFTER = 40  # and after it
_SNIPPET = 24  # characters of a value quoted in a hint


@dataclass(frozen=True)
class Cause:
    """Where the problem is (1-based) and what to say about it."""

    line: int
    column: int
    what: Text
    hint: Text


@dataclass(frozen=True)
class _Spot:
    """The parser's report and the text it was reading."""

    problem: str
    context: str
    problem_at: tuple[int, int] | None  # 0-based line and column
    context_at: tuple[int, int] | None
    lines: list[str]

    @classmethod
    def of(cls, error: yaml.MarkedYAMLError, source: str) -> _Spot:
        def at(mark) -> tuple[int, int] | None:
            return (mark.line, mark.column) if mark is not None else None

        lines = [line.removesuffix("\r") for line in source.split("\n")]
        return cls(error.problem or "", error.context or "", at(error.problem_mark), at(error.context_mark), lines)

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def char(self, at: tuple[int, int] | None) -> str:
        if at is None:
            return ""
        line = self.line(at[0])
        return line[at[1]] if at[1] < len(line) else ""

    @property
    def where(self) -> tuple[int, int]:
        return self.problem_at or self.context_at or (0, 0)


def explain(error: yaml.MarkedYAMLError, source: str) -> tuple[Position, Text]:
    """Where a syntax error is and the message for it: plain words, the line, a caret, a hint."""
    spot = _Spot.of(error, source)
    cause = next((found for recognise in _CAUSES if (found := recognise(spot))), None) or _unrecognised(spot)
    shown_line = spot.line(cause.line - 1)
    words = text("yaml-syntax", what=cause.what, excerpt=excerpt(shown_line, cause.line, cause.column), hint=cause.hint)
    return Position(cause.line, cause.column), words


# --- The causes, tried in this order -----------------------------------------------------


def _tab(spot: _Spot) -> Cause | None:
    line_index, column = spot.where
    line = spot.line(line_index)
    if "tab character" not in spot.problem and spot.char(spot.where) != "\t":
        return None
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    tab = indent.find("\t") if "\t" in indent else column
    return Cause(line_index + 1, tab + 1, text("yaml-tab"), text("yaml-hint-tab"))


def _quoted(spot: _Spot) -> Cause | None:
    if "quoted scalar" not in spot.context:
        return None
    if "end of stream" in spot.problem and spot.context_at is not None:
        line, column = spot.context_at
        quote = spot.char(spot.context_at)
        hint = text("yaml-hint-single-quote" if quote == "'" else "yaml-hint-double-quote")
        return Cause(line + 1, column + 1, text("yaml-unclosed-quote", quote=quote), hint)
    if "unknown escape" in spot.problem and spot.problem_at is not None:
        line, column = spot.problem_at
        if spot.line(line)[column : column + 1] != "\\" and spot.line(line)[column - 1 : column] == "\\":
            column -= 1  # libyaml marks the backslash, the pure-Python parser the letter after it
        escape = spot.line(line)[column : column + 2]
        return Cause(line + 1, column + 1, text("yaml-unknown-escape", escape=escape), text("yaml-hint-backslash"))
    return None


def _flow(spot: _Spot) -> Cause | None:
    """A `[` or `{` that is not closed (often because a ` #` made the rest of its line a comment)."""
    if spot.problem_at is None:
        return None
    if ("flow sequence" in spot.context or "flow mapping" in spot.context) and spot.context_at is not None:
        line, column = spot.context_at
    elif "flow node" in spot.context and (opened := _unclosed_opener(spot)) is not None:
        line, column = opened  # after a `,` the parser marks where it gave up, not the bracket
    else:
        return None
    opener = spot.line(line)[column : column + 1]
    closer = {"[": "]", "{": "}"}.get(opener)
    if closer is None:
        return None
    comment = _comment_start(spot.line(line), column)
    if comment is not None and closer not in spot.line(line)[column:comment]:
        return Cause(line + 1, comment + 1, text("yaml-hash-comment", closer=closer), text("yaml-hint-hash"))
    if spot.problem_at[0] > line:
        hint = text("yaml-hint-unclosed-bracket", closer=closer)
        return Cause(line + 1, column + 1, text("yaml-unclosed-bracket", opener=opener, closer=closer), hint)
    at_line, at_column = spot.problem_at
    return Cause(at_line + 1, at_column + 1, text("yaml-flow-separator", closer=closer), text("yaml-hint-flow-items"))


def _unclosed_opener(spot: _Spot) -> tuple[int, int] | None:
    """The last `[` or `{` (outside quotes and comments) not closed on its own line, looking up."""
    for line_index in range(spot.where[0], max(spot.where[0] - 50, -1), -1):
        line, opened, quote = spot.line(line_index), [], ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] in " \t,[{"):
                break
            elif char in "[{":
                opened.append(index)
            elif char in "]}" and opened:
                opened.pop()
        if opened:
            return line_index, opened[-1]
    return None


def _key_without_colon(spot: _Spot) -> Cause | None:
    if "could not find expected ':'" not in spot.problem or spot.context_at is None:
        return None
    line_index, column = spot.context_at
    line = spot.line(line_index)
    full_width = line.find("：", column)
    plain = _colon_without_space(line, column)
    if full_width >= 0 and (plain is None or full_width < plain):
        key = line[column:full_width].strip()
        return Cause(
            line_index + 1,
            full_width + 1,
            text("yaml-full-width-colon", key=key),
            text("yaml-hint-full-width-colon", key=key),
        )
    if plain is not None:
        key, value = line[column:plain].strip(), _snippet(line[plain + 1 :])
        after = line[plain + 1 : plain + 2]
        what = "yaml-full-width-space" if after == "\u3000" else "yaml-no-space-after-colon"
        return Cause(
            line_index + 1, plain + 1, text(what, key=key), text("yaml-hint-space-after-colon", key=key, value=value)
        )
    return Cause(line_index + 1, column + 1, text("yaml-not-a-field"), text("yaml-hint-continuation"))


def _colon_in_text(spot: _Spot) -> Cause | None:
    if "mapping values are not allowed" not in spot.problem or spot.problem_at is None:
        return None
    line_index, column = spot.problem_at
    line = spot.line(line_index)
    start = _content_start(line)
    first = _first_field_colon(line, start)
    if first is not None and first < column:
        hint = _quote_hint(line[start:first], line[first + 1 :])
        return Cause(line_index + 1, column + 1, text("yaml-colon-in-text"), hint)
    return Cause(line_index + 1, start + 1, text("yaml-indented-too-far"), text("yaml-hint-indentation"))


def _list_item(spot: _Spot) -> Cause | None:
    if spot.problem_at is None:
        return None
    line, column = spot.problem_at
    if "sequence entries are not allowed" in spot.problem:
        key = spot.line(line)[:column].strip().removesuffix(":").strip()
        return Cause(
            line + 1, column + 1, text("yaml-list-on-field-line"), text("yaml-hint-list-on-field-line", key=key)
        )
    expected_item = "'-' indicator" in spot.problem or "block collection" in spot.context
    expected_key = "expected key" in spot.problem or "expected <block end>" in spot.problem
    if not (expected_item or expected_key):
        return None
    if spot.char(spot.problem_at) == "-":
        return Cause(line + 1, column + 1, text("yaml-list-item-level"), text("yaml-hint-list-item-level"))
    if expected_item:
        return Cause(line + 1, column + 1, text("yaml-field-in-list"), text("yaml-hint-field-in-list"))
    return None


def _left_over(spot: _Spot) -> Cause | None:
    """Text after a closing quote or bracket: `"abc" def`, `[AL-1021] pump`."""
    if "expected key" not in spot.problem and "expected <block end>" not in spot.problem:
        return None
    if spot.problem_at is None:
        return None
    line_index, column = spot.problem_at
    line = spot.line(line_index)
    before = line[:column].rstrip()
    if not before or column <= _content_start(line):
        return None
    key, value = _field_and_value(line)
    if before.endswith(('"', "'")):
        hint = _quote_hint(key, value.replace('"', "").replace("'", ""))
        return Cause(line_index + 1, column + 1, text("yaml-text-after-quote"), hint)
    if before.endswith(("]", "}")):
        opener = "[" if before.endswith("]") else "{"
        return Cause(
            line_index + 1, column + 1, text("yaml-text-after-bracket", opener=opener), _quote_hint(key, value)
        )
    return None


def _indentation(spot: _Spot) -> Cause | None:
    if "expected key" not in spot.problem and "expected <block end>" not in spot.problem:
        return None
    line_index, column = spot.where
    if _inside_block(spot, line_index):
        return Cause(line_index + 1, column + 1, text("yaml-block-indentation"), text("yaml-hint-block"))
    return Cause(line_index + 1, column + 1, text("yaml-indentation"), text("yaml-hint-indentation"))


def _indicator(spot: _Spot) -> Cause | None:
    """A value that starts with a character YAML keeps for itself: `*bold*`, `@x`, a backtick."""
    if "alias" in spot.context or "anchor" in spot.context:
        at = spot.context_at or spot.where
    elif "cannot start any token" in spot.problem:
        at = spot.where
    else:
        return None
    key, _ = _field_and_value(spot.line(at[0]))
    hint = _quote_hint(key, spot.line(at[0])[at[1] :])
    char = spot.char(at)
    shown = "`` ` ``" if char == "`" else f"`{char}`"  # a backtick cannot stand inside backticks
    return Cause(at[0] + 1, at[1] + 1, text("yaml-starts-with-indicator", character=shown), hint)


def _unrecognised(spot: _Spot) -> Cause:
    line, column = spot.where
    words = ", ".join(part for part in (spot.context, spot.problem) if part)
    return Cause(line + 1, column + 1, text("yaml-unrecognised", problem=words), text("yaml-hint-usual-causes"))


_CAUSES: tuple[Callable[[_Spot], Cause | None], ...] = (
    _tab,
    _quoted,
    _flow,
    _key_without_colon,
    _colon_in_text,
    _list_item,
    _left_over,
    _indentation,
    _indicator,
)


# --- Reading the line --------------------------------------------------------------------


def _content_start(line: str) -> int:
    """Where a line's content starts: after its indentation and any `- ` of a list item."""
    index = len(line) - len(line.lstrip(" "))
    while line[index : index + 2] == "- ":
        index += 2
        index += len(line[index:]) - len(line[index:].lstrip(" "))
    return index


def _first_field_colon(line: str, start: int) -> int | None:
    """The `:` that ends the field name of a `field: value` line, if it is one."""
    for index in range(start, len(line)):
        if line[index] == ":" and (index + 1 == len(line) or line[index + 1] in " \t"):
            return index
        if line[index] in "\"'[{#":
            return None  # a quoted or flow key: not what people write
    return None


def _field_and_value(line: str) -> tuple[str, str]:
    """`title`, `液压站: 压力掉` of a `title: 液压站: 压力掉` line; no field: ("", the line)."""
    start = _content_start(line)
    first = _first_field_colon(line, start)
    if first is None:
        return "", line[start:]
    return line[start:first], line[first + 1 :]


def _quote_hint(key: str, value: str) -> Text:
    value = _snippet(value).replace('"', "'")
    if key:
        return text("yaml-hint-quote-text", key=key, value=value)
    return text("yaml-hint-quote-value", value=value)


def _colon_without_space(line: str, start: int) -> int | None:
    for index in range(start, len(line) - 1):
        if line[index] == ":" and line[index + 1] not in " \t":
            return index
    return None


def _comment_start(line: str, start: int) -> int | None:
    """The ` #` that starts a comment after `start`, outside quotes."""
    quote = ""
    for index in range(start, len(line)):
        char = line[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (index == start or line[index - 1] in " [{,"):
            quote = char
        elif char == "#" and line[index - 1 : index] in (" ", "\t", ",", "[", "{"):  # as libyaml reads them
            return index
    return None


def _inside_block(spot: _Spot, line_index: int) -> bool:
    """True when the nearest less-indented line above opens a literal or folded block."""
    indent = len(spot.line(line_index)) - len(spot.line(line_index).lstrip(" "))
    for above in range(line_index - 1, -1, -1):
        line = spot.line(above)
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) < indent:
            return line.rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+"))
    return False


def _snippet(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _SNIPPET else value[: _SNIPPET - 1] + "…"


# --- The excerpt ------------------------------------------------------------------------


def excerpt(line_text: str, line: int, column: int) -> str:
    """The line as the report prints it, and a caret under `column` (1-based, in characters).

    The caret is placed by terminal columns: a Chinese character takes two. The line goes
    through the same masking and escaping as every printed message (a tab shows as `\\t`),
    so the caret stands under what is printed.
    """
    before, rest = shown(line_text[: column - 1]), shown(line_text[column - 1 :])
    if display_width(before) > _CLIP_BEFORE:
        before = "…" + last_columns(before, _CLIP_BEFORE - 1)
    if display_width(rest) > _CLIP_AFTER:
        rest = first_columns(rest, _CLIP_AFTER - 1) + "…"
    number = str(line)
    return f"  {number} | {before}{rest}".rstrip() + f"\n  {' ' * len(number)} | {' ' * display_width(before)}^"
