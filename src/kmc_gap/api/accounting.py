"""Every row of every input accounted for: counted, not counted (with its reason), passed over, refused.

The reading (:class:`~kmc_gap.model.records.RowCount`) knows what became of each row; whether a row
that became evidence counts is the rules' to say (:func:`~kmc_gap.engine.rules.reason_not_counted`),
on the run's date and under its policy. The reports open with these counts, so that a file whose
rows were lost can never pass for a complete one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from kmc_gap.engine.report import InputCount
from kmc_gap.engine.rules import reason_not_counted
from kmc_gap.model.models import Evidence, Policy

if TYPE_CHECKING:
    from kmc_gap.model.records import RecordSet, RowCount


_KINDS: dict[str, Literal["records", "roster", "form", "credentials"]] = {
    "roster": "roster",
    "form": "form",
    "credentials": "credentials",
}


def input_counts(found: RecordSet, policy: Policy, as_of: dt.date) -> list[InputCount]:
    """The counts of each table read, in reading order."""
    evidence: dict[str, Evidence] = {ev.id: ev for person in found.people for ev in person.profile.evidence}
    return [_count(count, evidence, found.left_evidence, policy, as_of) for count in found.counts]


def _count(
    count: RowCount, evidence: dict[str, Evidence], left: set[str], policy: Policy, as_of: dt.date
) -> InputCount:
    counted = 0
    not_counted = dict(count.not_counted)
    passed_over = dict(count.passed_over)
    for ident in count.evidence:
        if count.kind == "roster":
            counted += 1
            continue
        ev = evidence.get(ident)
        if ident in left or ev is None:  # a leaver's row: their people are left out of the run
            passed_over["leaver"] = passed_over.get("leaver", 0) + 1
            continue
        reason = reason_not_counted(ev, policy, as_of)
        if reason is None:
            counted += 1
        else:
            not_counted[reason.value] = not_counted.get(reason.value, 0) + 1
    return InputCount(
        file=count.file,
        sheet=count.sheet,
        kind=_KINDS.get(count.kind, "records"),
        rows=count.rows,
        counted=counted,
        not_counted=sum(not_counted.values()),
        passed_over=sum(passed_over.values()),
        refused=count.refused,
        people_refused=len(count.refused_people),
        unreadable=count.unreadable,
        not_counted_by=not_counted,
        passed_over_by=passed_over,
    )


def refused_totals(counts: list[InputCount]) -> tuple[int, int]:
    """The rows refused across the run, and the people they were about."""
    return sum(c["refused"] for c in counts), sum(c["people_refused"] for c in counts)
