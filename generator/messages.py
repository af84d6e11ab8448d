"""The message catalogue: the words of every diagnostic in each language, by key.

A diagnostic carries a key and its arguments, not finished words, so that the same run
can be reported in Chinese on a Chinese site and in English with `--language en`. Each
entry holds both languages side by side, so the two can never have different keys; a
test checks that both use the same placeholders.

An argument may itself be a Text (a hint such as "did you mean …") or a Listing of
values, which are put into the same language as the message around it.

The entries are kept by area in generator/catalogue/ (loading, YAML syntax, shapes,
checks, runs of the commands); the few that every area uses are here. All of them
make one catalogue: a key is defined once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """Words to be put into a language later: a catalogue key and its arguments."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.render("en")

    def render(self, language: str) -> str:
        entry = MESSAGES.get(self.key)
        if entry is None:
            return self.key  # not a key: words written directly (kept as they are)
        template = entry[LANGUAGES.index(language)]
        values = {name: _rendered(value, language) for name, value in self.args}
        return template.format(**values)


def text(key: str, /, **args: Any) -> Text:
    return Text(key, tuple(sorted(args.items())))


@dataclass(frozen=True)
class Listing:
    """Values named in a message (ids, allowed values, steps of a cycle), joined as each
    language writes a list: `a`、`b` 或 `c` in Chinese, 'a', 'b' or 'c' in English.

    `joiner`: "and" (a plain list), "or" (a choice) or "arrow" (a path through them).
    In Chinese every value is a code span, so that ids never read as words of the text.
    """

    items: tuple[str, ...]
    joiner: str = "and"

    def render(self, language: str) -> str:
        if self.joiner == "arrow":
            return " → ".join(f"`{item}`" if language == "zh" else item for item in self.items)
        if language == "zh":
            quoted = [f"`{item}`" for item in self.items]
            if self.joiner == "or" and len(quoted) > 1:
                return "、".join(quoted[:-1]) + " 或 " + quoted[-1]
            return "、".join(quoted)
        if self.joiner == "or":  # as pydantic writes the allowed values of a field
            quoted = [f"'{item}'" for item in self.items]
            return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        return ", ".join(self.items)


def _rendered(value: Any, language: str) -> Any:
    return value.render(language) if isinstance(value, (Text, Listing)) else value


NOTHING = Text("")  # an empty hint

# key: (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "": ("", ""),
    # hints that other messages put at their end
    "hint-did-you-mean": ("；是不是 `{name}`？", "; did you mean `{name}`?"),
    # reports
    "report-no-problems": ("检查了 {files}，没有发现问题。", "No problems in {files}."),
    "report-counts": ("{files}中有 {errors}、{warnings}。", "{errors}, {warnings} in {files}."),
    # counts, one key per English number so that English can say "1 file" and "2 files"
    "count-file": ("{n} 个文件", "{n} file"),
    "count-files": ("{n} 个文件", "{n} files"),
    "count-error": ("{n} 个错误", "{n} error"),
    "count-errors": ("{n} 个错误", "{n} errors"),
    "count-warning": ("{n} 个警告", "{n} warning"),
    "count-warnings": ("{n} 个警告", "{n} warnings"),
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    # kb serve
    "serve-banner": (
        "记录有错误：网站显示的是上一次成功构建的内容。修正文件后自动重建。",
        "The records have errors: the site shows the last good build. Fix the files and it rebuilds.",
    ),
    "serve-dismiss": ("关闭", "Dismiss"),
}  # fmt: skip


def _one_catalogue() -> None:
    """Add each area's entries, refusing a key that two areas define."""
    from generator.catalogue import AREAS

    for area in AREAS:
        twice = MESSAGES.keys() & area.keys()
        if twice:
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        MESSAGES.update(area)


_one_catalogue()
