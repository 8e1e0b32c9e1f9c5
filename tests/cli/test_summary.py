"""The one-page summary for the boss: its figures against a hand-worked team of five, and one printed page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kmc_gap.engine.summary import summarise
from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.lookup import codes_of, order
from kmc_gap.words import labelled, t

from conftest import ROOT, RunLine, pdf_text, print_pdf

pytestmark = pytest.mark.slow  # Chromium prints the page: the quick loop (-m "not slow") leaves it out

AS_OF = ("--as-of", "2026-06-30")
CATALOG = "examples/catalog.yaml"


def _profile(folder: Path, ident: str, org: str | None, covers: dict[str, int]) -> None:
    """A person with one assessment per level, covering ``covers`` (code → level)."""
    person = f"{{name: 人{ident}, id: {ident}" + (f", organisation: {org}}}" if org else "}")
    lines = ["standard: KMC3332-001v3", f"person: {person}", "evidence:"]
    for level in sorted(set(covers.values())):
        codes = ", ".join(code for code, lvl in covers.items() if lvl == level)
        lines.append(
            f"  - {{id: a{level}, kind: assessment, title: 評核, date: 2026-01-10, level: {level}, covers: [{codes}]}}"
        )
    if len(lines) == 3:
        lines[-1] = "evidence: []"
    (folder / f"{ident}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five people, worked by hand:

    P1 (部門甲) has every P, K, S and O code at level 4: all 14 tasks, 205 of 205 items.
    P2 (部門甲) lacks K01, which T1.1 and T3.1 need: 12 tasks, 203 items.
    P3 (部門乙) has K01 at level 3 only, below the level 4 both tasks need: 12 tasks, 203 items.
    P4 (部門乙) lacks P1.1.1, which only T1.1 needs: 13 tasks, 204 items.
    P5 (no department) has nothing: 0 tasks, 0 items.
    """
    folder = tmp_path_factory.mktemp("team")
    every = {code: 4 for code in codes_of(load_standard()) if code[0] in "PKSO"}
    _profile(folder, "P1", "部門甲", every)
    _profile(folder, "P2", "部門甲", {c: lvl for c, lvl in every.items() if c != "K01"})
    _profile(folder, "P3", "部門乙", {**every, "K01": 3})
    _profile(folder, "P4", "部門乙", {c: lvl for c, lvl in every.items() if c != "P1.1.1"})
    _profile(folder, "P5", None, {})
    return folder


def _reports(run_line: RunLine, folder: Path) -> list[dict[str, Any]]:
    run = run_line("assess", str(folder), *AS_OF, "-f", "json")
    reports: list[dict[str, Any]] = json.loads(run.stdout)
    return reports


