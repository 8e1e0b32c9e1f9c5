"""`kmc-gap calibrate`: read the filled forms (and any profiles with ratings) and set the ratings side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.api.people import load_people
from kmc_gap.engine.calibrate import Calibration, calibrate
from kmc_gap.model.models import Standard
from kmc_gap.model.problems import Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


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
    max_bytes: int = DEFAULT_MAX_BYTES

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: an output is never written over one."""
        return self.paths


def calibrate_paths(request: CalibrateRequest, std: Standard) -> CalibrationRun:
    """The ratings in the request's paths, person by person; None when no one could be read."""
    from kmc_gap.api.records import record_options

    found = load_people(request.paths, std, record_options(None, max_bytes=request.max_bytes), request.max_bytes)
    profiles = [profile for profile, _ in found.profiles]
    return CalibrationRun(calibrate(profiles, std) if profiles else None, found.problems, found.warnings)
