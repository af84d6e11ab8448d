"""Figures for the people who build the team: skill matrix, talent pipeline, knowledge
health, training and mentoring. Pure functions of the Dataset.

They state facts from the records (levels, counts, dates) and never a verdict on a
person; no performance score is computed or published.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.model import Dataset

TEACHING_LEVEL = 4
STALE_WIP_DAYS = 30


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def current_members(data: Dataset, team_id: str) -> list[str]:
    return [pid for pid in data.sorted_people() if data.people[pid].team == team_id and not data.is_alumnus(pid)]


def case_team(data: Dataset, case_id: str) -> str | None:
    """The team a case counts for: its own `team`, else its first author's."""
    case = data.cases[case_id]
    if case.team:
        return case.team
    author = data.people.get(case.authors[0])
    return author.team if author else None


# ---- skill matrix and talent pipeline ----------------------------------------------------


@dataclass
class SkillMatrix:
    people: list[str]
    skills: list[str]
    levels: dict[str, dict[str, int]]  # person -> skill -> level
    teachers: dict[str, list[str]]  # skill -> people at level 4
    single_points: list[str]  # skills the team uses that one or no member can teach


def skill_matrix(data: Dataset, team_id: str, people: list[str] | None = None) -> SkillMatrix:
    """The team's skills and levels: of its current members, or of `people` (those in post at
    a period's end, generator/figures.py)."""
    people = current_members(data, team_id) if people is None else people
    levels = {pid: dict(data.people[pid].skills) for pid in people}
    used = {skill for pid in people for skill in levels[pid]}
    used |= {skill for cid in data.cases if case_team(data, cid) == team_id for skill in data.cases[cid].skills}
    skills = [skill for skill in data.skills if skill in used]
    teachers = {skill: [pid for pid in people if levels[pid].get(skill, 0) >= TEACHING_LEVEL] for skill in skills}
    single_points = [skill for skill in skills if len(teachers[skill]) <= 1]
    return SkillMatrix(people, skills, levels, teachers, single_points)


@dataclass
class Newcomer:
    person: str
    paths: list[tuple[str, int, int]] = field(default_factory=list)  # path, steps done, steps in all
    goals: list[tuple[str, str, int, int | None]] = field(default_factory=list)  # pair, skill, target, current

    @property
    def path_complete(self) -> list[str]:
        return [path for path, done, total in self.paths if done == total]

    @property
    def goals_reached(self) -> list[str]:
        pairs = {pair for pair, *_ in self.goals}
        return [
            pair
            for pair in sorted(pairs)
            if all(current is not None and current >= target for p, _, target, current in self.goals if p == pair)
        ]


def pipeline(data: Dataset, team_id: str) -> list[Newcomer]:
    """Members following a training path or mentored in an active pair, with their progress."""
    found = []
    for pid in current_members(data, team_id):
        newcomer = Newcomer(pid)
        for path_id in data.paths_of.get(pid, []):
            statuses = data.progress[path_id][pid]
            done = sum(1 for status in statuses.values() if status.state == "done")
            newcomer.paths.append((path_id, done, len(statuses)))
        for pair_id in data.mentoring_as_mentee.get(pid, []):
            pair = data.mentoring[pair_id]
            if pair.status == "active":
                for goal in pair.goals:
                    newcomer.goals.append((pair_id, goal.skill, goal.target, data.people[pid].skills.get(goal.skill)))
        if newcomer.paths or newcomer.goals:
            found.append(newcomer)
    return found


# ---- knowledge health (KCS) --------------------------------------------------------------


def reuse_counts(data: Dataset) -> dict[str, int]:
    """How often each case is cited by other cases, mentoring logs, sessions, awards and paths."""
    return {case_id: len(data.cited_by.get(case_id, [])) for case_id in data.cases}


def most_reused(data: Dataset, limit: int = 10) -> list[tuple[str, int]]:
    counts = reuse_counts(data)
    ranked = sorted(
        ((count, case_id) for case_id, count in counts.items() if count), key=lambda item: (-item[0], item[1])
    )
    return [(case_id, count) for count, case_id in ranked[:limit]]


