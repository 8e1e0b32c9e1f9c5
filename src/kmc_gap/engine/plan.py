"""`kmc-gap plan`: which courses to run, for whom, within a budget — solved exactly by HiGHS.

The model (the README's "Training plan" section is the contract the tests pin):

* A *need* of a person is an item X unmet for a task of level L: the pair (X, L), needing
  ``min_evidence`` minus the counting items the person already has at level L or above.
* Running course c (``x_c``) costs ``cost``. Everyone it counts for — a course counts for a person
  when it is of a level and covers a code that one of their needs asks for — attends it, at
  ``seat_cost`` and ``hours`` each, and it counts as one training item at the course's level
  covering its codes, exactly as evidence counts in the scoring rules.
* A need is closed (``z_pn``) when enough of the person's courses count towards it; a task is newly
  met (``w_pt``) when every need of that task is closed.
* With a budget the plan maximises, in this order, the person–task pairs newly met, then the
  person–item gaps closed, then spends the least, then takes the fewest hours. Without a budget the
  first two stages close everything the catalogue can close. For one person without a budget the
  plan keeps the classic objective: the fewest courses, then the fewest hours.

The stages are solved one after another as mixed-integer programmes, each keeping the optimum of the
stages before it (lexicographic optimisation). HiGHS is imported only here, when a plan is made.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kmc_gap.engine.report import (
    CatalogRef,
    Closed,
    Figures,
    Plan,
    PlannedCourse,
    PlanPerson,
    Report,
    SolverRun,
    Unclosable,
    UnclosableReason,
)
from kmc_gap.engine.rules import gating_blocks
from kmc_gap.engine.scoring import assess, ratio, weigh
from kmc_gap.model.lookup import order
from kmc_gap.model.models import Catalog, Course, Evidence, EvidenceKind, Policy, Profile, Standard
from kmc_gap.model.problems import KmcGapError, Problem

if TYPE_CHECKING:
    import highspy

Need = tuple[str, int]  # (item code, the level it is needed at)


class SolverError(KmcGapError):
    """HiGHS is missing or could not solve the programme; the message key says which."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__([Problem("kmc-gap plan", key, {"status": detail})])
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class PlanOptions:
    """The plan's limits: a team budget, each person's added hours, and the solver's time."""

    budget: float | None = None
    max_hours: float | None = None
    time_limit: float = 60.0
    started: float | None = None  # when the command began (time.monotonic()): the limit bounds it all


@dataclass
class Learner:
    """One person's side of the programme: what they lack and which courses help."""

    key: str
    profile: Profile
    file: str | None
    need: dict[Need, int]  # every unmet (item, level) and how many more counting items it takes
    tasks_of: dict[Need, list[str]]  # the tasks each need belongs to
    helps: dict[int, int]  # course index → the needs it counts towards, as bits of ``team`` (non-empty only)
    team: Needs
    closable: set[Need] = field(default_factory=set)
    meetable: dict[str, list[Need]] = field(default_factory=dict)  # task → its needs, when all closable


def _needs(
    profile: Profile, std: Standard, policy: Policy, as_of: dt.date
) -> tuple[dict[Need, int], dict[Need, list[str]]]:
    """Every unmet (item, level) with the counting items it still lacks, and its tasks."""
    _, _, cov = weigh(profile.evidence, policy, as_of)
    need: dict[Need, int] = {}
    tasks: dict[Need, list[str]] = defaultdict(list)
    for task in std.tasks():
        for level, codes in gating_blocks(task, policy.require_outputs):  # each block at its own level
            for code in codes:
                have = len(cov.supporting(code, level))
                if have < policy.min_evidence:
                    need[(code, level)] = policy.min_evidence - have
                    if task.code not in tasks[(code, level)]:  # an output two blocks repeat at one level
                        tasks[(code, level)].append(task.code)
    return need, tasks


class CourseIndex:
    """Which courses count towards a need (an item at a level): worked out once for the whole team.

    Whether a course counts depends only on the need, never on the person, so a team of 200 and a
    catalogue of 10,000 courses cost one pass over the courses' codes, not 200.
    """

    def __init__(self, courses: Sequence[Course]) -> None:
        self.courses = courses
        self.by_code: dict[str, list[tuple[int, int]]] = defaultdict(list)  # code → (course, level)
        for i, course in enumerate(courses):
            for code in course.covers:
                self.by_code[code].append((i, course.level or 0))
        self.cache: dict[Need, list[int]] = {}

    def helping(self, need: Need) -> list[int]:
        """The courses that count towards ``need``: they cover its item at its level or above."""
        found = self.cache.get(need)
        if found is None:
            found = self.cache[need] = [i for i, level in self.by_code.get(need[0], ()) if level >= need[1]]
        return found


