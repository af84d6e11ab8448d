"""The team glossary (术语表): one optional file, data/glossary.yml, holding groups of terms that
mean the same in this trade (the preferred term, synonyms, English terms, abbreviations, the
customers' words), each group optionally tied to skills or products, with a definition for a
new hire.

It is the first kind kept in one file (RecordKind.file): the file is its one record, and its
one page is /glossary/. Search applies its groups (generator/search/glossary.py: each case that
holds a term of a group carries the group's word, and a query with any term of the group looks
that word up); the page lists the groups by their headword, each term with the cases that use it.

Its rules beyond the shape: a term (without case, width or surrounding space) belongs to one
group only (KB521), a group has more than its `term` (KB522), and group ids are unique (KB302).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pymdownx.slugs import slugify as anchor_slug

from generator import codes
from generator.kinds.case import written_texts
from generator.kinds.kind import Check, Option, RecordKind, Scaffold, Words
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.record_text import NewRecord, quoted
from generator.search.glossary import Group, Term, TermKind, folded
from generator.slug import NEW_ID_LENGTH, pinyin_key, title_slug
from generator.vocabulary import Id, Markdown, ProductRef, Shape, SkillRef, Title, doc

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic
    from generator.model import Dataset
    from generator.records import Context, Record
    from generator.render.engine import PageJob
    from generator.render.services import SiteRenderer as Renderer

FILE = "glossary"
# The fields that hold terms besides `term`, in the order the page shows them, and their kind for search.
TERM_FIELDS = {
    "synonyms": TermKind.SYNONYM,
    "english": TermKind.ENGLISH,
    "abbreviations": TermKind.ABBREVIATION,
    "customer_words": TermKind.CUSTOMER,
}
CASES_PER_TERM = 3  # the cases the page lists under a term; the others through the search for it


class GlossaryGroup(Shape):
    id: Id = doc(
        "the group's id, unique among the groups, e.g. `refrigerant`", "组的 id，各组之间不能重复，如 `refrigerant`"
    )
    term: Title = doc("the preferred term: the group's headword, e.g. `制冷剂`", "首选的词：这一组的词头，如 `制冷剂`")
    synonyms: list[Title] = doc(
        "other words of the trade with the same meaning", "行业里意思相同的其他说法", default_factory=list
    )
    english: list[Title] = doc(
        "English terms (the first is the English headword)", "英文术语（第一个是英文词头）", default_factory=list
    )
    abbreviations: list[Title] = doc(
        "abbreviations and short forms (PLC, VFD, 变频器 → 变频)",
        "缩写和简称（PLC、VFD，变频器 → 变频）",
        default_factory=list,
    )
    customer_words: list[Title] = doc(
        "how customers say it, in their own words", "客户自己的说法", default_factory=list
    )
    skills: list[SkillRef] = doc("skill ids the group belongs to", "这一组所属的技能 id", default_factory=list)
    products: list[ProductRef] = doc("product ids the group belongs to", "这一组所属的产品 id", default_factory=list)
    definition: Markdown | None = doc(
        "Markdown: what it means, for a new hire", "Markdown：它是什么意思，写给新员工", default=None
    )


class Glossary(Shape):
    groups: list[GlossaryGroup] = doc(
        "the groups of terms that mean the same in this trade", "行业里意思相同的词，一组一项"
    )


def terms_of(group: GlossaryGroup) -> Iterator[tuple[tuple, str, TermKind]]:
    """(path within the group, text, kind) of each of its terms, `term` first."""
    yield ("term",), group.term, TermKind.TERM
    for name, kind in TERM_FIELDS.items():
        for index, text in enumerate(getattr(group, name)):
            yield (name, index), text, kind


def search_groups(glossary: Glossary | None) -> tuple[Group, ...]:
    """The glossary as search applies it (generator/search/glossary.py)."""
    groups = glossary.groups if glossary is not None else []
    return tuple(Group(g.id, tuple(Term(text, kind) for _, text, kind in terms_of(g))) for g in groups)


def glossary_of(data: Dataset) -> Glossary | None:
    """The site's glossary, or None when data/glossary.yml is not there."""
    return next(iter(data.glossary.values()), None)


