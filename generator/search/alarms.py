"""Alarm and fault codes of cases: which code-shaped words are codes that a machine showed.

A code is typed in many forms: AL-3002, AL3002, `al 3002`, Err.12. The search reads each as
its letters and digits in a row, in lower case (`al3002`: assets/kb-search.js folds a query
so, and Pagefind indexes `AL-3002` so); that is a code's key here. Its canonical form is the
letters in upper case, a hyphen and the digits (`AL-3002`), its page's slug the same in lower
case (`al-3002`); digits are kept as written, so AL-0012 and AL-12 are two codes.

The shape alone cannot tell a code: it also fits the tail of a part number (`VB-220` in
HX-VB-220), a model (VMC-850, FM12), a CNC word (G01, M06), an oil grade (VG46), a
material, a parameter (P1828). Two rules decide, both from the records:

1. **Reported.** A case reports a code where a whole code-shaped word (not a piece of a
   longer part number such as HX-VB-220, HX-AC-10B, HX-CB-16-K or P1815.4) stands where a
   machine's message stands: a few characters after a word of reporting on the same line
   (报, 显示, 提示, 弹出, 故障码, alarm, fault, shows ...: 报 `ALM 300 要求回参考点`,
   HMI 显示 F0017 主驱动故障), or at the start of emphasised text followed by its message
   (`AL-1033 卸荷频次过高`, **W-07 电池电压低**), in any text field; emphasised on its own
   (`Err-52`) only in the title or the symptoms (in a cause or resolution that is how a
   parameter is written); or as an aka word or tag with its message.
2. **The product's shape.** The letters of the codes reported on a product are that
   product's code prefixes (HX-200: AL and E). A whole code-shaped word with a prefix of one
   of the case's products is a code of the case wherever it stands: a tag `AL-1021`, a
   plain "未再报 E203" in a resolution.

A product's own model (the code-shaped words of its id and names: VMC-850, FM12) is never
a code. Letters joined to the digits by a space count only in upper case (ALM 1005) or
emphasised (`al 3002`), so that English text (at 20, Step 10) stays text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.shapes import Case, Entry

# ALARM_CODE (tokens.py) as a whole word, with the joiners the search script folds (`.` too).
CODE_WORD = re.compile(r"(?<![A-Za-z0-9_.\-])([A-Za-z]{1,4})([-_ .]?)([0-9]{2,5})(?![A-Za-z0-9_]|[.\-][A-Za-z0-9])")
# A word of reporting, then at most a few characters of the same clause before the code.
REPORTED_AFTER = re.compile(
    r"(?:报(?![价废告销表名])|显示|提示|弹出|弹窗|跳出|故障码|代码"
    r"|\b(?:alarms?|faults?|errors?|warnings?|shows?|showed|shown|displays?|displayed|reports?|reported|raised|code)\b)"
    r"[^\n。；;！!？?，,]{0,6}$",
    re.IGNORECASE,
)
LOOK_BACK = 24  # characters before a code searched for a word of reporting
EMPHASIS = ("**", "__", "`")
# Full-width letters, digits and joiners (ＡＬ－１０２１), read as their half-width forms.
FULL_WIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff0e\uff3f\u3000]")
HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
MESSAGE_END = re.compile(r"[\n。；;！!？?，,（(“\"`*]")
MESSAGE_LENGTH = 30
TEXT_FIELDS = ("symptoms", "environment", "cause", "resolution")
ALONE_FIELDS = ("title", "symptoms")  # where a code emphasised on its own is reported


@dataclass(frozen=True)
class Mention:
    """One code-shaped word in a case's text."""

    key: str  # "al3002"
    letters: str  # "AL"
    written: str  # as the case writes it: "AL 3002"
    message: str  # the text that follows it as the machine's message, or ""
    reported: bool


@dataclass(frozen=True)
class AlarmCode:
    """A code and every case it occurs in."""

    key: str  # letters and digits in lower case, as the search folds them: "al3002"
    code: str  # canonical: "AL-3002"
    slug: str  # "al-3002"
    written: tuple[str, ...]  # the forms the cases write it in, most used first
    cases: tuple[str, ...]  # case ids, sorted
    uses: tuple[tuple[str, str], ...]  # (case id, the message a case gives it), where it gives one

    def messages(self, cases: Iterable[str] | None = None) -> tuple[str, ...]:
        """What the cases (or some of them) say the code means, most said first."""
        chosen = None if cases is None else set(cases)
        return _most_used(Counter(m for case_id, m in self.uses if chosen is None or case_id in chosen))


def code_key(letters: str, digits: str) -> str:
    return (letters + digits).lower()


def canonical(letters: str, digits: str) -> str:
    return f"{letters.upper()}-{digits}"


def sort_key(code: str) -> tuple[str, int, str]:
    """AL-12 before AL-1021 before ALM-300: by letters, then the digits' value."""
    letters, digits = code.split("-")
    return letters, int(digits), digits


def model_keys(products: Iterable[Entry]) -> frozenset[str]:
    """The code-shaped words of the products' ids and names: the models, never codes."""
    keys = set()
    for product in products:
        for text in (product.id, product.name, product.name_en or ""):
            keys.update(code_key(m.group(1), m.group(3)) for m in CODE_WORD.finditer(text.translate(HALF_WIDTH)))
    return frozenset(keys)


