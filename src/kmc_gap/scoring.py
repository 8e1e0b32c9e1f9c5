"""The scoring rules: which evidence counts, which items and tasks are met, and the gaps.

The rules are a contract, written out in the README ("Scoring rules"). In short: an item X of
a task of level L is met when at least ``min_evidence`` counting evidence items cover X at
level L or above; a task is met when all its items are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from kmc_gap.lookup import index
from kmc_gap.models import Evidence, Policy, Profile, Standard, Task
from kmc_gap.report import (
    AttitudeResult,
    DutyResult,
    EvidenceResult,
    Gap,
    ItemResult,
    ItemType,
    PersonOut,
    PolicyOut,
    Reason,
    Report,
    StandardRef,
    Summary,
    TaskResult,
    TaskStatus,
)

MAX_LEVEL = 6


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def reason_not_counted(ev: Evidence, policy: Policy, as_of: dt.date) -> Reason | None:
    """Why ``ev`` does not count on ``as_of`` under ``policy``, or None when it counts."""
    if ev.date > as_of:
        return "future"
    if ev.expires is not None and as_of > ev.expires:
        return "expired"
    if ev.kind not in policy.accepted_kinds:
        return "kind_not_accepted"
    if policy.require_verified and not ev.verified_by:
        return "not_verified"
    if policy.max_age_years is not None and ev.date < years_before(as_of, policy.max_age_years):
        return "too_old"
    return None


@dataclass
class Coverage:
    """For each code, the (level, evidence id) of the counting evidence covering it, best first."""

    by_code: dict[str, list[tuple[int, str]]]
    min_evidence: int

    @classmethod
    def of(cls, counting: list[Evidence], min_evidence: int) -> Coverage:
        """Index the counting evidence by the codes it covers."""
        by_code: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for ev in counting:
            for code in ev.covers:
                by_code[code].append((ev.level, ev.id))
        for entries in by_code.values():
            entries.sort(key=lambda entry: -entry[0])
        return cls(dict(by_code), min_evidence)

    def cap(self, code: str) -> int:
        """The highest level at which ``code`` is met: the ``min_evidence``-th best level, else 0."""
        entries = self.by_code.get(code, [])
        return entries[self.min_evidence - 1][0] if len(entries) >= self.min_evidence else 0

    def best(self, code: str) -> int | None:
        """The highest level of any counting evidence covering ``code``."""
        entries = self.by_code.get(code)
        return entries[0][0] if entries else None

    def supporting(self, code: str, level: int) -> list[str]:
        """Ids of counting evidence covering ``code`` at ``level`` or above."""
        return [ev_id for lvl, ev_id in self.by_code.get(code, []) if lvl >= level]

    def count(self, code: str) -> int:
        """How many counting evidence items cover ``code`` at any level."""
        return len(self.by_code.get(code, []))


_TYPES: dict[str, ItemType] = {"P": "indicator", "K": "knowledge", "S": "skill", "O": "output"}


def _item(code: str, level: int, cov: Coverage, name: str) -> ItemResult:
    return ItemResult(
        code=code,
        type=_TYPES[code[0]],
        name=name,
        met=cov.cap(code) >= level,
        best_level=cov.best(code),
        evidence=cov.supporting(code, level),
    )


def score_task(task: Task, duty: str, cov: Coverage, policy: Policy, names: dict[str, str]) -> TaskResult:
    """One task's items, status and attained level."""
    items = [_item(code, task.level, cov, names[code]) for code in task.required_codes()]
    outputs = [_item(o.code, task.level, cov, names[o.code]) for o in task.outputs]
    gating = items + outputs if policy.require_outputs else items
    met = sum(i.met for i in gating)
    status: TaskStatus = "met" if met == len(gating) else ("missing" if met == 0 else "partial")
    attained = min(min(cov.cap(i.code) for i in gating), MAX_LEVEL)
    return TaskResult(
        code=task.code,
        name=names[task.code],
        duty=duty,
        level=task.level,
        status=status,
        attained_level=attained,
        items_met=sum(i.met for i in items),
        items_total=len(items),
        items=items,
        outputs=outputs,
    )


