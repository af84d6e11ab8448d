"""Contest papers (`kb contest`): a printable paper and a separate answer key, made of the practice
questions of the chosen products and skills, the same for the same seed, byte for byte.

The questions are those of the cases of any chosen product or any chosen skill (every
question when none is chosen), taken in the order a hash of the seed and the case id gives,
and each question's choices are shuffled by the seed too: a new seed is a new paper, and the
seed written on a paper (or in its session's record) makes that paper again. Nothing of a
contest's results is kept here: ranks stay on the awards, never per-question scores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from generator.constants import CONTEST_ANSWERS, CONTEST_PAPER
from generator.model import Dataset
from generator.render.engine import template_environment
from generator.render.formats import Formats
from generator.render.labels import Labels, taxonomy_name
from generator.render.questions import Question
from generator.render.text import render_markdown

PAPER = CONTEST_PAPER
ANSWERS = CONTEST_ANSWERS
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class PaperRequest:
    """What a paper is made of: the seed, how many questions, the products and skills chosen
    (each in the order given), and the contest session it is for, if named."""

    seed: int
    questions: int
    products: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    session: str | None = None


def paper_questions(data: Dataset, asked: dict[str, Question], request: PaperRequest) -> list[Question]:
    """The paper's questions in order, each with its choices in the paper's order."""
    products, skills = set(request.products), set(request.skills)
    chosen = [
        question
        for case_id, question in asked.items()
        if (not products and not skills)
        or products & set(data.cases[case_id].products)
        or skills & set(data.cases[case_id].skills)
    ]
    chosen.sort(key=lambda question: _hash(f"{request.seed}\0{question.case}"))
    return [question.shuffled(request.seed) for question in chosen[: request.questions]]


def paper_command(
    seed: int, questions: int, products: Iterable[str] = (), skills: Iterable[str] = (), session: str | None = None
) -> str:
    """The `kb contest` command that makes this paper (again)."""
    words = ["kb contest"]
    if session:
        words.append(f"--session {session}")
    if products := list(products):
        words.append(f"--products {','.join(products)}")
    if skills := list(skills):
        words.append(f"--skills {','.join(skills)}")
    words += [f"--questions {questions}", f"--seed {seed}"]
    return " ".join(words)


def paper_files(
    data: Dataset, questions: list[Question], request: PaperRequest, language: str, site_name: str, site_url: str = ""
) -> dict[str, str]:
    """The paper and its answer key as HTML pages to print, by file name."""
    env = template_environment()
    attachments = (site_url.rstrip("/") + "/attachments") if site_url else "attachments"
    env.filters["markdown"] = lambda text: render_markdown(text, attachments)
    t = Labels(language)
    session = data.sessions.get(request.session) if request.session else None
    context = {
        "data": data,
        "t": t,
        "fmt": Formats(language),
        "site_name": site_name,
        "session": session,
        "request": request,
        "questions": questions,
        "letters": LETTERS,
        "products": [taxonomy_name(data.products[p], language) for p in request.products],
        "skills": [taxonomy_name(data.skills[s], language) for s in request.skills],
        "command": paper_command(request.seed, request.questions, request.products, request.skills, request.session),
        "case_url": lambda case_id: f"{site_url.rstrip('/')}/cases/{case_id}/" if site_url else "",
        "Markup": Markup,
    }
    return {name: env.get_template(template).render(**context) for name, template in _TEMPLATES.items()}


_TEMPLATES = {PAPER: "contest_paper.html.j2", ANSWERS: "contest_answers.html.j2"}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
