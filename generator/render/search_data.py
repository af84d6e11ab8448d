"""What each record page tells the search index: its text as search copies, and filters.

A record page's visible text is not indexed. Pagefind gets, in a hidden block, a word
every page has, the title's search copy, a block of words the page is found by but never
shows (its title's sound, codes inside longer words, its glossary groups), then each
other text field's copy, and last the names of its products, skills, team or honour in the
site's other language (shown in one language, found in both); each block weighted and started
by a mark that names it (generator/search/fields.py); a copy reads back into the text for the
title and the excerpt (generator/search/tokens.py). A case's state is a word there too, and its
reuse and date a block of symbols that are no word. Filters are what a result shows besides:
its kind, state, products and skills, named in the site's language. No metadata: Pagefind indexes every word of it, which costs memory (the
title's, from the page's h1, unless the page gives one: it gives `·`, no word).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.render.engine import Renderer
from generator.render.text import plain_text
from generator.search.alarms import AlarmCode
from generator.search.fields import (
    CODE_PAGE_WORD,
    EVERY_PAGE,
    FIELDS,
    HIDDEN_WEIGHT,
    NO_TITLE,
    OTHER_NAMES_WEIGHT,
    STATE_WORDS,
    TITLE_WEIGHT,
    mark,
    order_word,
)
from generator.search.glossary import group_words
from generator.search.pinyin import sound_copy
from generator.search.tokens import html_search_copy, model_variants, plain_html, search_copy, search_copy_of
from generator.shapes import Award, Case, Mentoring, Person, Session, TrainingPath


@dataclass(frozen=True)
class SearchData:
    filters: list[tuple[str, str]]  # a result shows its products from these
    title: str  # the title's search copy: the page body
    fields: list[tuple[str, str]]  # (field, search copy), empty fields left out
    state_word: str | None = None  # a case's state (or a code page's word), as a word of its body
    order: str | None = None  # a case's place among equal matches: times cited, date solved ("3-20250120")
    hidden: str = ""  # words it is found by but never shows: its title's sound, codes inside longer ones
    shown_title: str = NO_TITLE  # Pagefind's title of the page, where the title's block is not it
    other_names: str = ""  # the names of its products, skills, team or honour in the other language
    every_page: ClassVar[str] = EVERY_PAGE

    @property
    def first_words(self) -> str:
        """The words of the block that weighs nothing: every page's, a case's state and its order."""
        words = [self.every_page, self.state_word or ""]
        if self.order:
            words += [mark("order"), order_word(self.order)]
        return " ".join(word for word in words if word)

    @property
    def blocks(self) -> list[tuple[str, float, str]]:
        """(mark, weight, copy) of each block after the state's: the title, the hidden one, each
        field, the other language's names."""
        blocks = [(mark("title"), TITLE_WEIGHT, self.title)]
        if self.hidden:
            blocks.append((mark("hidden"), HIDDEN_WEIGHT, self.hidden))
        blocks += [(mark(name), FIELDS[name][1], copy) for name, copy in self.fields]
        if self.other_names:
            blocks.append((mark("names"), OTHER_NAMES_WEIGHT, self.other_names))
        return blocks


def _fields(**copies: str) -> list[tuple[str, str]]:
    fields = [(name, copy) for name, copy in copies.items() if copy]
    assert all(name in FIELDS for name, _ in fields), fields
    return fields


def _text(markdown: str | None) -> str:
    return search_copy(plain_text(markdown)) if markdown else ""


def _shown(r: Renderer, entries) -> list[str]:
    """Taxonomy entries by their names in the site's language, as the pages show them."""
    return [r.name(entry) for entry in entries]


def _other_names(r: Renderer, *entries) -> str:
    """The copy of the entries' names in the site's other language, where they have one: what
    an English word finds a Chinese case by (and a Chinese name an English page)."""
    other = [name for entry in entries for name in (entry.name, entry.name_en) if name and name != r.name(entry)]
    return search_copy_of(*dict.fromkeys(other))


def page_blocks(title: str, markup: str) -> list[tuple[str, float, str]]:
    """The search blocks of a hand-written page (theme/main.html), as a record page's: its
    title's copy, its title's sound, its text's copy, each with its mark."""
    blocks = [(mark("title"), TITLE_WEIGHT, html_search_copy(title))]
    if sound := sound_copy(plain_html(title)):
        blocks.append((mark("hidden"), HIDDEN_WEIGHT, sound))
    return [*blocks, (mark("text"), FIELDS["text"][1], html_search_copy(markup))]