# --- checks ---------------------------------------------------------------------------------


def ensure_terms_are_in_one_group(context: Context) -> Iterator[Diagnostic]:
    """Ensure no term (compared without case, width or surrounding space) is in two groups."""
    for record in context.of("glossary"):
        first: dict[str, tuple[str, int]] = {}  # folded term -> (its group's id, its line)
        for index, group in enumerate(record.model.groups):
            for path, text, _ in terms_of(group):
                where = record.document.position(("groups", index, *path))
                seen = first.setdefault(folded(text), (group.id, where.line))
                if seen[0] != group.id:
                    yield codes.GLOSSARY_TERM_TWICE.at(
                        record.file, where, "glossary-term-twice", term=text, group=seen[0], line=seen[1]
                    )


def ensure_groups_are_not_empty(context: Context) -> Iterator[Diagnostic]:
    """Ensure every group has a term besides `term`, or a definition."""
    for record in context.of("glossary"):
        for index, group in enumerate(record.model.groups):
            if group.definition is None and not any(getattr(group, name) for name in TERM_FIELDS):
                where = record.document.position(("groups", index, "term"))
                yield codes.GLOSSARY_EMPTY_GROUP.at(record.file, where, "glossary-empty-group", id=group.id)


def ensure_group_ids_are_unique(context: Context) -> Iterator[Diagnostic]:
    """Ensure no two groups of the glossary share an id."""
    for record in context.of("glossary"):
        yield from _duplicate_ids(record)


def _duplicate_ids(record: Record) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}  # group id -> the line of the first group with it
    for index, group in enumerate(record.model.groups):
        where = record.document.position(("groups", index, "id"))
        if group.id in first:
            line = first[group.id]
            yield codes.DUPLICATE_ID.at(record.file, where, "glossary-duplicate-group", id=group.id, line=line)
        else:
            first[group.id] = where.line


# --- the page -------------------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    src = r.index_page("glossary")
    if r.skips(src):
        return
    glossary = glossary_of(r.data)
    groups = _entries(r, glossary.groups if glossary else [])
    yield r.page("glossary.md.j2", src, meta={"title": r.t.glossary}, groups=groups)


def _entries(r: Renderer, groups: list[GlossaryGroup]) -> list[dict[str, Any]]:
    """What the page shows of each group, by its headword (Chinese by pinyin), with a readable anchor."""
    uses = _term_uses(r)
    entries = [_entry(r, group, uses) for group in groups]
    entries.sort(key=lambda entry: pinyin_key(entry["headword"]))
    taken: set[str] = set()
    for entry in entries:
        entry["anchor"] = _anchor(entry["headword"], entry["group"].id, taken)
    return entries


def _entry(r: Renderer, group: GlossaryGroup, uses: dict[str, list[str]]) -> dict[str, Any]:
    english = r.language == "en" and group.english
    headword = group.english[0] if english else group.term
    lists = [("glossary_term", [group.term])] if english else []
    lists += [(f"glossary_{name}", list(getattr(group, name))) for name in TERM_FIELDS]
    lists = [(label, [text for text in texts if text != headword]) for label, texts in lists]
    terms = [text for _, text, _ in terms_of(group)]
    used = [(text, uses.get(folded(text), [])) for text in dict.fromkeys(terms)]
    return {
        "group": group,
        "headword": headword,
        "lists": [(label, texts) for label, texts in lists if texts],
        "used": [(text, ids[:CASES_PER_TERM], len(ids) - CASES_PER_TERM) for text, ids in used if ids],
    }


def _term_uses(r: Renderer) -> dict[str, list[str]]:
    """Folded term -> the cases that write it (as search finds it: English words whole, with
    their endings), newest first; a term only inside a longer one (变频 in 变频器) is the longer one's."""
    uses: dict[str, list[str]] = {}
    for case_id in r.data.newest_cases():
        for term in r.glossary.terms_in(written_texts(r.data.cases[case_id]), inside=False):
            uses.setdefault(term, []).append(case_id)
    return uses


