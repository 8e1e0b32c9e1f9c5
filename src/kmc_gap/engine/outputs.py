"""The documents commands write for tools, as types: what `standard`, `validate` and `import` output.

They sit with the engine's results (:mod:`kmc_gap.engine.report`) so that the JSON Schemas are made
from them without the renderers, and a renderer fills them in.
"""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired

from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads TypedDicts from here on Python < 3.12

# --------------------------------------------------------------------------- kmc-gap standard


class TaskLine(TypedDict):
    """A task in a list: its level and how many items of each kind it has."""

    code: str
    name: str
    level: int
    outputs: int
    indicators: int
    knowledge: int
    skills: int


class DutyView(TypedDict):
    """`kmc-gap standard T2`: one duty and its tasks."""

    view: Literal["duty"]
    code: str
    name: str
    tasks: list[TaskLine]


class StandardView(TypedDict):
    """`kmc-gap standard`: every duty and task."""

    view: Literal["standard"]
    code: str
    name: str
    level: int
    duties: list[DutyView]


class Named(TypedDict):
    """A code and its name."""

    code: str
    name: str


class Indicator(TypedDict):
    """A behaviour indicator and its text."""

    code: str
    text: str


class TaskView(TypedDict):
    """`kmc-gap standard T2.3`: one task in full."""

    view: Literal["task"]
    code: str
    name: str
    duty: Named
    level: int
    level_description: str | None
    outputs: list[Named]
    indicators: list[Indicator]
    knowledge: list[Named]
    skills: list[Named]
    activities: NotRequired[list[str]]  # its 工作活動, where the standard has that column
    same_as: NotRequired[str]  # the task it shares a competency block with
    blocks: NotRequired[list[BlockView]]  # a task of several competency blocks


class BlockView(TypedDict):
    """One competency block of a task: its level, and the codes it asks for at that level."""

    level: int
    outputs: list[str]
    indicators: list[str]
    knowledge: list[str]
    skills: list[str]


class RequiredBy(TypedDict):
    """A task that requires an item, at its level."""

    code: str
    name: str
    level: int


class ItemView(TypedDict):
    """`kmc-gap standard K07`: one item and every task that requires it."""

    view: Literal["item"]
    code: str
    kind: str
    name: str
    description: NotRequired[str]
    points: NotRequired[list[str]]  # the sub-points the standard lists under the item
    required_by: list[RequiredBy]


class ListedItem(TypedDict):
    """One item in a list of a kind, with the tasks that need it."""

    code: str
    name: str
    tasks: list[str]


class ListView(TypedDict):
    """`kmc-gap standard K` (or S, A, P, O): every item of that kind."""

    view: Literal["list"]
    kind: str
    items: list[ListedItem]


View = StandardView | DutyView | TaskView | ItemView | ListView


# --------------------------------------------------------------------------- kmc-gap validate


class ProblemOut(TypedDict):
    """One problem as `validate --format json` writes it."""

    file: str
    line: int | None
    column: int | None
    sheet: Annotated[
        str | None, Field(description="in a workbook: the sheet; line and column are the cell's row and column")
    ]
    code: Annotated[str, Field(description="the message key, stable across languages")]
    message: str


class CheckOut(TypedDict):
    """One checked file as `validate --format json` writes it."""

    file: str
    kind: str
    valid: bool
    problems: list[ProblemOut]


# --------------------------------------------------------------------------- kmc-gap import


State = Literal["created", "updated", "unchanged"]


class ChangeOut(TypedDict):
    """One person's profile as `import --format json` reports it."""

    person_id: str
    name: str
    file: Annotated[str, Field(description="the profile written (or, with --dry-run, that would be)")]
    created: bool
    added: int
    updated: int
    removed: int
    kept: Annotated[int, Field(description="evidence left as it was: unchanged records and everything added by hand")]
    removals: Annotated[
        dict[str, list[str]],
        Field(description="by source (file#sheet): the items removed, each as its title and (date)"),
    ]
    state: State
