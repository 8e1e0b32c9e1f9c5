"""The scoring rules applied: which items and tasks are met, the gaps, and what expires soon.

In short (the README's "Scoring rules" is the contract): an item X of a task of level L is met
when at least ``min_evidence`` counting evidence items cover X at level L or above; a task is
met when all its gating items are (:mod:`kmc_gap.engine.rules`).

The report is built as plain typed dicts (:mod:`kmc_gap.engine.report`) holding codes and
numbers only: it is the same whatever language it is later shown in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

from kmc_gap.engine.reasons import Reason
from kmc_gap.engine.rules import (
    MAX_LEVEL,
    gating,
    gating_blocks,
    overridden,
    rater_of,
    reason_not_counted,
)
from kmc_gap.model.lookup import order
from kmc_gap.model.models import RATER_RANK, Evidence, Person, Policy, Profile, Standard, Task

if TYPE_CHECKING:
    from kmc_gap.engine.report import (
        AttitudeResult,
        BlockResult,
        Brief,
        DutyResult,
        EvidenceResult,
        ExpiringEvidence,
        Gap,
        ItemResult,
        ItemType,
        PersonOut,
        Rating,
        Report,
        Summary,
        TaskResult,
        TaskStatus,
    )

_TYPES: dict[str, ItemType] = {"P": "indicator", "K": "knowledge", "S": "skill", "O": "output"}


class Coverage:
    """For each covered code: the level at which it is met, and its counting evidence.

    Built once per profile from the counting evidence, so that an item listed by many tasks
    is worked out once.
    """

    def __init__(
        self, counting: list[Evidence], min_evidence: int, set_aside: dict[str, set[str]] | None = None
    ) -> None:
        by_code: dict[str, list[tuple[int, str]]] = defaultdict(list)
        aside = set_aside or {}
        for ev in counting:
            for code in ev.covers:
                if code not in aside.get(ev.id, ()):  # a rating a more trusted source's stands instead of
                    by_code[code].append((ev.level, ev.id))
        self.entries: dict[str, list[tuple[int, str]]] = {}
        self.caps: dict[str, int] = {}
        for code, entries in by_code.items():
            entries.sort(key=lambda entry: -entry[0])
            self.entries[code] = entries
            # the min_evidence-th best level: the highest level at which the code is met
            self.caps[code] = entries[min_evidence - 1][0] if len(entries) >= min_evidence else 0

        self.ratings: dict[str, list[Rating]] = {}  # each code's ratings, most trusted first: set by weigh
        self.items: dict[int, dict[str, ItemResult]] = {}  # level → code → its result, made once by _items

    def cap(self, code: str) -> int:
        """The highest level at which ``code`` is met (0 when it is not met at any level)."""
        return self.caps.get(code, 0)

    def supporting(self, code: str, level: int) -> list[str]:
        """Ids of counting evidence covering ``code`` at ``level`` or above."""
        return [ev_id for lvl, ev_id in self.entries.get(code, ()) if lvl >= level]

    def count(self, code: str) -> int:
        """How many counting evidence items cover ``code`` at any level."""
        return len(self.entries.get(code, ()))


def _items(codes: list[str], level: int, cov: Coverage) -> list[ItemResult]:
    """The results of ``codes`` at ``level``: each worked out once per profile (most items are listed by several
    tasks at the same level). Tasks share them: nothing changes an item once made, but for a task of several
    blocks, which adds its block to a copy of its own (:func:`score_task`)."""
    made = cov.items.get(level)
    if made is None:
        made = cov.items[level] = {}
    out = []
    for code in codes:
        found = made.get(code)
        if found is None:
            found = made[code] = _item(code, level, cov)
        out.append(found)
    return out


def _item(code: str, level: int, cov: Coverage) -> ItemResult:
    """``code``'s result at ``level``."""
    entries = cov.entries.get(code)
    found: ItemResult = {
        "code": code,
        "type": _TYPES[code[0]],
        "met": cov.caps.get(code, 0) >= level,
        "best_level": entries[0][0] if entries else None,
        "evidence": [ev_id for lvl, ev_id in entries if lvl >= level] if entries else [],
    }
    ratings = cov.ratings.get(code)
    if ratings:
        found["ratings"] = ratings
    return found


