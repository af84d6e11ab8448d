"""The taxonomy: data/taxonomy.yml, one file with the controlled vocabularies that records
name by id: products, skills, teams and award kinds. Its entries have no files of their own;
their pages are the case library's indexes (generator/kinds/case.py), the teams' pages
(generator/render/insights.py) and the honour roll's pages by award kind
(generator/kinds/award.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.kinds.kind import TaxonomyFile, TaxonomyKind, Words
from generator.vocabulary import Id, Markdown, Shape, Title, doc

if TYPE_CHECKING:
    from generator.synthetic import Synthesizer


class Entry(Shape):
    id: Id = doc("the entry's id, as records name it, e.g. `hx-200`", "条目的 id，记录用它引用，如 `hx-200`")
    name: Title = doc("display name, e.g. `HX-200 液压站`", "显示名称，如 `HX-200 液压站`")
    name_en: Title | None = doc(
        "English name: an English site shows it wherever it exists",
        "英文名称：英文站点在有英文名称处显示它",
        default=None,
    )


class SkillEntry(Entry):
    description: Markdown | None = doc("Markdown: what the skill covers", "Markdown：这项技能包括什么", default=None)


class Taxonomy(Shape):
    products: list[Entry] = doc("the products the team services", "团队服务的产品", default_factory=list)
    skills: list[SkillEntry] = doc(
        "the skills people have and cases need", "人员掌握、案例需要的技能", default_factory=list
    )
    teams: list[Entry] = doc("the teams (service stations)", "班组（服务站）", default_factory=list)
    awards: list[Entry] = doc(
        "the award kinds: titles, contests, commendations", "荣誉种类：称号、竞赛、表彰", default_factory=list
    )


EXAMPLE = """\
products:
  - {id: hx-200, name: HX-200 液压站, name_en: HX-200 hydraulic power unit}
  - {id: vmc-850, name: VMC-850 立式加工中心}
skills:
  - {id: hydraulics, name: 液压系统, name_en: Hydraulics, description: 泵、阀、油路的诊断与维修}
  - {id: cnc, name: 数控系统}
teams:
  - {id: east, name: 华东服务站, name_en: East China service station}
  - {id: hotline, name: 技术支持中心}
awards:
  - {id: excellent-service, name: 优秀服务工程师, name_en: Excellent service engineer}
  - {id: skills-contest, name: 技能比武}
"""


def demo_taxonomy(s: Synthesizer) -> dict[str, Any]:
    words = s.words
    teams = [
        {
            "id": f"team-{i + 1}",
            "name": f"{words.CITIES[i % len(words.CITIES)]}服务站{'' if i < len(words.CITIES) else i}",
        }
        for i in range(s.sizes.teams)
    ]
    return {
        "products": [{"id": i, "name": n} for i, n in words.PRODUCTS],
        "skills": [{"id": i, "name": n, "description": f"{n}的诊断与维修"} for i, n in words.SKILLS],
        "teams": teams,
        "awards": [{"id": i, "name": n} for i, n in words.AWARD_KINDS],
    }


# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "noun-product": ("产品", "product"),
    "noun-skill": ("技能", "skill"),
    "noun-team": ("团队", "team"),
    "noun-award-kind": ("奖项类别", "award kind"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    "reference-heading-taxonomy": ("受控词表", "Taxonomy: controlled vocabularies"),
    "reference-about-taxonomy": (
        "受控词表：产品、技能、班组和荣誉种类。记录用 id 引用其中的条目；英文站点在有 `name_en` 处显示它。",
        "The controlled vocabularies: products, skills, teams and award kinds. Records name their entries by id; an English site shows `name_en` wherever it exists.",
    ),
    "reference-kinds-product": ("产品", "product"),
    "reference-kinds-skill": ("技能", "skill"),
    "reference-kinds-team": ("班组", "team"),
    "reference-kinds-award-kind": ("荣誉种类", "award kind"),
}


KIND = TaxonomyFile(
    name="taxonomy",
    shape=Taxonomy,
    lists=(
        TaxonomyKind("product", "products", "products", "products"),
        TaxonomyKind("skill", "skills", "skills", "skills"),
        TaxonomyKind("team", "teams", "teams", "teams"),
        TaxonomyKind("award-kind", "awards", "honours/kinds", "award_kinds"),
    ),
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    demo=demo_taxonomy,
)
