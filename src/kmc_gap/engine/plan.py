"""`kmc-gap plan`: the fewest courses that close a profile's gaps, and the gaps no course can close.

A gap is an item X unmet for a task of level L. Taking a course of level ≥ L that covers X adds
one counting item for X, so the gap (X, L) needs ``min_evidence`` minus the counting items it
already has. Choosing courses is then a set multicover problem: the plan takes the smallest
number of courses (ties broken by the fewest total hours) that meets every need
a course can meet. For catalogues of up to :data:`EXACT_LIMIT` courses the answer is exact, by a
branch-and-bound search; beyond that, or if the search grows past :data:`NODE_LIMIT` steps, it is
the greedy choice, and the plan says so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kmc_gap.engine.report import Closed, Figures, Plan, PlannedCourse, Report, Unclosable, UnclosableReason
from kmc_gap.engine.rules import gating_codes, reason_not_counted
from kmc_gap.engine.scoring import Coverage, assess
from kmc_gap.model.lookup import order
from kmc_gap.model.models import Catalog, Course, Evidence, EvidenceKind, Policy, Profile, Standard

EXACT_LIMIT = 40
NODE_LIMIT = 2_000_000

Need = tuple[str, int]  # (item code, the level it is needed at)


@dataclass
class CoverProblem:
    """The gaps to close: how many more courses each (item, level) needs, and who can help."""

    need: dict[Need, int]
    helps: list[frozenset[Need]]  # per course (by catalogue index): the needs it counts towards
    hours: list[float]


def _needs(
    profile: Profile, std: Standard, policy: Policy, as_of: dt.date
) -> tuple[dict[Need, int], dict[Need, list[str]]]:
    """Every unmet (item, level) with the counting items it still lacks, and its tasks."""
    counting = [ev for ev in profile.evidence if reason_not_counted(ev, policy, as_of) is None]
    cov = Coverage(counting, policy.min_evidence)
    need: dict[Need, int] = {}
    tasks: dict[Need, list[str]] = defaultdict(list)
    for task in std.tasks():
        for code in gating_codes(task, policy.require_outputs):
            have = len(cov.supporting(code, task.level))
            if have < policy.min_evidence:
                need[(code, task.level)] = policy.min_evidence - have
                tasks[(code, task.level)].append(task.code)
    return need, tasks


def _search_exact(problem: CoverProblem) -> list[int] | None:
    """The lexicographically best (count, hours, indices) cover, or None past the node limit."""
    best: list[tuple[int, float, tuple[int, ...]]] = []
    nodes = 0
    candidates = {n: [c for c, h in enumerate(problem.helps) if n in h] for n in problem.need}

    def visit(chosen: tuple[int, ...], need: dict[Need, int], banned: frozenset[int], hours: float) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > NODE_LIMIT:
            return False
        if not need:
            key = (len(chosen), hours, chosen)
            if not best or key < best[0]:
                best[:] = [key]
            return True
        usable = [c for c in range(len(problem.helps)) if c not in banned and c not in chosen]
        reach = max((len(problem.helps[c] & need.keys()) for c in usable), default=0)
        if reach == 0:
            return True
        bound = len(chosen) + max(max(need.values()), math.ceil(sum(need.values()) / reach))
        if best and (bound, hours) >= best[0][:2]:
            return True
        # branch on the need with the fewest courses left that can meet it
        target = min(need, key=lambda n: (sum(c in usable for c in candidates[n]) - need[n], n))
        options = [c for c in candidates[target] if c in usable]
        options.sort(key=lambda c: (-len(problem.helps[c] & need.keys()), problem.hours[c], c))
        skipped = set(banned)
        for i, course in enumerate(options):
            if len(options) - i < need[target]:
                break  # too few options left to meet this need without the ones already tried
            rest = {n: k - (n in problem.helps[course]) for n, k in need.items()}
            rest = {n: k for n, k in rest.items() if k > 0}
            if not visit((*chosen, course), rest, frozenset(skipped), hours + problem.hours[course]):
                return False
            skipped.add(course)
        return True

    finished = visit((), dict(problem.need), frozenset(), 0.0)
    return sorted(best[0][2]) if finished and best else None


def _search_greedy(problem: CoverProblem) -> list[int]:
    """Repeatedly take the course that meets the most remaining needs (then fewest hours)."""
    need, chosen = dict(problem.need), []
    while need:
        course = min(
            (c for c in range(len(problem.helps)) if c not in chosen),
            key=lambda c: (-len(problem.helps[c] & need.keys()), problem.hours[c], c),
        )
        if not problem.helps[course] & need.keys():
            break
        chosen.append(course)
        need = {n: k - (n in problem.helps[course]) for n, k in need.items()}
        need = {n: k for n, k in need.items() if k > 0}
    return sorted(chosen)


def choose(problem: CoverProblem) -> tuple[list[int], Literal["exact", "greedy"]]:
    """The chosen course indices and the method used: ``exact`` or ``greedy``."""
    if len(problem.helps) <= EXACT_LIMIT:
        found = _search_exact(problem)
        if found is not None:
            return found, "exact"
    return _search_greedy(problem), "greedy"


def _unclosable(need: Need, courses: Sequence[Course]) -> UnclosableReason:
    """Why no choice of courses closes ``need``."""
    code, level = need
    covering = [c for c in courses if code in c.covers]
    if not covering:
        return "no_course"
    if not any(c.level >= level for c in covering):
        return "level_too_low"
    return "not_enough_courses"


def make_plan(
    profile: Profile,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    catalog: Catalog,
    *,
    policy_name: str = "default",
) -> Plan:
    """The plan (shape documented in the README, "Training plan")."""
    position = order(std)
    courses = catalog.courses
    need, tasks_of = _needs(profile, std, policy, as_of)
    helps_all = [frozenset(n for n in need if n[0] in c.covers and c.level >= n[1]) for c in courses]
    closable = {n: k for n, k in need.items() if sum(n in h for h in helps_all) >= k}
    problem = CoverProblem(closable, [h & closable.keys() for h in helps_all], [c.hours for c in courses])
    chosen, method = choose(problem)

    before = assess(profile, std, policy, as_of, policy_name=policy_name)
    taken = [_as_evidence(courses[i], as_of) for i in chosen]
    after = assess(
        profile.model_copy(update={"evidence": [*profile.evidence, *taken]}),
        std,
        policy,
        as_of,
        policy_name=policy_name,
    )
    unclosable: list[Unclosable] = [
        {
            "code": code,
            "tasks": tasks_of[(code, level)],
            "required_level": level,
            "reason": _unclosable((code, level), courses),
        }
        for code, level in need
        if (code, level) not in closable
    ]
    return {
        "person": before["person"],
        "standard": before["standard"],
        "as_of": as_of.isoformat(),
        "policy": policy_name,
        "catalog": {"title": catalog.title, "sample": catalog.sample, "courses": len(courses)},
        "method": method,
        "courses": [_course_out(courses[i], problem.helps[i], tasks_of, position) for i in chosen],
        "total_hours": sum(courses[i].hours for i in chosen),
        "total_cost": sum(courses[i].cost or 0 for i in chosen),
        "before": _figures(before),
        "after": _figures(after),
        "unclosable": sorted(unclosable, key=lambda g: (position[g["code"]], g["required_level"])),
    }


def _as_evidence(course: Course, as_of: dt.date) -> Evidence:
    """The evidence that completing ``course`` would give."""
    return Evidence(
        id=f"course:{course.code}",
        kind=EvidenceKind.training,
        title=course.title,
        date=as_of,
        level=course.level,
        covers=course.covers,
        verified_by=course.provider,
        hours=course.hours,
    )


def _course_out(
    course: Course,
    helps: frozenset[Need],
    tasks_of: dict[Need, list[str]],
    position: dict[str, int],
) -> PlannedCourse:
    closes: dict[str, list[str]] = defaultdict(list)
    for code, level in helps:
        closes[code] += tasks_of[(code, level)]
    return {
        "code": course.code,
        "title": course.title,
        "provider": course.provider,
        "hours": course.hours,
        "level": course.level,
        "cost": course.cost,
        "closes": [
            Closed(code=code, tasks=sorted(closes[code], key=position.__getitem__))
            for code in sorted(closes, key=position.__getitem__)
        ],
    }


def _figures(report: Report) -> Figures:
    s = report["summary"]
    return {
        "coverage": s["coverage"],
        "items_met": s["items_met"],
        "tasks_met": s["tasks_met"],
        "meets_standard": s["meets_standard"],
    }
