"""kmc-gap: check a person's evidence against an iCAP competency standard and show the gaps.

A library as well as a command (docs/library.md): ``from kmc_gap import assess, load_people,
load_standard``. The names are imported when first used, so that a command's start pays for none of
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report
    from kmc_gap.library import People, assess, load_people, load_standard
    from kmc_gap.model.models import Profile, Standard
    from kmc_gap.model.problems import InputError

__all__ = ["InputError", "People", "Profile", "Report", "Standard", "assess", "load_people", "load_standard"]

_WHERE = {
    "assess": "kmc_gap.library",
    "load_people": "kmc_gap.library",
    "load_standard": "kmc_gap.library",
    "People": "kmc_gap.library",
    "Report": "kmc_gap.engine.report",
    "Profile": "kmc_gap.model.models",
    "Standard": "kmc_gap.model.models",
    "InputError": "kmc_gap.model.problems",
}


def __getattr__(name: str) -> Any:
    """The library's names, imported on first use."""
    if name not in _WHERE:
        raise AttributeError(f"module 'kmc_gap' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_WHERE[name]), name)
