"""Training paths: one ordered programme of steps per file in data/paths/, followed by the
people enrolled in it; a step is done by attending one of its sessions or by a sign-off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from generator.kinds.kind import (
    Activity,
    Citation,
    Demo,
    Document,
    Index,
    Links,
    Option,
    RecordKind,
    Scaffold,
    Search,
    Sheet,
    Words,
)
from generator.language import DEFAULT_LANGUAGE
from generator.messages import words
from generator.record_text import NewRecord, quoted
from generator.search.tokens import search_copy, search_copy_of
from generator.slug import title_slug
from generator.vocabulary import (
    ROLES,
    CaseRef,
    Day,
    Id,
    Markdown,
    PersonRef,
    SessionRef,
    Shape,
    SkillRef,
    StepRef,
    Title,
    doc,
)

if TYPE_CHECKING:
    from generator.model import Dataset
    from generator.opensearch.documents import DocumentTools
    from generator.render.engine import PageJob
    from generator.render.search_data import SearchData
    from generator.render.services import SiteRenderer as Renderer
    from generator.synthetic import Synthesizer

FOLDER = "paths"


class SignOff(Shape):
    person: PersonRef = doc("the person who completed the step", "完成这一步的人")
    by: PersonRef = doc("the person who confirms it", "确认的人")
    date: Day = doc("the day it was confirmed", "确认日期")


class Step(Shape):
    id: Id = doc("the step's id, unique within the path", "步骤 id，在本路径内唯一")
    title: Title = doc("the step's title", "步骤的标题")
    skill: SkillRef | None = doc("the skill the step builds", "这一步培养的技能", default=None)
    requires: list[StepRef] = doc(
        "steps of the same path to complete first; no cycles",
        "要先完成的本路径步骤；不能循环",
        default_factory=list,
    )
    read: list[CaseRef] = doc("cases to study", "要学习的案例", default_factory=list)
    sessions: list[SessionRef] = doc(
        "sessions; attending any of them completes the step",
        "培训场次；参加其中任一场即完成这一步",
        default_factory=list,
    )
    signed_off: list[SignOff] = doc(
        "`{person, by, date}`: the step was completed another way, confirmed by `by`",
        "`{person, by, date}`：以其他方式完成了这一步，由 `by` 确认",
        default_factory=list,
    )


class TrainingPath(Shape):
    id: Id = doc(
        "the path's id, equal to the file name, e.g. `new-field-engineer`",
        "路径 id，与文件名相同，如 `new-field-engineer`",
    )
    title: Title = doc("the path's title", "路径的标题")
    for_role: Literal[ROLES] | None = doc(  # type: ignore[valid-type]
        "the role it prepares for: `field-service` or `technical-support`",
        "适用岗位：`field-service` 或 `technical-support`",
        default=None,
    )
    summary: Markdown | None = doc("Markdown: what the path is for", "Markdown：路径简介", default=None)
    steps: Annotated[list[Step], Field(min_length=1)] = doc("the ordered list of steps", "按顺序排列的步骤")
    enrolled: list[PersonRef] = doc("the people following this path", "正在跟这条路径的人", default_factory=list)


# --- what the rules read (generator/validate/rules.py) ----------------------------------------


def activities(path: TrainingPath) -> Iterator[Activity]:
    for step_index, step in enumerate(path.steps):
        for index, sign_off in enumerate(step.signed_off):
            at = ("steps", step_index, "signed_off", index)
            yield at + ("person",), sign_off.person, sign_off.date
            yield at + ("by",), sign_off.by, sign_off.date


# --- back-links and progress ----------------------------------------------------------------


@dataclass(frozen=True)
class StepStatus:
    state: str  # done, available, blocked
    how: str = ""  # for done: "session" or "signed-off"; for blocked: the missing step ids
    via: str = ""  # the session id, or who signed off
    when: dt.date | None = None
    scheduled: tuple[str, ...] = ()  # upcoming sessions of the step the person is enrolled in


def link(data: Dataset, path_id: str, path: TrainingPath) -> None:
    for person in path.enrolled:
        data.paths_of[person].append(path_id)
    for step in path.steps:
        for case_id in step.read:
            data.cited_by[case_id].append(Citation("path", path_id, "read"))
    data.progress[path_id] = {person: step_statuses(data, path, person) for person in path.enrolled}


def step_statuses(data: Dataset, path: TrainingPath, person: str) -> dict[str, StepStatus]:
    """Each step's status for one person: done (attended or signed off), available or blocked."""
    completed = {step.id: _completion(data, step, person) for step in path.steps}
    statuses: dict[str, StepStatus] = {}
    for step in path.steps:
        done = completed[step.id]
        if done is not None:
            statuses[step.id] = done
            continue
        missing = tuple(required for required in step.requires if completed.get(required) is None)
        scheduled = tuple(
            s
            for s in step.sessions
            if s in data.sessions and data.is_upcoming(s) and person in data.sessions[s].attendees
        )
        statuses[step.id] = StepStatus("blocked" if missing else "available", ",".join(missing), scheduled=scheduled)
    return statuses