def months_of_cases(data: Dataset) -> list[str]:
    """Every month from the first case's to today's (or the last case's, when later)."""
    if not data.cases:
        return []
    first = min(case.solved_on for case in data.cases.values())
    last = max(data.today, max(case.solved_on for case in data.cases.values()))
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def validated_share(validated: int, archived: int, cases: int) -> float | None:
    """已验证占比 = validated ÷ cases not archived: an archived case is out of use, so it counts
    neither for nor against the library. None when every case is archived (or there is none)."""
    live = cases - archived
    return validated / live if live else None


@dataclass
class TeamHealth:
    cases: int = 0
    validated: int = 0
    archived: int = 0
    authors: set[str] = field(default_factory=set)
    validators: set[str] = field(default_factory=set)

    @property
    def share_validated(self) -> float | None:
        return validated_share(self.validated, self.archived, self.cases)


def health_by_team(data: Dataset) -> dict[str, TeamHealth]:
    teams = {team_id: TeamHealth() for team_id in data.teams}
    for case_id, case in data.cases.items():
        team = teams.get(case_team(data, case_id) or "")
        if team is None:
            continue
        team.cases += 1
        team.validated += case.state == "validated"
        team.archived += case.state == "archived"
        team.authors.update(case.authors)
        if case.validated_by:
            team.validators.add(case.validated_by)
    return teams


def library_health(data: Dataset) -> TeamHealth:
    """The whole library's counts, defined as each team's."""
    whole = TeamHealth()
    for case in data.cases.values():
        whole.cases += 1
        whole.validated += case.state == "validated"
        whole.archived += case.state == "archived"
    return whole


def stale_wip(data: Dataset) -> list[str]:
    limit = data.today - dt.timedelta(days=STALE_WIP_DAYS)
    return sorted(
        (cid for cid, c in data.cases.items() if c.state == "wip" and c.solved_on < limit),
        key=lambda cid: (data.cases[cid].solved_on, cid),
    )


def past_review(data: Dataset) -> list[str]:
    return sorted(
        (
            cid
            for cid, c in data.cases.items()
            if c.review_by and c.review_by < data.today and c.state in ("wip", "not-validated")
        ),
        key=lambda cid: (data.cases[cid].review_by, cid),
    )


# ---- training and mentoring ---------------------------------------------------------------


def past_sessions(data: Dataset) -> list[str]:
    return [sid for sid in data.sessions_in_order() if not data.is_upcoming(sid)]


def training_hours_by_person(data: Dataset) -> dict[str, dict[str, float]]:
    """Person -> quarter -> hours of sessions attended (sessions that took place)."""
    hours: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for sid in past_sessions(data):
        session = data.sessions[sid]
        for person in session.attendees:
            hours[person][quarter_of(session.date)] += session.hours
    return {person: dict(by_quarter) for person, by_quarter in hours.items()}


def quarters(data: Dataset) -> list[str]:
    return sorted({quarter_of(data.sessions[sid].date) for sid in past_sessions(data)})


def sessions_per_skill(data: Dataset) -> dict[str, int]:
    return {skill: len(data.sessions_by_skill.get(skill, [])) for skill in data.skills}


def attendance(data: Dataset) -> dict[str, int]:
    """Person -> sessions attended (that took place)."""
    counts: Counter[str] = Counter()
    for sid in past_sessions(data):
        counts.update(data.sessions[sid].attendees)
    return dict(counts)


def active_pairs_per_mentor(data: Dataset) -> dict[str, list[str]]:
    pairs: dict[str, list[str]] = defaultdict(list)
    for pair_id, pair in data.mentoring.items():
        if pair.status == "active":
            pairs[pair.mentor].append(pair_id)
    return dict(pairs)


def skill_coverage(data: Dataset) -> dict[str, tuple[int, int]]:
    """Skill -> (people who work independently or better, people who can teach), current staff."""
    coverage = {}
    for skill in data.skills:
        levels = [data.people[pid].skills.get(skill, 0) for pid in data.people if not data.is_alumnus(pid)]
        coverage[skill] = (
            sum(1 for level in levels if level >= 3),
            sum(1 for level in levels if level >= TEACHING_LEVEL),
        )
    return coverage
