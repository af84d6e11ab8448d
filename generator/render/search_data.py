"""What each record page tells the search index: its text as search copies, and filters.

A record page's visible text is not indexed. Pagefind gets, in a hidden block, a word
every page has, the title's search copy, a block of words the page is found by but never
shows (its title's sound, codes inside longer words, its glossary groups), then each
other text field's copy, and last the names of its products, skills, team or honour in the
site's other language (shown in one language, found in both); each block weighted and started
by a mark that names it (generator/search/fields.py); a copy reads back into the text for the
title and the excerpt (generator/search/tokens.py). A case's state is a word there too, and its
reuse and date a block of symbols that are no word. Filters are what a result shows besides:
its kind, state, products and skills, named in the site's language. No metadata: Pagefind
indexes every word of it, which costs memory (the title's, from the page's h1, unless the
page gives one: it gives `·`, no word).

A kind's `search` (generator/kinds/) makes its page's SearchData with the renderer's helpers
(generator/render/services.py): the fields' copies, the hidden words and the other language's
names; the renderer adds the words of the glossary groups the page names in any of its blocks
(`with_group_words`), a hand-written page's too (`page_blocks`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from generator.kinds import SEARCH_FIELDS, SEARCH_MARKS
from generator.render.text import plain_text
from generator.search.alarms import AlarmCode
from generator.search.fields import (
    CODE_PAGE_WORD,
    EVERY_PAGE,
    HIDDEN_WEIGHT,
    NO_TITLE,
    OTHER_NAMES_WEIGHT,
    TITLE_WEIGHT,
    order_word,
)
from generator.search.glossary import NO_GLOSSARY, GroupFinder, weighted_group_words
from generator.search.pinyin import sound_copy
from generator.search.tokens import decode, html_search_copy, model_variants, plain_html, search_copy, search_copy_of

if TYPE_CHECKING:
    from generator.render.engine import Renderer


@dataclass(frozen=True)
class SearchData:
    filters: list[tuple[str, str]]  # a result shows its products from these
    title: str  # the title's search copy: the page body
    fields: list[tuple[str, str]]  # (field, search copy), empty fields left out
    state_word: str | None = None  # a case's state (or a code page's word), as a word of its body
    order: str | None = None  # a case's place among equal matches: times cited, date solved ("3-20250120")
    hidden: str = (
        ""  # words it is found by but never shows: its title's sound, codes inside longer ones, glossary groups
    )
    shown_title: str = NO_TITLE  # Pagefind's title of the page, where the title's block is not it
    other_names: str = ""  # the names of its products, skills, team or honour in the other language
    # the words of the glossary groups and terms it holds, by the weight of the weightiest block holding them
    glossary: tuple[tuple[float, str], ...] = ()
    every_page: ClassVar[str] = EVERY_PAGE

    @property
    def first_words(self) -> str:
        """The words of the block that weighs nothing: every page's, a case's state and its order."""
        words = [self.every_page, self.state_word or ""]
        if self.order:
            words += [SEARCH_MARKS["order"], order_word(self.order)]
        return " ".join(word for word in words if word)

    @property
    def weighted_copies(self) -> list[tuple[float, str]]:
        """(weight, copy) of each block of text the page is found by: the title, each field,
        the other language's names (not the hidden block of words that are no text)."""
        copies = [(TITLE_WEIGHT, self.title), *((SEARCH_FIELDS[name][1], copy) for name, copy in self.fields)]
        return copies + [(OTHER_NAMES_WEIGHT, self.other_names)] if self.other_names else copies

    @property
    def blocks(self) -> list[tuple[str, float, str]]:
        """(mark, weight, copy) of each block after the state's: the title, the hidden one, each
        field, the other language's names."""
        blocks = [(SEARCH_MARKS["title"], TITLE_WEIGHT, self.title)]
        if self.hidden:
            blocks.append((SEARCH_MARKS["hidden"], HIDDEN_WEIGHT, self.hidden))
        # never shown either, each weight a block: read back as more of the hidden block
        blocks += [(SEARCH_MARKS["hidden"], weight, words) for weight, words in self.glossary]
        blocks += [(SEARCH_MARKS[name], SEARCH_FIELDS[name][1], copy) for name, copy in self.fields]
        if self.other_names:
            blocks.append((SEARCH_MARKS["names"], OTHER_NAMES_WEIGHT, self.other_names))
        return blocks


def search_fields(**copies: str) -> list[tuple[str, str]]:
    """(field, copy) of each field that has text, in the order given; every field is one a kind declares."""
    fields = [(name, copy) for name, copy in copies.items() if copy]
    assert all(name in SEARCH_FIELDS for name, _ in fields), fields
    return fields


