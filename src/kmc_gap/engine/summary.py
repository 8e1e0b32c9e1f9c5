"""One page for the boss: the team's readiness, by department, the items most missed, and what closes them.

Worked from the reports alone (and the catalogue's courses, when one is given): codes and numbers
only, like every engine result; the renderers put names and words on it.

* **Readiness**: how many people meet the standard, and how many people meet 0, 1, … 14 tasks.
* **By department** (the person's ``organisation``): people, how many meet the standard, the mean
  coverage and the mean tasks met.
* **Most missed**: the items most people lack, each with how many lack it and how many of those have
  it at a lower level already (a course at the right level closes it; for the others it is new).
* **What closes the gaps**: each missed item goes in one of three buckets — a course in the catalogue
  covers it at the level it is needed (K and S items), no course does (K and S), or it is a behaviour
  indicator or a work output (P, O), which only observed work shows (the assessment round).
* **The plan**, when one is given: its cost, the budget it used, the tasks it lifts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from typing_extensions import TypedDict

from kmc_gap.engine.scoring import ratio

if TYPE_CHECKING:
    from kmc_gap.engine.report import Plan, Report
    from kmc_gap.model.models import Course

#: How many of the most-missed items the summary lists.
MOST_MISSED = 10

Closer = Literal["course", "no_course", "observed"]


class Department(TypedDict):
    """One department's figures; ``name`` is None for the people with no department."""

    name: str | None
    people: int
    meeting: int
    coverage: float
    tasks_met: float


class Missed(TypedDict):
    """An item people lack: how many, and how many of them have it at a lower level."""

    code: str
    people: int
    lower_level: int
    closer: Closer


class Bucket(TypedDict):
    """The missed items one kind of remedy closes: how many items, and how many person–item gaps."""

    closer: Closer
    items: int
    gaps: int
    codes: list[str]


class PlanFigures(TypedDict):
    """What a plan does for the team."""

    cost: float
    budget: float | None
    courses: int
    tasks_before: int
    tasks_after: int


class TeamSummary(TypedDict):
    """The one-page summary of a team."""

    people: int
    meeting: int
    tasks_total: int
    tasks_met: list[int]  # index n: how many people meet n tasks
    coverage_bands: list[int]  # index n < 10: how many people have n×10 % to (n+1)×10 % of the items; 10: all
    coverage: float
    departments: list[Department]
    most_missed: list[Missed]
    buckets: list[Bucket]
    plan: PlanFigures | None


def summary_part(report: Report) -> Report:
    """What the summary needs of a report: all but its evidence, so that a team of thousands stays small."""
    return {**report, "evidence": [], "expiring": [], "duties": []}


def summarise(
    reports: Sequence[Report],
    position: dict[str, int],
    courses: Sequence[Course] | None,
    plan: Plan | None,
    by: str = "organisation",
) -> TeamSummary:
    """The team's summary from its reports, in the standard's order (``position``), grouped ``by`` a field."""
    tasks_total = len(reports[0]["tasks"]) if reports else 0
    histogram = [0] * (tasks_total + 1)
    for r in reports:
        histogram[r["summary"]["tasks_met"]] += 1
    missing: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    needed: dict[str, int] = {}  # code → the highest level it is needed at, across the team
    for r in reports:
        for gap in r["gaps"]:
            missing[gap["code"]] += 1
            lower[gap["code"]] += gap["best_level"] is not None
            needed[gap["code"]] = max(needed.get(gap["code"], 0), gap["required_level"])
    closer = {code: _closer(code, level, courses) for code, level in needed.items()}
    ranked = sorted(missing, key=lambda code: (-missing[code], position.get(code, 0)))
    met = sum(r["summary"]["items_met"] for r in reports)
    total = sum(r["summary"]["items_total"] for r in reports)
    return {
        "people": len(reports),
        "meeting": sum(r["summary"]["meets_standard"] for r in reports),
        "tasks_total": tasks_total,
        "tasks_met": histogram,
        "coverage_bands": _bands(reports),
        "coverage": ratio(met, total),
        "departments": _departments(reports, by),
        "most_missed": [
            {"code": code, "people": missing[code], "lower_level": lower[code], "closer": closer[code]}
            for code in ranked[:MOST_MISSED]
        ],
        "buckets": [_bucket(kind, ranked, missing, closer) for kind in ("course", "no_course", "observed")],
        "plan": _plan(plan) if plan is not None else None,
    }


def _bands(reports: Sequence[Report]) -> list[int]:
    """People by coverage, in bands of 10 %: 0–10 %, …, 90–100 % (short of all), and all items met."""
    bands = [0] * 11
    for r in reports:
        met, total = r["summary"]["items_met"], r["summary"]["items_total"]
        bands[10 if met == total else min(met * 10 // max(total, 1), 9)] += 1
    return bands


def _closer(code: str, level: int, courses: Sequence[Course] | None) -> Closer:
    """What can close an item: observed work for P and O; for K and S a course at its level, if there is one."""
    if code[0] in "PO":
        return "observed"
    if courses and any(code in c.covers and (c.level or 0) >= level for c in courses):
        return "course"
    return "no_course"


def _bucket(kind: Closer, ranked: list[str], missing: Counter[str], closer: dict[str, Closer]) -> Bucket:
    codes = [code for code in ranked if closer[code] == kind]
    return {"closer": kind, "items": len(codes), "gaps": sum(missing[c] for c in codes), "codes": codes}


def _departments(reports: Sequence[Report], by: str) -> list[Department]:
    """The figures of each group: by department (``organisation``), or by ``role``."""
    groups: dict[str | None, list[Report]] = defaultdict(list)
    for r in reports:
        groups[r["person"]["role"] if by == "role" else r["person"]["organisation"]].append(r)
    out: list[Department] = []
    for name in sorted(groups, key=lambda n: (n is None, n or "")):
        members = groups[name]
        met = sum(r["summary"]["items_met"] for r in members)
        total = sum(r["summary"]["items_total"] for r in members)
        out.append(
            {
                "name": name,
                "people": len(members),
                "meeting": sum(r["summary"]["meets_standard"] for r in members),
                "coverage": ratio(met, total),
                "tasks_met": round(sum(r["summary"]["tasks_met"] for r in members) / len(members), 2),
            }
        )
    return out


def _plan(plan: Plan) -> PlanFigures:
    return {
        "cost": plan["total_cost"],
        "budget": plan["budget"],
        "courses": len(plan["courses"]),
        "tasks_before": plan["before"]["tasks_met"],
        "tasks_after": plan["after"]["tasks_met"],
    }
