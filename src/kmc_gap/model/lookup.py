"""Looking up any code of a standard (T, O, P, K, S, A): its kind, names and where it is used."""

from __future__ import annotations

from dataclasses import dataclass

from kmc_gap.model.models import Standard, Task
from kmc_gap.words import pick


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

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` (``en`` or Chinese), falling back to the Chinese name."""
        return pick(self.name, self.name_en, lang)


_INDEX: dict[int, tuple[Standard, dict[str, Entry]]] = {}


def index(std: Standard) -> dict[str, Entry]:
    """Every code of ``std`` mapped to its entry, in the standard's order (built once)."""
    cached = _INDEX.get(id(std))
    if cached is not None and cached[0] is std:
        return cached[1]
    entries: dict[str, Entry] = {}
    for duty in std.duties:
        entries[duty.code] = Entry(duty.code, "duty", duty.name, duty.name_en)
        for task in duty.tasks:
            entries[task.code] = Entry(task.code, "task", task.name, task.name_en)
            for o in task.outputs:
                entries[o.code] = Entry(o.code, "output", o.name, o.name_en, task=task.code)
            for p in task.indicators:
                entries[p.code] = Entry(p.code, "indicator", p.text, p.text_en, task=task.code)
    for kind, items in (("knowledge", std.knowledge), ("skill", std.skills), ("attitude", std.attitudes)):
        for code, item in items.items():
            entries[code] = Entry(code, kind, item.name, item.name_en, item.description, item.description_en)
    _INDEX[id(std)] = (std, entries)
    return entries


_CODES: dict[int, tuple[Standard, dict[str, Entry]]] = {}


def codes_of(std: Standard) -> dict[str, Entry]:
    """The codes evidence may cover: outputs, indicators, knowledge, skills and attitudes (built once)."""
    cached = _CODES.get(id(std))
    if cached is None or cached[0] is not std:
        codes = {code: e for code, e in index(std).items() if e.kind not in ("duty", "task")}
        cached = _CODES[id(std)] = (std, codes)
    return cached[1]


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


_NAMES: dict[tuple[int, str], tuple[Standard, dict[str, str]]] = {}
_ORDER: dict[int, tuple[Standard, dict[str, int]]] = {}


def names(std: Standard, lang: str) -> dict[str, str]:
    """Every code's name in ``lang`` (built once per standard and language)."""
    cached = _NAMES.get((id(std), lang))
    if cached is None or cached[0] is not std:
        cached = _NAMES[(id(std), lang)] = (std, {code: e.name_in(lang) for code, e in index(std).items()})
    return cached[1]


def order(std: Standard) -> dict[str, int]:
    """Every code's position in the standard, for sorting in the standard's order."""
    cached = _ORDER.get(id(std))
    if cached is None or cached[0] is not std:
        cached = _ORDER[id(std)] = (std, {code: i for i, code in enumerate(index(std))})
    return cached[1]
