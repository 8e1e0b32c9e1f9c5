"""`kmc-gap plan` on the command line: budgets as people type them, certificates, records with their catalogue, the
output formats."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from plan_cases import everything_but

from kmc_gap.engine.plan import PlanOptions, make_plan
from kmc_gap.engine.report import Plan
from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Catalog, Policy, Profile
from kmc_gap.words import t

from conftest import RunLine

STD = load_standard()
AS_OF = dt.date(2026, 6, 30)


def team(profiles: dict[str, Profile], catalog: Catalog, **options: Any) -> Plan:
    people = [(key, prof, None) for key, prof in profiles.items()]
    return make_plan(people, STD, Policy(), AS_OF, catalog, options=PlanOptions(**options))


def test_plan_cli_golden(run_line: RunLine, golden) -> None:
    args = ("plan", "examples/profiles/mid-career-planner.yaml", "-c", "examples/catalog.yaml", "--as-of", "2026-06-30")
    for fmt, name in (("table", "plan.txt"), ("json", "plan.json"), ("markdown", "plan.md")):
        result = run_line(*args, "--format", fmt)
        assert (result.code, result.stderr) == (0, "")
        # the solver's own run time differs from run to run, and its version with the installed highspy
        steady = re.sub(r'"seconds": [0-9.]+', '"seconds": 0', result.stdout)
        golden(name, re.sub(r'"HiGHS [0-9.]+"', '"HiGHS"', steady))
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
    assert data["courses"] == [] and data["people"][0]["unclosable"] == [] and data["after"]["meets_standard"] is True
    table = run_line("plan", "examples/profiles/senior-planner.yaml", "-c", "examples/catalog.yaml", "-l", lang)
    assert t("render.plan_none_needed", lang) in table.stdout


def test_team_plan_cli(run_line: RunLine) -> None:
    """A team from a folder, within a budget: every course's cost adds up to the total, within the budget."""
    args = ("plan", "examples/profiles", "-c", "examples/catalog.yaml", "--as-of", "2026-06-30", "--budget", "30000")
    data = json.loads(run_line(*args, "-f", "json").stdout)
    assert (data["objective"], data["optimal"], data["mip_gap"]) == ("team", True, 0.0)
    assert [p["key"] for p in data["people"]] == ["T2025-031", "E1024", "E0871"]
    assert data["total_cost"] == sum(c["team_cost"] for c in data["courses"]) <= 30000
    assert data["total_hours"] == sum(p["hours"] for p in data["people"])
    for c in data["courses"]:
        assert c["team_cost"] == (c["cost"] or 0) + (c["seat_cost"] or 0) * len(c["attendees"])
        assert c["attendees"] and all(
            c["code"] in next(p for p in data["people"] if p["key"] == a)["courses"] for a in c["attendees"]
        )
    # the senior planner meets the standard already: nobody sends him anywhere
    assert data["people"][2]["courses"] == []
    table = run_line(*args)
    assert table.code == 0 and "預算 30,000" in table.stdout and "參加者" in table.stdout
    assert "陳怡君 T2025-031" in table.stdout


def test_bad_profile_does_not_stop_the_team_plan(run_line: RunLine) -> None:
    result = run_line(
        "plan", "examples/profiles", "tests/corpus/level-7.yaml", "-c", "examples/catalog.yaml", "-f", "json"
    )
    assert result.code == 2
    assert result.stderr.startswith("tests/corpus/level-7.yaml:9:12: ")
    assert len(json.loads(result.stdout)["people"]) == 3


def test_a_planned_certificate_reads_as_an_exam(run_line: RunLine, tmp_path: Path) -> None:
    catalog = tmp_path / "courses.yaml"
    catalog.write_text(
        "courses:\n"
        "  - {code: CERT-MICE, title: MICE 專業人員證照, kind: certificate, level: 4, covers: [K12], seat_cost: 3000}\n"
        "  - {code: CERT-FREE, title: 免費證照, kind: certificate, level: 4, covers: [K13]}\n",
        encoding="utf-8",
    )
    profile = tmp_path / "p.yaml"
    profile.write_text(everything_but({"K12", "K13"}).model_dump_json(), encoding="utf-8")
    run = run_line("plan", str(profile), "-c", str(catalog), "--budget", "NT$10,000", "--as-of", "2026-06-30")
    assert f"CERT-MICE {t('render.exam', title='MICE 專業人員證照')}" in run.stdout
    unbroken = "".join(run.stdout.split())  # the line wraps where the terminal ends
    assert "".join(t("render.not_planned", n=1, codes="CERT-FREE").split()) in unbroken


@pytest.mark.parametrize("columns", [60, 80])
def test_the_plan_header_is_broken_as_chinese_is_typeset(run_line: RunLine, columns: int) -> None:
    from rich.cells import cell_len

    run = run_line(
        "plan", "examples/profiles", "-c", "examples/catalog.yaml", "--as-of", "2026-06-30", "--budget", "30000",
        env={"COLUMNS": str(columns)},
    )  # fmt: skip
    head = run.stdout.split("\n\n")[0].splitlines()
    assert head and all(cell_len(line) <= columns for line in head)
    assert not any(line.startswith(("，", "。", "：")) or line != line.strip() for line in head)
    # every figure whole, on one line: 66.5% → 76.3% and 25 → 25 may move down, never split
    assert all(figure in run.stdout.replace("\n", " ") for figure in ("66.5%", "76.3%", "30,000", "kmc-gap form"))


def test_the_team_plan_page_prints_headings_and_figures_whole(run_line: RunLine, tmp_path: Path, chromium: str) -> None:
    from conftest import pdf_text, print_pdf

    source = tmp_path / "plan.html"
    records = ("examples/records/ehr-export-2025.xlsx", "--sheet", "all", "-c", "examples/records/courses.xlsx")
    assert run_line("plan", *records, "--as-of", "2026-06-30", "--budget", "200000", "-o", str(source)).code == 0
    pages = print_pdf(chromium, source, tmp_path / "plan.pdf")
    lines = [line.replace(" ", "") for page in pages for line in pdf_text(page).splitlines()]
    # each heading on one line of the page, never one character a line beside a long list of attendees
    for heading in ("課程代號", "課程名稱", "辦理單位", "參加者"):
        assert any(heading in line for line in lines), heading
    assert any("範例職能學苑" in line for line in lines)  # a provider's name whole
