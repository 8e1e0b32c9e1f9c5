"""Profiles and courses for plan cases: a person competent in everything but the items named, a course."""

from __future__ import annotations

from typing import Any

from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Profile

STD = load_standard()


def everything_but(missing: set[str], name: str = "測試") -> Profile:
    """A profile of one training that covers every item of the standard at level 4 but ``missing``."""
    codes = sorted({c for t in STD.tasks() for c in t.required_codes()} - missing)
    evidence = [{"id": "all", "kind": "training", "title": "all", "date": "2025-01-01", "level": 4, "covers": codes}]
    return Profile.model_validate({"standard": STD.code, "person": {"name": name}, "evidence": evidence})


def course(code: str, covers: list[str], hours: float = 20, level: int = 4, **money: float) -> dict[str, Any]:
    """A catalogue course as a plan reads it, its money (``cost``, ``seat_cost``) as given."""
    return {"code": code, "title": code, "provider": "p", "hours": hours, "level": level, "covers": covers, **money}