class Needs:
    """The team's needs as the bits of an integer, so that "which of my needs does this course meet" is
    one AND for each person and course (2 million of them for 200 people and 10,000 courses)."""

    def __init__(self, needs: Iterable[Need]) -> None:
        self.order = sorted(set(needs))
        self.bit = {n: 1 << i for i, n in enumerate(self.order)}

    def mask(self, needs: Iterable[Need]) -> int:
        return sum(self.bit[n] for n in needs)

    def of(self, mask: int) -> frozenset[Need]:
        """The needs a mask holds."""
        return frozenset(n for i, n in enumerate(self.order) if mask >> i & 1)


def learners(
    people: Sequence[tuple[str, Profile, str | None]],
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    index: CourseIndex,
) -> tuple[list[Learner], Needs]:
    """Each person's needs, the courses that help them, and what the catalogue can close for them."""
    found = [(key, prof, file, *_needs(prof, std, policy, as_of)) for key, prof, file in people]
    team = Needs(n for *_, need, _ in found for n in need)
    courses: dict[int, int] = defaultdict(int)  # course → the team's needs it counts towards
    for n in team.order:
        for c in index.helping(n):
            courses[c] |= team.bit[n]
    out = []
    for key, prof, file, need, tasks_of in found:
        mine = team.mask(need)
        helps = {c: m & mine for c, m in sorted(courses.items()) if m & mine}
        person = Learner(key, prof, file, need, dict(tasks_of), helps, team)
        person.closable = {n for n, k in need.items() if len(index.helping(n)) >= k}
        by_task: dict[str, list[Need]] = defaultdict(list)
        for n, tasks in tasks_of.items():
            for task in tasks:
                by_task[task].append(n)
        person.meetable = {t: ns for t, ns in by_task.items() if all(n in person.closable for n in ns)}
        out.append(person)
    return out, team