def find_gaps(tasks: list[TaskResult], policy: Policy, order: dict[str, int]) -> list[Gap]:
    """Items unmet in at least one task, those blocking the most tasks first."""
    unmet: dict[str, list[tuple[TaskResult, ItemResult]]] = defaultdict(list)
    for task in tasks:
        gating = task.items + task.outputs if policy.require_outputs else task.items
        for item in gating:
            if not item.met:
                unmet[item.code].append((task, item))
    gaps = [
        Gap(
            code=code,
            type=pairs[0][1].type,
            name=pairs[0][1].name,
            tasks=[t.code for t, _ in pairs],
            required_level=max(t.level for t, _ in pairs),
            best_level=pairs[0][1].best_level,
        )
        for code, pairs in unmet.items()
    ]
    return sorted(gaps, key=lambda g: (-len(g.tasks), order[g.code]))


def assess(
    profile: Profile,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    *,
    policy_name: str = "default",
    lang: str = "zh-TW",
    file: str | None = None,
) -> Report:
    """Assess ``profile`` against ``std`` on ``as_of``; the whole result as a :class:`Report`."""
    entries = index(std)
    names = {code: entry.label(lang) for code, entry in entries.items()}
    order = {code: i for i, code in enumerate(entries)}
    reasons = {ev.id: reason_not_counted(ev, policy, as_of) for ev in profile.evidence}
    cov = Coverage.of([ev for ev in profile.evidence if reasons[ev.id] is None], policy.min_evidence)
    tasks = [score_task(t, d.code, cov, policy, names) for d in std.duties for t in d.tasks]
    attitudes = [
        AttitudeResult(code=a, name=names[a], met=cov.count(a) >= policy.min_evidence, evidence=cov.supporting(a, 0))
        for a in std.attitudes
    ]
    items_met = sum(t.items_met for t in tasks)
    items_total = sum(t.items_total for t in tasks)
    tasks_met = sum(t.status == "met" for t in tasks)
    attitudes_met = sum(a.met for a in attitudes)
    meets = tasks_met == len(tasks) and (not policy.require_attitudes or attitudes_met == len(attitudes))
    summary = Summary(
        meets_standard=meets,
        tasks_met=tasks_met,
        tasks_total=len(tasks),
        items_met=items_met,
        items_total=items_total,
        coverage=ratio(items_met, items_total),
        attitudes_met=attitudes_met,
        attitudes_total=len(attitudes),
    )
    return Report(
        file=file,
        standard=StandardRef(code=std.code, name=_std_name(std, lang)),
        person=PersonOut(**profile.person.model_dump()),
        as_of=as_of,
        lang=lang,
        policy=PolicyOut(name=policy_name, **policy.model_dump(mode="json")),
        summary=summary,
        duties=[_duty_result(d.code, names[d.code], tasks) for d in std.duties],
        tasks=tasks,
        attitudes=attitudes,
        gaps=find_gaps(tasks, policy, order),
        evidence=[_evidence_result(ev, reasons[ev.id]) for ev in profile.evidence],
    )


def ratio(met: int, total: int) -> float:
    """``met / total`` rounded to 4 decimals; 1.0 when there is nothing to meet."""
    return round(met / total, 4) if total else 1.0


def _duty_result(code: str, name: str, tasks: list[TaskResult]) -> DutyResult:
    mine = [t for t in tasks if t.duty == code]
    met, total = sum(t.items_met for t in mine), sum(t.items_total for t in mine)
    return DutyResult(
        code=code,
        name=name,
        tasks_met=sum(t.status == "met" for t in mine),
        tasks_total=len(mine),
        items_met=met,
        items_total=total,
        coverage=ratio(met, total),
    )


def _std_name(std: Standard, lang: str) -> str:
    return (std.name_en or std.name) if lang == "en" else std.name


def _evidence_result(ev: Evidence, reason: Reason | None) -> EvidenceResult:
    return EvidenceResult(
        id=ev.id,
        kind=ev.kind.value,
        title=ev.title,
        date=ev.date,
        level=ev.level,
        expires=ev.expires,
        counted=reason is None,
        reason=reason,
    )
