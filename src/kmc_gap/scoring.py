"""The scoring rules: which evidence counts, which items and tasks are met, and the gaps.

The rules are a contract, written out in the README ("Scoring rules"). In short: an item X of
a task of level L is met when at least ``min_evidence`` counting evidence items cover X at
level L or above; a task is met when all its items are.

The report is built as plain JSON-ready data (see :mod:`kmc_gap.report` for its documented
shape): a cohort run scores thousands of profiles, and plain dicts cost a fraction of models.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from kmc_gap.lookup import labels
from kmc_gap.models import Evidence, Policy, Profile, Standard, Task

MAX_LEVEL = 6
ReportData = dict[str, Any]

_TYPES = {"P": "indicator", "K": "knowledge", "S": "skill", "O": "output"}


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def reason_not_counted(ev: Evidence, policy: Policy, as_of: dt.date) -> str | None:
    """Why ``ev`` does not count on ``as_of`` under ``policy``, or None when it counts.

    The reasons are ``future``, ``expired``, ``kind_not_accepted``, ``not_verified`` and
    ``too_old``, checked in that order.
    """
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


class Coverage:
    """For each covered code: the level at which it is met, its best level, and its evidence.

    Built once per profile from the counting evidence, so that an item listed by many tasks
    is worked out once.
    """

    def __init__(self, counting: list[Evidence], min_evidence: int) -> None:
        by_code: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for ev in counting:
            for code in ev.covers:
                by_code[code].append((ev.level, ev.id))
        self.entries: dict[str, list[tuple[int, str]]] = {}
        self.caps: dict[str, int] = {}
        for code, entries in by_code.items():
            entries.sort(key=lambda entry: -entry[0])
            self.entries[code] = entries
            # the min_evidence-th best level: the highest level at which the code is met
            self.caps[code] = entries[min_evidence - 1][0] if len(entries) >= min_evidence else 0

    def cap(self, code: str) -> int:
        """The highest level at which ``code`` is met (0 when it is not met at any level)."""
        return self.caps.get(code, 0)

    def best(self, code: str) -> int | None:
        """The highest level of any counting evidence covering ``code``."""
        entries = self.entries.get(code)
        return entries[0][0] if entries else None

    def supporting(self, code: str, level: int) -> list[str]:
        """Ids of counting evidence covering ``code`` at ``level`` or above."""
        return [ev_id for lvl, ev_id in self.entries.get(code, ()) if lvl >= level]

    def count(self, code: str) -> int:
        """How many counting evidence items cover ``code`` at any level."""
        return len(self.entries.get(code, ()))


def _item(code: str, level: int, cov: Coverage, names: dict[str, str]) -> dict[str, Any]:
    entries = cov.entries.get(code)
    return {
        "code": code,
        "type": _TYPES[code[0]],
        "name": names[code],
        "met": cov.caps.get(code, 0) >= level,
        "best_level": entries[0][0] if entries else None,
        "evidence": [ev_id for lvl, ev_id in entries if lvl >= level] if entries else [],
    }


def score_task(task: Task, duty: str, cov: Coverage, policy: Policy, names: dict[str, str]) -> dict[str, Any]:
    """One task's items, status and attained level."""
    items = [_item(code, task.level, cov, names) for code in task.required_codes()]
    outputs = [_item(o.code, task.level, cov, names) for o in task.outputs]
    gating = items + outputs if policy.require_outputs else items
    met = sum(i["met"] for i in gating)
    items_met = met if gating is items else sum(i["met"] for i in items)
    status = "met" if met == len(gating) else ("missing" if met == 0 else "partial")
    caps = cov.caps
    return {
        "code": task.code,
        "name": names[task.code],
        "duty": duty,
        "level": task.level,
        "status": status,
        "attained_level": min(min(caps.get(i["code"], 0) for i in gating), MAX_LEVEL),
        "items_met": items_met,
        "items_total": len(items),
        "items": items,
        "outputs": outputs,
    }


def find_gaps(tasks: list[dict[str, Any]], policy: Policy, order: dict[str, int]) -> list[dict[str, Any]]:
    """Items unmet in at least one task, those blocking the most tasks first."""
    unmet: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for task in tasks:
        gating = task["items"] + task["outputs"] if policy.require_outputs else task["items"]
        for item in gating:
            if not item["met"]:
                unmet[item["code"]].append((task, item))
    gaps = [
        {
            "code": code,
            "type": pairs[0][1]["type"],
            "name": pairs[0][1]["name"],
            "tasks": [t["code"] for t, _ in pairs],
            "required_level": max(t["level"] for t, _ in pairs),
            "best_level": pairs[0][1]["best_level"],
        }
        for code, pairs in unmet.items()
    ]
    return sorted(gaps, key=lambda g: (-len(g["tasks"]), order[g["code"]]))


