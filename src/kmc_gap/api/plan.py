"""`kmc-gap plan`: read the people and a catalogue, and plan the courses that close their gaps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.api.people import load_people
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.api.records import read_catalog, record_options
from kmc_gap.engine.plan import PlanOptions, make_plan
from kmc_gap.engine.report import Plan, Report
from kmc_gap.engine.scoring import assess
from kmc_gap.model.models import Catalog, Policy, Profile, Standard
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


def load_plan(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """A plan written by ``kmc-gap plan -f json``, checked against the plan's type (a summary shows it)."""
    from pydantic import TypeAdapter, ValidationError

    from kmc_gap.model.yamlsource import read_text

    name = shown(path)
    text = read_text(path, name, max_bytes)
    try:
        plan: Plan = TypeAdapter(Plan).validate_json(text)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise InputError([Problem(name, "json.not_plan", {"field": ".".join(map(str, first["loc"])) or "/"})]) from None
    return plan


@dataclass
class PlanRun:
    """The plan for everyone who could be read, and the problems of the files that could not."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    profiles: list[tuple[Profile, str]] = field(default_factory=list)  # everyone planned for, and their file
    catalog: Catalog | None = None

    def reports(self, std: Standard, policy: Policy, as_of: dt.date, policy_name: str) -> list[Report]:
        """Everyone's report today, from the profiles already read: the summary of ``plan --format summary``."""
        return [assess(p, std, policy, as_of, policy_name=policy_name, file=file) for p, file in self.profiles]


def _keys(profiles: list[tuple[Profile, str]]) -> list[str]:
    """How each person is named in the plan: the person id, else the name; repeats numbered."""
    seen: dict[str, int] = {}
    keys = []
    for profile, _ in profiles:
        key = profile.person.id or profile.person.name
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key} #{seen[key]}")
    return keys


@dataclass(frozen=True)
class PlanRequest:
    """What `kmc-gap plan` is asked, checked: the people, the catalogue, the policy and the plan's limits."""

    paths: tuple[Path, ...]
    catalog: Path
    policy: Policy
    as_of: dt.date
    policy_name: str = "default"
    options: PlanOptions | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    reading: RecordReading = NO_READING

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: an output is never written over one."""
        return never_overwrite(self.paths, self.reading, self.policy_name, self.catalog)


def plan(request: PlanRequest, std: Standard) -> PlanRun:
    """Plan for every profile in the request's paths that is valid; a bad catalogue raises ``InputError``.

    A bad profile does not stop the plan for the others: its problems are returned with the plan.
    Record files (CSV, workbooks) are read with the same catalogue, which maps their course codes.
    """
    policy, as_of, policy_name, options = request.policy, request.as_of, request.policy_name, request.options
    courses = read_catalog(request.catalog, std, request.max_bytes)
    reading = record_options(courses, request.reading, request.max_bytes)
    found = load_people(list(request.paths), std, reading, request.max_bytes)
    loaded, problems, warnings = found.profiles, found.problems, found.warnings
    if not loaded:
        return PlanRun(None, problems, warnings)
    people = [(key, prof, file) for key, (prof, file) in zip(_keys(loaded), loaded, strict=True)]
    result = make_plan(people, std, policy, as_of, courses, policy_name=policy_name, options=options)
    return PlanRun(result, problems, warnings, loaded, courses)
