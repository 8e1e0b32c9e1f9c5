"""`kmc-gap plan`: read a profile and a catalogue, and plan the courses that close the gaps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kmc_gap.engine.plan import make_plan
from kmc_gap.engine.report import Plan
from kmc_gap.model.loading import load_catalog, load_profile
from kmc_gap.model.models import Policy, Standard
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


def plan(
    profile: Path,
    catalog: Path,
    std: Standard,
    policy: Policy,
    as_of: dt.date,
    *,
    policy_name: str = "default",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Plan:
    """The plan for ``profile`` from ``catalog``; raises ``InputError`` for a bad file."""
    prof = load_profile(profile, std, str(profile), max_bytes)
    courses = load_catalog(catalog, std, max_bytes)
    return make_plan(prof, std, policy, as_of, courses, policy_name=policy_name)
