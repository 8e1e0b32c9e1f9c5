"""What `kmc-gap standard` shows, as plain data: the overview, one duty, one task, one item.

The views are plain dicts so that the JSON output and the Rich rendering
(:mod:`kmc_gap.render.standard`) show exactly the same facts.
"""

from __future__ import annotations

from typing import Any

from kmc_gap.engine.outputs import (
    DutyView,
    ItemView,
    ListView,
    StandardView,
    TaskView,
    View,
)
from kmc_gap.model.lookup import Entry, index, tasks_requiring
from kmc_gap.model.models import Duty, Standard, Task
from kmc_gap.words import pick

KINDS = {"O": "output", "P": "indicator", "K": "knowledge", "S": "skill", "A": "attitude"}


def _name(obj: Any, lang: str, field: str = "name") -> str:
    """A model's ``field`` in ``lang``, falling back to the Chinese text."""
    text: str = getattr(obj, field)
    return pick(text, getattr(obj, f"{field}_en", None), lang)


def overview(std: Standard, lang: str) -> StandardView:
    """Duties and tasks, each task with its level and how many items of each kind it has."""
    return {
        "view": "standard",
        "code": std.code,
        "name": _name(std, lang),
        "level": std.level,
        "duties": [duty_view(std, duty, lang) for duty in std.duties],
    }


def duty_view(std: Standard, duty: Duty, lang: str) -> DutyView:
    """One duty with a summary line per task."""
    return {
        "view": "duty",
        "code": duty.code,
        "name": _name(duty, lang),
        "tasks": [
            {
                "code": t.code,
                "name": _name(t, lang),
                "level": t.level,
                "outputs": len(t.outputs),
                "indicators": len(t.indicators),
                "knowledge": len(t.knowledge),
                "skills": len(t.skills),
            }
            for t in duty.tasks
        ],
    }


def task_view(std: Standard, task: Task, lang: str) -> TaskView:
    """One task in full: its duty, level, outputs, indicators and K/S names."""
    entries = index(std)
    duty = std.duty_of(task.code)
    view: TaskView = {
        "view": "task",
        "code": task.code,
        "name": _name(task, lang),
        "duty": {"code": duty.code, "name": _name(duty, lang)},
        "level": task.level,
        "level_description": _level_text(std, task.level, lang),
        "outputs": [{"code": o.code, "name": _name(o, lang)} for o in task.outputs],
        "indicators": [{"code": p.code, "text": _name(p, lang, "text")} for p in task.indicators],
        "knowledge": [{"code": c, "name": entries[c].name_in(lang)} for c in task.knowledge],
        "skills": [{"code": c, "name": entries[c].name_in(lang)} for c in task.skills],
    }
    if task.activities:
        view["activities"] = list(task.activities)
    if task.same_as:
        view["same_as"] = task.same_as
    if len(task.competency) > 1:  # a task of several competency blocks: which items each asks, at its level
        view["blocks"] = [
            {
                "level": b.level,
                "outputs": [o.code for o in b.outputs],
                "indicators": [p.code for p in b.indicators],
                "knowledge": list(b.knowledge),
                "skills": list(b.skills),
            }
            for b in task.competency
        ]
    return view


def item_view(std: Standard, entry: Entry, lang: str) -> ItemView:
    """An O/P/K/S/A item and every task that requires it, with the level each requires."""
    view: ItemView = {
        "view": "item",
        "code": entry.code,
        "kind": entry.kind,
        "name": entry.name_in(lang),
        "required_by": [],
    }
    description = pick(entry.description, entry.description_en, lang) if entry.description else None
    if description:
        view["description"] = description
    if entry.points:
        view["points"] = list(entry.points)
    view["required_by"] = [
        {"code": t.code, "name": _name(t, lang), "level": t.level_of(entry.code)}
        for t in tasks_requiring(std, entry.code)
    ]
    return view


def _level_text(std: Standard, level: int, lang: str) -> str | None:
    descriptor = std.levels.get(level)
    return _name(descriptor, lang, "description") if descriptor else None


def list_view(std: Standard, letter: str, lang: str) -> ListView:
    """Every item of one kind (K, S, A, P or O), in the standard's order, with the tasks that need it."""
    kind = KINDS[letter]
    return {
        "view": "list",
        "kind": kind,
        "items": [
            {"code": e.code, "name": e.name_in(lang), "tasks": [t.code for t in tasks_requiring(std, e.code)]}
            for e in index(std).values()
            if e.kind == kind
        ],
    }


def view_for(std: Standard, code: str | None, lang: str) -> View | None:
    """The view for ``code`` in any letter case (None: the overview; ``K``: every knowledge item).

    None when the standard lacks the code.
    """
    if code is None:
        return overview(std, lang)
    code = code.strip().upper()
    if code in KINDS:
        return list_view(std, code, lang)
    entry = index(std).get(code)
    if entry is None:
        return None
    if entry.kind == "duty":
        return duty_view(std, next(d for d in std.duties if d.code == code), lang)
    if entry.kind == "task":
        return task_view(std, next(t for t in std.tasks() if t.code == code), lang)
    return item_view(std, entry, lang)