@dataclass
class Solved:
    """The chosen courses, who attends them, and whether the optimum was proven."""

    run: list[int]
    attends: dict[int, list[int]]  # course index → learner indices
    optimal: bool
    mip_gap: float | None
    size: SolverRun | None = None


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Send what native code writes to file descriptor 1 to the null device for a moment.

    stdout carries kmc-gap's data (JSON, Markdown): a solver's banner there would corrupt it.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class _Programme:
    """The mixed-integer programme in HiGHS: courses run (x), needs closed (z), tasks newly met (w)."""

    def __init__(self, people: list[Learner], index: CourseIndex, options: PlanOptions) -> None:
        try:
            import highspy
        except ImportError as exc:  # pragma: no cover - highspy is a dependency
            raise SolverError("plan.solver_missing", str(exc)) from None
        import numpy as np  # highspy's own dependency: its arrays

        self.hs, self.np = highspy, np
        with _quiet_stdout():  # HiGHS prints a banner on stdout when created, before any option applies
            self.h: highspy.Highs = highspy.Highs()  # type: ignore[no-untyped-call]
            self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("random_seed", 0)
        self.people, self.courses, self.options = people, index.courses, options
        # who would attend each course: everyone it counts for (the model's attendance rule)
        self.attendees: dict[int, list[int]] = defaultdict(list)
        for p, person in enumerate(people):
            for c in person.helps:
                self.attendees[c].append(p)
        self.x: dict[int, int] = {}
        # Whether a course counts towards a need depends only on the need (item, level), never on the
        # person: people who share a need share its variable, weighted by how many share it; so do
        # person–task pairs whose tasks come down to the same needs. The optimum is the same.
        self.z_weight: dict[tuple[Need, int], int] = defaultdict(int)
        self.w_weight: dict[frozenset[tuple[Need, int]], int] = defaultdict(int)
        for person in people:
            for n in person.closable:
                self.z_weight[(n, person.need[n])] += 1
            for needs in person.meetable.values():
                self.w_weight[frozenset((n, person.need[n]) for n in needs)] += 1
        # the courses left after duplicates were dropped that count towards each need
        self.helping = {n: [c for c in index.helping(n) if c in self.attendees] for (n, _) in self.z_weight}
        self.z: dict[tuple[Need, int], int] = {}
        self.w: dict[frozenset[tuple[Need, int]], int] = {}
        self._columns()
        self._rows()

    def _binaries(self, count: int) -> list[int]:
        np = self.np
        first = self.h.getNumCol()
        self.h.addVars(count, [0.0] * count, [1.0] * count)
        indices = list(range(first, first + count))
        integer = np.full(count, int(self.hs.HighsVarType.kInteger), dtype=np.uint8)
        self.h.changeColsIntegrality(count, np.asarray(indices, dtype=np.int32), integer)
        return indices

    def _columns(self) -> None:
        courses = sorted(self.attendees)
        self.x = dict(zip(courses, self._binaries(len(courses)), strict=True))
        needs = sorted(self.z_weight)
        self.z = dict(zip(needs, self._binaries(len(needs)), strict=True))
        tasks = sorted(self.w_weight, key=sorted)
        self.w = dict(zip(tasks, self._binaries(len(tasks)), strict=True))

    def _row(self, coefficients: dict[int, float], lower: float, upper: float) -> None:
        indices = list(coefficients)
        self.h.addRow(lower, upper, len(indices), indices, [coefficients[i] for i in indices])

    def _rows(self) -> None:
        inf = self.hs.kHighsInf
        for (n, k), col in self.z.items():
            helping = {self.x[c]: 1.0 for c in self.helping[n]}
            self._row({**helping, col: -float(k)}, 0.0, inf)  # enough courses count towards the need
        for needs, col in self.w.items():
            for need in needs:
                self._row({col: 1.0, self.z[need]: -1.0}, -inf, 0.0)  # a task needs all its needs
        if self.options.budget is not None:
            self._row(self.cost(), -inf, self.options.budget)
        if self.options.max_hours is not None:
            for person in self.people:
                hours = {self.x[c]: self.courses[c].hours for c in person.helps}
                self._row(hours, -inf, self.options.max_hours)

    def cost(self) -> dict[int, float]:
        """Coefficients of the total cost: each course's fee, and a seat for each of its attendees."""
        return {col: _team_cost(self.courses[c], len(self.attendees[c])) for c, col in self.x.items()}

    def stages(self, fewest_courses: bool) -> list[tuple[dict[int, float], bool]]:
        """The objectives in priority order, each with True when it is maximised."""
        hours = {col: self.courses[c].hours * len(self.attendees[c]) for c, col in self.x.items()}
        spend = {col: 1.0 for col in self.x.values()} if fewest_courses else self.cost()
        return [
            ({col: float(self.w_weight[key]) for key, col in self.w.items()}, True),
            ({col: float(self.z_weight[key]) for key, col in self.z.items()}, True),
            (spend, False),
            (hours, False),
        ]

    def solve(self, fewest_courses: bool) -> Solved:
        """Optimise the stages in turn; stop early, keeping the best plan found, at the time limit."""
        started = time.monotonic()
        size = (self.h.getNumCol(), self.h.getNumRow())
        solved = self._stages(fewest_courses, (self.options.started or started) + self.options.time_limit)
        version = f"HiGHS {self.h.versionMajor()}.{self.h.versionMinor()}.{self.h.versionPatch()}"
        solved.size = SolverRun(
            solver=version, variables=size[0], constraints=size[1], seconds=round(time.monotonic() - started, 3)
        )
        return solved

    def _stages(self, fewest_courses: bool, deadline: float) -> Solved:
        optimal: bool = True
        gap: float | None = 0.0
        values: list[float] | None = None
        inf = self.hs.kHighsInf
        for objective, maximise in self.stages(fewest_courses):
            if not any(objective.values()):
                continue
            self._objective(objective, maximise)
            if values is not None:  # the last stage's optimum is feasible here: start from it
                self.h.setSolution(self._as_solution(values))
            self.h.setOptionValue("time_limit", max(deadline - time.monotonic(), 0.0))
            self.h.run()
            status = self.h.getModelStatus()
            solution = self.h.getSolution()
            if status == self.hs.HighsModelStatus.kOptimal:
                values = list(solution.col_value)
                best = sum(coef * values[col] for col, coef in objective.items())
                slack = 1e-6 * max(1.0, abs(best))
                if maximise:
                    self._row(objective, best - slack, inf)
                else:
                    self._row(objective, -inf, best + slack)
                continue
            if status not in (self.hs.HighsModelStatus.kTimeLimit, self.hs.HighsModelStatus.kInterrupt):
                raise SolverError("plan.solver_failed", self.h.modelStatusToString(status))
            # stopped: keep the best plan found — this stage's, the last stage's, or running nothing,
            # which every limit allows
            if solution.value_valid:
                values = list(solution.col_value)
            elif values is None:
                values = [0.0] * self.h.getNumCol()
            reported = float(self.h.getInfo().mip_gap)
            optimal, gap = False, reported if reported < float("inf") else None
            break
        return self._read(values, optimal, gap)

    def _as_solution(self, values: list[float]) -> highspy.HighsSolution:
        solution = self.hs.HighsSolution()
        solution.col_value = [round(v) for v in values]
        solution.value_valid = True
        return solution

    def _objective(self, objective: dict[int, float], maximise: bool) -> None:
        n = self.h.getNumCol()
        self.h.changeColsCost(n, list(range(n)), [objective.get(i, 0.0) for i in range(n)])
        sense = self.hs.ObjSense.kMaximize if maximise else self.hs.ObjSense.kMinimize
        self.h.changeObjectiveSense(sense)

    def _read(self, values: list[float] | None, optimal: bool, gap: float | None) -> Solved:
        if values is None:  # nothing to optimise: no course helps anyone
            return Solved([], {}, optimal, gap)
        run = sorted(c for c, col in self.x.items() if values[col] > 0.5)
        return Solved(run, {c: self.attendees[c] for c in run}, optimal, gap)


