"""The typed results of the engine: the assessment report, the training plan and the diff.

They are ``TypedDict``s: plain dicts at run time (a cohort scores thousands of profiles, and
dicts cost a fraction of models), checked by mypy at every place that reads them, and turned
into the published JSON Schemas by pydantic. Results hold codes, keys and numbers only; the
``name`` fields are added by renderers in the chosen language, never by the engine.
The report's shape is a stable contract (``format_version`` 1).
"""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired

from pydantic import Field, WithJsonSchema
from typing_extensions import TypedDict  # pydantic reads TypedDicts from here on Python < 3.12

from kmc_gap.engine.reasons import Reason
from kmc_gap.model.models import Rater

ItemType = Literal["indicator", "knowledge", "skill", "output"]


TaskStatus = Literal["met", "partial", "missing"]
IsoDate = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
Name = Annotated[str, Field(description="the code's name in the report's language, added when rendered")]


class Rating(TypedDict):
    """One source's rating of an item: where several sources rated it, the most trusted one stands."""

    rater: Annotated[Rater, Field(description="self, peer, manager or assessor")]
    level: int
    stands: Annotated[bool, Field(description="true: this rating counts; false: a more trusted one stands instead")]
    evidence: Annotated[str, Field(description="the id of the rating's evidence item")]


class ItemResult(TypedDict):
    """One P/K/S (or O) item of one task."""

    code: str
    type: ItemType
    name: NotRequired[Name]
    met: bool
    best_level: Annotated[int | None, Field(description="highest level of counting evidence covering it, any level")]
    evidence: Annotated[
        list[str], Field(description="ids of counting evidence covering it at the task's level or above")
    ]
    ratings: NotRequired[
        Annotated[list[Rating], Field(description="its ratings (forms, assessments, self reports), most trusted first")]
    ]
    block: NotRequired[Annotated[int, Field(description="in a task of several competency blocks: which, from 1")]]
    level: NotRequired[Annotated[int, Field(description="in a task of several competency blocks: its block's level")]]


class BlockResult(TypedDict):
    """One competency block of a task of several: met when its items are met at its level."""

    level: int
    met: bool
    items_met: int
    items_total: int


class TaskResult(TypedDict):
    """One work task: its verdict and every item that decides it."""

    code: str
    name: NotRequired[Name]
    duty: str
    level: Annotated[int, Field(description="the competency level the task requires")]
    status: TaskStatus
    attained_level: Annotated[int, Field(description="highest level 0–6 at which every gating item is met")]
    items_met: int
    items_total: int
    items: Annotated[list[ItemResult], Field(description="indicators, then knowledge, then skills")]
    outputs: Annotated[
        list[ItemResult], Field(description="work outputs; they gate the task only with require_outputs")
    ]
    blocks: NotRequired[
        Annotated[
            list[BlockResult],
            Field(description="a task of several competency blocks: each block's verdict (its items say which block)"),
        ]
    ]


class DutyResult(TypedDict):
    """One duty (主要職責): how many of its tasks and items are met."""

    code: str
    name: NotRequired[Name]
    tasks_met: int
    tasks_total: int
    items_met: int
    items_total: int
    coverage: float


class AttitudeResult(TypedDict):
    """One attitude (A) of the standard."""

    code: str
    name: NotRequired[Name]
    met: bool
    evidence: list[str]


class Gap(TypedDict):
    """An item unmet in at least one task."""

    code: str
    type: ItemType
    name: NotRequired[Name]
    tasks: Annotated[list[str], Field(description="tasks where the item is unmet")]
    required_level: Annotated[int, Field(description="highest level those tasks require")]
    best_level: Annotated[int | None, Field(description="highest level any counting evidence shows for it")]


