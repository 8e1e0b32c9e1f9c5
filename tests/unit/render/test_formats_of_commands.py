"""The renderers of plan, diff, calibrate, validate and import on their own, from values built by hand.

Each value is made here field by field, with the facts every format must show written next to it;
a renderer can then change without the CLI, and a CLI test failing is never the first word.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from kmc_gap.engine.calibrate import Calibration
from kmc_gap.engine.report import Diff, Plan
from kmc_gap.model.loading import load_standard
from kmc_gap.model.problems import FileCheck, Problem
from kmc_gap.model.records import ProfileChange
from kmc_gap.render.base import RenderContext
from kmc_gap.render.formats import CalibrateFormat, DocFormat, ImportFormat, PlanFormat, ValidateFormat

STD = load_standard()
PERSON = {"name": "手作人", "id": "H001", "organisation": "測試部", "role": None}


def _render(module: str, fmt: Any, value: Any, lang: str = "zh-TW") -> str:
    import importlib

    registry = importlib.import_module(f"kmc_gap.render.{module}").RENDERERS
    out = io.StringIO()
    registry[fmt].write(value, out, RenderContext(STD, lang))
    return out.getvalue()


def _figures(coverage: float, items: int, tasks: int) -> dict[str, Any]:
    return {"coverage": coverage, "items_met": items, "items_total": 205, "tasks_met": tasks, "tasks_total": 14,
            "meets_standard": False}  # fmt: skip


def hand_plan() -> Plan:
    """One course, 結算實務課 (C09: 6 hours, NT$12,000 to run + NT$500 a seat), for 手作人: T5.3 gained.

    team_cost = 12,000 + 500 × 1 attendee = 12,500; team_hours = 6 × 1 = 6.
    """
    course = {"code": "C09", "title": "結算實務課", "kind": "course", "provider": "會計學苑", "hours": 6.0,
              "level": 3, "cost": 12000.0, "seat_cost": 500.0, "attendees": ["H001"], "team_cost": 12500.0,
              "team_hours": 6.0, "closes": [{"code": "K19", "tasks": ["T5.3"]}]}  # fmt: skip
    person = {"key": "H001", "person": PERSON, "file": "h.yaml", "courses": ["C09"], "hours": 6.0,
              "before": _figures(0.0, 0, 0), "after": _figures(0.0341, 7, 1), "tasks_gained": ["T5.3"],
              "unclosable": [
                  {"code": "K13", "tasks": ["T3.1"], "required_level": 4, "reason": "no_course"}
              ]}  # fmt: skip
    plan = {"standard": {"code": STD.code}, "as_of": "2026-06-30", "policy": "default",
            "catalog": {"title": "手作目錄", "sample": False, "courses": 1}, "objective": "team",
            "budget": 20000.0, "max_hours": None, "optimal": True, "mip_gap": 0.0,
            "solver": {"solver": "HiGHS", "variables": 3, "constraints": 2, "seconds": 0.01},
            "courses": [course], "not_planned": [], "total_cost": 12500.0, "total_hours": 6.0,
            "people": [person], "before": _figures(0.0, 0, 0), "after": _figures(0.0341, 7, 1)}  # fmt: skip
    return plan  # type: ignore[return-value]


@pytest.mark.parametrize("fmt", [PlanFormat.table, PlanFormat.markdown, PlanFormat.html])
def test_plan_shows_the_course_its_attendee_and_its_cost(fmt: PlanFormat) -> None:
    text = _render("plan", fmt, hand_plan())
    assert "結算實務課" in text and "手作人" in text
    assert "12,500" in text  # the team cost, written as people write money
    assert "T5.3" in text if fmt is PlanFormat.table else "0 → 1" in text  # the task it gains: 0 tasks met → 1
    if fmt is not PlanFormat.html:  # the page for the attendees lists who goes where, not the gaps left
        assert "K13" in text  # the gap no course closes


def _without_names(value: Any) -> Any:
    """A JSON value without the ``name`` the JSON renderers add next to each code (``render/names.py``)."""
    if isinstance(value, dict):
        return {k: _without_names(v) for k, v in value.items() if not (k == "name" and "code" in value)}
    if isinstance(value, list):
        return [_without_names(v) for v in value]
    return value


def test_plan_json_is_the_plan_with_names_added() -> None:
    got = json.loads(_render("plan", PlanFormat.json, hand_plan()))
    assert got["courses"][0]["closes"][0]["name"] == STD.entries["K19"].name
    assert _without_names(got) == json.loads(json.dumps(hand_plan()))


def test_plan_csv_is_one_row_per_attendee() -> None:
    text = _render("plan", PlanFormat.csv, hand_plan())
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    body = [row for row in rows[1:] if row]
    assert len(body) == 1 and "結算實務課" in body[0] and "手作人" in body[0]


def test_plan_english_names_the_same_facts() -> None:
    text = _render("plan", PlanFormat.table, hand_plan(), "en")
    assert "結算實務課" in text and "12,500" in text and "T5.3" in text


def hand_diff() -> Diff:
    """手作人 from 3.4% (7 items, 1 task) to 10.2% (21 items, 2 tasks): T1.1 gained, P1.1.1 gained, nothing lost."""
    before = {"file": "old.yaml", "as_of": "2025-06-30", "coverage": 0.0341, "items_met": 7, "tasks_met": 1,
              "meets_standard": False}  # fmt: skip
    after = {"file": "new.yaml", "as_of": "2026-06-30", "coverage": 0.1024, "items_met": 21, "tasks_met": 2,
             "meets_standard": False}  # fmt: skip
    task = {"code": "T1.1", "status_before": "missing", "status_after": "met", "attained_before": 0,
            "attained_after": 4, "items_met_before": 0, "items_met_after": 14}  # fmt: skip
    diff = {"person": PERSON, "person_before": PERSON, "same_person": True, "before": before, "after": after,
            "coverage_change": 0.0683, "tasks_gained": ["T1.1"], "tasks_lost": [],
            "items_gained": [{"task": "T1.1", "code": "P1.1.1"}], "items_lost": [], "tasks": [task]}  # fmt: skip
    return diff  # type: ignore[return-value]


@pytest.mark.parametrize("fmt", [DocFormat.table, DocFormat.markdown])
def test_diff_shows_the_change_and_what_was_gained(fmt: DocFormat) -> None:
    text = _render("diff", fmt, hand_diff(), "en")
    assert "手作人" in text and "T1.1" in text and "P1.1.1" in text
    assert "+6.8" in text  # 10.24% − 3.41% = 6.83 points
    assert "3.4%" in text and "10.2%" in text


def test_diff_json_is_the_diff_with_names_added() -> None:
    got = json.loads(_render("diff", DocFormat.json, hand_diff()))
    assert got["items_gained"][0]["name"] == STD.entries["P1.1.1"].name
    assert _without_names(got) == json.loads(json.dumps(hand_diff()))


def hand_calibration() -> Calibration:
    """手作人 rates K13 at 5, their manager 王主管 at 3: two levels apart, on the agenda; self runs +2 high."""
    calibration = {
        "format_version": 1, "standard": STD.code,
        "items": [{"person": PERSON, "code": "K13", "ratings": {"self": 5, "manager": 3}}],
        "agenda": [{"person": PERSON, "code": "K13", "self_level": 5, "other_level": 3, "other": "manager",
                    "difference": 2}],
        "people": [{"person": PERSON, "items": 1, "mean_difference": 2.0}],
        "raters": [{"rater": "王主管", "role": "manager", "ratings": 1, "mean_level": 3.0, "others_mean": None,
                    "leniency": None}],
        "agreement": {"pairs": 1, "exact": 0.0, "within_one": 0.0, "kappa": None},
    }  # fmt: skip
    return calibration  # type: ignore[return-value]


@pytest.mark.parametrize("fmt", [CalibrateFormat.table, CalibrateFormat.markdown])
def test_calibration_puts_the_two_level_gap_on_the_agenda(fmt: CalibrateFormat) -> None:
    text = _render("calibrate", fmt, hand_calibration())
    assert "手作人" in text and "K13" in text and "王主管" in text
    assert "+2" in text  # self above the manager by two levels


def test_calibration_json_is_the_calibration() -> None:
    got = json.loads(_render("calibrate", CalibrateFormat.json, hand_calibration()))
    assert got == json.loads(json.dumps(hand_calibration()))


def hand_checks() -> list[FileCheck]:
    """One profile with a problem at line 3, column 5; one valid catalogue."""
    bad = FileCheck("team/h.yaml", "profile", [Problem("team/h.yaml", "profile.unknown_code", {"code": "K99"}, 3, 5)])
    return [bad, FileCheck("courses.yaml", "catalog")]


def test_validate_text_is_file_line_col_message() -> None:
    text = _render("validate", ValidateFormat.text, hand_checks(), "en")
    assert text.splitlines()[0].startswith("team/h.yaml:3:5: ") and "K99" in text
    assert "courses.yaml" not in text  # a valid file says nothing


def test_validate_github_is_one_annotation_per_problem() -> None:
    text = _render("validate", ValidateFormat.github, hand_checks(), "en")
    (line,) = [line for line in text.splitlines() if line.startswith("::error")]
    assert line.startswith("::error file=team/h.yaml,line=3,col=5,")
    assert line.endswith("::the standard has no code K99")


def test_validate_json_lists_every_file_and_its_problems() -> None:
    got = json.loads(_render("validate", ValidateFormat.json, hand_checks(), "en"))
    assert [(c["file"], c["kind"], c["valid"], len(c["problems"])) for c in got] == [
        ("team/h.yaml", "profile", False, 1),
        ("courses.yaml", "catalog", True, 0),
    ]
    assert got[0]["problems"][0]["line"] == 3 and got[0]["problems"][0]["column"] == 5


def hand_changes() -> list[ProfileChange]:
    """H001 written anew with 2 items; E002 left as it was (3 items kept); E003 loses one item of a.csv."""
    created = ProfileChange("H001", "手作人", "out/H001.yaml", created=True, added=2)
    kept = ProfileChange("E002", "陳怡君", "out/E002.yaml", kept=3)
    removed = ProfileChange("E003", "林小美", "out/E003.yaml", removed=1, kept=1,
                            removals={"a.csv": ["預算課 (2025-06-01)"]})  # fmt: skip
    return [created, kept, removed]


def test_import_table_names_each_person_and_what_changed() -> None:
    text = _render("imports", ImportFormat.table, hand_changes(), "en")
    for name in ("手作人", "陳怡君", "林小美"):
        assert name in text
    assert "預算課 (2025-06-01)" in text  # a removal is named, never silent


def test_import_json_gives_the_figures_of_each_profile() -> None:
    got = json.loads(_render("imports", ImportFormat.json, hand_changes(), "en"))
    figures = [(c["person_id"], c["created"], c["added"], c["removed"], c["kept"]) for c in got]
    assert figures == [("H001", True, 2, 0, 0), ("E002", False, 0, 0, 3), ("E003", False, 0, 1, 1)]
