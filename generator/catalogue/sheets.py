"""Messages of `kb import` about the cells of a sheet."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "noun-person": ("人员", "person"),
    "noun-product": ("产品", "product"),
    "noun-skill": ("技能", "skill"),
    "noun-team": ("团队", "team"),
    "noun-session": ("培训场次", "session"),
    "noun-award-kind": ("奖项类别", "award kind"),
    "noun-case": ("案例", "case"),
    "sheet-near-names": ("；是不是 {names}？", "; did you mean {names}?"),
    "sheet-ambiguous-name": (
        "`{text}` 对应了不止一个{noun}：{candidates}；请改写 id",
        "`{text}` fits more than one {noun}: {candidates}; write the id",
    ),
    "sheet-not-a-choice": ("`{field}` 是 `{text}`；可选：{allowed}", "`{field}` is `{text}`; allowed: {allowed}"),
    "sheet-bad-skill-level": (
        "`{item}` 需要写成技能加 1-4 的等级，例如 `液压系统 3`",
        "`{item}` needs a skill and a level 1-4, e.g. `hydraulics 3`",
    ),
}  # fmt: skip
