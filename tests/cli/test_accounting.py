"""No silent loss: every row of every input is counted, not counted (with its reason), passed over or
refused, and every report opens with those counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from record_files import write_csv

from kmc_gap.words import Word, t

from conftest import Golden, RunLine

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-06-30")
HEAD = ["員工編號", "姓名", "部門", "課程代號", "結訓日期", "測驗成績", "結訓狀態"]


def export(tmp_path: Path) -> tuple[Path, Path]:
    """An LMS export of 10 rows, worked by hand, and a roster of 4 with a leaver.

    rows 2–3   counted: C01 and C02 passed (2)
    row 4      counted, noted: C05 免試 (1)                         → counted 3
    row 5      not counted: C09 退訓 (not passed)
    row 6      not counted: C12 score 50 under the default pass mark 60 → not counted 2
    row 7      passed over: C01 報名中 (not taken)
    row 8      passed over: 小計 row
    row 9      passed over: E4 has left (on the roster 離職)            → passed over 3
    rows 10–11 refused: 2026-02-30 is no date (E5, E6)                → refused 2, about 2 people
    3 + 2 + 3 + 2 = 10 rows.
    """
    lms = write_csv(
        tmp_path / "學習歷程.csv",
        [
            HEAD,
            ["E1", "甲", "行銷部", "C01", "2026-03-05 00:00:00", "85", "已結訓"],
            ["E1", "甲", "行銷部", "C02", "2026/3/6 上午 09:00:00", "90", "已結訓"],
            ["E2", "乙", "行銷部", "C05", "2026年3月7日", "免試", "已結訓"],
            ["E2", "乙", "行銷部", "C09", "2026-03-08", "", "退訓"],
            ["E3", "丙", "行銷部", "C12", "2026-03-09", "50", "已結訓"],
            ["E3", "丙", "行銷部", "C01", "", "", "報名中"],
            ["小計", "", "", "", "", "", ""],
            ["E4", "丁", "行銷部", "C01", "2026-03-05", "80", "已結訓"],
            ["E5", "戊", "行銷部", "C01", "2026-02-30", "80", "已結訓"],
            ["E6", "己", "行銷部", "C01", "2026-02-30", "80", "已結訓"],
        ],
    )
    roster = write_csv(
        tmp_path / "名冊.csv",
        [
            ["員工編號", "姓名", "部門", "在職狀態"],
            ["E1", "甲", "行銷部", "在職"],
            ["E2", "乙", "行銷部", "在職"],
            ["E3", "丙", "行銷部", "在職"],
            ["E4", "丁", "行銷部", "離職"],
        ],
    )
    return lms, roster


def test_every_row_is_in_one_bucket_and_json_says_which(run_line: RunLine, tmp_path: Path) -> None:
    lms, roster = export(tmp_path)
    run = run_line("assess", str(lms), "--roster", str(roster), "-c", CATALOG, *AS_OF, "-f", "json")
    assert run.code == 2  # a row was refused
    reports = json.loads(run.stdout)
    assert [r["person"]["id"] for r in reports] == ["E1", "E2", "E3"]  # the leaver is left out
    inputs = reports[0]["inputs"]
    assert all(r["inputs"] == inputs for r in reports)
    assert inputs == [
        {
            "file": str(roster),
            "sheet": None,
            "kind": "roster",
            "rows": 4,
            "counted": 3,
            "not_counted": 0,
            "passed_over": 1,
            "refused": 0,
            "people_refused": 0,
            "unreadable": False,
            "not_counted_by": {},
            "passed_over_by": {"leaver": 1},
        },
        {
            "file": str(lms),
            "sheet": None,
            "kind": "records",
            "rows": 10,
            "counted": 3,
            "not_counted": 2,
            "passed_over": 3,
            "refused": 2,
            "people_refused": 2,
            "unreadable": False,
            "not_counted_by": {"not_passed": 2},
            "passed_over_by": {"not_taken": 1, "summary": 1, "leaver": 1},
        },
    ]
    exempt = next(ev for ev in reports[1]["evidence"] if ev["course"] == "C05")
    assert exempt["counted"] and exempt["note"] == "免試"


def test_the_table_opens_with_the_count_per_file(run_line: RunLine, golden: Golden, tmp_path: Path) -> None:
    lms, roster = export(tmp_path)
    run = run_line("assess", str(lms), "--roster", str(roster), "-c", CATALOG, *AS_OF)
    head = run.stdout.split("\n\n")[0]  # the count per file, up to the first blank line
    golden("inputs-table.txt", head.replace(str(tmp_path), "<tmp>") + "\n")


@pytest.mark.slow
def test_the_summary_and_the_workbook_headline_refused_rows(run_line: RunLine, tmp_path: Path) -> None:
    import openpyxl

    lms, roster = export(tmp_path)
    common = (str(lms), "--roster", str(roster), "-c", CATALOG, *AS_OF)
    page = run_line("assess", *common, "-f", "summary").stdout
    headline = t("inputs.refused_headline", n=2, people=2)
    assert f"<p class=refused>{headline}</p>" in page
    assert page.index(headline) < page.index('<div class="row">')  # above every figure
    book = tmp_path / "team.xlsx"
    assert run_line("assess", *common, "-o", str(book)).code == 2
    summary = openpyxl.load_workbook(book).worksheets[0]
    assert summary["A4"].value == headline


def test_problems_of_one_cause_are_summed_with_their_first_rows(run_line: RunLine, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        [f"E{i}", f"人{i}", "行銷部", "C01", "2026-02-30 00:00:00", "80", "已結訓"] for i in range(57)
    ]
    path = write_csv(tmp_path / "r.csv", [HEAD, *rows])
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF)
    assert run.code == 2
    problems = [line for line in run.stderr.splitlines() if line.startswith(f"{path}:")]
    first = Word("records.bad_date", {"value": "2026-02-30 00:00:00"})
    rows = tuple(Word("records.row_number", {"n": n}) for n in range(2, 12))  # the first ten, then …
    assert problems == [f"{path}:2:5: {t('records.rows_summed', n=57, first=first, rows=rows, more='…')}"]
    counts = t("inputs.line", file=path, rows=57, counted=0, not_counted=0, passed_over=0, refused=57)
    assert counts in run.stdout


def test_a_file_that_cannot_be_read_is_said_to_be_left_out(run_line: RunLine, tmp_path: Path) -> None:
    broken = tmp_path / "壞掉.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    good = write_csv(tmp_path / "r.csv", [HEAD, ["E1", "甲", "行銷部", "C01", "2026-03-05", "85", "已結訓"]])
    run = run_line("assess", str(broken), str(good), "-c", CATALOG, *AS_OF, "-f", "json")
    assert run.code == 2
    (report,) = json.loads(run.stdout)
    counts = {c["file"]: c for c in report["inputs"]}
    assert counts[str(broken)]["unreadable"] is True
    assert counts[str(good)]["counted"] == 1


def test_import_says_what_became_of_every_row(run_line: RunLine, tmp_path: Path) -> None:
    lms, roster = export(tmp_path)
    run = run_line("import", str(lms), "--roster", str(roster), "-c", CATALOG, "-o", str(tmp_path / "people"))
    assert run.code == 2  # two rows refused; the others written
    lines = run.stderr.splitlines()
    # written: the 5 rows that became evidence (3 counted, 2 not counted); passed over: 報名中, 小計, the leaver's
    written = t("inputs.import_line", file=lms, rows=10, written=5, not_written=0, passed_over=3, refused=2)
    assert f"kmc-gap: {written}" in lines
    assert f"kmc-gap: {t('inputs.import_roster', file=roster, rows=4, written=3, passed_over=1, refused=0)}" in lines
