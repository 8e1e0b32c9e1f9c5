"""A non-editable install carries the data file and works from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # builds and installs the wheel: the quick loop (-m "not slow") leaves it out


def test_wheel_ships_the_standard_and_runs_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    [wheel] = wheels.glob("kmc_gap-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)], check=True
    )
    assert (site / "kmc_gap" / "data" / "kmc3332-001v3.yaml").read_bytes() == (
        ROOT / "data" / "kmc3332-001v3.yaml"
    ).read_bytes()
    assert (site / "kmc_gap" / "py.typed").exists()  # a typed library for mypy and editors (docs/library.md)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "standard", "T5.3", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["level"] == 3
    where = subprocess.run(
        [sys.executable, "-c", "import kmc_gap.model.loading as l; print(l.bundled_standard_path())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)
