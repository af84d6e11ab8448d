"""Click's own words around a command line that cannot run (generator/cli/mistakes.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli-error": ("错误：{message}", "Error: {message}"),
    "cli-try-help": ("运行 `{command} --help` 查看帮助。", "Try '{command} --help' for help."),
    "cli-did-you-mean": ("；是不是 {names}？", " Did you mean {names}?"),
    "cli-no-such-option": ("没有 `{option}` 这个选项{hint}", "No such option: {option}.{hint}"),
    "cli-no-such-command": ("没有 `{command}` 这个命令{hint}", "No such command: {command}.{hint}"),
    "cli-missing-command": ("缺少命令", "Missing command."),
    "cli-missing": ("缺少 `{name}`", "Missing {name}."),
    "cli-takes-no-value": ("选项 `{option}` 后面不带值", "Option {option} does not take a value."),
    "cli-needs-value": ("选项 `{option}` 后面要跟一个值", "Option {option} requires a value."),
    "cli-bad-value": ("`{name}` 的值不对：{message}", "Invalid value for {name}: {message}"),
    "cli-extra-arguments": ("多余的参数：`{arguments}`", "Unexpected extra arguments: {arguments}"),
    "cli-no-such-file": ("文件 `{path}` 不存在", "file '{path}' does not exist"),
    "cli-no-such-folder": ("文件夹 `{path}` 不存在", "folder '{path}' does not exist"),
    "cli-no-such-path": ("`{path}` 不存在", "'{path}' does not exist"),
    "cli-not-a-folder": ("`{path}` 是文件，不是文件夹", "'{path}' is a file, not a folder"),
    "cli-a-folder": ("`{path}` 是文件夹，不是文件", "'{path}' is a folder, not a file"),
    "cli-not-a-choice": ("`{value}` 不是可选的值；可选：{allowed}", "'{value}' is not one of {allowed}"),
    "cli-not-a-whole-number": ("`{value}` 不是整数", "'{value}' is not a whole number"),
    "cli-not-a-number": ("`{value}` 不是数字", "'{value}' is not a number"),
    "cli-out-of-range": ("`{value}` 超出范围：应当{range}", "{value} is out of range: it must be {range}"),
    "cli-range-between": ("在 {low} 到 {high} 之间", "between {low} and {high}"),
    "cli-range-at-least": ("不小于 {low}", "at least {low}"),
    "cli-range-above": ("大于 {low}", "above {low}"),
    "cli-range-at-most": ("不大于 {high}", "at most {high}"),
    "cli-range-below": ("小于 {high}", "below {high}"),
    "cli-stopped": ("已中止。", "Stopped."),
}  # fmt: skip
