"""The counting rules written once: which evidence counts, and which items decide a task.

Everything else in the engine (scoring, gaps, expiry, plans) and every renderer that lists a
task's missing items asks these functions, so the rules cannot drift apart. The README's
"Scoring rules" section is the contract they implement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from kmc_gap.engine.reasons import Reason
from kmc_gap.model.models import RATER_RANK, Evidence, EvidenceKind, Policy, Rater, Task

if TYPE_CHECKING:
    from kmc_gap.engine.report import ItemResult

MAX_LEVEL = 6


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th.

    Before the year 1 there is no date: the earliest date stands in for it (nothing is older).
    """
    if day.year - years < dt.MINYEAR:
        return dt.date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def reason_not_counted(ev: Evidence, policy: Policy, as_of: dt.date) -> Reason | None:
    """Why ``ev`` does not count on ``as_of`` under ``policy``, or None when it counts.

    A hand decision (``exclude``) comes first; then a course that was failed or missed: a ``passed:
    false`` row (a fail or absence mark) or a score under the course's pass mark, else the policy's.
    """
    if ev.exclude:
        return Reason.excluded
    if ev.passed is False or (ev.score is not None and ev.score < (ev.pass_mark or policy.pass_mark)):
        return Reason.not_passed
    if ev.date > as_of:
        return Reason.future
    if ev.expires is not None and as_of > ev.expires:
        return Reason.expired
    if ev.kind not in policy.accepted_kinds:
        return Reason.kind_not_accepted
    if policy.require_verified and not ev.verified_by:
        return Reason.not_verified
    if policy.max_age_years is not None and ev.date < years_before(as_of, policy.max_age_years):
        return Reason.too_old
    return None


def rater_of(ev: Evidence) -> Rater | None:
    """Whose rating ``ev`` is: its ``rater``; else a self report's own, an assessment a manager's; else None."""
    if ev.rater is not None:
        return ev.rater
    if ev.kind == EvidenceKind.self_report:
        return Rater.self
    if ev.kind == EvidenceKind.assessment:
        return Rater.manager  # a profile's own assessment, typed in by hand: most often a manager's
    return None


def overridden(counting: Sequence[Evidence]) -> dict[str, set[str]]:
    """For each rating, the codes on which a more trusted source's counting rating stands instead of it.

    Ratings are never averaged: for each code, the ratings of the most trusted source that rated it
    (assessor > manager > peer > self) stand, whatever their levels, and the others are set aside.
    Training, certificates and other evidence are never set aside by a rating.
    """
    top: dict[str, int] = {}
    for ev in counting:
        rater = rater_of(ev)
        if rater is not None:
            for code in ev.covers:
                top[code] = max(top.get(code, -1), RATER_RANK[rater])
    out: dict[str, set[str]] = {}
    for ev in counting:
        rater = rater_of(ev)
        if rater is None:
            continue
        lower = {code for code in ev.covers if RATER_RANK[rater] < top[code]}
        if lower:
            out[ev.id] = lower
    return out


def gating_blocks(task: Task, require_outputs: bool) -> list[tuple[int, list[str]]]:
    """Each competency block of ``task`` as its level and the codes that decide it: its P, K and S items,
    and its work outputs with ``require_outputs``."""
    out = []
    for block in task.competency:
        codes = block.required_codes()
        out.append((block.level, codes + [o.code for o in block.outputs] if require_outputs else codes))
    return out


T = TypeVar("T")


def gating(items: Sequence[T], outputs: Sequence[T], require_outputs: bool) -> list[T]:
    """The same rule as :func:`gating_blocks` for a task already scored: items, then outputs if required."""
    return [*items, *outputs] if require_outputs else list(items)


def missing_items(
    items: Sequence[ItemResult], outputs: Sequence[ItemResult], require_outputs: bool
) -> list[ItemResult]:
    """The gating items of a scored task that are not met."""
    return [i for i in gating(items, outputs, require_outputs) if not i["met"]]