class EvidenceResult(TypedDict):
    """One evidence item of the profile, and whether it counted."""

    id: str
    kind: str
    title: str
    date: IsoDate
    level: int
    expires: IsoDate | None
    covers: Annotated[list[str], Field(description="the codes it covers")]
    counted: bool
    reason: Annotated[Reason | None, Field(description="why it did not count; null when it counted")]
    course: Annotated[str | None, Field(description="the training system's course code, when it came from records")]
    note: Annotated[str | None, Field(description="the note kept with it (why it was excluded, a record's remark)")]
    rater: Annotated[Rater | None, Field(description="who gave it, for a rating: self, peer, manager or assessor")]
    score: Annotated[float | None, Field(description="the final score a record gave, if any")]
    pass_mark: Annotated[float | None, Field(description="the pass mark the score was held to (course, else policy)")]


class ExpiringEvidence(TypedDict):
    """Counting evidence that lapses soon, and what it would take with it."""

    id: str
    title: str
    expires: IsoDate
    days_left: int
    tasks_at_risk: Annotated[list[str], Field(description="tasks met today that would not be met once it has lapsed")]


class Summary(TypedDict):
    """The verdict and the headline figures."""

    meets_standard: bool
    tasks_met: int
    tasks_total: int
    items_met: int
    items_total: int
    coverage: Annotated[float, Field(description="items_met / items_total, rounded to 4 decimals")]
    attitudes_met: int
    attitudes_total: int


class PersonOut(TypedDict):
    """Who was assessed."""

    name: str
    id: str | None
    organisation: str | None
    role: str | None


class StandardRef(TypedDict):
    """Which standard was used."""

    code: str
    name: NotRequired[Name]


class PolicyOut(TypedDict):
    """The policy used, with its name (default, strict or a file path)."""

    name: str
    min_evidence: int
    require_verified: bool
    max_age_years: int | None
    accepted_kinds: list[str]
    require_attitudes: bool
    require_outputs: bool
    # reports written before pass marks existed have none: diff still reads them
    pass_mark: NotRequired[Annotated[float, Field(description="the score a course needs, where its own is not known")]]


class Report(TypedDict):
    """The assessment of one profile against one standard on one date."""

    format_version: Literal[1]
    file: str | None
    standard: StandardRef
    person: PersonOut
    as_of: IsoDate
    lang: NotRequired[Annotated[str, Field(description="the language of the names, added when rendered")]]
    policy: PolicyOut
    summary: Summary
    duties: list[DutyResult]
    tasks: list[TaskResult]
    attitudes: list[AttitudeResult]
    gaps: list[Gap]
    evidence: list[EvidenceResult]
    expiring_within_days: int
    expiring: list[ExpiringEvidence]
    inputs: NotRequired[
        Annotated[list[InputCount], Field(description="what became of every row of the run's record files")]
    ]


class InputCount(TypedDict):
    """What became of every row of one input table: the sum of the four buckets is ``rows``."""

    file: str
    sheet: str | None
    kind: Literal["records", "roster", "form", "credentials"]
    rows: int
    counted: int  # evidence that counts (for a roster: people on the team)
    not_counted: int  # evidence that does not count, by reason in not_counted_by
    passed_over: int  # rows that are no record (subtotals, cancelled classes, repeats, leavers), by kind
    refused: int  # rows that could not be read, each with a located problem
    people_refused: int  # how many people those rows were about
    unreadable: bool  # the file (or its header) could not be read at all
    not_counted_by: dict[str, int]
    passed_over_by: dict[str, int]


class Brief(TypedDict):
    """What thresholds and cohort summaries need of a report: who, the figures, each task's status."""

    file: str | None
    person: PersonOut
    summary: Summary
    statuses: dict[str, TaskStatus]


# --------------------------------------------------------------------------- training plans


class Figures(TypedDict):
    """Headline figures of a person (or a team) before or after a plan."""

    coverage: float
    items_met: int
    items_total: int
    tasks_met: int
    tasks_total: int
    meets_standard: bool


