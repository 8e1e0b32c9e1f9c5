"""`kmc-gap diff`: tasks and items gained and lost between two assessments of one person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmc_gap.words import t

from conftest import ROOT, RunLine

MID = ROOT / "examples" / "profiles" / "mid-career-planner.yaml"
AS_OF = ("--as-of", "2026-06-30")
LATER = ROOT / "examples" / "progress" / "mid-career-planner-2026.yaml"  # adds sponsor and procurement work


@pytest.fixture
def later() -> Path:
    return LATER


def test_gains_hand_worked(run_line: RunLine, later: Path) -> None:
    result = run_line("diff", str(MID.relative_to(ROOT)), str(later), *AS_OF, "-f", "json")
    assert (result.code, result.stderr) == (0, "")
    d = json.loads(result.stdout)
    # T3.1 lacked P3.1.1-3, S13, S14 (15/20) and T3.2 lacked P3.2.1-3, S13, S15 (9/14): both now met.
    # T3.3 gains S13 (10 → 11 of 15), T3.4 gains S13 and S15 (8 → 10 of 12); both still lack P items.
    assert d["tasks_gained"] == ["T3.1", "T3.2"]
    assert d["tasks_lost"] == []
    assert [(i["task"], i["code"]) for i in d["items_gained"]] == [
        ("T3.1", "P3.1.1"),
        ("T3.1", "P3.1.2"),
        ("T3.1", "P3.1.3"),
        ("T3.1", "S13"),
        ("T3.1", "S14"),
        ("T3.2", "P3.2.1"),
        ("T3.2", "P3.2.2"),
        ("T3.2", "P3.2.3"),
        ("T3.2", "S13"),
        ("T3.2", "S15"),
        ("T3.3", "S13"),
        ("T3.4", "S13"),
        ("T3.4", "S15"),
    ]
    # 186 + 13 = 199 of 205 items: 0.9073 → 0.9707, a change of 0.0634
    assert (d["before"]["items_met"], d["after"]["items_met"]) == (186, 199)
    assert (d["before"]["coverage"], d["after"]["coverage"], d["coverage_change"]) == (0.9073, 0.9707, 0.0634)
    t31 = next(t for t in d["tasks"] if t["code"] == "T3.1")
    assert (t31["attained_before"], t31["attained_after"]) == (0, 4)
    assert d["same_person"] is True


def test_losses_when_read_the_other_way(run_line: RunLine, later: Path) -> None:
    d = json.loads(run_line("diff", str(later), str(MID), *AS_OF, "-f", "json").stdout)
    assert (d["tasks_gained"], d["tasks_lost"]) == ([], ["T3.1", "T3.2"])
    assert len(d["items_lost"]) == 13 and d["items_gained"] == []
    assert d["coverage_change"] == -0.0634


def test_json_reports_give_the_same_diff(run_line: RunLine, later: Path, tmp_path: Path) -> None:
    # the reports are written with -o from the same inputs, so their file names match too
    old_json, new_json = tmp_path / "old.json", tmp_path / "new.json"
    assert run_line("assess", str(MID), *AS_OF, "-f", "json", "-o", str(old_json)).code == 0
    assert run_line("assess", str(later), *AS_OF, "-f", "json", "-o", str(new_json)).code == 0
    from_reports = json.loads(run_line("diff", str(old_json), str(new_json), "-f", "json").stdout)
    from_profiles = json.loads(run_line("diff", str(MID), str(later), *AS_OF, "-f", "json").stdout)
    assert from_reports == from_profiles


def test_table_and_markdown_golden(run_line: RunLine, golden) -> None:
    old, new = "examples/profiles/mid-career-planner.yaml", "examples/progress/mid-career-planner-2026.yaml"
    for fmt, name in (("table", "diff.txt"), ("markdown", "diff.md")):
        result = run_line("diff", old, new, *AS_OF, "-f", fmt)
        assert (result.code, result.stderr) == (0, "")
        golden(name, result.stdout)


def test_different_people_are_flagged(run_line: RunLine) -> None:
    senior = "examples/profiles/senior-planner.yaml"
    result = run_line("diff", str(MID), senior, *AS_OF, "-f", "json")
    assert result.code == 0
    assert result.stderr == f"kmc-gap: {t('run.other_person')}\n"
    assert json.loads(result.stdout)["same_person"] is False
    table = run_line("diff", str(MID), senior, *AS_OF, "--lang", "en")
    assert table.stdout.splitlines()[0] == "Progress: 林小美 · E1024 → 王志明 · E0871"  # the header names both


def test_bad_json_report_is_located(run_line: RunLine, tmp_path: Path) -> None:
    broken = tmp_path / "r.json"
    broken.write_text('{\n  "summary": {\n    "coverage": 0.5,\n  }\n}\n', encoding="utf-8")
    result = run_line("diff", str(broken), str(MID), "--lang", "en")
    assert result.code == 2
    # the trailing comma at 3:20: Python 3.13's json names it, 3.11's the brace after it (4:3)
    assert result.stderr.startswith((f"{broken}:4:3: JSON syntax error", f"{broken}:3:20: JSON syntax error"))
    other = tmp_path / "other.json"
    other.write_text('{"summary": {}}', encoding="utf-8")
    result = run_line("diff", str(other), str(MID), "--lang", "en")
    assert result.code == 2
    assert f"{other}: not a kmc-gap JSON report" in result.stderr