def mentions(text: str, field: str) -> list[Mention]:
    """The whole code-shaped words of one text field, each with whether the case reports it."""
    if FULL_WIDTH.search(text):
        text = text.translate(HALF_WIDTH)
    found = []
    for match in CODE_WORD.finditer(text):
        letters, joiner, digits = match.groups()
        if joiner == " " and not letters.isupper() and not text.endswith(EMPHASIS, 0, match.start()):
            continue  # at 20 is English, unless marked as a code
        reported, message = _reported(text, match, field)
        found.append(Mention(code_key(letters, digits), letters.upper(), match.group(), message, reported))
    return found


def _reported(text: str, match: re.Match, field: str) -> tuple[bool, str]:
    """Whether the text reports the code at this place, and the message that follows it."""
    before = text[max(0, match.start() - LOOK_BACK) : match.start()]
    for mark in EMPHASIS:
        if before.endswith(mark):
            close = text.find(mark, match.end())
            line_end = text.find("\n", match.end())
            if close < 0 or (0 <= line_end < close):
                break
            message = _message(text[match.end() : close])
            return bool(message) or field in ALONE_FIELDS, message
    if REPORTED_AFTER.search(before):
        return True, _message(text[match.end() :])
    return False, ""


def _message(after: str) -> str:
    """The message after a code, up to the end of its clause: `油温过高` of `AL-1021 油温过高，…`."""
    after = after.lstrip(" :：-—")
    end = MESSAGE_END.search(after)
    message = (after[: end.start()] if end else after).strip()
    starts_with_words = bool(message) and (message[:2].isalpha() or (message[0].isalpha() and not message[0].isascii()))
    if not starts_with_words:
        return ""  # a number, a unit or a mark is no message
    return message if len(message) <= MESSAGE_LENGTH else message[: MESSAGE_LENGTH - 1] + "…"


def case_mentions(case: Case) -> list[Mention]:
    """Every code-shaped word of a case: title, aka words and tags (each as a line of its own), text fields."""
    found = mentions(case.title, "title")
    for word in (*case.aka, *case.tags):
        found += _word_mentions(str(word))
    for field in TEXT_FIELDS:
        text = getattr(case, field)
        if text:
            found += mentions(text, field)
    return found


def _word_mentions(word: str) -> list[Mention]:
    """An aka word or tag that is a code with its message (`AL-1021 油温高`) reports it."""
    found = mentions(word, "aka")
    if found and word.strip().startswith(found[0].written):
        first = found[0]
        message = _message(word.strip()[len(first.written) :])
        found[0] = Mention(first.key, first.letters, first.written, message, bool(message))
    return found


# A case's mentions while it is the same object: a record's model is kept while its file is
# unchanged (generator/validate/shape.py), so an edit in `kb serve` reads the edited case only.
_MENTIONS: dict[int, tuple[Case, list[Mention]]] = {}


def _cached_mentions(cases: Mapping[str, Case]) -> dict[str, list[Mention]]:
    found = {}
    kept = {}
    for case_id, case in cases.items():
        known = _MENTIONS.get(id(case))
        if known is None or known[0] is not case:
            known = (case, case_mentions(case))
        kept[id(case)] = known
        found[case_id] = known[1]
    _MENTIONS.clear()
    _MENTIONS.update(kept)
    return found


def find_alarm_codes(cases: Mapping[str, Case], products: Iterable[Entry]) -> dict[str, AlarmCode]:
    """Every alarm code of the cases by key, in code order (see the top of this file)."""
    models = model_keys(products)
    found = {
        case_id: [m for m in mentioned if m.key not in models] for case_id, mentioned in _cached_mentions(cases).items()
    }
    prefixes = _product_prefixes(cases, found)
    codes: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for case_id in sorted(cases):
        allowed = set().union(*(prefixes.get(p, ()) for p in cases[case_id].products))
        for mention in found[case_id]:
            if mention.reported or mention.letters in allowed:
                codes[mention.key].append((case_id, mention))
    made = [_alarm_code(key, uses) for key, uses in codes.items()]
    return {code.key: code for code in sorted(made, key=lambda code: sort_key(code.code))}


def _product_prefixes(cases: Mapping[str, Case], found: Mapping[str, list[Mention]]) -> dict[str, set[str]]:
    """Each product's code prefixes: the letters of the codes its cases report."""
    prefixes: dict[str, set[str]] = defaultdict(set)
    for case_id, case_mentions_ in found.items():
        reported = {m.letters for m in case_mentions_ if m.reported}
        for product in cases[case_id].products:
            prefixes[product] |= reported
    return prefixes


def _alarm_code(key: str, uses: list[tuple[str, Mention]]) -> AlarmCode:
    first = uses[0][1]
    code = canonical(first.letters, key[len(first.letters) :])
    written = Counter(mention.written for _, mention in uses)
    return AlarmCode(
        key=key,
        code=code,
        slug=code.lower(),
        written=_most_used(written),
        cases=tuple(sorted({case_id for case_id, _ in uses})),
        uses=tuple((case_id, mention.message) for case_id, mention in uses if mention.message),
    )


def _most_used(counts: Counter) -> tuple[str, ...]:
    return tuple(sorted(counts, key=lambda item: (-counts[item], item)))