def _drop_duplicates(people: list[Learner], courses: Sequence[Course]) -> None:
    """Leave out each course another one does exactly as well: the same needs for the same people, at
    no more cost and no more hours. The optimum stays the same, and the programme is as small as the
    catalogue's real choices; with 10,000 courses most are copies of a few hundred.

    Only when one course closes each need (every need lacks one item): a need that takes two courses
    may take both copies.
    """
    if any(k > 1 for person in people for k in person.need.values()):
        return
    attendees: dict[int, int] = defaultdict(int)
    effect: dict[int, int] = {}  # course → the team's needs it counts towards: the same, the same for everyone
    for person in people:
        for c in person.helps:
            attendees[c] += 1
            effect[c] = effect.get(c, 0) | person.helps[c]
    best: dict[int, int] = {}
    for c in sorted(effect):
        key = (_team_cost(courses[c], attendees[c]), courses[c].hours)
        kept = best.get(effect[c])
        if kept is None or key < (_team_cost(courses[kept], attendees[kept]), courses[kept].hours):
            best[effect[c]] = c
    keep = set(best.values())
    for person in people:
        person.helps = {c: needs for c, needs in person.helps.items() if c in keep}


def _team_cost(course: Course, attendees: int) -> float:
    return (course.cost or 0.0) + (course.seat_cost or 0.0) * attendees


def _check(solved: Solved, people: list[Learner], courses: Sequence[Course], options: PlanOptions) -> None:
    """Every plan shown keeps its limits: the budget, and each person's added hours (the solver's word is checked)."""
    spent = sum(_team_cost(courses[c], len(solved.attends.get(c, []))) for c in solved.run)
    if options.budget is not None and spent > options.budget * (1 + 1e-9) + 1e-6:
        raise SolverError("plan.over_limit", f"{spent:,.0f} > {options.budget:,.0f}")
    if options.max_hours is None:
        return
    for p, person in enumerate(people):
        hours = sum(courses[c].hours for c in solved.run if p in solved.attends.get(c, []))
        if hours > options.max_hours * (1 + 1e-9) + 1e-6:
            raise SolverError("plan.over_limit", f"{person.key}: {hours:g} h > {options.max_hours:g} h")


def _unclosable(need: Need, index: CourseIndex) -> UnclosableReason:
    """Why no choice of courses closes ``need``."""
    code, level = need
    covering = index.by_code.get(code, [])
    if not covering:
        return "no_course"
    if not any(found >= level for _, found in covering):
        return "level_too_low"
    return "not_enough_courses"


def as_evidence(course: Course, as_of: dt.date) -> Evidence:
    """The evidence that completing ``course`` would give."""
    return Evidence(
        id=f"course:{course.code}",
        kind=EvidenceKind.training,
        title=course.title,
        date=as_of,
        level=course.level or 1,  # only related courses are planned, and each has a level
        covers=course.covers,
        verified_by=course.provider,
        hours=course.hours,
    )


def _figures(report: Report) -> Figures:
    s = report["summary"]
    return {
        "coverage": s["coverage"],
        "items_met": s["items_met"],
        "items_total": s["items_total"],
        "tasks_met": s["tasks_met"],
        "tasks_total": s["tasks_total"],
        "meets_standard": s["meets_standard"],
    }


def _team_figures(figures: list[Figures]) -> Figures:
    items_met = sum(f["items_met"] for f in figures)
    items_total = sum(f["items_total"] for f in figures)
    return {
        "coverage": ratio(items_met, items_total),
        "items_met": items_met,
        "items_total": items_total,
        "tasks_met": sum(f["tasks_met"] for f in figures),
        "tasks_total": sum(f["tasks_total"] for f in figures),
        "meets_standard": all(f["meets_standard"] for f in figures),
    }


