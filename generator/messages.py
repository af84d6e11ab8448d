"""The message catalogue: the words of every diagnostic in each language, by key.

A diagnostic carries a key and its arguments, not finished words, so that the same run
can be reported in Chinese on a Chinese site and in English with `--language en`. Each
entry holds both languages side by side, so the two can never have different keys; a
test checks that both use the same placeholders.

An argument may itself be a Text (a hint such as "did you mean …"), which is put into
the same language as the message around it.
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
        values = {name: value.render(language) if isinstance(value, Text) else value for name, value in self.args}
        return template.format(**values)


def text(key: str, **args: Any) -> Text:
    return Text(key, tuple(sorted(args.items())))


NOTHING = Text("")  # an empty hint

# key: (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "": ("", ""),
    # hints that other messages put at their end
    "hint-did-you-mean": ("；是不是 `{name}`？", "; did you mean `{name}`?"),
    # reports
    "report-no-problems": ("{files} 个文件，没有发现问题。", "No problems in {files} file(s)."),
    "report-counts": ("{files} 个文件中有 {errors} 个错误、{warnings} 个警告。", "{errors} error(s), {warnings} warning(s) in {files} file(s)."),
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    # kb serve
    "serve-banner": (
        "记录有错误：网站显示的是上一次成功构建的内容。修正文件后自动重建。",
        "The records have errors: the site shows the last good build. Fix the files and it rebuilds.",
    ),
    "serve-dismiss": ("关闭", "Dismiss"),
}  # fmt: skip
