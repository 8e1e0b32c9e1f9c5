"""Cells as HR exports write them: pass, fail, attendance and exemption words, scores, hours with their units,
expiries, and the headers of certificate and two-level exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from record_files import catalog_rows, write_csv, write_xlsx

from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.records import RecordOptions, load_records
from kmc_gap.model.tables.cells import (
    CellError,
    Mark,
    cell_attended,
    cell_hours,
    cell_passed,
    cell_score,
)
from kmc_gap.model.vocabulary import (
    ABSENT_WORDS,
    EXEMPT_WORDS,
    FAIL_WORDS,
    NOT_TAKEN_WORDS,
    PASS_WORDS,
    PRESENT_WORDS,
    WITHDRAWN_WORDS,
)

from conftest import ROOT

CATALOG = "examples/catalog.yaml"


def wide(text: str) -> str:
    """The full-width form of ASCII text, as a Chinese IME types it (Y → Ｙ)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def read(path: Path, **options: Any) -> Any:
    std = load_standard()
    return load_records([path], std, RecordOptions(catalog=load_catalog(ROOT / CATALOG, std), **options))


# --------------------------------------------------------------------------- the catalogue in a spreadsheet


# --------------------------------------------------------------------------- pass, fail, attendance


@pytest.mark.parametrize("word", [*PASS_WORDS, *(w.upper() for w in PASS_WORDS), *map(wide, PASS_WORDS)])
def test_every_pass_word_passes(word: str) -> None:
    assert cell_passed(word) is Mark.passed
    assert cell_attended(word) is Mark.present  # 是, Y, ✓ in an attendance column: present


@pytest.mark.parametrize("word", [*FAIL_WORDS, *ABSENT_WORDS, *(w.upper() for w in FAIL_WORDS), *map(wide, FAIL_WORDS)])
def test_every_fail_and_absence_word_fails(word: str) -> None:
    expected = Mark.absent if word in ABSENT_WORDS else Mark.failed
    assert cell_passed(word) is expected
    assert cell_attended(word) is Mark.absent
    assert cell_score(word) is expected  # 缺考 where the score goes


@pytest.mark.parametrize("word", PRESENT_WORDS)
def test_every_presence_word_is_present(word: str) -> None:
    assert cell_attended(word) is Mark.present


@pytest.mark.parametrize("word", [*WITHDRAWN_WORDS, *map(wide, WITHDRAWN_WORDS), *(w.upper() for w in WITHDRAWN_WORDS)])
def test_every_withdrawal_word_is_a_fail(word: str) -> None:
    assert cell_passed(word) is Mark.failed  # 退訓: left before the end, never counted
    assert cell_score(word) is Mark.failed


@pytest.mark.parametrize("word", [*EXEMPT_WORDS, *map(wide, EXEMPT_WORDS)])
def test_every_exemption_word_counts(word: str) -> None:
    assert cell_passed(word) is Mark.exempt
    assert cell_score(word) is Mark.exempt  # 免試 where the score goes


@pytest.mark.parametrize("word", [*NOT_TAKEN_WORDS, *map(wide, NOT_TAKEN_WORDS)])
def test_every_not_taken_word_is_no_record(word: str) -> None:
    for parse in (cell_passed, cell_attended, cell_score):
        assert parse(word) is Mark.not_taken


@pytest.mark.parametrize(
    ("cell", "score"), [(58, 58.0), ("58", 58.0), ("58分", 58.0), ("８５．５", 85.5), (100.0, 100.0)]
)
def test_scores_as_hr_systems_write_them(cell: Any, score: float) -> None:
    assert cell_score(cell) == score


@pytest.mark.parametrize("parse", [cell_passed, cell_attended, cell_score])
def test_a_value_that_says_neither_is_refused(parse: Any) -> None:
    with pytest.raises(CellError):
        parse("待補")


@pytest.mark.parametrize(
    ("cell", "hours"),
    [
        ("21小時", 21),
        ("21 hr", 21),
        ("1.5H", 1.5),
        ("21.0", 21),
        (21, 21),
        ("21 hours", 21),
        ("２１小時", 21),
        ("3時", 3),
    ],
)
def test_hours_with_their_units(cell: Any, hours: float) -> None:
    assert cell_hours(cell) == hours


def test_export_cells_in_one_file(tmp_path: Path) -> None:
    rows = [
        ["員工編號", "姓名", "課程代號", "訓練期間", "時數", "證照有效期限"],
        ["E1", "王", "C01", "113/09/23~113/09/25", "21小時", "永久有效"],
    ]
    found = read(write_csv(tmp_path / "r.csv", rows))
    assert found.problems == {}
    evidence = found.people[0].profile.evidence[0]
    assert (evidence.date, evidence.hours, evidence.expires) == (dt.date(2024, 9, 25), 21.0, None)


def test_certificate_headers_are_read(tmp_path: Path) -> None:
    rows = [
        ["員工編號", "姓名", "證照代碼", "證照名稱", "取得日期", "證照到期日", "證照編號", "職能級別", "職能內涵"],
        ["E1", "王", "CERT-1", "活動企劃證照", "2025-01-01", "2027-01-01", "No.1", "4", "K01"],
    ]
    found = read(write_csv(tmp_path / "c.csv", rows))
    ev = found.people[0].profile.evidence[0]
    assert (ev.course, ev.expires, ev.reference, ev.kind.value) == (
        "CERT-1",
        dt.date(2027, 1, 1),
        "No.1",
        "certificate",
    )


def test_a_two_level_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("紀錄")
    ws.merge_range(0, 0, 1, 0, "員工編號")  # merged down over both header rows
    ws.merge_range(0, 1, 0, 2, "員工資料")
    ws.write_row(1, 1, ["姓名", "部門"])
    ws.merge_range(0, 3, 0, 4, "課程資訊")
    ws.write_row(1, 3, ["課程代號", "結訓日期"])
    ws.merge_range(0, 5, 0, 6, "證照")
    ws.write_row(1, 5, ["名稱", "有效期限"])  # 證照 + 有效期限
    ws.write_row(2, 0, ["E1", "王", "行銷部", "C01", "2025-03-01", "", "2027-01-01"])
    book.close()
    found = read(path)
    assert found.problems == {}
    person = found.people[0].profile
    assert (person.person.organisation, person.evidence[0].expires) == ("行銷部", dt.date(2027, 1, 1))


def test_a_catalogue_in_xlsx_or_csv_reads_as_the_yaml_one(tmp_path: Path) -> None:
    from kmc_gap.api.records import read_catalog

    std = load_standard()
    yaml_catalog = load_catalog(ROOT / CATALOG, std)
    rows = catalog_rows()
    xlsx = write_xlsx(tmp_path / "courses.xlsx", [["114 年度課程目錄"], *rows])
    # as a CSV from Excel on a Chinese Windows: Big5, amounts written NT$12,000
    money = [["" if v is None else (f"NT${v:,.0f}" if i == 6 else v) for i, v in enumerate(r)] for r in rows[1:]]
    csv_rows = [rows[0], *money]
    csv_file = write_csv(tmp_path / "courses.csv", csv_rows, encoding="cp950")
    for path in (xlsx, csv_file):
        assert read_catalog(path, std).courses == yaml_catalog.courses, path
