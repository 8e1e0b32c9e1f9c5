"""`kmc-gap calibrate`: read the filled forms (and any profiles with ratings) and set the ratings side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.api.people import load_people
from kmc_gap.engine.calibrate import Calibration, calibrate
from kmc_gap.model.models import Standard
from kmc_gap.model.problems import Problem
from kmc_gap.model.records import RecordOptions


@dataclass
class CalibrationRun:
    """The calibration of everyone who could be read, and the problems of the files that could not."""

    calibration: Calibration | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def calibrate_paths(paths: Sequence[Path], std: Standard, options: RecordOptions | None) -> CalibrationRun:
    """The ratings in ``paths``, person by person; None when no one could be read."""
    found = load_people(paths, std, options)
    profiles = [profile for profile, _ in found.profiles]
    return CalibrationRun(calibrate(profiles, std) if profiles else None, found.problems, found.warnings)
