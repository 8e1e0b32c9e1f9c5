"""Looking up any code of a standard (T, O, P, K, S, A): its kind, names and where it is used."""

from __future__ import annotations

from kmc_gap.model.models import Entry, Standard, Task

__all__ = ["Entry", "codes_of", "index", "names", "order", "tasks_requiring"]


def index(std: Standard) -> dict[str, Entry]:
    """Every code of ``std`` mapped to its entry, in the standard's order (built once, on the standard)."""
    return std.entries


def codes_of(std: Standard) -> dict[str, Entry]:
    """The codes evidence may cover: outputs, indicators, knowledge, skills and attitudes."""
    return std.coverable


def tasks_requiring(std: Standard, code: str) -> list[Task]:
    """The tasks whose outputs, indicators, knowledge or skills include ``code``."""
    return [
        task
        for task in std.tasks()
        if code in task.knowledge
        or code in task.skills
        or any(p.code == code for p in task.indicators)
        or any(o.code == code for o in task.outputs)
    ]


def names(std: Standard, lang: str) -> dict[str, str]:
    """Every code's name in ``lang`` (built once per standard and language)."""
    return std.names_in(lang)


def order(std: Standard) -> dict[str, int]:
    """Every code's position in the standard, for sorting in the standard's order."""
    return std.positions
