"""Names in the chosen language, added to the engine's results just before they are written as JSON.

The engine's results hold codes only. JSON readers get a ``name`` beside each code of the
standard, in the report's language; one typed function per kind of result says where the
names go (a cohort's reports pass through here one by one, so this is kept to plain loops).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.model.models import Standard
from kmc_gap.words import pick

if TYPE_CHECKING:
    from kmc_gap.engine.report import Diff, Plan, Report


def standard_name(std: Standard, lang: str) -> str:
    """The standard's name in ``lang`` (the English rendering, or the official Chinese)."""
    return pick(std.name, std.name_en, lang)


def name_report(report: Report, std: Standard, lang: str) -> Report:
    """``report`` with the names of its standard, duties, tasks, items, attitudes and gaps (in place)."""
    table = names(std, lang)
    report["standard"]["name"] = standard_name(std, lang)
    for duty in report["duties"]:
        duty["name"] = table[duty["code"]]
    for task in report["tasks"]:
        task["name"] = table[task["code"]]
        for item in task["items"]:
            item["name"] = table[item["code"]]
        for item in task["outputs"]:
            item["name"] = table[item["code"]]
    for attitude in report["attitudes"]:
        attitude["name"] = table[attitude["code"]]
    for gap in report["gaps"]:
        gap["name"] = table[gap["code"]]
    report["lang"] = lang
    return report


def name_plan(plan: Plan, std: Standard, lang: str) -> Plan:
    """``plan`` with the names of the items each course closes and of the unclosable gaps (in place)."""
    table = names(std, lang)
    plan["standard"]["name"] = standard_name(std, lang)
    for course in plan["courses"]:
        for closed in course["closes"]:
            closed["name"] = table[closed["code"]]
    for person in plan["people"]:
        for gap in person["unclosable"]:
            gap["name"] = table[gap["code"]]
    return plan


def name_diff(diff: Diff, std: Standard, lang: str) -> Diff:
    """``diff`` with the names of its tasks and of the items gained and lost (in place)."""
    table = names(std, lang)
    for task in diff["tasks"]:
        task["name"] = table[task["code"]]
    for item in [*diff["items_gained"], *diff["items_lost"]]:
        item["name"] = table[item["code"]]
    return diff