def _completion(data: Dataset, step: Step, person: str) -> StepStatus | None:
    attended = [
        s
        for s in step.sessions
        if s in data.sessions and not data.is_upcoming(s) and person in data.sessions[s].attendees
    ]
    if attended:
        first = min(attended, key=lambda s: data.sessions[s].date)
        return StepStatus("done", "session", first, data.sessions[first].date)
    for sign_off in step.signed_off:
        if sign_off.person == person:
            return StepStatus("done", "signed-off", sign_off.by, sign_off.date)
    return None


# --- pages and search -----------------------------------------------------------------------


def pages(r: Renderer) -> Iterator[PageJob]:
    """A page per path, the paths index and the training page."""
    data, t = r.data, r.t
    for path_id, path in data.paths.items():
        if r.skips(r.record_page("path", path_id)):
            continue
        titles = {step.id: step.title for step in path.steps}
        yield r.page(
            "path.md.j2",
            r.record_page("path", path_id),
            meta={"title": path.title},
            search=partial(search, r, path),
            path=path,
            titles=titles,
            diagram=r.path_diagram(path, f"{t.prerequisites}: {path.title}"),
            enrolled=data.sorted_people(path.enrolled),
        )
    ids = sorted(data.paths)
    yield r.page("paths_index.md.j2", r.index_page("path"), meta={"title": t.paths}, ids=ids)
    upcoming = data.upcoming_sessions()
    yield r.page("training_index.md.j2", "training/index.md", meta={"title": t.training}, upcoming=upcoming, paths=ids)


def search(r: Renderer, path: TrainingPath) -> SearchData:
    t = r.t
    fields = r.search_fields(
        summary=r.search_text(path.summary), steps=search_copy_of(*(step.title for step in path.steps))
    )
    return r.search_data([("kind", t.kind_path)], [], search_copy(path.title), fields)


# --- the OpenSearch document ----------------------------------------------------------------


def document(tools: DocumentTools, path: TrainingPath) -> dict[str, Any]:
    return {
        "title": path.title,
        "for_role": path.for_role,
        "summary": tools.text(path.summary),
        "steps": [step.title for step in path.steps],
        **tools.skills(step.skill for step in path.steps if step.skill),
        "cases": list(dict.fromkeys(case for step in path.steps for case in step.read)),
        "sessions": list(dict.fromkeys(session for step in path.steps for session in step.sessions)),
        "enrolled": list(path.enrolled),
    }


# --- kb new path ----------------------------------------------------------------------------


def new_path(title: str, record_id: str | None = None, language: str = DEFAULT_LANGUAGE) -> NewRecord:
    """The new path; its comments in `language`."""
    record_id = record_id or title_slug(title)
    body = f"""id: {record_id}
title: {quoted(title)}
steps:
  - id: basics
    title: {quoted("入门")}
    requires: []
    read: []      # {words("new-path-read", language)}
    sessions: []  # {words("new-path-sessions", language)}
enrolled: []
"""
    return NewRecord("path", record_id, body, FOLDER)


