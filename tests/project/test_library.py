"""The library (docs/library.md): the page's examples run as written, and its calls give what the CLI gives."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import kmc_gap
from kmc_gap import assess, load_people, load_standard

from conftest import ROOT, RunLine

PAGE = ROOT / "docs" / "library.md"


def _without_names(value: Any) -> Any:
    """A JSON report as the engine gives it: the CLI adds each code's name and the run's language."""
    if isinstance(value, dict):
        return {k: _without_names(v) for k, v in value.items() if k not in ("name", "lang") or k == "person"}
    if isinstance(value, list):
        return [_without_names(v) for v in value]
    return value


@pytest.mark.parametrize("block", re.findall(r"```python\n(.*?)```", PAGE.read_text("utf-8"), re.S))
def test_the_pages_examples_run_as_written(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, str(PAGE), "exec"), {})
    assert out.getvalue().strip()  # each example shows something


def test_assess_gives_the_reports_the_cli_writes(run_line: RunLine) -> None:
    std = load_standard()
    people = load_people([ROOT / "examples" / "profiles"], std)
    assert people.problems == [] and len(people.profiles) == 3
    mine = [assess(p, std, as_of=dt.date(2026, 6, 30)) for p in people.profiles]
    cli = json.loads(run_line("assess", "examples/profiles", "--as-of", "2026-06-30", "-f", "json").stdout)
    by_id = {r["person"]["id"]: r for r in cli}
    for report in mine:
        theirs = _without_names(by_id[report["person"]["id"]])
        assert {k: v for k, v in _without_names(report).items() if k != "file"} == {
            k: v for k, v in theirs.items() if k != "file"
        }


def test_strict_policy_and_bad_input(tmp_path: Path) -> None:
    std = load_standard()
    (profile,) = load_people([ROOT / "examples" / "profiles" / "junior-coordinator.yaml"], std).profiles
    strict = assess(profile, std, as_of=dt.date(2026, 6, 30), policy="strict")
    assert strict["policy"]["name"] == "strict" and strict["policy"]["require_verified"] is True
    broken = tmp_path / "broken.yaml"
    broken.write_text("standard: KMC3332-001v3\nperson: {name: x}\nevidence: [{id: 1}]\n", encoding="utf-8")
    found = load_people([broken, ROOT / "examples" / "profiles" / "senior-planner.yaml"], std)
    assert len(found.profiles) == 1 and found.problems and found.problems[0].file.endswith("broken.yaml")
    with pytest.raises(kmc_gap.InputError):
        load_standard(ROOT / "examples" / "profiles" / "senior-planner.yaml")


def test_the_package_is_typed_and_names_only_what_it_has() -> None:
    assert (Path(kmc_gap.__file__).parent / "py.typed").exists()
    assert all(getattr(kmc_gap, name) is not None for name in kmc_gap.__all__)
    with pytest.raises(AttributeError):
        kmc_gap.nothing_here  # noqa: B018