def search_text(markdown: str | None) -> str:
    """The search copy of a Markdown field's plain text; "" for no text."""
    return search_copy(plain_text(markdown)) if markdown else ""


def shown_names(r: Renderer, entries: Iterable[Any]) -> list[str]:
    """Taxonomy entries by their names in the site's language, as the pages show them."""
    return [r.name(entry) for entry in entries]


def other_name_texts(r: Renderer, *entries: Any) -> list[str]:
    """The entries' names in the site's other language, where they have one, each once."""
    other = [name for entry in entries for name in (entry.name, entry.name_en) if name and name != r.name(entry)]
    return list(dict.fromkeys(other))


def other_names(r: Renderer, *entries: Any) -> str:
    """The copy of the entries' names in the site's other language, where they have one: what
    an English word finds a Chinese case by (and a Chinese name an English page)."""
    return search_copy_of(*other_name_texts(r, *entries))


def hidden_words(title: str, *texts: str) -> str:
    """The title's sound tokens (generator/search/pinyin.py), then the model codes written
    inside longer words of the texts (generator/search/tokens.py)."""
    return " ".join(part for part in (sound_copy(title), " ".join(model_variants(*texts))) if part)


NO_FINDER = GroupFinder(NO_GLOSSARY)


def with_group_words(finder: GroupFinder, data: SearchData, written: dict[str, list[str]] | None = None) -> SearchData:
    """The page with the words of the glossary groups it names and the terms it holds
    (generator/search/glossary.py), in any of its blocks, each word at the weight of the
    weightiest block that holds it: read back from the blocks' copies, or from the texts they
    were made of (`written`, block -> texts, which a case gives: reading ten thousand copies back
    takes half a minute). So every page that writes a term is found by its group's word and the
    term's, whichever field writes it (a case whose skill is 灌装阀维护 too), and a term a query
    names, or reaches in pinyin or with a homophone, is looked up as those two words, never as
    its own characters (assets/kb-search.js)."""
    if finder.places is None:  # no glossary
        return data
    if written is None:
        texts = [(weight, decode(copy)) for weight, copy in data.weighted_copies]
    else:
        texts = [(block_weight(block), text) for block, block_texts in written.items() for text in block_texts]
    words = weighted_group_words(finder, texts)
    return replace(data, glossary=tuple((weight, " ".join(group)) for weight, group in words)) if words else data


def block_weight(block: str) -> float:
    """The weight of a block of a page, by its name: the title, a field, the other language's names."""
    return {"title": TITLE_WEIGHT, "names": OTHER_NAMES_WEIGHT}.get(block) or SEARCH_FIELDS[block][1]


def page_blocks(title: str, markup: str, finder: GroupFinder | None = None) -> list[tuple[str, float, str]]:
    """The search blocks of a hand-written page (theme/main.html), as a record page's: its
    title's copy, its hidden blocks (its title's sound; the words of the glossary groups and
    terms it holds), its text's copy, each with its mark."""
    blocks = [(SEARCH_MARKS["title"], TITLE_WEIGHT, html_search_copy(title))]
    texts = [(TITLE_WEIGHT, plain_html(title)), (SEARCH_FIELDS["text"][1], plain_html(markup))]
    if sound := sound_copy(texts[0][1]):
        blocks.append((SEARCH_MARKS["hidden"], HIDDEN_WEIGHT, sound))
    for weight, words in weighted_group_words(finder or NO_FINDER, texts):
        blocks.append((SEARCH_MARKS["hidden"], weight, " ".join(words)))
    return [*blocks, (SEARCH_MARKS["text"], SEARCH_FIELDS["text"][1], html_search_copy(markup))]


def for_code(r: Renderer, alarm: AlarmCode, product_ids: tuple[str, ...]) -> SearchData:
    """An alarm code's page: found by its code, canonical and in every form the cases write it,
    and by nothing else, so that it matches a query as fully as the cases with the code only
    when the query is the code (the search script then shows it first). Its products are
    filters, never words: a model's name (FM-12) would put every code of the model before
    the cases that hold it."""
    data, t = r.data, r.t
    filters = [("kind", t.kind_code)] + [
        ("product", name) for name in shown_names(r, [data.products[p] for p in product_ids])
    ]
    forms = dict.fromkeys((alarm.code, *alarm.written))
    title = f"{t.alarm_code} {alarm.code}"  # its block holds its code's forms, not its title
    return SearchData(filters, search_copy_of(*forms), [], CODE_PAGE_WORD, shown_title=title)