def ratio(met: int, total: int) -> float:
    """``met / total`` rounded to 4 decimals; 1.0 when there is nothing to meet."""
    return round(met / total, 4) if total else 1.0


def assess(
    profile: Profile,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    *,
    policy_name: str = "default",
    lang: str = "zh-TW",
    file: str | None = None,
    warn_days: int = 90,
) -> ReportData:
    """Assess ``profile`` against ``std`` on ``as_of``: the report as JSON-ready data.

    Counting evidence that expires within ``warn_days`` is listed under ``expiring`` with the
    tasks that would no longer be met once it lapses.
    """
    names, order = labels(std, lang)
    reasons = {ev.id: reason_not_counted(ev, policy, as_of) for ev in profile.evidence}
    counting = [ev for ev in profile.evidence if reasons[ev.id] is None]
    cov = Coverage(counting, policy.min_evidence)
    tasks = [score_task(t, d.code, cov, policy, names) for d in std.duties for t in d.tasks]
    attitudes = [
        {"code": a, "name": names[a], "met": cov.count(a) >= policy.min_evidence, "evidence": cov.supporting(a, 0)}
        for a in std.attitudes
    ]
    return {
        "format_version": 1,
        "file": file,
        "standard": {"code": std.code, "name": (std.name_en or std.name) if lang == "en" else std.name},
        "person": profile.person.model_dump(),
        "as_of": as_of.isoformat(),
        "lang": lang,
        "policy": {"name": policy_name, **policy.model_dump(mode="json")},
        "summary": _summary(tasks, attitudes, policy),
        "duties": [_duty(d.code, names[d.code], tasks) for d in std.duties],
        "tasks": tasks,
        "attitudes": attitudes,
        "gaps": find_gaps(tasks, policy, order),
        "evidence": [_evidence(ev, reasons[ev.id]) for ev in profile.evidence],
        "expiring_within_days": warn_days,
        "expiring": expiring(counting, std, policy, as_of, warn_days, tasks),
    }


def expiring(
    counting: list[Evidence], std: Standard, policy: Policy, as_of: dt.date, days: int, tasks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Counting evidence that expires within ``days`` of ``as_of``, soonest first.

    For each, ``tasks_at_risk`` are the tasks met today that would not be met once it has
    lapsed, together with every other item that expires on or before the same day.
    """
    soon = sorted(
        (ev for ev in counting if ev.expires is not None and (ev.expires - as_of).days <= days),
        key=lambda ev: (ev.expires, ev.id),
    )
    met_now = [t for t in std.tasks() if any(r["code"] == t.code and r["status"] == "met" for r in tasks)]
    out = []
    for ev in soon:
        assert ev.expires is not None
        remaining = Coverage([e for e in counting if e.expires is None or e.expires > ev.expires], policy.min_evidence)
        out.append(
            {
                "id": ev.id,
                "title": ev.title,
                "expires": ev.expires.isoformat(),
                "days_left": (ev.expires - as_of).days,
                "tasks_at_risk": [t.code for t in met_now if not task_met(t, remaining, policy)],
            }
        )
    return out


def task_met(task: Task, cov: Coverage, policy: Policy) -> bool:
    """Whether every gating item of ``task`` is met under ``cov``."""
    codes = task.required_codes() + ([o.code for o in task.outputs] if policy.require_outputs else [])
    return all(cov.cap(code) >= task.level for code in codes)


def _summary(tasks: list[dict[str, Any]], attitudes: list[dict[str, Any]], policy: Policy) -> dict[str, Any]:
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


def _duty(code: str, name: str, tasks: list[dict[str, Any]]) -> dict[str, Any]:
    mine = [t for t in tasks if t["duty"] == code]
    met, total = sum(t["items_met"] for t in mine), sum(t["items_total"] for t in mine)
    return {
        "code": code,
        "name": name,
        "tasks_met": sum(t["status"] == "met" for t in mine),
        "tasks_total": len(mine),
        "items_met": met,
        "items_total": total,
        "coverage": ratio(met, total),
    }


def _evidence(ev: Evidence, reason: str | None) -> dict[str, Any]:
    return {
        "id": ev.id,
        "kind": ev.kind.value,
        "title": ev.title,
        "date": ev.date.isoformat(),
        "level": ev.level,
        "expires": ev.expires.isoformat() if ev.expires else None,
        "counted": reason is None,
        "reason": reason,
    }
