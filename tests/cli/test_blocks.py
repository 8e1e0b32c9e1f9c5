"""Competency blocks: a task asking for some items at level 3 and others at level 4, scored by hand.

``fixtures/blocks-standard.yaml``: T1.1 is two blocks — at level 3 P1.1.1, P1.1.2, K01, S01; at level 4
P1.1.3, K02, S02; O1.1.1 in both — and T1.2 one block at level 4 (P1.2.1, K01, S01). A block is met when
its items are met at its level; a task when all its blocks are (docs/scoring.md).

Two people, worked by hand:

* 艾美 has P1.1.1, P1.1.2, K01, S01 at level 3 and P1.1.3, K02, S02 at level 4. T1.1: block 1 met (all at
  3), block 2 met (all at 4) → met, attained 4 (the top block, every block below it met). T1.2 needs K01
  and S01 at 4 (she has 3) and P1.2.1 (none) → 0 of 3, missing, attained 0. Items 7 + 0 of 10.
  Flattened to one block at level 4, T1.1 would have failed on K01, S01, P1.1.1 and P1.1.2.
* 班 has all seven T1.1 codes at level 3. T1.1: block 1 met, block 2 not (3 < 4) → partial, attained 3.
  His gaps: P1.1.3, K02, S02 for T1.1 at level 4; P1.2.1, K01, S01 for T1.2 at level 4 — K01 is met in
  T1.1's level-3 block, so it is a gap of T1.2 only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, RunLine

WRITTEN = ROOT / "tests" / "fixtures" / "blocks-standard.yaml"
AS_OF = ("--as-of", "2026-06-30")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The standard as its published text would give it: typeset (publications.py), then transcribed —
    field for field the standard written by hand."""
    import yaml
    from publications import as_text

    from kmc_gap.api.transcribe import transcribe
    from kmc_gap.model.loading import load_standard

    folder = tmp_path_factory.mktemp("published")
    text = folder / "ZZZ0001-001v1.txt"
    text.write_text(as_text(yaml.safe_load(WRITTEN.read_text("utf-8"))), "utf-8")
    found = transcribe(text, text.name)
    assert found.problems == [] and found.text is not None and found.standard is not None
    by_hand = load_standard(WRITTEN).model_dump(exclude={"source"})
    assert found.standard.model_dump(exclude={"source"}) == by_hand
    out = folder / "standard.yaml"
    out.write_text(found.text, "utf-8")
    return str(out)


def _person(folder: Path, ident: str, name: str, levels: dict[str, int]) -> Path:
    lines = ["standard: ZZZ0001-001v1", f"person: {{name: {name}, id: {ident}}}", "evidence:"]
    for level in sorted(set(levels.values())):
        codes = ", ".join(code for code, lvl in levels.items() if lvl == level)
        lines.append(
            f"  - {{id: a{level}, kind: assessment, title: 評核, date: 2026-01-10, level: {level}, covers: [{codes}]}}"
        )
    path = folder / f"{ident}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    _person(folder, "E1", "艾美", {"P1.1.1": 3, "P1.1.2": 3, "K01": 3, "S01": 3, "P1.1.3": 4, "K02": 4, "S02": 4})
    _person(folder, "E2", "班", dict.fromkeys(["P1.1.1", "P1.1.2", "P1.1.3", "K01", "K02", "S01", "S02"], 3))
    return folder


