"""`kmc-gap plan`: exact choice where greedy is not optimal, unclosable gaps, fallbacks, output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from kmc_gap.engine.plan import CoverProblem, _search_greedy, choose, make_plan
from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Catalog, Policy, Profile

from conftest import RunLine

STD = load_standard()
AS_OF = dt.date(2026, 6, 30)
GAP_CODES = {"K12", "K13", "K14", "S13", "S14", "S15"}  # each listed only by level-4 tasks


def everything_but(missing: set[str]) -> Profile:
    codes = sorted({c for t in STD.tasks() for c in t.required_codes()} - missing)
    evidence = [{"id": "all", "kind": "training", "title": "all", "date": "2025-01-01", "level": 4, "covers": codes}]
    return Profile.model_validate({"standard": STD.code, "person": {"name": "測試"}, "evidence": evidence})


def course(code: str, covers: list[str], hours: float = 20, level: int = 4) -> dict[str, Any]:
    return {"code": code, "title": code, "provider": "p", "hours": hours, "level": level, "covers": covers}


# BIG covers four of the six gaps, P and Q three each, so greedy takes BIG first and then still
# needs P (for K12) and Q (for S15): 3 courses. The exact plan is {P, Q}: 2 courses. P2 equals
# P but takes 30 hours instead of 20, so the tie on course count goes to P (40 h against 50 h).
TRAP = Catalog.model_validate(
    {
        "courses": [
            course("BIG", ["K13", "K14", "S13", "S14"], hours=40),
            course("P2", ["K12", "K13", "K14"], hours=30),
            course("P", ["K12", "K13", "K14"], hours=20),
            course("Q", ["S13", "S14", "S15"], hours=20),
        ]
    }
)


def test_greedy_is_not_optimal_and_the_exact_plan_is_pinned() -> None:
    plan = make_plan(everything_but(GAP_CODES), STD, Policy(), AS_OF, TRAP)
    assert plan["method"] == "exact"
    assert [c["code"] for c in plan["courses"]] == ["P", "Q"]
    assert plan["total_hours"] == 40
    # the same needs, solved greedily, take three courses
    problem = CoverProblem(
        {(c, 4): 1 for c in GAP_CODES},
        [
            frozenset({("K13", 4), ("K14", 4), ("S13", 4), ("S14", 4)}),
            frozenset({("K12", 4), ("K13", 4), ("K14", 4)}),
            frozenset({("K12", 4), ("K13", 4), ("K14", 4)}),
            frozenset({("S13", 4), ("S14", 4), ("S15", 4)}),
        ],
        [40, 30, 20, 20],
    )
    assert _search_greedy(problem) == [0, 2, 3]
    assert choose(problem) == ([2, 3], "exact")
    # every gap closed: 205 items met and the standard met
    assert (plan["before"]["meets_standard"], plan["after"]["meets_standard"]) == (False, True)
    assert plan["after"]["items_met"] == 205
    assert plan["unclosable"] == []


def test_course_shows_what_it_closes() -> None:
    plan = make_plan(everything_but(GAP_CODES | {"K15"}), STD, Policy(), AS_OF, TRAP)
    # K15 has no course here; P closes K12, K13, K14 in every task that lists them
    p = plan["courses"][0]
    assert p["code"] == "P"
    assert p["closes"] == [  # codes only: names are the renderers' business
        {"code": "K12", "tasks": ["T2.3", "T4.2", "T4.3"]},
        {"code": "K13", "tasks": ["T3.1", "T3.2", "T3.4", "T4.1", "T4.2"]},
        {"code": "K14", "tasks": ["T3.1", "T3.2", "T3.3", "T3.4", "T4.2"]},
    ]
    # K15 is listed by level-4 tasks and by T5.3 (level 3): two unclosable entries, one per level
    assert [(g["code"], g["required_level"], g["tasks"]) for g in plan["unclosable"]] == [
        ("K15", 3, ["T5.3"]),
        ("K15", 4, ["T3.2", "T3.3", "T3.4"]),
    ]


def test_unclosable_gaps_with_their_reasons() -> None:
    catalog = Catalog.model_validate({"courses": [course("LOW", ["K13"], level=3), course("S", ["S13"])]})
    plan = make_plan(everything_but({"K13", "S13", "P3.4.1"}), STD, Policy(), AS_OF, catalog)
    assert [c["code"] for c in plan["courses"]] == ["S"]
    reasons = {(g["code"], g["required_level"]): g["reason"] for g in plan["unclosable"]}
    assert reasons == {("P3.4.1", 4): "no_course", ("K13", 4): "level_too_low"}


def test_min_evidence_two_needs_two_courses_per_item() -> None:
    # the profile holds one counting item for everything; min_evidence 2 wants one more each,
    # so the gap K13 needs one more course and a catalogue with a single K13 course closes it
    catalog = Catalog.model_validate({"courses": [course("A", ["K13"]), course("B", ["K13"])]})
    plan = make_plan(everything_but(set()), STD, Policy(min_evidence=2), AS_OF, catalog)
    assert [c["code"] for c in plan["courses"]] == ["A"]
    # an item with no counting evidence at all needs two courses: both are taken
    plan = make_plan(everything_but({"K13"}), STD, Policy(min_evidence=2), AS_OF, catalog)
    assert [c["code"] for c in plan["courses"]] == ["A", "B"]


def test_large_catalogues_fall_back_to_greedy_and_say_so() -> None:
    many = [course(f"X{i:02d}", ["K13"], hours=10 + i) for i in range(41)]
    catalog = Catalog.model_validate({"courses": many})
    plan = make_plan(everything_but({"K13"}), STD, Policy(), AS_OF, catalog)
    assert plan["method"] == "greedy"
    assert [c["code"] for c in plan["courses"]] == ["X00"]  # fewest hours


def test_plan_cli_golden(run_line: RunLine, golden) -> None:
    args = ("plan", "examples/profiles/mid-career-planner.yaml", "-c", "examples/catalog.yaml", "--as-of", "2026-06-30")
    for fmt, name in (("table", "plan.txt"), ("json", "plan.json"), ("markdown", "plan.md")):
        result = run_line(*args, "--format", fmt)
        assert (result.code, result.stderr) == (0, "")
        golden(name, result.stdout)
    data = json.loads(run_line(*args, "-f", "json").stdout)
    assert data["catalog"]["sample"] is True
    assert [c["code"] for c in data["courses"]] == ["C04", "C05", "C06"]


def test_catalogue_errors_are_located(run_line: RunLine, tmp_path: Path) -> None:
    bad = tmp_path / "catalog.yaml"
    bad.write_text(
        "courses:\n  - {code: A, title: t, provider: p, hours: 1, level: 4, covers: [K7]}\n"
        "  - {code: A, title: t, provider: p, hours: 1, level: 9, covers: [K07]}\n",
        encoding="utf-8",
    )
    result = run_line("plan", "examples/profiles/senior-planner.yaml", "-c", str(bad), "--lang", "en")
    assert result.code == 2
    # "  - {code: A, title: t, provider: p, hours: 1, level: " is 54 characters: the 9 is in column 55
    assert result.stderr == f"{bad}:3:55: courses[1].level: must be at most 6\n"
    bad.write_text(
        "courses:\n  - {code: A, title: t, provider: p, hours: 1, level: 4, covers: [K7]}\n"
        "  - {code: A, title: t, provider: p, hours: 1, level: 4, covers: [K07]}\n",
        encoding="utf-8",
    )
    result = run_line("plan", "examples/profiles/senior-planner.yaml", "-c", str(bad), "--lang", "en")
    assert result.stderr.splitlines() == [
        f"{bad}:2:67: the standard has no code K7 (did you mean K07?)",
        f"{bad}:3:12: course code A is used twice",
    ]


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_senior_needs_no_course(run_line: RunLine, lang: str) -> None:
    result = run_line(
        "plan", "examples/profiles/senior-planner.yaml", "-c", "examples/catalog.yaml", "-f", "json", "-l", lang
    )
    data = json.loads(result.stdout)
    assert data["courses"] == [] and data["unclosable"] == [] and data["after"]["meets_standard"] is True
