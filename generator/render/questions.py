"""Practice questions from the team's own validated cases: the symptoms, and "what is the cause?".

Each validated case with a cause is a question. Its right answer is its own cause; the three
wrong ones are causes of other validated cases, taken in this order until three are found:

1. the case's similar cases (`data.similar`, the similarity the site already shows) that share
   a product or a skill with it, most similar first;
2. the other cases of its products, then of its skills;
3. any other case.

Every cause is shown as its first sentence in plain text (`cause_line`, as the alarm-code
pages show causes), and no two choices of a question read the same once case, width,
spaces and punctuation are set aside, so a wrong answer is never the right one written
otherwise. Cases of steps 2 and 3 are taken from a place in their list that a hash of the
question's case id gives, so that neighbouring questions do not all borrow the same causes.
A case whose list runs out before three different causes (a library with fewer than four
different causes) is no question. Choices are shuffled by a hash of the case id (and of a
contest's seed): the same records give the same questions in the same order, always.

A case can be left out (`left_out`): a cause that makes a poor question is then neither a
question nor another question's wrong answer.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.model import Dataset
from generator.render.codes import cause_line

WRONG_ANSWERS = 3
MOST_LOOKED_AT = 200  # candidates read for one question: a library of equal causes costs no more


@dataclass(frozen=True)
class Choice:
    """One answer a question offers: the cause of a case, as shown."""

    case: str  # the case whose cause it is
    text: str


@dataclass(frozen=True)
class Question:
    """A case's symptoms ask for its cause; the choices are in the order shown."""

    case: str
    choices: tuple[Choice, ...]

    @property
    def answer(self) -> int:
        """The place of the right choice (the case's own cause) among the choices."""
        return next(index for index, choice in enumerate(self.choices) if choice.case == self.case)

    def shuffled(self, seed: int) -> Question:
        """The same choices in the order a contest paper of `seed` gives them."""
        order = sorted(self.choices, key=lambda choice: _hash(f"{seed}\0{self.case}\0{choice.case}"))
        return Question(self.case, tuple(order))


def practice_opt_outs(data: Dataset) -> frozenset[str]:
    """The cases whose record says `practice: false`."""
    return frozenset(case_id for case_id, case in data.cases.items() if not case.practice)


def practice_questions(data: Dataset, left_out: Iterable[str] = ()) -> dict[str, Question]:
    """The question of every case that makes one, by case id (sorted)."""
    pool = answer_pool(data, frozenset(left_out))
    lists = _CaseLists(data, pool)
    keys = {case_id: normalised(shown) for case_id, shown in pool.items()}  # each once: a case is looked at often
    questions = {}
    for case_id in sorted(pool):
        wrong = _wrong_answers(case_id, keys, lists.candidates(case_id))
        if len(wrong) == WRONG_ANSWERS:
            choices = [Choice(other, pool[other]) for other in (case_id, *wrong)]
            questions[case_id] = Question(case_id, tuple(sorted(choices, key=lambda c: _hash(f"{case_id}\0{c.case}"))))
    return questions


def answer_pool(data: Dataset, left_out: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each validated case with a cause that shows as words (and not left out): its cause as shown."""
    pool = {}
    for case_id, case in data.cases.items():
        if case.state == "validated" and case.cause and case_id not in left_out:
            shown = cause_line(case.cause)
            if normalised(shown):
                pool[case_id] = shown
    return pool


def normalised(text: str) -> str:
    """The words of a cause without case, width, spaces or punctuation: what tells two apart."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if unicodedata.category(char)[0] not in "PZC" and not char.isspace())


def _wrong_answers(case_id: str, keys: dict[str, str], candidates: Iterator[str]) -> list[str]:
    """The first WRONG_ANSWERS candidates whose causes (`keys`: normalised) differ from the
    case's and from each other."""
    taken = {keys[case_id]}
    wrong: list[str] = []
    for looked, other in enumerate(candidates):
        if looked >= MOST_LOOKED_AT or len(wrong) == WRONG_ANSWERS:
            break
        key = keys[other]
        if other != case_id and key not in taken:
            taken.add(key)
            wrong.append(other)
    return wrong


class _CaseLists:
    """The answer pool by product and by skill, each sorted by id, to take candidates from."""

    def __init__(self, data: Dataset, pool: dict[str, str]) -> None:
        self.data, self.pool = data, pool
        self.everyone = sorted(pool)
        self.by_product: dict[str, list[str]] = {}
        self.by_skill: dict[str, list[str]] = {}
        for case_id in self.everyone:
            case = data.cases[case_id]
            for product in case.products:
                self.by_product.setdefault(product, []).append(case_id)
            for skill in case.skills:
                self.by_skill.setdefault(skill, []).append(case_id)

    def candidates(self, case_id: str) -> Iterator[str]:
        """Other cases of the pool, the likeliest wrong answers first (see the module's text)."""
        case = self.data.cases[case_id]
        shared = {f"p:{p}" for p in case.products} | {f"s:{s}" for s in case.skills}
        for other, _score in self.data.similar.get(case_id, []):
            if other in self.pool and shared & _labels(self.data, other):
                yield other
        for product in case.products:
            yield from _rotated(self.by_product.get(product, []), case_id)
        for skill in case.skills:
            yield from _rotated(self.by_skill.get(skill, []), case_id)
        yield from _rotated(self.everyone, case_id)


def _labels(data: Dataset, case_id: str) -> set[str]:
    case = data.cases[case_id]
    return {f"p:{p}" for p in case.products} | {f"s:{s}" for s in case.skills}


def _rotated(ids: list[str], case_id: str) -> Iterator[str]:
    """The list from a place that the case id gives, round to where it started."""
    if not ids:
        return
    start = int(_hash(case_id)[:8], 16) % len(ids)
    yield from ids[start:]
    yield from ids[:start]


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
