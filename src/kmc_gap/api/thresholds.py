"""The CI gates of `kmc-gap assess`: a minimum coverage and tasks that must be met."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from kmc_gap.api.errors import OptionError
from kmc_gap.api.inputs import listed
from kmc_gap.model.loading import suggest
from kmc_gap.model.models import Standard
from kmc_gap.model.problems import Problem

if TYPE_CHECKING:
    from kmc_gap.engine.report import Brief


def required_tasks(value: str | None, std: Standard) -> list[str]:
    """The task codes of ``--require``: ``all`` or a list (any letter case, its commas full-width too)."""
    if value is None:
        return []
    codes = [task.code for task in std.tasks()]
    if value.strip().lower() == "all":
        return codes
    return task_codes(listed(value), std, "--require")


def task_codes(values: list[str], std: Standard, option: str) -> list[str]:
    """Task codes given on the command line (any letter case, either width); an unknown one is an error.

    ``Ｔ３．１`` typed on a Chinese keyboard is T3.1; an unknown code comes with a did-you-mean.
    """
    codes = [task.code for task in std.tasks()]
    wanted = [unicodedata.normalize("NFKC", v).strip().upper() for v in values if v.strip()]
    unknown = [v for v in wanted if v not in codes]
    if unknown or not wanted:
        hints = [h for h in (suggest(v, codes) for v in unknown) if h]
        key = "usage.unknown_tasks_hint" if hints else "usage.unknown_tasks"
        shown = ", ".join(unknown) or ", ".join(values)
        raise OptionError(option, key, codes=shown, suggestion=", ".join(hints))
    return wanted


def percentage(value: str | None) -> float | None:
    """``--fail-under``: a percentage from 0 to 100, ``80`` or ``80%``.

    A value strictly between 0 and 1 is almost always a fraction typed by mistake (``0.8`` for 80 %):
    a CI gate written that way would never fail, so it is refused with the percentage to write.
    """
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).strip().removesuffix("%").strip()  # ８０％ typed full-width too
    try:
        number = float(text)
    except ValueError:
        raise OptionError("--fail-under", "usage.percentage", value=value) from None
    if not 0 <= number <= 100 or number != number:
        raise OptionError("--fail-under", "usage.percentage", value=value)
    if 0 < number < 1:
        raise OptionError("--fail-under", "usage.fraction", value=value, suggestion=f"{number * 100:g}")
    return number


def shortfalls(brief: Brief, fail_under: float | None, required: list[str]) -> list[Problem]:
    """A problem for each threshold the report fails (none when it passes)."""
    file = brief["file"] or "-"
    found: list[Problem] = []
    coverage = brief["summary"]["coverage"] * 100
    if fail_under is not None and coverage < fail_under:
        found.append(Problem(file, "threshold.coverage", {"coverage": f"{coverage:.2f}", "limit": f"{fail_under:g}"}))
    unmet = [code for code in required if brief["statuses"][code] != "met"]
    if unmet:
        found.append(Problem(file, "threshold.tasks", {"tasks": ", ".join(unmet)}))
    return found