# --- kb demo --------------------------------------------------------------------------------


def demo(s: Synthesizer) -> Iterator[dict[str, Any]]:
    skills, sessions = s.words.SKILLS, s.sessions
    for number, role in enumerate(["field-service", "technical-support", "field-service"]):
        steps = []
        for index in range(6):
            step_sessions = [session["id"] for session in sessions[index * 3 + number : index * 3 + number + 2]]
            steps.append(
                {
                    "id": f"step-{index + 1}",
                    "title": f"第 {index + 1} 阶段：{skills[index][1]}",
                    "skill": skills[index][0],
                    "requires": [f"step-{index}"] if index else [],
                    "read": [cid for cid, _ in s.case_ids[index : index + 2]],
                    "sessions": step_sessions,
                }
            )
        enrolled = [p["id"] for p in s.people if p["kcs_role"] == "candidate" and "left" not in p][number::3][:40]
        yield {
            "id": f"path-{number + 1}",
            "title": f"新员工培养路径 {number + 1}",
            "for_role": role,
            "summary": "入职第一年的学习安排。\n",
            "steps": steps,
            "enrolled": enrolled,
        }


EXAMPLE = """\
id: new-hotline-engineer
title: 新入职热线技术支持工程师
for_role: technical-support
summary: |
  前三个月：液压基础、典型案例、远程诊断。
steps:
  - id: basics
    title: 液压基础
    skill: hydraulics
    sessions: [2026-03-hydraulics-basics, 2026-09-hydraulics-advanced]
  - id: cases
    title: 读典型案例
    requires: [basics]
    read: [20260716-hx200-al1021-oil-overheat]
    signed_off:
      - {person: zhao-lei, by: zhang-wei, date: 2026-08-01}
enrolled: [zhao-lei]
"""

# Its own areas of the catalogue, key -> (Chinese, English), which the table of kinds registers:
# what messages call it,
MESSAGES: dict[str, Words] = {
    "kind-path": ("培训路径", "path"),
    "noun-path": ("培养路径", "path"),
}
# and its other words: its label on pages, the reference's, the workbook's, `kb new`'s help.
WORDS: dict[str, Words] = {
    # the comments of the file `kb new path` writes
    "new-path-read": ("要学习的案例 id", "case ids to study"),
    "new-path-sessions": ("参加其中任何一场培训即完成这一步", "attending any of these sessions completes the step"),
    "kind_path": ("培养路径", "Training path"),
    "workbook-title-path": ("培养路径", "Training paths"),
    "reference-heading-path": ("培养路径", "Training paths"),
    "reference-about-path": (
        "一个文件一条培养路径：新员工按顺序完成的一系列步骤。",
        "One training path per file: an ordered programme of steps that new hires follow.",
    ),
    "help-new-path": ("一条新员工的培训路径。", "A training path for new hires."),
    "help-new-path-title-prompt": ("标题", "Title"),
    "help-new-path-title": ("路径的标题。", "The path's title."),
    "reference-kinds-step": ("步骤", "step"),
}


KIND = RecordKind(
    name="path",
    folder=FOLDER,
    url_folder="paths",
    attribute="paths",
    shape=TrainingPath,
    example=EXAMPLE,
    messages=MESSAGES,
    words=WORDS,
    activities=activities,
    links=Links(indexes=(Index("paths_of"), Index("progress", lists=False)), link=link, place=5),
    pages=pages,
    search=Search(fields={"summary": ("summary", 2.0), "steps": ("steps", 2.0)}, data=search),
    document=Document(
        fields={
            "for_role": "keyword",
            "summary": "text",
            "steps": "text",
            "skills": "keyword",
            "skill_names": "text",
            "cases": "keyword",
            "sessions": "keyword",
            "enrolled": "keyword",
        },
        make=document,
        place=4,
    ),
    sheet=Sheet(place=5),
    scaffold=Scaffold(
        options=(Option("--title", "title", prompt=True),),
        make=new_path,
    ),
    demo=Demo(records=demo, place=5),
)  # fmt: skip