def test_the_summary_of_a_hand_worked_team_of_five(run_line: RunLine, team: Path) -> None:
    std = load_standard()
    courses = load_catalog(ROOT / CATALOG, std).related()
    s = summarise(_reports(run_line, team), order(std), courses, None)  # type: ignore[arg-type]
    assert (s["people"], s["meeting"]) == (5, 1)  # only P1 meets the standard
    histogram = [0] * 15
    histogram[0], histogram[12], histogram[13], histogram[14] = 1, 2, 1, 1  # P5; P2 and P3; P4; P1
    assert s["tasks_met"] == histogram
    # coverage bands of 10 %: P5 0/205 in the first; P2 and P3 203/205 (99.0 %) and P4 204/205 in 90–100 %;
    # P1 all 205 in the last
    assert s["coverage_bands"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1]
    # 205 + 203 + 203 + 204 + 0 = 815 items met of 5 × 205 = 1025
    assert s["coverage"] == round(815 / 1025, 4)
    assert s["departments"] == [
        {"name": "部門乙", "people": 2, "meeting": 0, "coverage": round(407 / 410, 4), "tasks_met": 12.5},
        {"name": "部門甲", "people": 2, "meeting": 1, "coverage": round(408 / 410, 4), "tasks_met": 13.0},
        {"name": None, "people": 1, "meeting": 0, "coverage": 0.0, "tasks_met": 0.0},
    ]
    # K01: P2, P3 and P5 lack it; only P3 has it, at a lower level; examples/catalog.yaml's C01 teaches it at 4
    assert s["most_missed"][0] == {"code": "K01", "people": 3, "lower_level": 1, "closer": "course"}
    # P1.1.1: P4 and P5 lack it; a behaviour indicator, which only observed work shows
    assert s["most_missed"][1] == {"code": "P1.1.1", "people": 2, "lower_level": 0, "closer": "observed"}
    assert all(m["people"] == 1 for m in s["most_missed"][2:])  # everything else only P5 lacks
    buckets = {b["closer"]: b for b in s["buckets"]}
    # P5 lacks all 205 items and their 23 outputs are not gating; the P items and O items go to observed work
    missed = {m for b in s["buckets"] for m in b["codes"]}
    assert buckets["observed"]["codes"] == [c for c in buckets["observed"]["codes"] if c[0] in "PO"]
    assert "K01" in buckets["course"]["codes"] and all(c[0] in "KS" for c in buckets["no_course"]["codes"])
    assert len(missed) == sum(b["items"] for b in s["buckets"])
    # gaps counted per person: K01 three times, P1.1.1 twice, every other item of P5's once
    assert sum(b["gaps"] for b in s["buckets"]) == len(missed) + 2 + 1


def test_a_chart_of_one_bar_gives_way_to_people_by_coverage(run_line: RunLine, tmp_path: Path) -> None:
    # nobody of the example year meets a task: 25 people in one bar would say no more than the headline
    records = ("examples/records/ehr-export-2025.xlsx", "--sheet", "all", "-c", "examples/records/courses.xlsx")
    page = run_line("assess", *records, *AS_OF, "-f", "summary", "--lang", "en").stdout
    assert "people (bars) by coverage" in page and "people (bars) by tasks met" not in page
    assert "Nobody meets a work task yet" in page and "kmc-gap form" in page
    bar = r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill="#5b7fa3"'
    bars = [float(h) for h in re.findall(bar, page)]
    assert len(bars) == 11 and sum(1 for h in bars if h) >= 3  # several bands hold people
    # a team whose people stand in several bars keeps the chart of tasks met
    spread = run_line("assess", "examples/profiles", *AS_OF, "-f", "summary", "--lang", "en").stdout
    assert "people (bars) by tasks met" in spread and "Nobody meets" not in spread


