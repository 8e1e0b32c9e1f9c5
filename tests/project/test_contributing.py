"""CONTRIBUTING.md's recipe for adding an option to `assess`, followed: its diff applied to a copy of the package,
and the new option asked for on the command line. When the code the recipe touches changes, this fails
until the recipe is brought up to date."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PROFILE = ROOT / "examples" / "profiles" / "senior-planner.yaml"


def recipe() -> str:
    """The diff under the heading "Adding an option to `assess`"."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("### Adding an option to `assess`") :]
    found = re.search(r"```diff\n(.*?)```", section, re.S)
    assert found is not None, "the recipe has no diff"
    return found.group(1)


def copy_with_recipe(folder: Path) -> dict[str, str]:
    """The package and its data copied into ``folder``, the recipe applied; the environment that runs the copy."""
    shutil.copytree(ROOT / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", folder / "data")
    (folder / "recipe.diff").write_text(recipe(), encoding="utf-8")
    applied = subprocess.run(["git", "apply", "recipe.diff"], cwd=folder, capture_output=True, text=True, check=False)
    assert applied.returncode == 0, f"the recipe no longer applies: {applied.stderr}"
    return {**os.environ, "PYTHONPATH": str(folder / "src"), "PYTHONDONTWRITEBYTECODE": "1"}


def kmc_gap(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kmc_gap", *args], env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_the_recipe_for_an_assess_option_adds_a_working_option(tmp_path: Path) -> None:
    env = copy_with_recipe(tmp_path)
    where = subprocess.run(
        [sys.executable, "-c", "import kmc_gap; print(kmc_gap.__file__)"], env=env, capture_output=True, text=True
    )
    assert Path(where.stdout.strip()).is_relative_to(tmp_path)  # the copy runs, not the installed package
    shown = kmc_gap(env, "assess", "--help", "--lang", "en")
    assert "--min-evidence" in shown.stdout and "Pieces of counting evidence" in shown.stdout
    day = ("--as-of", "2026-06-30", "-f", "json")
    one = json.loads(kmc_gap(env, "assess", str(PROFILE), *day).stdout)
    two = json.loads(kmc_gap(env, "assess", str(PROFILE), *day, "--min-evidence", "2").stdout)
    assert (one["policy"]["min_evidence"], two["policy"]["min_evidence"]) == (1, 2)
    # an item met by one piece of evidence is no longer met when two are needed
    assert two["summary"]["items_met"] < one["summary"]["items_met"]
    refused = kmc_gap(env, "assess", str(PROFILE), *day, "--min-evidence", "0")
    assert refused.returncode == 2 and "--min-evidence" in refused.stderr


def test_the_project_itself_has_no_such_option() -> None:
    """The recipe's option is an example: it is not in the shipped command."""
    assert "min_evidence" not in (ROOT / "src" / "kmc_gap" / "cli" / "commands" / "assess.py").read_text()
