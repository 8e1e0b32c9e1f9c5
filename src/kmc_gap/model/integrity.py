"""Integrity rules of a standard that a per-field schema cannot express.

Each rule yields problems located in the standard's YAML file, so that someone writing a new
standard in kmc-gap's format is told exactly which line breaks which rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from kmc_gap.model.models import Indicator, Output, Standard
from kmc_gap.model.problems import Problem


class Locator(Protocol):
    """What places a problem at a field of the standard: its YAML file, or the CASE package it came from."""

    def problem(self, key: str, loc: Sequence[str | int], *, at_key: bool = False, **args: Any) -> Problem: ...


def check_standard(std: Standard, doc: Locator) -> list[Problem]:
    """Every integrity problem of ``std`` (loaded from ``doc``), in file order of the rules."""
    return [*_unique_codes(std, doc), *_codes_in_place(std, doc), *_items_defined_and_used(std, doc)]


def _unique_codes(std: Standard, doc: Locator) -> Iterator[Problem]:
    """Duty, task, output and indicator codes appear once in the whole standard."""
    seen: set[str] = set()
    for di, duty in enumerate(std.duties):
        places: list[tuple[str, tuple[str | int, ...]]] = [(duty.code, ("duties", di, "code"))]
        for ti, task in enumerate(duty.tasks):
            base = ("duties", di, "tasks", ti)
            places.append((task.code, (*base, "code")))
            if task.same_as:  # the items of the task it shares a block with, counted there
                continue
            places += [(o.code, (*base, "outputs", oi, "code")) for oi, o in enumerate(task.outputs)]
            places += [(p.code, (*base, "indicators", pi, "code")) for pi, p in enumerate(task.indicators)]
        for code, loc in places:
            if code in seen:
                yield doc.problem("standard.duplicate_code", loc, code=code)
            seen.add(code)


def _codes_in_place(std: Standard, doc: Locator) -> Iterator[Problem]:
    """T2.3 sits under T2; O2.3.1 and P2.3.1 sit under T2.3."""
    for di, duty in enumerate(std.duties):
        for ti, task in enumerate(duty.tasks):
            base = ("duties", di, "tasks", ti)
            if not task.code.startswith(duty.code + "."):
                yield doc.problem("standard.misplaced_code", (*base, "code"), code=task.code, parent=duty.code)
            if task.same_as:
                if not any(t.code == task.same_as and not t.same_as for t in std.tasks()):
                    yield doc.problem("standard.bad_same_as", (*base, "same_as"), code=task.same_as)
                continue
            suffix = task.code[1:] + "."
            placed: list[tuple[str, Sequence[Output | Indicator]]] = [
                ("outputs", task.outputs),
                ("indicators", task.indicators),
            ]
            for field, entries in placed:
                for i, entry in enumerate(entries):
                    if not entry.code[1:].startswith(suffix):
                        yield doc.problem(
                            "standard.misplaced_code", (*base, field, i, "code"), code=entry.code, parent=task.code
                        )


def _items_defined_and_used(std: Standard, doc: Locator) -> Iterator[Problem]:
    """Each K/S a task lists is defined once per task, and each defined K/S is used."""
    used: set[str] = set()
    for di, duty in enumerate(std.duties):
        for ti, task in enumerate(duty.tasks):
            for field, defined in (("knowledge", std.knowledge), ("skills", std.skills)):
                codes: list[str] = getattr(task, field)
                counts = Counter(codes)
                for i, code in enumerate(codes):
                    loc = ("duties", di, "tasks", ti, field, i)
                    if code not in defined:
                        yield doc.problem("standard.undefined_item", loc, code=code, section=field)
                    if counts[code] > 1 and codes.index(code) != i:
                        yield doc.problem("standard.duplicate_item", loc, code=code, task=task.code)
                used.update(codes)
    for field, defined in (("knowledge", std.knowledge), ("skills", std.skills)):
        for code in defined:
            if code not in used:
                yield doc.problem("standard.unused_item", (field, code), at_key=True, code=code)
