"""Names in the chosen language, added to the engine's results just before they are written as JSON.

The engine's results hold codes only. JSON readers get a ``name`` beside each code of the
standard, in the report's language; one typed function per kind of result says where the
names go (a cohort's reports pass through here one by one, so this is kept to plain loops).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from kmc_gap.model.lookup import names
from kmc_gap.model.models import Standard
from kmc_gap.words import pick

if TYPE_CHECKING:
    from kmc_gap.engine.report import Diff, Plan, Report


def standard_name(std: Standard, lang: str) -> str:
    """The standard's name in ``lang`` (the English rendering, or the official Chinese)."""
    return pick(std.name, std.name_en, lang)


def _named(entries: list[Any], table: dict[str, str]) -> list[Any]:
    """Copies of ``entries``, each with the name of its code."""
    return [{**entry, "name": table[entry["code"]]} for entry in entries]


def name_report(report: Report, std: Standard, lang: str) -> Report:
    """A copy of ``report`` with the names of its standard, duties, tasks, items, attitudes and gaps."""
    table = names(std, lang)
    tasks = [
        {
            **task,
            "name": table[task["code"]],
            "items": _named(task["items"], table),
            "outputs": _named(task["outputs"], table),
        }
        for task in report["tasks"]
    ]
    named = {
        **report,
        "standard": {**report["standard"], "name": standard_name(std, lang)},
        "duties": _named(report["duties"], table),
        "tasks": tasks,
        "attitudes": _named(report["attitudes"], table),
        "gaps": _named(report["gaps"], table),
        "lang": lang,
    }
    return cast("Report", named)


def name_plan(plan: Plan, std: Standard, lang: str) -> Plan:
    """A copy of ``plan`` with the names of the items each course closes and of the unclosable gaps."""
    table = names(std, lang)
    named = {
        **plan,
        "standard": {**plan["standard"], "name": standard_name(std, lang)},
        "courses": [{**course, "closes": _named(course["closes"], table)} for course in plan["courses"]],
        "people": [{**person, "unclosable": _named(person["unclosable"], table)} for person in plan["people"]],
    }
    return cast("Plan", named)


def name_diff(diff: Diff, std: Standard, lang: str) -> Diff:
    """A copy of ``diff`` with the names of its tasks and of the items gained and lost."""
    table = names(std, lang)
    named = {
        **diff,
        "tasks": _named(diff["tasks"], table),
        "items_gained": _named(diff["items_gained"], table),
        "items_lost": _named(diff["items_lost"], table),
    }
    return cast("Diff", named)