def score_task(task: Task, duty: str, cov: Coverage, policy: Policy) -> TaskResult:
    """One task's items, status and attained level; a task of several competency blocks scores each block
    at its own level, and is met when all its blocks are."""
    blocks = task.competency
    several = len(blocks) > 1
    items: list[ItemResult] = []
    outputs: list[ItemResult] = []
    gates: list[tuple[int, list[ItemResult]]] = []
    results: list[BlockResult] = []
    for number, block in enumerate(blocks, start=1):
        mine = _items(block.required_codes(), block.level, cov)
        made = _items([o.code for o in block.outputs], block.level, cov)
        if several:  # each item its own copy: the same item in another task is of another block
            mine = [{**item, "block": number, "level": block.level} for item in mine]
            made = [{**item, "block": number, "level": block.level} for item in made]
        gate = gating(mine, made, policy.require_outputs)
        gates.append((block.level, gate))
        items += mine
        outputs += made
        if several:
            met = [i["met"] for i in mine].count(True)
            block_met = all([i["met"] for i in gate])
            results.append({"level": block.level, "met": block_met, "items_met": met, "items_total": len(mine)})
    items_met = [i["met"] for i in items].count(True)
    met = (items_met + [i["met"] for i in outputs].count(True)) if policy.require_outputs else items_met
    gated = len(items) + len(outputs) if policy.require_outputs else len(items)
    status: TaskStatus = "met" if met == gated else ("missing" if met == 0 else "partial")
    result: TaskResult = {
        "code": task.code,
        "duty": duty,
        "level": task.level,
        "status": status,
        "attained_level": _attained(gates, cov.caps),
        "items_met": items_met,
        "items_total": len(items),
        "items": items,
        "outputs": outputs,
    }
    if several:
        result["blocks"] = results
    return result


def _attained(gates: list[tuple[int, list[ItemResult]]], caps: dict[str, int]) -> int:
    """The highest level 0–6 at which the task is performed: every gating item's (the lowest of their caps)
    for one block; for several, the level of the highest block met with every block below it, or the
    lowest cap in the first block not met — and past the top block, every item's lowest cap."""
    attained = 0
    for level, gate in sorted(gates, key=lambda g: g[0]):
        lowest = min([caps.get(i["code"], 0) for i in gate], default=MAX_LEVEL)
        if lowest < level:
            return min(max(attained, lowest), MAX_LEVEL)
        attained = level
    every = min([caps.get(i["code"], 0) for _, gate in gates for i in gate], default=MAX_LEVEL)
    return min(max(attained, every), MAX_LEVEL)


def find_gaps(tasks: list[TaskResult], policy: Policy, position: dict[str, int]) -> list[Gap]:
    """Items unmet in at least one task, those blocking the most tasks first."""
    unmet: dict[str, list[tuple[TaskResult, ItemResult]]] = defaultdict(list)
    for task in tasks:
        for item in gating(task["items"], task["outputs"], policy.require_outputs):
            if not item["met"]:
                unmet[item["code"]].append((task, item))
    gaps: list[Gap] = [
        {
            "code": code,
            "type": pairs[0][1]["type"],
            "tasks": [t["code"] for t, _ in pairs],
            "required_level": max([item.get("level", t["level"]) for t, item in pairs]),
            "best_level": pairs[0][1]["best_level"],
        }
        for code, pairs in unmet.items()
    ]
    return sorted(gaps, key=lambda g: (-len(g["tasks"]), position[g["code"]]))


def ratio(met: int, total: int) -> float:
    """``met / total`` rounded to 4 decimals; 1.0 when there is nothing to meet."""
    return round(met / total, 4) if total else 1.0


def person_out(person: Person) -> PersonOut:
    """Who a report (or a calibration) is about, as the results hold it."""
    return {"name": person.name, "id": person.id, "organisation": person.organisation, "role": person.role}