def _anchor(headword: str, group_id: str, taken: set[str]) -> str:
    """A readable anchor: the headword slugged as the site slugs a tag's (its characters, lower
    case, words joined by hyphens: `制冷剂`, `hp-cut-out`), else the group's id; unique on the page."""
    anchor = anchor_slug(case="lower")(headword, "-") or group_id
    if anchor in taken:
        anchor = f"{anchor}-{group_id}"
    taken.add(anchor)
    return anchor


# --- kb new glossary ------------------------------------------------------------------------

_LIST_SEPARATORS = re.compile(r"[,，、;；]")


def _listed(value: str | None) -> str:
    """`冷媒，雪种` -> `["冷媒", "雪种"]`: a YAML flow list whose items stay text."""
    items = [item.strip() for item in _LIST_SEPARATORS.split(value or "") if item.strip()]
    return "[" + ", ".join(quoted(item) for item in items) + "]"


def new_glossary(
    term: str,
    synonyms: str | None = None,
    english: str | None = None,
    record_id: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> NewRecord:
    """A new data/glossary.yml with its first group (`record_id` is the group's id)."""
    group_id = record_id or title_slug(term, NEW_ID_LENGTH) or "term"
    body = f"""# {words("new-glossary-about", language)}
groups:
  - id: {group_id}
    term: {quoted(term)}
    synonyms: {_listed(synonyms)}
    english: {_listed(english)}  # {words("new-glossary-english", language)}
    abbreviations: []
    customer_words: []  # {words("new-glossary-customer-words", language)}
"""
    return NewRecord("glossary", FILE, body)


EXAMPLE = """\
groups:
  - id: hydraulic-oil
    term: 液压油
    synonyms: [液压液]
    english: [hydraulic oil, hydraulic fluid]
    abbreviations: []
    customer_words: [机油]
    skills: [hydraulics]
    products: []
    definition: |
      液压系统里传递压力的油。HX-200 用 46 号抗磨液压油，不同牌号不能混用。
  - id: proportional-valve
    term: 比例阀
    synonyms: [电液比例阀]
    english: [proportional valve]
    abbreviations: [PV]
    products: [hx-200]
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-glossary": ("术语表", "glossary"),
    "noun-glossary": ("术语表", "glossary"),
    "glossary-term-twice": (
        "`{term}` 已经在第 {line} 行的组 `{group}` 里：一个词（不分大小写、全角半角和首尾空格）只能属于一组",
        "`{term}` is already in the group `{group}` at line {line}: a term (whatever its case, width or "
        "surrounding spaces) belongs to one group only",
    ),
    "glossary-empty-group": (
        "组 `{id}` 只有 `term`：再写至少一个同义词、英文、缩写或客户的说法，或者写 `definition`",
        "the group `{id}` has nothing but its `term`: add a synonym, an English term, an abbreviation or a "
        "customer's word, or a `definition`",
    ),
    "glossary-duplicate-group": (
        "组的 id `{id}` 在第 {line} 行已经用过",
        "the group id `{id}` is already used at line {line}",
    ),
}
# and its other words: its page's labels, the reference's, `kb new`'s help.
WORDS: dict[str, Words] = {
    "glossary": ("术语表", "Glossary"),
    "glossary_intro": (
        "同一组里的词说的是同一件事：行业里的叫法、英文、缩写和客户的说法。搜索时用组里任何一个词，都能找到用了其他词的案例。"
        "每个词下面是用到它的案例。",
        "The words of one group mean the same thing: the trade's terms, English, abbreviations and the customers' "
        "words. A search with any word of a group also finds the cases that use another. Under each word are the "
        "cases that use it.",
    ),
    "glossary_none": (
        "还没有术语表：在 `data/glossary.yml` 里写下行业里意思相同的词（格式见记录格式），或者用 `kb glossary-candidates` "
        "从案例里找出候选。",
        "No glossary yet: write the trade's words that mean the same in `data/glossary.yml` (see the record "
        "format), or let `kb glossary-candidates` propose groups from the cases.",
    ),
    "glossary_term": ("术语", "Term"),
    "glossary_synonyms": ("同义词", "Synonyms"),
    "glossary_english": ("英文", "English"),
    "glossary_abbreviations": ("缩写", "Abbreviations"),
    "glossary_customer_words": ("客户的说法", "Customers' words"),
    "glossary_used_in": ("用到这些词的案例", "Cases that use these words"),
    "glossary_more": ("另外 {n} 个", "{n} more"),
    "glossary_colon": ("：", ": "),
    "glossary_index": ("词头", "Headwords"),
    # the comments of the file `kb new glossary` writes
    "new-glossary-about": (
        "术语表：同一组里的词说的是同一件事。用组里任何一个词搜索，都能找到用了其他词的案例。",
        "The glossary: the words of one group mean the same. A search with any word of a group finds the cases "
        "that use another.",
    ),
    "new-glossary-english": ("英文术语，第一个是英文词头", "English terms; the first is the English headword"),
    "new-glossary-customer-words": ("客户自己的说法", "how customers say it"),
    "reference-heading-glossary": (
        "术语表（`glossary.yml`，1.2 版：行业用语）",
        "Glossary (`glossary.yml`, version 1.2: the team's words of the trade)",
    ),
    "reference-about-glossary": (
        "一个可以没有的文件，包含意思相同的行业用语，一组一项。搜索用它：查询里有组里的任何一个词，也能找到用了同组其他词的案例；"
        "网站把它做成给新员工看的术语表页面。一个词（不分大小写、全角半角和首尾空格）只能属于一组（KB521）；"
        "每组除了 `term` 至少还有一个词或者 `definition`（KB522）；组的 id 不能重复（KB302）；"
        "`skills` 和 `products` 写 `taxonomy.yml` 里的 id（KB404、KB405）；词都是单行文本，不能有个人信息。",
        "One optional file with groups of terms that mean the same thing in this trade. Search uses it (a query "
        "with any term of a group also finds cases that use another term of the group), and the site shows it as "
        "a Glossary page for new hires. A term (compared without case, width or surrounding space) belongs to one "
        "group only (KB521); a group has at least one term besides `term`, or a `definition` (KB522); group ids "
        "are unique (KB302); every skill and product a group names exists in `taxonomy.yml` (KB404, KB405); terms "
        "are single-line text with no personal data, like every other field.",
    ),
    "help-new-glossary": (
        "术语表 data/glossary.yml 和它的第一组词（已经有术语表时，直接编辑它）。",
        "The glossary, data/glossary.yml, with its first group (once there is one, edit it by hand).",
    ),
    "help-new-glossary-term-prompt": ("首选的词", "Preferred term"),
    "help-new-glossary-term": ("这一组的首选词（词头）。", "The group's preferred term (its headword)."),
    "help-new-glossary-synonyms-prompt": ("同义词（用逗号或顿号隔开）", "Synonyms (separated by commas)"),
    "help-new-glossary-synonyms": (
        "意思相同的其他说法，用逗号或顿号隔开。",
        "Other terms with the same meaning, separated by commas.",
    ),
    "help-new-glossary-english": ("英文术语，用逗号隔开。", "English terms, separated by commas."),
    "help-new-glossary-exists": (
        "{target} 已经存在：术语表只有一个文件。直接编辑它添加新的组，或者用 `kb glossary-candidates` 从案例里找出候选",
        "{target} already exists: the glossary is one file. Add groups to it by hand, or let "
        "`kb glossary-candidates` propose them from the cases",
    ),
}


KIND = RecordKind(
    name="glossary",
    folder="glossary",
    url_folder="glossary",
    attribute="glossary",
    shape=Glossary,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    file=FILE,
    pages=pages,
    scaffold=Scaffold(
        options=(
            Option("--term", "term", prompt=True),
            Option("--synonyms", "synonyms", prompt=True),
            Option("--english", "english"),
        ),
        make=new_glossary,
    ),
    checks=(
        Check(ensure_terms_are_in_one_group, (codes.GLOSSARY_TERM_TWICE,)),
        Check(ensure_groups_are_not_empty, (codes.GLOSSARY_EMPTY_GROUP,)),
        Check(ensure_group_ids_are_unique, (codes.DUPLICATE_ID,)),
    ),
)