def for_case(r: Renderer, case: Case) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_case), ("state", t[case.state]), ("year", str(case.solved_on.year))]
    products = [data.products[p] for p in case.products]
    skills = [data.skills[s] for s in case.skills]
    filters += [("product", name) for name in _shown(r, products)] + [("skill", name) for name in _shown(r, skills)]
    fields = _fields(
        aka=search_copy_of(*map(str, case.aka)),
        tags=search_copy_of(*map(str, case.tags)),
        symptoms=_text(case.symptoms),
        products=search_copy_of(*_shown(r, products)),
        skills=search_copy_of(*_shown(r, skills)),
        environment=_text(case.environment),
        cause=_text(case.cause),
        resolution=_text(case.resolution),
    )
    order = f"{len(data.cited_by.get(case.id, []))}-{case.solved_on.strftime('%Y%m%d')}"
    texts = [case.title, *map(str, case.aka), *map(str, case.tags), *_texts(case)]
    hidden = " ".join([_hidden(case.title, *texts), *group_words(r.glossary, texts)]).strip()
    names = _other_names(r, *products, *skills)
    return SearchData(
        filters, search_copy(case.title), fields, STATE_WORDS[case.state], order, hidden, other_names=names
    )


def _texts(case: Case) -> list[str]:
    return [text for text in (case.symptoms, case.environment, case.cause, case.resolution) if text]


def _hidden(title: str, *texts: str) -> str:
    """The title's sound tokens (generator/search/pinyin.py), then the model codes written
    inside longer words (generator/search/tokens.py); a case's glossary groups follow."""
    return " ".join(part for part in (sound_copy(title), " ".join(model_variants(*texts))) if part)


def for_person(r: Renderer, person: Person) -> SearchData:
    data, t = r.data, r.t
    skills = [data.skills[s] for s in sorted(person.skills)]
    filters = [("kind", t.kind_person)] + [("skill", name) for name in _shown(r, skills)]
    team = data.teams[person.team]
    fields = _fields(summary=search_copy(person.title or ""), team=search_copy(r.name(team)))
    title = search_copy_of(person.name, person.name_en or "")
    return SearchData(filters, title, fields, hidden=_hidden(person.name), other_names=_other_names(r, team))


def for_session(r: Renderer, session: Session) -> SearchData:
    data, t = r.data, r.t
    filters = [("kind", t.kind_session), ("year", str(session.date.year))]
    skills = [data.skills[s] for s in session.skills]
    filters += [("skill", name) for name in _shown(r, skills)]
    fields = _fields(summary=_text(session.summary))
    names = _other_names(r, *skills)
    return SearchData(filters, search_copy(session.title), fields, hidden=_hidden(session.title), other_names=names)


def for_path(r: Renderer, path: TrainingPath) -> SearchData:
    t = r.t
    fields = _fields(summary=_text(path.summary), steps=search_copy_of(*(step.title for step in path.steps)))
    return SearchData([("kind", t.kind_path)], search_copy(path.title), fields, hidden=_hidden(path.title))


def for_award(r: Renderer, award: Award) -> SearchData:
    data, t = r.data, r.t
    kind = data.award_kinds[award.award]
    names = [data.person_name(p) for p in award.recipients]
    filters = [("kind", t.kind_award), ("year", award.period[:4])]
    copy = search_copy_of(r.name(kind), award.period, *names)
    return SearchData(filters, copy, _fields(citation=_text(award.citation)), other_names=_other_names(r, kind))


def for_mentoring(r: Renderer, pair: Mentoring) -> SearchData:
    data, t = r.data, r.t
    names = [data.person_name(pair.mentor), data.person_name(pair.mentee)]
    fields = _fields(log=search_copy_of(*(entry.note for entry in pair.log)), outcome=_text(pair.outcome))
    return SearchData([("kind", t.kind_mentoring)], search_copy_of(*names), fields)


def for_code(r: Renderer, alarm: AlarmCode, product_ids: tuple[str, ...]) -> SearchData:
    """An alarm code's page: found by its code, canonical and in every form the cases write it,
    and by nothing else, so that it matches a query as fully as the cases with the code only
    when the query is the code (the search script then shows it first). Its products are
    filters, never words: a model's name (FM-12) would put every code of the model before
    the cases that hold it."""
    data, t = r.data, r.t
    filters = [("kind", t.kind_code)] + [
        ("product", name) for name in _shown(r, [data.products[p] for p in product_ids])
    ]
    forms = dict.fromkeys((alarm.code, *alarm.written))
    title = f"{t.alarm_code} {alarm.code}"  # its block holds its code's forms, not its title
    return SearchData(filters, search_copy_of(*forms), [], CODE_PAGE_WORD, shown_title=title)
