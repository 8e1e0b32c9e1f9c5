"""The shape of the assessment report, as pydantic models.

:func:`kmc_gap.scoring.assess` builds the report as plain JSON-ready data for speed; these
models document that data, generate `kmc-gap schema report`, and are checked against real
reports by the tests. The shape is a stable contract (``format_version`` 1).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ItemType = Literal["indicator", "knowledge", "skill", "output"]
TaskStatus = Literal["met", "partial", "missing"]
Reason = Literal["future", "expired", "kind_not_accepted", "not_verified", "too_old"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ItemResult(_Out):
    """One P/K/S (or O) item of one task."""

    code: str
    type: ItemType
    name: str
    met: bool
    best_level: int | None = Field(description="highest level of counting evidence covering the item, any level")
    evidence: list[str] = Field(description="ids of counting evidence covering it at the task's level or above")


class TaskResult(_Out):
    """One work task: its verdict and every item that decides it."""

    code: str
    name: str
    duty: str
    level: int = Field(description="職能級別 the task requires")
    status: TaskStatus
    attained_level: int = Field(description="highest level 0–6 at which every required item is met")
    items_met: int
    items_total: int
    items: list[ItemResult] = Field(description="indicators, then knowledge, then skills")
    outputs: list[ItemResult] = Field(description="work outputs; they gate the task only with require_outputs")


class DutyResult(_Out):
    """One duty (主要職責): how many of its tasks and items are met."""

    code: str
    name: str
    tasks_met: int
    tasks_total: int
    items_met: int
    items_total: int
    coverage: float


class AttitudeResult(_Out):
    """One attitude (A) of the standard."""

    code: str
    name: str
    met: bool
    evidence: list[str]


class Gap(_Out):
    """An item unmet in at least one task."""

    code: str
    type: ItemType
    name: str
    tasks: list[str] = Field(description="tasks where the item is unmet")
    required_level: int = Field(description="highest level those tasks require")
    best_level: int | None = Field(description="highest level any counting evidence shows for it")


class EvidenceResult(_Out):
    """One evidence item of the profile, and whether it counted."""

    id: str
    kind: str
    title: str
    date: dt.date
    level: int
    expires: dt.date | None
    counted: bool
    reason: Reason | None = Field(description="why it did not count; null when it counted")


class ExpiringEvidence(_Out):
    """Counting evidence that lapses soon, and what it would take with it."""

    id: str
    title: str
    expires: dt.date
    days_left: int
    tasks_at_risk: list[str] = Field(description="tasks met today that would not be met once it has lapsed")


class Summary(_Out):
    """The verdict and the headline figures."""

    meets_standard: bool
    tasks_met: int
    tasks_total: int
    items_met: int
    items_total: int
    coverage: float = Field(description="items_met / items_total, rounded to 4 decimals")
    attitudes_met: int
    attitudes_total: int


class PersonOut(_Out):
    """Who was assessed."""

    name: str
    id: str | None = None
    organisation: str | None = None
    role: str | None = None


class StandardRef(_Out):
    """Which standard was used."""

    code: str
    name: str


class PolicyOut(_Out):
    """The policy used, with its name (default, strict or a file path)."""

    name: str
    min_evidence: int
    require_verified: bool
    max_age_years: int | None
    accepted_kinds: list[str]
    require_attitudes: bool
    require_outputs: bool


class Report(_Out):
    """The assessment of one profile against one standard on one date."""

    format_version: Literal[1] = 1
    file: str | None = None
    standard: StandardRef
    person: PersonOut
    as_of: dt.date
    lang: str
    policy: PolicyOut
    summary: Summary
    duties: list[DutyResult]
    tasks: list[TaskResult]
    attitudes: list[AttitudeResult]
    gaps: list[Gap]
    evidence: list[EvidenceResult]
    expiring_within_days: int
    expiring: list[ExpiringEvidence]
