"""Ids from what people write in a cell: `张伟` or `zhang-wei`, `VMC-850 立式加工中心`,
`VMC-850` or `vmc-850`.

Shared by everything that reads names written outside the records: ticket exports (a
CRM knows its engineers by name, not by our ids) and spreadsheets brought in with
`kb import` (generator/sheets/).

Looser forms are tried only when stricter ones find nothing, and a form that fits two
records is refused rather than guessed. A product is also known the way a 台账 writes it:
by its model code with a word after it (`SD-3伺服` for `SD-3 伺服驱动器`), or by a part of
its name without the code (`液压站`, `空压机` for `SC-75 螺杆空压机`).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator.slug import slugify

_NOT_ALNUM = re.compile(r"[\W_]+")
# A model code as a 台账 writes it before a word of its own: `SD-3伺服`, `IM-280注塑机`.
_CODE_BEFORE_WORD = re.compile(r"^([A-Za-z]+[-\s]?\d[A-Za-z0-9-]*)\s*[^\x00-\x7f]")
_SHORTEST_NAME_PART = 2  # characters: `站` alone says too little to name a product by


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text).casefold()


def _sound(text: str) -> str:
    return _compact(slugify(text))


def _first_word(text: str) -> str:
    return text.split()[0] if text.split() else text


def _name_parts(names: list[str]) -> set[str]:
    """A product's names without their model code, compacted: `HX-200 液压站` -> `液压站`."""
    parts = set()
    for name in names:
        words = name.split()
        if len(words) > 1 and any(ch.isdigit() for ch in words[0]):
            words = words[1:]
        parts.add(_compact(" ".join(words)))
    return parts - {""}


@dataclass(frozen=True)
class Found:
    """What a cell's text names: one id, several (ambiguous), or none (with near misses)."""

    id: str | None
    ambiguous: tuple[str, ...] = ()
    near: tuple[str, ...] = ()  # ids whose name or id is close to the text


@dataclass
class Names:
    """Every id of a kind with the names it is known by."""

    labels: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, kind: str, record_id: str, *names: str | None) -> None:
        known = self.labels[kind].setdefault(record_id, [])
        known.extend(name for name in names if name and name not in known)

    def name(self, kind: str, record_id: str) -> str:
        """The first name of a record, for messages."""
        names = self.labels[kind].get(record_id) or [record_id]
        return names[0]

    def find(self, kind: str, text: str, suggest: bool = True) -> Found:
        """What `text` names; with `suggest`, the near misses when it names nothing."""
        entries = self.labels[kind]
        for matches in self._passes(kind, text):
            ids = sorted(record_id for record_id, names in entries.items() if matches(record_id, names))
            if len(ids) == 1:
                return Found(ids[0])
            if ids:
                return Found(None, ambiguous=tuple(ids))
        return Found(None, near=self._near(kind, text) if suggest else ())

    def _passes(self, kind: str, text: str):
        """Ways `text` may name a record, strictest first."""
        folded, compact = text.casefold(), _compact(text)
        yield lambda record_id, names: text == record_id or text in names
        yield lambda record_id, names: folded in {record_id.casefold(), *(n.casefold() for n in names)}
        yield lambda record_id, names: compact in self._compact_forms(kind, record_id, names)
        if kind != "product":
            return
        code = _CODE_BEFORE_WORD.match(text)
        if code:
            model = _compact(code.group(1))
            yield lambda record_id, names: model in self._compact_forms(kind, record_id, names)
        if len(compact) >= _SHORTEST_NAME_PART:
            yield lambda record_id, names: any(compact in part for part in _name_parts(names))

    @staticmethod
    def _compact_forms(kind: str, record_id: str, names: list[str]) -> set[str]:
        forms = {_compact(record_id), *(_compact(n) for n in names)}
        if kind == "product":  # `VMC-850` for `VMC-850 立式加工中心`: the model number alone
            forms |= {_compact(_first_word(n)) for n in names}
        return forms - {""}

    def _near(self, kind: str, text: str) -> tuple[str, ...]:
        by_form: dict[str, str] = {}
        sound = _sound(text)
        same_sound = []  # 张玮 for 张伟: the typing slip an input method makes
        for record_id, names in sorted(self.labels[kind].items()):
            for form in (record_id, *names):
                by_form.setdefault(form.casefold(), record_id)
                if sound and _sound(form) == sound:
                    same_sound.append(record_id)
        close = difflib.get_close_matches(text.casefold(), list(by_form), n=3, cutoff=0.5)
        return tuple(dict.fromkeys([*same_sound, *(by_form[form] for form in close)]))[:3]

    def described(self, kind: str, record_id: str) -> str:
        """`张伟` (zhang-wei): how a suggestion is shown."""
        name = self.name(kind, record_id)
        return f"`{name}` ({record_id})" if name != record_id else f"`{record_id}`"


class Resolver:
    """`Names.find` remembered per text: an export names the same few engineers and
    products on every one of its many thousand rows. Near misses are looked for only when
    a message asks for them (`find`), not for every text that names nothing (`resolve`)."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self._found: dict[tuple[str, str, bool], Found] = {}
        self._exact: dict[str, dict[str, list[str]]] = {}

    def find(self, kind: str, text: str, suggest: bool = True) -> Found:
        key = (kind, text, suggest)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._exactly(kind, text) or self.names.find(kind, text, suggest)
        return found

    def resolve(self, kind: str, text: str) -> str | None:
        """The id that `text` names, or None when it names none or more than one."""
        return self.find(kind, text, suggest=False).id

    def _exactly(self, kind: str, text: str) -> Found | None:
        """Names.find's first, exact pass from an index: looking through every record for
        each distinct text would grow with people times names."""
        if kind not in self._exact:
            index: dict[str, list[str]] = defaultdict(list)
            for record_id, names in sorted(self.names.labels[kind].items()):
                for form in dict.fromkeys((record_id, *names)):
                    index[form].append(record_id)
            self._exact[kind] = index
        ids = sorted(set(self._exact[kind].get(text, ())))
        if not ids:
            return None
        return Found(ids[0]) if len(ids) == 1 else Found(None, ambiguous=tuple(ids))
