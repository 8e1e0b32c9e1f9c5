"""`kmc-gap calibrate`: read the filled forms (and any profiles with ratings) and set the ratings side by side."""

from __future__ import annotations

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


@dataclass(frozen=True)
class CalibrateRequest:
    """What `kmc-gap calibrate` is asked: the filled forms (and profiles with ratings), and how to read them."""

    paths: tuple[Path, ...]
    records: RecordOptions | None = None


def calibrate_paths(request: CalibrateRequest, std: Standard) -> CalibrationRun:
    """The ratings in the request's paths, person by person; None when no one could be read."""
    found = load_people(request.paths, std, request.records)
    profiles = [profile for profile, _ in found.profiles]
    return CalibrationRun(calibrate(profiles, std) if profiles else None, found.problems, found.warnings)
