"""Pydantic models for the three kinds of input: a standard, an evidence profile, a policy.

The models check shape only (types, code formats, ranges). Rules that span several parts of
a file (codes unique, items defined and used, covers naming real codes) live in
:mod:`kmc_gap.model.integrity` and :mod:`kmc_gap.model.loading`, where they can be located in the file.
"""

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from kmc_gap.model.limits import MAX_AMOUNT, MAX_HOURS
from kmc_gap.model.vocabulary import DATE_WORDS, KIND_ALIASES
from kmc_gap.words import pick

Level = Annotated[
    int,
    Field(ge=1, le=6, strict=True, description="iCAP competency level, 1–6"),
    BeforeValidator(lambda v: _level(v)),  # after Field, so that the schema keeps minimum and maximum
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

DutyCode = Annotated[str, StringConstraints(pattern=r"^T[0-9]+$")]
TaskCode = Annotated[str, StringConstraints(pattern=r"^T[0-9]+\.[0-9]+$")]
OutputCode = Annotated[str, StringConstraints(pattern=r"^O[0-9]+\.[0-9]+\.[0-9]+$")]
IndicatorCode = Annotated[str, StringConstraints(pattern=r"^P[0-9]+\.[0-9]+\.[0-9]+$")]
KnowledgeCode = Annotated[str, StringConstraints(pattern=r"^K[0-9]+$")]  # K01, or K1 as some standards print it
SkillCode = Annotated[str, StringConstraints(pattern=r"^S[0-9]+$")]
AttitudeCode = Annotated[str, StringConstraints(pattern=r"^A[0-9]{2,}$")]

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _to_date(value: Any) -> Any:
    """Accept a YAML date or a quoted ``YYYY-MM-DD``; refuse times, numbers and free text."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_time", "give a date (YYYY-MM-DD) without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_not_real", "{value} is not a real date", {"value": value.strip()}) from None
    iso = hr_date(value)
    if iso is not None:
        raise PydanticCustomError("date_suggest", "write the date as {iso}", {"iso": iso})
    raise PydanticCustomError("date_format", "must be a date written as YYYY-MM-DD")


_DATE_FORMS = (
    re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$"),  # 2025/3/1, 2025-3-1, 2025.03.01
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),  # 20250301
)
_ROC_FORMS = (
    re.compile(r"^(\d{2,3})[/.\-](\d{1,2})[/.\-](\d{1,2})$"),  # 114/03/01, 114.3.1
    re.compile(r"^(\d{3})(\d{2})(\d{2})$"),  # 1140301
    re.compile(
        "^(?:{era})?\\s*(\\d{{2,3}})\\s*{year}\\s*(\\d{{1,2}})\\s*{month}\\s*(\\d{{1,2}})\\s*{day}$".format(
            **DATE_WORDS
        )
    ),  # 民國114年3月1日
)


def join_key(ident: str) -> str:
    """What two person ids must share to be one person: width, case and spaces folded (ｅ 001 is E001)."""
    return "".join(unicodedata.normalize("NFKC", ident).split()).casefold()


def hr_date(value: Any) -> str | None:
    """The ISO date a person most likely meant by ``value`` (a 民國 year + 1911), or None.

    HR systems write ``2025/3/1``, ``20250301`` or ``114/03/01``: the message shows the date to write.
    """
    text = unicodedata.normalize("NFKC", str(value)).strip()  # full-width digits too
    for forms, offset in ((_DATE_FORMS, 0), (_ROC_FORMS, 1911)):
        for form in forms:
            found = form.match(text)
            if found:
                year, month, day = (int(part) for part in found.groups())
                with contextlib.suppress(ValueError):
                    return dt.date(year + offset, month, day).isoformat()
    return None


def _level(value: Any) -> Any:
    """A level written ``"4"`` (quoted) or ``４`` (full-width) is refused with how to write it."""
    if isinstance(value, str):
        plain = unicodedata.normalize("NFKC", value).strip()
        if plain.isdigit():
            raise PydanticCustomError("level_text", "write the level as a bare number: {level}", {"level": plain})
    return value


def _covers(value: Any) -> Any:
    """``covers: K07`` or ``covers: K01, K02`` (not a list) is refused with the list to write."""
    if isinstance(value, str):
        codes = [c for c in re.split(r"[\s,、，]+", value.strip()) if c]
        raise PydanticCustomError("covers_text", "write a list: [{codes}]", {"codes": ", ".join(codes)})
    return value


def _to_id(value: Any) -> Any:
    """Allow a bare number as an identifier (``id: 1024``) by reading it as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _kind(value: Any) -> Any:
    """Accept an evidence kind in Chinese as HR staff write it (訓練, 證照…): the English name is kept."""
    if isinstance(value, str):
        return KIND_ALIASES.get(value.strip(), value.strip())
    return value


Date = Annotated[dt.date, BeforeValidator(_to_date)]
Ident = Annotated[
    str,
    BeforeValidator(_to_id),
    StringConstraints(strip_whitespace=True, min_length=1),
    # what is accepted, as editors should know it: text, or a bare number read as text
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- the standard


class Output(_Model):
    """A work output (工作產出) such as O2.3.1."""

    code: OutputCode
    name: Text
    name_en: Text | None = None
    note: str | None = Field(None, description="footnote key in notes.footnotes")


class Indicator(_Model):
    """A behaviour indicator (行為指標) such as P2.3.1."""

    code: IndicatorCode
    text: Text
    text_en: Text | None = None


class Block(_Model):
    """A competency block: what a task asks for at one level (its P, O, K and S).

    Most tasks are one block, written flat on the task. Some standards give a task several, at different
    levels (P1.1.1–P1.1.3 at level 3 with their own K/S, then P1.1.4–P1.1.5 at level 4): each block is met
    when its items are met at its level, and the task when all its blocks are.
    """

    level: Level
    activities: list[Text] = Field([], description="its work activities, where the standard has that column")
    outputs: list[Output] = []
    indicators: list[Indicator] = Field(min_length=1)
    knowledge: list[KnowledgeCode] = []
    skills: list[SkillCode] = []

    def required_codes(self) -> list[str]:
        """The items that decide whether the block is met: its P, then K, then S codes."""
        return [p.code for p in self.indicators] + list(self.knowledge) + list(self.skills)

    def holds(self, code: str) -> bool:
        """Whether the block asks for ``code`` (a P, K, S or O)."""
        return code in self.required_codes() or any(o.code == code for o in self.outputs)


#: A task's own level and items, written flat (one block) or made from its ``blocks``.
_FLAT = ("level", "activities", "outputs", "indicators", "knowledge", "skills")
#: What a task that shares another's block (``same_as``) takes from it.
_SHARED = (*_FLAT, "blocks")


def _shared_blocks(data: Any) -> Any:
    """A task given as ``same_as: T1.1`` holds T1.1's level and items (a copy, checked with it): tasks a
    standard prints in one cell share one block, and each is judged by it."""
    if not isinstance(data, dict) or not isinstance(data.get("duties"), list):
        return data
    tasks = {
        t.get("code"): t
        for d in data["duties"]
        if isinstance(d, dict) and isinstance(d.get("tasks"), list)
        for t in d["tasks"]
        if isinstance(t, dict)
    }
    if not any("same_as" in t for t in tasks.values()):
        return data
    duties = []
    for duty in data["duties"]:
        if isinstance(duty, dict) and isinstance(duty.get("tasks"), list):
            shared = []
            for task in duty["tasks"]:
                source = tasks.get(task.get("same_as")) if isinstance(task, dict) else None
                if source is not None and "same_as" not in source and not any(k in task for k in _SHARED):
                    task = {**task, **{k: source[k] for k in _SHARED if k in source}}
                shared.append(task)
            duty = {**duty, "tasks": shared}
        duties.append(duty)
    return {**data, "duties": duties}


def _flat_from_blocks(data: Any) -> Any:
    """A task given as ``blocks`` also holds the flat fields every reader knows: the top level, and each
    output, indicator, K and S once, in order (an output a standard repeats in two blocks is one output)."""
    if not isinstance(data, dict) or not isinstance(data.get("blocks"), list) or not data["blocks"]:
        return data
    if any(key in data for key in _FLAT):
        raise PydanticCustomError("blocks_and_flat", "give the task's blocks, or its level and items, not both")
    blocks = [b for b in data["blocks"] if isinstance(b, dict)]

    def once(key: str, ident: Any) -> list[Any]:
        seen: dict[Any, Any] = {}
        for block in blocks:
            for value in block.get(key) or []:
                seen.setdefault(ident(value), value)
        return list(seen.values())

    levels: list[int] = [b["level"] for b in blocks if isinstance(b.get("level"), int)]

    def code(value: Any) -> Any:
        return value.get("code") if isinstance(value, dict) else value

    return {
        **data,
        "level": max(levels) if levels else None,
        "activities": once("activities", str),
        "outputs": once("outputs", code),
        "indicators": once("indicators", code),
        "knowledge": once("knowledge", str),
        "skills": once("skills", str),
    }


class Task(_Model):
    """A work task (工作任務) with the level it requires and what it is judged by.

    Written flat (one competency block) or as ``blocks``; either way ``level`` is the highest level it
    asks for and ``outputs``, ``indicators``, ``knowledge`` and ``skills`` hold each of its items once.
    """

    code: TaskCode
    name: Text
    name_en: Text | None = None
    level: Level
    activities: list[Text] = Field([], description="its work activities, where the standard has that column")
    outputs: list[Output] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    knowledge: list[KnowledgeCode]
    skills: list[SkillCode]
    blocks: list[Block] = Field([], description="the task's competency blocks, when it has several levels")
    same_as: TaskCode | None = Field(
        None, description="a task the standard prints in one cell with this one: they share its competency block"
    )

    _flat = model_validator(mode="before")(_flat_from_blocks)

    def required_codes(self) -> list[str]:
        """The items that decide whether the task is met: its P, then K, then S codes."""
        return [p.code for p in self.indicators] + list(self.knowledge) + list(self.skills)

    def level_of(self, code: str) -> int:
        """The level the task asks ``code`` at: its block's (the highest, for a code two blocks list)."""
        return max((b.level for b in self.competency if b.holds(code)), default=self.level)

    @cached_property
    def competency(self) -> list[Block]:
        """The task's competency blocks: its ``blocks``, or the one its flat fields make."""
        if self.blocks:
            return list(self.blocks)
        return [Block.model_construct(**{key: getattr(self, key) for key in _FLAT})]  # its own fields, checked


class Duty(_Model):
    """A main duty (主要職責) such as T2."""

    code: DutyCode
    name: Text
    name_en: Text | None = None
    tasks: list[Task] = Field(min_length=1)


class Item(_Model):
    """A knowledge, skill or attitude item (K/S/A)."""

    name: Text
    name_en: Text | None = None
    description: Text | None = None
    description_en: Text | None = None
    points: list[Text] = Field([], description="the sub-points the standard lists under the item (BGM1219's K4)")


class Category(_Model):
    """One of the standard's classifications (職類別, 職業別, 行業別)."""

    label: Text
    code: Ident
    name: Text
    name_en: Text | None = None


class Version(_Model):
    """One row of the standard's version history."""

    version: Text
    code: Text
    name: Text
    name_en: Text | None = None
    status: Text
    status_en: Text | None = None
    change: Text | None = None
    change_en: Text | None = None
    date: Date


class Note(_Model):
    """A paragraph of the 說明與補充事項."""

    text: Text
    text_en: Text | None = None


class Notes(_Model):
    """The 說明與補充事項: qualifications, remarks and numbered footnotes (註1, 註2…)."""

    qualifications: list[Note] = []
    remarks: list[Note] = []
    footnotes: dict[str, Note] = {}


class LevelDescriptor(_Model):
    """The iCAP descriptor of one 職能級別."""

    description: Text
    description_en: Text | None = None


@dataclass(frozen=True)
class Entry:
    """One code of a standard with its names; ``task`` is set for outputs and indicators."""

    code: str
    kind: str
    name: str
    name_en: str | None
    description: str | None = None
    description_en: str | None = None
    task: str | None = None
    points: tuple[str, ...] = ()  # a K or S item's sub-points, as the standard lists them

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` (``en`` or Chinese), falling back to the Chinese name."""
        return pick(self.name, self.name_en, lang)


class CaseLinks(_Model):
    """Where a standard was read from a CASE package: its document's and items' identifiers and URIs, by code.

    A credential aligned to one of these (``targetUrl`` or ``targetCode``) is evidence of that code.
    """

    document: str
    identifiers: dict[str, str] = {}
    uris: dict[str, str] = {}


class Source(_Model):
    """The published document a standard file was transcribed from (``kmc-gap transcribe``)."""

    document: Text
    version: Text | None = None
    date: Date | None = None


class Standard(_Model):
    """A whole iCAP 職能基準 (occupational competency standard)."""

    _shared = model_validator(mode="before")(_shared_blocks)

    code: Text
    name: Text
    source: Source | None = None
    name_en: Text | None = None
    name_note: str | None = None
    name_kind: str | None = None
    level: Level
    translation: str | None = None
    description: Text
    description_en: Text | None = None
    categories: dict[str, Category] = {}
    versions: list[Version] = []
    duties: list[Duty] = Field(min_length=1)
    knowledge: dict[KnowledgeCode, Item]
    skills: dict[SkillCode, Item]
    attitudes: dict[AttitudeCode, Item] = {}
    notes: Notes = Field(default_factory=lambda: Notes())
    levels: dict[Annotated[int, Field(ge=1, le=6)], LevelDescriptor] = {}
    case: SkipJsonSchema[CaseLinks | None] = Field(None, exclude=True)  # set when read from a CASE package

    def tasks(self) -> list[Task]:
        """Every task, in the standard's order."""
        return [task for duty in self.duties for task in duty.tasks]

    @cached_property
    def entries(self) -> dict[str, Entry]:
        """Every code mapped to its entry, in the standard's order: built once, since the standard never changes."""
        entries: dict[str, Entry] = {}
        for duty in self.duties:
            entries[duty.code] = Entry(duty.code, "duty", duty.name, duty.name_en)
            for task in duty.tasks:
                entries[task.code] = Entry(task.code, "task", task.name, task.name_en)
                if task.same_as:  # its items are the task's it shares a block with
                    continue
                for o in task.outputs:
                    entries[o.code] = Entry(o.code, "output", o.name, o.name_en, task=task.code)
                for p in task.indicators:
                    entries[p.code] = Entry(p.code, "indicator", p.text, p.text_en, task=task.code)
        for kind, items in (("knowledge", self.knowledge), ("skill", self.skills), ("attitude", self.attitudes)):
            for code, item in items.items():
                entries[code] = Entry(
                    code,
                    kind,
                    item.name,
                    item.name_en,
                    item.description,
                    item.description_en,
                    points=tuple(item.points),
                )
        return entries

    @cached_property
    def coverable(self) -> dict[str, Entry]:
        """The codes evidence may cover: outputs, indicators, knowledge, skills and attitudes."""
        return {code: e for code, e in self.entries.items() if e.kind not in ("duty", "task")}

    @cached_property
    def positions(self) -> dict[str, int]:
        """Every code's position in the standard, for sorting in the standard's order."""
        return {code: i for i, code in enumerate(self.entries)}

    @cached_property
    def _names(self) -> dict[str, dict[str, str]]:
        return {}

    def names_in(self, lang: str) -> dict[str, str]:
        """Every code's name in ``lang``, built once per language."""
        found = self._names.get(lang)
        if found is None:
            found = self._names[lang] = {code: e.name_in(lang) for code, e in self.entries.items()}
        return found

    def duty_of(self, task_code: str) -> Duty:
        """The duty a task belongs to."""
        return next(d for d in self.duties for t in d.tasks if t.code == task_code)


# --------------------------------------------------------------------------- evidence profiles


class EvidenceKind(StrEnum):
    """What sort of evidence an item is."""

    training = "training"
    certificate = "certificate"
    work_output = "work_output"
    experience = "experience"
    assessment = "assessment"
    self_report = "self_report"


class Rater(StrEnum):
    """Who gave a rating on an assessment form, the least trusted first (see ``RATER_RANK``)."""

    self = "self"
    peer = "peer"
    manager = "manager"
    assessor = "assessor"


#: Where several sources rate the same item, the more trusted one stands: assessor > manager > peer > self.
RATER_RANK = {Rater.self: 0, Rater.peer: 1, Rater.manager: 2, Rater.assessor: 3}


class Person(_Model):
    """Who the profile is about."""

    name: Text
    id: Ident | None = None
    organisation: Text | None = None
    role: Text | None = None


M = TypeVar("M", bound=BaseModel)


def built(model: type[M], fields: dict[str, Any]) -> M:
    """``model`` made of ``fields`` that were checked already, as ``model.model_construct(**fields)`` makes it
    (the fields given are the fields set; the others take their defaults), in a fraction of its time.

    A year's export builds one evidence per row, and pydantic's ``model_construct`` walks every field of the
    model on every call; here the defaults are worked out once per model. A model with private attributes,
    extra fields or a default made by a factory is left to ``model_construct``.
    """
    defaults = _plain_defaults(model)
    if defaults is None:
        return model.model_construct(**fields)
    made = model.__new__(model)
    object.__setattr__(made, "__dict__", {**defaults, **fields})
    object.__setattr__(made, "__pydantic_fields_set__", set(fields))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


@cache
def _plain_defaults(model: type[BaseModel]) -> dict[str, Any] | None:
    """Each field's default, in the model's order; None when :func:`built` cannot stand in for model_construct."""
    if model.__private_attributes__ or model.model_config.get("extra") == "allow":
        return None
    if any(field.default_factory is not None for field in model.model_fields.values()):
        return None
    return {name: field.get_default() for name, field in model.model_fields.items()}


class Evidence(_Model):
    """One piece of evidence: what it is, when, at which level, and which codes it covers."""

    id: Ident
    kind: Annotated[EvidenceKind, BeforeValidator(_kind)]
    title: Text
    date: Date
    level: Level
    covers: Annotated[list[Text], BeforeValidator(_covers)] = Field(min_length=1)
    expires: Date | None = None
    verified_by: Text | None = None
    hours: Annotated[float, Field(ge=0, strict=False)] | None = None
    reference: Text | None = None
    note: str | None = None
    course: Text | None = Field(None, description="the training system's course code")
    provider: Text | None = Field(None, description="who gave the training (an instructor, a school); not a verifier")
    score: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        None, description="the final test score; below the pass mark the item does not count"
    )
    pass_mark: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        None, description="the course's own pass mark; without it the policy's pass_mark applies"
    )
    passed: bool | None = Field(None, description="false: failed or absent, so the item does not count")
    exclude: bool = Field(False, description="true: set aside by hand (say why in note); never counts")
    source: Text | None = Field(None, description="the record file (and sheet) an imported item came from")
    rater: Rater | None = Field(
        None, description="who gave a rating (self, peer, manager, assessor): the more trusted one stands"
    )
    output_reference: Text | None = Field(None, description="the work output a rating refers to")


class Profile(_Model):
    """A person's evidence, checked against one standard."""

    standard: Text
    person: Person
    evidence: list[Evidence] = []
    exports: dict[str, dt.date] = Field(
        default_factory=dict,
        description="written by import: each source's export (file date) as last imported, so that an older "
        "export never undoes a newer one's changes unannounced",
    )


# --------------------------------------------------------------------------- course catalogues

Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]


class Course(_Model):
    """A course someone could take: what it covers and the 職能級別 it trains to.

    A course with ``unrelated: true`` or ``covers: []`` (a fire drill, onboarding) is one the training
    system lists but that is evidence of nothing in the standard: its record rows are passed over.
    """

    code: Ident
    title: Text
    kind: Literal["course", "certificate"] = Field(
        "course", description="certificate: an exam to sit, planned only with its fee (cost or seat_cost)"
    )
    provider: Text | None = None
    hours: Annotated[float, Field(ge=0, le=MAX_HOURS, allow_inf_nan=False)] = 0
    level: Level | None = None
    covers: Annotated[list[Text], BeforeValidator(_covers)] = []
    unrelated: bool = False
    pass_mark: Annotated[float, Field(ge=0, allow_inf_nan=False, description="the score needed to pass")] | None = None
    cost: Amount | None = Field(None, description="paid once if the course is run")
    seat_cost: Amount | None = Field(None, description="paid for each attendee")
    note: str | None = None


class Catalog(_Model):
    """A list of courses for `kmc-gap plan`."""

    title: Text | None = None
    sample: bool = Field(False, description="true for illustrative catalogues that list no real courses")
    courses: list[Course] = Field(min_length=1)

    def related(self) -> list[Course]:
        """The courses that are evidence of something in the standard."""
        return [c for c in self.courses if is_related(c)]

    def plannable(self) -> list[Course]:
        """The related courses a plan may choose: a certificate only with the fee of its exam.

        A certificate with no fee in the catalogue is not a free course of 0 hours: it is left out, and
        the plan says so (:meth:`unpriced`).
        """
        return [c for c in self.related() if c.kind == "course" or c.cost or c.seat_cost]

    def unpriced(self) -> list[Course]:
        """The related certificates a plan cannot choose: the catalogue gives no exam fee."""
        return [c for c in self.related() if c.kind == "certificate" and not (c.cost or c.seat_cost)]


def is_related(course: Course) -> bool:
    """Whether a course's rows are evidence: it covers codes at a level and is not marked unrelated."""
    return not course.unrelated and bool(course.covers) and course.level is not None


# --------------------------------------------------------------------------- policies


class Policy(_Model):
    """How strictly evidence is counted; see the README's scoring rules."""

    min_evidence: Annotated[int, Field(ge=1, le=100, strict=True)] = 1
    require_verified: bool = False
    max_age_years: Annotated[int, Field(ge=1, le=100, strict=True)] | None = None
    accepted_kinds: list[EvidenceKind] = Field(default_factory=lambda: list(EvidenceKind), min_length=1)
    require_attitudes: bool = False
    require_outputs: bool = False
    pass_mark: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 60


POLICY_NAMES = ("default", "strict")


def named_policy(name: str) -> Policy:
    """The built-in policy ``default`` or ``strict`` (see the README's policy table).

    Built without validation: these values are known to be valid (a test validates them), and
    validating would build pydantic's schema for ``Policy`` on every start, about 15 ms.
    """
    if name == "strict":
        return Policy.model_construct(
            require_verified=True,
            max_age_years=5,
            accepted_kinds=[k for k in EvidenceKind if k is not EvidenceKind.self_report],
        )
    if name == "default":
        return Policy.model_construct()
    raise KeyError(name)