def make_plan(
    people: Sequence[tuple[str, Profile, str | None]],
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    catalog: Catalog,
    *,
    policy_name: str = "default",
    options: PlanOptions | None = None,
) -> Plan:
    """The plan for ``people`` — (key, profile, file) each — from ``catalog``.

    The shape is documented in the README ("Training plan"). Raises :class:`SolverError` when
    HiGHS is missing or fails.
    """
    options = options or PlanOptions()
    courses = catalog.plannable()  # fire drills close no gap; a certificate without its exam fee is no course
    index = CourseIndex(courses)
    team, _ = learners(people, std, policy, as_of, index)
    _drop_duplicates(team, courses)
    fewest_courses = len(team) == 1 and options.budget is None
    solved = _Programme(team, index, options).solve(fewest_courses)
    _check(solved, team, courses, options)
    position = order(std)
    planned = [_course_out(c, courses[c], [team[p] for p in solved.attends.get(c, [])], position) for c in solved.run]
    persons = [
        _person_out(p, person, solved, index, std, policy, as_of, policy_name, position)
        for p, person in enumerate(team)
    ]
    return {
        "standard": {"code": std.code},
        "as_of": as_of.isoformat(),
        "policy": policy_name,
        "catalog": CatalogRef(title=catalog.title, sample=catalog.sample, courses=len(courses)),
        "objective": "fewest_courses" if fewest_courses else "team",
        "budget": options.budget,
        "max_hours": options.max_hours,
        "optimal": solved.optimal,
        "mip_gap": solved.mip_gap,
        "solver": solved.size or SolverRun(solver="HiGHS", variables=0, constraints=0, seconds=0.0),
        "courses": planned,
        "not_planned": [c.code for c in catalog.unpriced()],
        "total_cost": sum(c["team_cost"] for c in planned),
        "total_hours": sum(c["team_hours"] for c in planned),
        "people": persons,
        "before": _team_figures([p["before"] for p in persons]),
        "after": _team_figures([p["after"] for p in persons]),
    }


def _course_out(index: int, course: Course, attendees: list[Learner], position: dict[str, int]) -> PlannedCourse:
    closes: dict[str, set[str]] = defaultdict(set)
    for person in attendees:
        for code, level in person.team.of(person.helps.get(index, 0)):
            closes[code].update(person.tasks_of[(code, level)])
    seat = course.seat_cost or 0.0
    return {
        "code": course.code,
        "title": course.title,
        "kind": course.kind,
        "provider": course.provider,
        "hours": course.hours,
        "level": course.level or 1,
        "cost": course.cost,
        "seat_cost": course.seat_cost,
        "attendees": [person.key for person in attendees],
        "team_cost": (course.cost or 0.0) + seat * len(attendees),
        "team_hours": course.hours * len(attendees),
        "closes": [
            Closed(code=code, tasks=sorted(closes[code], key=position.__getitem__))
            for code in sorted(closes, key=position.__getitem__)
        ],
    }


def _person_out(
    p: int,
    person: Learner,
    solved: Solved,
    index: CourseIndex,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    policy_name: str,
    position: dict[str, int],
) -> PlanPerson:
    courses = index.courses
    taken = [c for c in solved.run if p in solved.attends.get(c, [])]
    before = assess(person.profile, std, policy, as_of, policy_name=policy_name, file=person.file)
    extra = [as_evidence(courses[c], as_of) for c in taken]
    after = assess(
        person.profile.model_copy(update={"evidence": [*person.profile.evidence, *extra]}),
        std,
        policy,
        as_of,
        policy_name=policy_name,
        file=person.file,
    )
    unclosable: list[Unclosable] = [
        {
            "code": code,
            "tasks": person.tasks_of[(code, level)],
            "required_level": level,
            "reason": _unclosable((code, level), index),
        }
        for code, level in person.need
        if (code, level) not in person.closable
    ]
    met_before = {t["code"] for t in before["tasks"] if t["status"] == "met"}
    return {
        "key": person.key,
        "person": before["person"],
        "file": person.file,
        "courses": [courses[c].code for c in taken],
        "hours": sum(courses[c].hours for c in taken),
        "before": _figures(before),
        "after": _figures(after),
        "tasks_gained": [t["code"] for t in after["tasks"] if t["status"] == "met" and t["code"] not in met_before],
        "unclosable": sorted(unclosable, key=lambda g: (position[g["code"]], g["required_level"])),
    }