def test_the_summary_shows_the_plan_it_is_given(run_line: RunLine, team: Path, tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    plan = run_line("plan", str(team), "-c", CATALOG, "--budget", "30000", *AS_OF, "-f", "json")
    plan_file.write_text(plan.stdout, encoding="utf-8")
    figures = json.loads(plan.stdout)
    run = run_line("assess", str(team), "-c", CATALOG, *AS_OF, "-f", "summary", "--plan", str(plan_file))
    assert run.code == 0
    cost, used = f"{figures['total_cost']:,.0f}", f"{figures['total_cost'] / 30000 * 100:.1f}%"
    plan = t("summary.plan", courses=len(figures["courses"]), cost=cost, budget="30,000", used=used, before=0, after=0)
    assert plan.split("；")[0] in run.stdout  # the figures of the course and the money; the tasks are below
    assert (
        t("summary.meeting", met=1, n=5) in run.stdout
        and "部門甲" in run.stdout
        and t("group.none.organisation") in run.stdout
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"courses": 3}', encoding="utf-8")
    wrong = run_line("assess", str(team), "-f", "summary", "--plan", str(bad))
    assert (wrong.code, wrong.stderr) == (
        2,
        f"{bad}: {t('json.not_plan', field='standard')}\n",
    )  # the first one missing


def test_the_summary_of_25_people_prints_on_one_a4_page(run_line: RunLine, tmp_path: Path, chromium: str) -> None:
    source = tmp_path / "summary.html"
    records = ("examples/records/ehr-export-2025.xlsx", "--sheet", "all", "-c", "examples/records/courses.xlsx")
    run = run_line("assess", *records, *AS_OF, "-f", "summary", "-o", str(source))
    assert run.code == 0 and "script" not in source.read_text(encoding="utf-8")  # nothing runs, nothing is fetched
    pages = print_pdf(chromium, source, tmp_path / "summary.pdf")
    assert len(pages) == 1
    text = pdf_text(pages[0])
    assert t("summary.meeting", met=0, n=25) in text and "品牌公關部" in text and t("summary.most_missed") in text


def test_the_workbook_opens_on_the_summary_with_a_chart(run_line: RunLine, team: Path, tmp_path: Path) -> None:
    import zipfile

    import openpyxl

    out = tmp_path / "team.xlsx"
    assert run_line("assess", str(team), "-c", CATALOG, *AS_OF, "-o", str(out)).code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "摘要"
    rows = [row for row in book["摘要"].iter_rows(values_only=True)]
    assert rows[1][0] == t("summary.meeting", met=1, n=5)
    departments = {row[0]: row[2:6] for row in rows[5:8]}  # the name spans A:B
    assert departments == {
        "部門乙": (2, 0, 12.5, round(407 / 410, 4)),
        "部門甲": (2, 1, 13, round(408 / 410, 4)),
        "（未填部門）": (1, 0, 0, 0),
    }
    sheet = book["摘要"]
    # no column holds names in one table and counts in another, and no count is pressed against text
    assert not any(isinstance(cell.value, int | float) for cell in sheet["B"])
    counts = [cell for row in sheet.iter_rows(min_row=5) for cell in row if isinstance(cell.value, int | float)]
    assert counts and all(cell.alignment.horizontal == "center" for cell in counts)
    assert {cell.column_letter for cell in counts} <= {"C", "D", "E", "F"}
    with zipfile.ZipFile(out) as z:
        charts = [name for name in z.namelist() if name.startswith("xl/charts/chart")]
        assert len(charts) == 1 and b"<c:barChart>" in z.read(charts[0])  # a native chart, not a picture


def test_group_by_groups_the_matrix_the_workbook_and_the_summary(run_line: RunLine, team: Path, tmp_path: Path) -> None:
    import openpyxl

    table = run_line("assess", str(team), *AS_OF, "--group-by", "organisation").stdout.splitlines()
    head = labelled("group.organisation")
    heads = [line for line in table if line.startswith(head)]
    assert heads == [f"{head}部門乙", f"{head}部門甲", head + t("group.none.organisation")]
    after = table.index("部門：部門乙")
    assert [line.split()[0] for line in table[after + 1 : after + 3]] == ["人P3", "人P4"]
    out = tmp_path / "team.xlsx"
    assert run_line("assess", str(team), *AS_OF, "--group-by", "organisation", "-o", str(out)).code == 0
    overview = [row[:3] for row in openpyxl.load_workbook(out)["總覽"].iter_rows(min_row=2, values_only=True)]
    assert [row[0] for row in overview] == ["P3", "P4", "P1", "P2", "P5"]  # 部門乙, 部門甲, then no department
    page = run_line("assess", str(team), *AS_OF, "--group-by", "role", "-f", "summary").stdout
    assert "各職稱" in page and "（未填職稱）" in page
    assert run_line("assess", str(team), "--group-by", "salary").code == 2


def test_plan_format_summary_is_the_summary_with_the_plan(run_line: RunLine, team: Path, tmp_path: Path) -> None:
    args = ("plan", str(team), "-c", CATALOG, "--budget", "30000", *AS_OF)
    figures = json.loads(run_line(*args, "-f", "json").stdout)
    out = tmp_path / "summary.html"
    run = run_line(*args, "-f", "summary", "-o", str(out))
    assert run.code == 0 and run.stderr.endswith(f"：5 人、{len(figures['courses'])} 門課\n")
    page = out.read_text(encoding="utf-8")
    assert t("summary.meeting", met=1, n=5) in page and f"費用 {figures['total_cost']:,.0f}（預算 30,000" in page
