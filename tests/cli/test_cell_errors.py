"""An error value (``#DIV/0!``, ``#N/A``) or a formula whose value was never saved is a located problem wherever a
value is read — never an empty cell, which would plan a course for free or drop a rating without a word."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from form_files import AS_OF, MID, fill

from conftest import RunLine

PROFILE = "examples/profiles/mid-career-planner.yaml"


def catalogue(path: Path, cost: str, cached: str | None) -> Path:
    """A catalogue whose C01 cost is a formula: with the error value Excel saved, or with no value at all."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("課程")
    sheet.write_row(0, 0, ["課程代號", "課程名稱", "職能級別", "職能內涵", "費用"])
    sheet.write_row(1, 0, ["C01", "活動行銷企劃實務", 3, "K01"])
    if cached is None:
        book.close()
        raw = openpyxl.load_workbook(path)  # openpyxl writes a formula with no value, as scripts do
        raw["課程"]["E2"] = cost
        raw.save(path)
        return path
    sheet.write_formula(1, 4, cost, None, cached)
    book.close()
    return path


@pytest.mark.parametrize(
    ("cost", "cached", "shown"), [("=1/0", "#DIV/0!", "#DIV/0!"), ("=NA()", "#N/A", "#N/A"), ("=B9*2", None, "=B9*2")]
)
def test_a_cost_that_is_an_error_is_located_not_free(
    run_line: RunLine, tmp_path: Path, cost: str, cached: str | None, shown: str
) -> None:
    path = catalogue(tmp_path / "courses.xlsx", cost, cached)
    run = run_line("plan", PROFILE, "-c", str(path), *AS_OF, "--lang", "en", "-f", "json")
    assert run.code == 2
    assert "courses.xlsx:課程!E2:" in run.stderr and shown in run.stderr


def test_a_rating_that_is_an_error_is_located_not_dropped(run_line: RunLine, tmp_path: Path) -> None:
    """A manager's rating cell holding a formula that went wrong: the rating is refused at its cell."""
    form = tmp_path / "form.xlsx"
    assert run_line("form", MID, "-o", str(form), *AS_OF).code == 0
    fill(form, form, {"P1.1.1": {"主管評核": "=1/0"}, "P1.1.2": {"主管評核": 4}})
    run = run_line("assess", str(form), *AS_OF, "-f", "json", "--lang", "en")
    assert run.code == 2
    assert "=1/0" in run.stderr and "form.xlsx:" in run.stderr
    reports = json.loads(run.stdout) if run.stdout.strip() else []
    reports = reports if isinstance(reports, list) else [reports]
    ratings = [ev["covers"] for r in reports for ev in r["evidence"] if ev["id"].startswith("form-")]
    assert ratings == [["P1.1.2"]]  # the good rating still counts