def _reports(run_line: RunLine, team: Path, standard: str) -> dict[str, Any]:
    run = run_line("--standard", standard, "assess", str(team), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    return {r["person"]["id"]: r for r in json.loads(run.stdout)}


def test_each_block_is_met_at_its_own_level_and_a_task_when_all_are(
    run_line: RunLine, imported: str, team: Path
) -> None:
    amy, ben = (_reports(run_line, team, imported)[i] for i in ("E1", "E2"))
    a11, a12 = amy["tasks"]
    assert (a11["status"], a11["attained_level"], a11["level"]) == ("met", 4, 4)
    assert a11["blocks"] == [
        {"level": 3, "met": True, "items_met": 4, "items_total": 4},
        {"level": 4, "met": True, "items_met": 3, "items_total": 3},
    ]
    assert (a12["status"], a12["attained_level"], "blocks" in a12) == ("missing", 0, False)  # one block: as before
    assert (amy["summary"]["items_met"], amy["summary"]["items_total"], amy["summary"]["tasks_met"]) == (7, 10, 1)
    b11 = ben["tasks"][0]
    assert (b11["status"], b11["attained_level"]) == ("partial", 3)
    assert [b["met"] for b in b11["blocks"]] == [True, False]
    # each item of a task of several blocks says which block, and the level that block asks
    assert [(i["code"], i["block"], i["level"], i["met"]) for i in b11["items"]] == [
        ("P1.1.1", 1, 3, True), ("P1.1.2", 1, 3, True), ("K01", 1, 3, True), ("S01", 1, 3, True),
        ("P1.1.3", 2, 4, False), ("K02", 2, 4, False), ("S02", 2, 4, False),
    ]  # fmt: skip
    assert [(o["code"], o["block"], o["level"]) for o in b11["outputs"]] == [("O1.1.1", 1, 3), ("O1.1.1", 2, 4)]
    gaps = {g["code"]: (g["tasks"], g["required_level"], g["best_level"]) for g in ben["gaps"]}
    assert gaps == {
        "P1.1.3": (["T1.1"], 4, 3), "K02": (["T1.1"], 4, 3), "S02": (["T1.1"], 4, 3),
        "P1.2.1": (["T1.2"], 4, None), "K01": (["T1.2"], 4, 3), "S01": (["T1.2"], 4, 3),
    }  # fmt: skip


def test_the_task_in_full_shows_each_block_and_the_level_it_asks(run_line: RunLine, imported: str, team: Path) -> None:
    run = run_line("--standard", imported, "assess", str(team / "E2.yaml"), *AS_OF, "--task", "T1.1", "--lang", "en")
    lines = run.stdout.splitlines()
    first = lines.index("competency block 1 · level 3")
    second = lines.index("competency block 2 · level 4")
    assert any(line.startswith("✓ P1.1.1 best 3 / required 3") for line in lines[first:second])
    assert any(line.startswith("✗ P1.1.3 best 3 / required 4") for line in lines[second:])
    assert any("level 3 is below the required 4" in line for line in lines[second:])


def test_a_course_at_a_blocks_level_closes_that_block(
    run_line: RunLine, imported: str, team: Path, tmp_path: Path
) -> None:
    # 班 lacks T1.1's level-4 block only (P1.1.3, K02, S02) and T1.2 altogether. C1 teaches K02 and S02 at 4:
    # P1.1.3 is a behaviour indicator no course closes, so no task is gained; C2 teaches K01/S01 at 3 only,
    # too low for T1.2's 4, and is never chosen.
    catalog = tmp_path / "courses.yaml"
    catalog.write_text(
        "courses:\n"
        "  - {code: C1, title: 進階課, provider: 學院, hours: 6, level: 4, cost: 1000, covers: [K02, S02]}\n"
        "  - {code: C2, title: 基礎課, provider: 學院, hours: 6, level: 3, cost: 500, covers: [K01, S01]}\n",
        encoding="utf-8",
    )
    run = run_line("--standard", imported, "plan", str(team / "E2.yaml"), "-c", str(catalog), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    plan = json.loads(run.stdout)
    assert [c["code"] for c in plan["courses"]] == ["C1"]
    assert {(c["code"], tuple(c["tasks"])) for c in plan["courses"][0]["closes"]} == {
        ("K02", ("T1.1",)),
        ("S02", ("T1.1",)),
    }
    (person,) = plan["people"]
    reasons = {(g["code"], g["reason"]) for g in person["unclosable"]}
    assert ("P1.1.3", "no_course") in reasons and ("K01", "level_too_low") in reasons


def test_forms_and_the_workbook_say_the_level_each_block_asks(
    run_line: RunLine, imported: str, team: Path, tmp_path: Path
) -> None:
    import openpyxl

    form = tmp_path / "form.xlsx"
    assert run_line("--standard", imported, "form", str(team / "E2.yaml"), "-o", str(form), *AS_OF).code == 0
    sheet = openpyxl.load_workbook(form).worksheets[0]
    levels = {row[0]: row[3] for row in sheet.iter_rows(values_only=True) if row and str(row[0]).startswith(("P", "O"))}
    assert (levels["P1.1.1"], levels["P1.1.3"], levels["P1.2.1"]) == (3, 4, 4)
    book = tmp_path / "team.xlsx"
    assert run_line("--standard", imported, "assess", str(team), *AS_OF, "-o", str(book)).code == 0
    detail = openpyxl.load_workbook(book)["明細"]
    rows = [r for r in detail.iter_rows(values_only=True) if r[0] == "E2" and r[2] == "T1.1" and r[4]]
    assert {(r[4], r[3]) for r in rows} >= {("P1.1.1", 3), ("P1.1.3", 4)}


@pytest.mark.parametrize("schema", ["case_v1p1_cfpackage-jsonschema1.json", "opensalt_case-v1p0-cfpackage-schema.json"])
def test_a_case_package_carries_each_blocks_level_and_reads_back(
    run_line: RunLine, imported: str, team: Path, tmp_path: Path, schema: str
) -> None:
    """Each item's association with its task carries the levels of the blocks it stands in (``icapLevels``):
    the hierarchy stays the published one (a block is not a CFItem the document never names), a tool that
    knows nothing of blocks still reads tasks and items, and kmc-gap reads the blocks back."""
    from case_schemas import validator

    pkg = tmp_path / "blocks.case.json"
    assert run_line("--standard", imported, "standard", "--format", "case", "-o", str(pkg)).code == 0
    data = json.loads(pkg.read_text("utf-8"))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator(schema).iter_errors(data)] == []
    carried = {
        a["originNodeURI"]["title"]: a["extensions"]["icapLevels"]
        for a in data["CFAssociations"]
        if a["destinationNodeURI"]["title"] == "T1.1"
    }
    assert carried == {"O1.1.1": [3, 4], "P1.1.1": [3], "P1.1.2": [3], "P1.1.3": [4], "K01": [3], "K02": [4],
                       "S01": [3], "S02": [4]}  # fmt: skip
    assert not any("extensions" in a for a in data["CFAssociations"] if a["destinationNodeURI"]["title"] == "T1.2")
    from_package = _reports(run_line, team, str(pkg))
    assert (
        from_package == _reports(run_line, team, imported) and from_package["E2"]["tasks"][0]["blocks"][1]["level"] == 4
    )


def test_hr_records_and_the_summary_read_the_blocks_as_the_profiles_do(
    run_line: RunLine, imported: str, team: Path, tmp_path: Path
) -> None:
    """The same evidence as an HR export (level and 職能內涵 per row): the same verdicts as the profiles,
    and the one page for the boss counts 艾美 with one task met and 班 with none (0 of 2 meet the standard)."""
    import re

    from kmc_gap.words import t

    export = tmp_path / "training.csv"
    export.write_text(
        "員工編號,姓名,課程名稱,訓練日期,職能級別,職能內涵\n"
        "E1,艾美,基礎課,2026/01/10,3,P1.1.1、P1.1.2、K01、S01\n"
        "E1,艾美,進階課,2026/01/12,4,P1.1.3、K02、S02\n"
        "E2,班,基礎課,2026/01/10,3,P1.1.1、P1.1.2、P1.1.3、K01、K02、S01、S02\n",
        encoding="utf-8",
    )
    run = run_line("--standard", imported, "assess", str(export), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    records = {r["person"]["id"]: r for r in json.loads(run.stdout)}
    profiles = _reports(run_line, team, imported)
    for ident in ("E1", "E2"):
        assert [(x["code"], x["status"], x["attained_level"], x.get("blocks")) for x in records[ident]["tasks"]] == [
            (x["code"], x["status"], x["attained_level"], x.get("blocks")) for x in profiles[ident]["tasks"]
        ]
    page = run_line("--standard", imported, "assess", str(export), *AS_OF, "-f", "summary", "--lang", "en").stdout
    assert t("summary.meeting", "en", met=0, n=2) in page
    bars = [
        float(h) for h in re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill="#5b7fa3"', page)
    ]
    assert bars[:3] == [bars[0], bars[0], 0.0] and bars[0] > 0  # one person with 0 tasks, one with 1, none with 2