def weigh(
    evidence: list[Evidence], policy: Policy, as_of: dt.date
) -> tuple[dict[str, Reason | None], list[Evidence], Coverage]:
    """Which evidence counts and why not, and what the counting evidence covers: the one place it is decided.

    First each item on its own (:func:`reason_not_counted`), then the ratings against each other: a
    rating a more trusted source's stands instead of, on every code it covers, is ``overridden``.
    """
    reasons = {ev.id: reason_not_counted(ev, policy, as_of) for ev in evidence}
    counting = [ev for ev in evidence if reasons[ev.id] is None]
    aside = overridden(counting)
    for ev in counting:
        if len(aside.get(ev.id, ())) == len(set(ev.covers)):  # set aside on every code it covers
            reasons[ev.id] = Reason.overridden
    counting = [ev for ev in counting if reasons[ev.id] is None]
    cov = Coverage(counting, policy.min_evidence, aside)
    cov.ratings = _ratings(evidence, reasons, aside)
    return reasons, counting, cov


def _ratings(
    evidence: list[Evidence], reasons: dict[str, Reason | None], aside: dict[str, set[str]]
) -> dict[str, list[Rating]]:
    """Each code's ratings that count or were overridden, most trusted first: which stands, what the others said."""
    out: dict[str, list[Rating]] = defaultdict(list)
    for ev in evidence:
        rater = rater_of(ev)
        if rater is None or reasons[ev.id] not in (None, Reason.overridden):
            continue
        for code in ev.covers:
            stands = reasons[ev.id] is None and code not in aside.get(ev.id, ())
            out[code].append({"rater": rater, "level": ev.level, "stands": stands, "evidence": ev.id})
    for ratings in out.values():
        ratings.sort(key=lambda r: (-RATER_RANK[r["rater"]], -r["level"]))
    return out


def assess(
    profile: Profile,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    *,
    policy_name: str = "default",
    file: str | None = None,
    warn_days: int = 90,
) -> Report:
    """Assess ``profile`` against ``std`` on ``as_of``.

    Counting evidence that expires within ``warn_days`` is listed under ``expiring`` with the
    tasks that would no longer be met once it lapses.
    """
    reasons, counting, cov = weigh(profile.evidence, policy, as_of)
    tasks = [score_task(t, d.code, cov, policy) for d in std.duties for t in d.tasks]
    attitudes: list[AttitudeResult] = [
        {"code": a, "met": cov.count(a) >= policy.min_evidence, "evidence": cov.supporting(a, 0)} for a in std.attitudes
    ]
    person = profile.person
    return {
        "format_version": 1,
        "file": file,
        "standard": {"code": std.code},
        "person": person_out(person),
        "as_of": as_of.isoformat(),
        "policy": {
            "name": policy_name,
            "min_evidence": policy.min_evidence,
            "require_verified": policy.require_verified,
            "max_age_years": policy.max_age_years,
            "accepted_kinds": [k.value for k in policy.accepted_kinds],
            "require_attitudes": policy.require_attitudes,
            "require_outputs": policy.require_outputs,
            "pass_mark": policy.pass_mark,
        },
        "summary": _summary(tasks, attitudes, policy),
        "duties": [_duty(d.code, tasks) for d in std.duties],
        "tasks": tasks,
        "attitudes": attitudes,
        "gaps": find_gaps(tasks, policy, order(std)),
        "evidence": [_evidence(ev, reasons[ev.id], policy) for ev in profile.evidence],
        "expiring_within_days": warn_days,
        "expiring": expiring(counting, std, policy, as_of, warn_days, tasks),
    }


