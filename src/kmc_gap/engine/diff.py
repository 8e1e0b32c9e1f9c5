"""`kmc-gap diff`: what changed between two assessments of the same person.

Each side is a profile (assessed with the given date and policy) or a JSON report written by
`kmc-gap assess --format json`. The result lists tasks and items gained and lost, and the
coverage and attained levels before and after.
"""

from __future__ import annotations

from kmc_gap.engine.report import Diff, DiffFigures, ItemChange, Report, TaskChange


def same_person(old: Report, new: Report) -> bool:
    """Whether two reports are of the same person: the same id, or the same name when ids are missing."""
    a, b = old["person"], new["person"]
    if a.get("id") and b.get("id"):
        return bool(a["id"] == b["id"])
    return bool(a["name"] == b["name"])


def _figures(report: Report) -> DiffFigures:
    s = report["summary"]
    return {
        "file": report["file"],
        "as_of": report["as_of"],
        "coverage": s["coverage"],
        "items_met": s["items_met"],
        "tasks_met": s["tasks_met"],
        "meets_standard": s["meets_standard"],
    }


def compare(old: Report, new: Report) -> Diff:
    """The differences between two reports."""
    old_tasks = {t["code"]: t for t in old["tasks"]}
    tasks: list[TaskChange] = []
    gained: list[ItemChange] = []
    lost: list[ItemChange] = []
    for task in new["tasks"]:
        before = old_tasks.get(task["code"])
        if before is None:
            continue
        was = {i["code"]: i["met"] for i in before["items"]}
        for item in task["items"]:
            change: ItemChange = {"task": task["code"], "code": item["code"]}
            if item["met"] and not was.get(item["code"], False):
                gained.append(change)
            elif not item["met"] and was.get(item["code"], False):
                lost.append(change)
        tasks.append(
            {
                "code": task["code"],
                "status_before": before["status"],
                "status_after": task["status"],
                "attained_before": before["attained_level"],
                "attained_after": task["attained_level"],
                "items_met_before": before["items_met"],
                "items_met_after": task["items_met"],
            }
        )
    return {
        "person": new["person"],
        "person_before": old["person"],
        "same_person": same_person(old, new),
        "before": _figures(old),
        "after": _figures(new),
        "coverage_change": round(new["summary"]["coverage"] - old["summary"]["coverage"], 4),
        "tasks_gained": [t["code"] for t in tasks if t["status_after"] == "met" and t["status_before"] != "met"],
        "tasks_lost": [t["code"] for t in tasks if t["status_before"] == "met" and t["status_after"] != "met"],
        "items_gained": gained,
        "items_lost": lost,
        "tasks": tasks,
    }