class Closed(TypedDict):
    """An item a planned course counts towards, and the tasks it does so for."""

    code: str
    name: NotRequired[Name]
    tasks: list[str]


class PlannedCourse(TypedDict):
    """A course the plan runs, who attends it, and what it costs the team."""

    code: str
    title: str
    kind: Annotated[Literal["course", "certificate"], Field(description="certificate: an exam sat, for its fee")]
    provider: str | None
    hours: Annotated[float, Field(description="hours of the course, for each attendee")]
    level: int
    cost: Annotated[float | None, Field(description="paid once when the course is run")]
    seat_cost: Annotated[float | None, Field(description="paid for each attendee")]
    attendees: Annotated[list[str], Field(description="the attendees' keys: person id, else name")]
    team_cost: Annotated[float, Field(description="cost + seat_cost × attendees")]
    team_hours: Annotated[float, Field(description="hours × attendees")]
    closes: list[Closed]


UnclosableReason = Literal["no_course", "level_too_low", "not_enough_courses"]


class Unclosable(TypedDict):
    """A gap no choice of courses from the catalogue closes."""

    code: str
    name: NotRequired[Name]
    tasks: list[str]
    required_level: int
    reason: UnclosableReason


class CatalogRef(TypedDict):
    """Which catalogue the plan drew on."""

    title: str | None
    sample: bool
    courses: int


class PlanPerson(TypedDict):
    """One person in the plan: the courses they attend and what changes for them."""

    key: Annotated[str, Field(description="person id, else name: how attendees are listed")]
    person: PersonOut
    file: str | None
    courses: list[str]
    hours: Annotated[float, Field(description="training hours the plan adds for this person")]
    before: Figures
    after: Figures
    tasks_gained: list[str]
    unclosable: list[Unclosable]


class SolverRun(TypedDict):
    """The size of the programme HiGHS solved, and how long it took."""

    solver: str
    variables: int
    constraints: int
    seconds: float


class Plan(TypedDict):
    """A training plan for one person or a team."""

    standard: StandardRef
    as_of: IsoDate
    policy: str
    catalog: CatalogRef
    objective: Annotated[
        Literal["team", "fewest_courses"],
        Field(description="team: tasks, gaps, cost, hours; fewest_courses: one person without a budget"),
    ]
    budget: float | None
    max_hours: float | None
    optimal: Annotated[bool, Field(description="true when HiGHS proved every stage optimal")]
    mip_gap: Annotated[
        float | None, Field(description="the solver's relative gap where it stopped at the time limit; 0 when optimal")
    ]
    solver: SolverRun
    courses: list[PlannedCourse]
    not_planned: Annotated[
        list[str], Field(description="certificates the catalogue gives no exam fee for: never planned as free")
    ]
    total_cost: float
    total_hours: float
    people: list[PlanPerson]
    before: Figures
    after: Figures


# --------------------------------------------------------------------------- progress (diff)


class DiffFigures(TypedDict):
    """Headline figures of one side of a diff."""

    file: str | None
    as_of: IsoDate
    coverage: float
    items_met: int
    tasks_met: int
    meets_standard: bool


class ItemChange(TypedDict):
    """An item gained or lost in one task."""

    task: str
    code: str
    name: NotRequired[Name]


class TaskChange(TypedDict):
    """One task before and after."""

    code: str
    name: NotRequired[Name]
    status_before: TaskStatus
    status_after: TaskStatus
    attained_before: int
    attained_after: int
    items_met_before: int
    items_met_after: int


class Diff(TypedDict):
    """What changed between two assessments of (normally) the same person."""

    person: PersonOut
    person_before: PersonOut
    same_person: bool
    before: DiffFigures
    after: DiffFigures
    coverage_change: float
    tasks_gained: list[str]
    tasks_lost: list[str]
    items_gained: list[ItemChange]
    items_lost: list[ItemChange]
    tasks: list[TaskChange]