def expiring(
    counting: list[Evidence], std: Standard, policy: Policy, as_of: dt.date, days: int, tasks: list[TaskResult]
) -> list[ExpiringEvidence]:
    """Counting evidence that expires within ``days`` of ``as_of``, soonest first.

    For each, ``tasks_at_risk`` are the tasks met today that would not be met once it has
    lapsed, together with every other item that expires on or before the same day. One sweep
    through the expiry days removes the lapsing items in turn, keeping a count of evidence per
    code and level, so the work grows with the evidence, not with its square.
    """
    horizon = dt.date.max if days >= (dt.date.max - as_of).days else as_of + dt.timedelta(days=days)
    soon = sorted(
        (ev for ev in counting if ev.expires is not None and ev.expires <= horizon),
        key=lambda ev: (ev.expires or dt.date.max, ev.id),
    )
    if not soon:
        return []
    met_now = [t for t in std.tasks() if any(r["code"] == t.code and r["status"] == "met" for r in tasks)]
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * (MAX_LEVEL + 1))
    for ev in counting:
        for code in ev.covers:
            counts[code][ev.level] += 1

    def cap(code: str) -> int:
        """The highest level at which ``code`` still has ``min_evidence`` items (0: none)."""
        have = 0
        for level in range(MAX_LEVEL, 0, -1):
            have += counts[code][level]
            if have >= policy.min_evidence:
                return level
        return 0

    watching: dict[str, list[tuple[Task, int]]] = defaultdict(list)  # code → each task and level it gates
    for t in met_now:
        for level, codes in gating_blocks(t, policy.require_outputs):
            for code in codes:
                watching[code].append((t, level))
    fallen: set[str] = set()
    out: list[ExpiringEvidence] = []
    for day, lapsing in itertools.groupby(soon, key=lambda ev: ev.expires or dt.date.max):
        group = list(lapsing)
        changed = {code for ev in group for code in ev.covers}
        for ev in group:
            for code in ev.covers:
                counts[code][ev.level] -= 1
        caps = {code: cap(code) for code in changed}
        for code in changed:
            for t, level in watching[code]:
                if t.code not in fallen and caps[code] < level:
                    fallen.add(t.code)
        at_risk = [t.code for t in met_now if t.code in fallen]
        out += [
            {
                "id": ev.id,
                "title": ev.title,
                "expires": day.isoformat(),
                "days_left": (day - as_of).days,
                "tasks_at_risk": at_risk,
            }
            for ev in group
        ]
    return out


def _summary(tasks: list[TaskResult], attitudes: list[AttitudeResult], policy: Policy) -> Summary:
    items_met = sum(t["items_met"] for t in tasks)
    items_total = sum(t["items_total"] for t in tasks)
    tasks_met = sum(t["status"] == "met" for t in tasks)
    attitudes_met = sum(a["met"] for a in attitudes)
    return {
        "meets_standard": tasks_met == len(tasks) and (not policy.require_attitudes or attitudes_met == len(attitudes)),
        "tasks_met": tasks_met,
        "tasks_total": len(tasks),
        "items_met": items_met,
        "items_total": items_total,
        "coverage": ratio(items_met, items_total),
        "attitudes_met": attitudes_met,
        "attitudes_total": len(attitudes),
    }


def _duty(code: str, tasks: list[TaskResult]) -> DutyResult:
    mine = [t for t in tasks if t["duty"] == code]
    met, total = sum(t["items_met"] for t in mine), sum(t["items_total"] for t in mine)
    return {
        "code": code,
        "tasks_met": sum(t["status"] == "met" for t in mine),
        "tasks_total": len(mine),
        "items_met": met,
        "items_total": total,
        "coverage": ratio(met, total),
    }


def _evidence(ev: Evidence, reason: Reason | None, policy: Policy) -> EvidenceResult:
    return {
        "id": ev.id,
        "kind": ev.kind.value,
        "title": ev.title,
        "date": ev.date.isoformat(),
        "level": ev.level,
        "expires": ev.expires.isoformat() if ev.expires else None,
        "covers": list(ev.covers),
        "counted": reason is None,
        "reason": reason,
        "course": ev.course,
        "note": ev.note,
        "rater": rater_of(ev),
        "score": ev.score,
        "pass_mark": None if ev.score is None else (ev.pass_mark or policy.pass_mark),
    }


def brief(report: Report) -> Brief:
    """The :class:`Brief` of a report."""
    return {
        "file": report["file"],
        "person": report["person"],
        "summary": report["summary"],
        "statuses": {t["code"]: t["status"] for t in report["tasks"]},
    }
