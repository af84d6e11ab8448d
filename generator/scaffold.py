"""New record files: a valid starting point with the editor schema line and guiding comments."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.kinds import RECORD_KIND
from generator.schema import MODELINE, schema_file_name
from generator.slug import NEW_ID_LENGTH, cut_at_word, slugify, title_slug

# A product id long enough to crowd out the title's words is shortened in a case id.
PRODUCT_IN_ID = 12
# The capture page on a phone (assets/kb-capture.js) writes a new case exactly as new_case
# does, from these same definitions (generator/offline/capture.py hands them over):
# tests/browser/test_capture.py compares the two on many inputs.
SPACES = r"[ \t\r\n\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
LINE_BREAK = r"\r\n|[\r\n\x85\u2028\u2029]"
CODE_SEPARATORS = SPACES[:-2] + ",，、;；]+"  # between alarm codes
PHOTO_SEPARATORS = r"[\r\n\x85\u2028\u2029,，、;；]+"  # between photo names, which may hold spaces


@dataclass(frozen=True)
class NewRecord:
    kind: str
    record_id: str
    body: str  # the YAML after the schema line

    def path(self, data_dir: Path, year: int | None = None) -> Path:
        kind = RECORD_KIND[self.kind]
        folder = data_dir / kind.folder
        if kind.sub_folders and year is not None:
            folder = folder / str(year)
        return folder / f"{self.record_id}.yml"

    def text(self, target: Path, schema_dir: Path) -> str:
        schema = Path(os.path.relpath(schema_dir / schema_file_name(self.kind), target.parent)).as_posix()
        return MODELINE.format(schema) + "\n" + self.body


def quoted(text: str) -> str:
    """A YAML scalar that stays text, whatever it contains (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def one_line(text: str) -> str:
    """A title as one line: runs of spaces and line breaks as one space, none at either end."""
    return re.sub(SPACES, " ", text).strip(" ")


def block(text: str) -> str:
    """Text as a `|` block after its key: every line indented by two spaces, spaces and tabs at
    line ends and blank lines at either end dropped (`|2` when the first line starts with a
    space, which would otherwise set the block's indentation)."""
    lines = [line.rstrip(" \t") for line in re.split(LINE_BREAK, text)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    header = "|2" if lines and lines[0].startswith(" ") else "|"
    return header + "\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)


def words_in(text: str, separators: str) -> list[str]:
    return [word for word in re.split(separators, text) if word.strip(" ")]


def case_id(day: dt.date, title: str, product: str) -> str:
    """`YYYYMMDD-<product without dashes>-<a few words of the title>`, at most NEW_ID_LENGTH."""
    prefix = f"{day:%Y%m%d}-{product.replace('-', '')[:PRODUCT_IN_ID]}"
    # The product is in the prefix already: `HX-200 液压站压力掉` does not name it twice.
    product_in_title = re.compile(r"-?".join(map(re.escape, product.split("-"))), re.IGNORECASE)
    words = title_slug(product_in_title.sub(" ", title), NEW_ID_LENGTH - len(prefix) - 1)
    return f"{prefix}-{words}" if words else prefix


def session_id(day: dt.date, title: str) -> str:
    prefix = f"{day:%Y-%m}"
    # `2026 年技能比武` held in 2026: the year is in the prefix already.
    words = title_slug(re.sub(rf"\b{day.year}\s*年?", " ", title), NEW_ID_LENGTH - len(prefix) - 1)
    return f"{prefix}-{words}" if words else prefix


def mentoring_id(mentor: str, mentee: str, started: dt.date) -> str:
    return f"{cut_at_word(f'{mentor}-{mentee}', NEW_ID_LENGTH - 5)}-{started.year}"


def award_id(period: str, award: str, recipient: str) -> str:
    # The award kind gives way first: period and recipient are what tell two awards apart.
    head, tail = period.lower(), cut_at_word(recipient, NEW_ID_LENGTH // 2)
    middle = cut_at_word(award, NEW_ID_LENGTH - len(head) - len(tail) - 2)
    return "-".join(part for part in (head, middle, tail) if part)


@dataclass(frozen=True)
class CaseNotes:
    """What the capture page adds to a new case: its symptoms (else the title), what fixed it,
    alarm codes (tags) and the names of photos still to be added."""

    symptoms: str | None = None
    resolution: str = ""
    codes: tuple[str, ...] = ()
    photos: tuple[str, ...] = ()


def new_case(
    title: str, product: str, author: str, day: dt.date, record_id: str | None = None, notes: CaseNotes = CaseNotes()
) -> NewRecord:
    title = one_line(title)
    record_id = record_id or case_id(day, title, product)
    tags = ", ".join(quoted(code) for code in notes.codes)
    fixed = block(notes.resolution)
    if fixed == "|\n":
        fixed_lines = "# resolution: |    (needed once the case leaves wip) the steps that fixed it\n"
    else:
        fixed_lines = f"resolution: {fixed}"
    body = f"""id: {record_id}
title: {quoted(title)}
state: wip  # wip -> not-validated -> validated (by a publisher or coach) -> archived
products: [{product}]
skills: []
tags: [{tags}]
aka: []  # other words customers and engineers use for this problem
symptoms: {block(title if notes.symptoms is None else notes.symptoms)}\
# environment: |   (needed once the case leaves wip) product version, configuration, site conditions
# cause: |
{fixed_lines}\
authors: [{author}]
solved_on: {day.isoformat()}
# hours_to_resolve: 4
# customer: 某食品厂    (an anonymised label only: never a name, phone number or e-mail)
# related: []
{_photo_lines(record_id, notes.photos)}"""
    return NewRecord("case", record_id, body)


def _photo_lines(record_id: str, photos: tuple[str, ...]) -> str:
    if not photos:
        return ""
    folder = f"cases/{record_id}"
    named = ", ".join(quoted(f"{folder}/{photo.strip(' ')}") for photo in photos)
    return f"# attachments: [{named}]\n#   (put the photos in data/attachments/{folder}/, then remove the # above)\n"


def person_id(name: str) -> str:
    return slugify(name, NEW_ID_LENGTH)


def new_person(name: str, team: str, role: str, joined: dt.date, record_id: str | None = None) -> NewRecord:
    record_id = record_id or person_id(name)
    body = f"""id: {record_id}
name: {quoted(name)}
team: {team}
role: {role}  # field-service or technical-support
joined: {joined.isoformat()}
skills: {{}}  # skill id: level 1-4 (1 learning, 2 works with help, 3 independent, 4 can teach)
kcs_role: candidate  # candidate, contributor, publisher or coach
"""
    return NewRecord("person", record_id, body)


def new_mentoring(
    mentor: str, mentee: str, skill: str, target: int, started: dt.date, record_id: str | None = None
) -> NewRecord:
    record_id = record_id or mentoring_id(mentor, mentee, started)
    body = f"""id: {record_id}
mentor: {mentor}
mentee: {mentee}
started: {started.isoformat()}
status: active  # active, completed or stopped
goals:
  - {{skill: {skill}, target: {target}}}
log: []  # - {{date: YYYY-MM-DD, note: "...", case: <case id>}}
"""
    return NewRecord("mentoring", record_id, body)


def new_session(
    title: str, day: dt.date, trainer: str, hours: float, session_format: str, record_id: str | None = None
) -> NewRecord:
    record_id = record_id or session_id(day, title)
    body = f"""id: {record_id}
title: {quoted(title)}
date: {day.isoformat()}
hours: {hours:g}
format: {session_format}  # classroom, on-site, online or contest
trainers: [{trainer}]
attendees: []
skills: []
cases: []  # case ids discussed
materials: []  # https links or files in data/attachments/
"""
    return NewRecord("session", record_id, body)


def new_path(title: str, record_id: str | None = None) -> NewRecord:
    record_id = record_id or title_slug(title)
    body = f"""id: {record_id}
title: {quoted(title)}
steps:
  - id: basics
    title: {quoted("入门")}
    requires: []
    read: []      # case ids to study
    sessions: []  # attending any of these sessions completes the step
enrolled: []
"""
    return NewRecord("path", record_id, body)


def new_award(
    award: str, recipient: str, period: str, awarded_on: dt.date, citation: str, record_id: str | None = None
) -> NewRecord:
    record_id = record_id or award_id(period, award, recipient)
    body = f"""id: {record_id}
award: {award}
recipients: [{recipient}]
period: {quoted(period)}  # 2026, 2026-H2, 2026-Q3 or 2026-09
awarded_on: {awarded_on.isoformat()}
citation: |
  {citation}
evidence: []  # case ids that show the deeds
"""
    return NewRecord("award", record_id, body)
