"""LibreOffice, a real spreadsheet program, as the client: it opens kmc-gap's workbook, and the .ods and .xls
files it saves from an HR export are read by kmc-gap as the .xlsx is.

On CI LibreOffice is required (.ci/run installs Debian's libreoffice-calc-nogui); elsewhere these tests
are skipped when it is missing.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from libreoffice import convert

from conftest import ROOT, RunLine, nfkc, pdf_text

pytestmark = pytest.mark.slow  # LibreOffice opens, prints and saves: the quick loop (-m "not slow") leaves it out

AS_OF = ("--as-of", "2026-06-30")
CATALOG = "examples/catalog.yaml"
EXPORT = ROOT / "examples" / "records" / "training-2025.xlsx"
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, and -1 at the end: every sheet
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_libreoffice_opens_the_workbook_with_every_sheet(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    book = tmp_path / "team.xlsx"
    assert run_line("assess", "examples/profiles", *AS_OF, "-o", str(book)).code == 0
    convert(soffice, book, ALL_SHEETS_CSV, tmp_path)
    sheets = {path.stem.removeprefix("team-"): path for path in tmp_path.glob("team-*.csv")}
    assert set(sheets) == {"摘要", "總覽", "落差", "明細", "證據", "說明"}
    with sheets["總覽"].open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    reports = json.loads(run_line("assess", "examples/profiles", *AS_OF, "-f", "json").stdout)
    assert [row[:2] for row in rows[1:]] == [[r["person"]["id"], r["person"]["name"]] for r in reports]
    first_task = [str(r["tasks"][0]["attained_level"]) for r in reports]
    assert [row[3] for row in rows[1:]] == first_task


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_an_export_saved_by_libreoffice_reads_the_same(
    run_line: RunLine, soffice: str, tmp_path: Path, suffix: str
) -> None:
    convert(soffice, EXPORT, suffix, tmp_path)
    saved = tmp_path / f"training-2025.{suffix}"

    def reports(path: Path | str) -> list[dict[str, object]]:
        run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl")
        assert run.code == 0, run.stderr
        out = [json.loads(line) for line in run.stdout.splitlines()]
        # the same rows read the same way: the counts per sheet agree, all but the file's name
        return [{**r, "file": None, "inputs": [{**c, "file": None} for c in r["inputs"]]} for r in out]

    assert reports(saved) == reports(EXPORT)


def test_the_overview_prints_marks_that_read_without_colour(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    """On paper, in black and white: each task cell shows its status mark and the level that stands."""
    import pypdf

    book = tmp_path / "team.xlsx"
    assert run_line("assess", "examples/profiles", *AS_OF, "-o", str(book)).code == 0
    convert(soffice, book, "pdf", tmp_path)
    pages = pypdf.PdfReader(tmp_path / "team.pdf").pages
    text = next(pdf_text(page) for page in pages if "總覽" in pdf_text(page))  # the footer names the sheet
    # the junior coordinator: T1.1 missing, T2.2 partial, T5.3 met at level 3; the senior planner: T1.1 at 5
    assert "陳怡君" in text and "○ — ○ — ◐ —" in text and "● 3" in text and "● 5" in text


def test_the_25_person_workbook_prints_in_15_pages_with_no_text_cut(
    run_line: RunLine, soffice: str, tmp_path: Path
) -> None:
    """The example export's workbook printed whole: each sheet's pages counted by the footer naming it.

    The detail sheet prints a row per person and task (25 × 14 = 350 rows); its item rows are folded.
    """
    import pypdf

    book = tmp_path / "team.xlsx"
    export = str(ROOT / "examples" / "records" / "ehr-export-2025.xlsx")
    courses = str(ROOT / "examples" / "records" / "courses.xlsx")
    assert run_line("assess", export, "--sheet", "all", "-c", courses, *AS_OF, "-o", str(book)).code == 0
    convert(soffice, book, "pdf", tmp_path)
    texts = [pdf_text(page) for page in pypdf.PdfReader(tmp_path / "team.pdf").pages]
    sheets = ["摘要", "總覽", "落差", "明細", "證據", "說明"]
    pages = len(texts)
    # each page's footer: the sheet's name and page n of m
    footers = [re.search(rf"({'|'.join(sheets)}) (\d+) / {pages}", text) for text in texts]
    assert [int(f.group(2)) for f in footers if f] == list(range(1, pages + 1))
    counts = {s: [f.group(1) for f in footers if f].count(s) for s in sheets}
    assert counts == {"摘要": 1, "總覽": 1, "落差": 4, "明細": 6, "證據": 2, "說明": 1}, counts
    footers = [f.group(1) if f else "" for f in footers]
    # every item's whole name is on the gaps sheet's pages: wrapped, never cut at the column's edge
    gaps = "".join(text for text, footer in zip(texts, footers, strict=True) if footer == "落差")
    gaps = "".join(gaps.split())
    from kmc_gap.model.loading import load_standard
    from kmc_gap.model.lookup import names

    every = names(load_standard(), "zh-TW")
    rows = json.loads(run_line("assess", export, "--sheet", "all", "-c", courses, *AS_OF, "-f", "json").stdout)
    missed = {gap["code"] for report in rows for gap in report["gaps"]}
    cut = [code for code in missed if nfkc("".join(every[code].split())) not in gaps]
    assert cut == []


def test_the_plan_workbook_prints_every_attendee_by_name(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    """The plan for the 25-person example, printed whole: a few pages, each sheet's, with every name on them."""
    import pypdf

    book = tmp_path / "plan.xlsx"
    export = str(ROOT / "examples" / "records" / "ehr-export-2025.xlsx")
    courses = str(ROOT / "examples" / "records" / "courses.xlsx")
    args = ("plan", export, "--sheet", "all", "-c", courses, "--budget", "200000", *AS_OF)
    assert run_line(*args, "-o", str(book)).code == 0
    plan = json.loads(run_line(*args, "-f", "json").stdout)
    convert(soffice, book, "pdf", tmp_path)
    texts = [pdf_text(page) for page in pypdf.PdfReader(tmp_path / "plan.pdf").pages]
    footers = [re.search(rf"(課程|人員|部門|說明) \d+ / {len(texts)}", text) for text in texts]
    sheets = [f.group(1) if f else None for f in footers]
    assert sheets == ["課程", *["人員"] * 5, "部門", "說明"]
    courses_pages = "".join("".join(text.split()) for text, s in zip(texts, sheets, strict=True) if s == "課程")
    for course in plan["courses"]:  # every attendee's name and whole id, on the courses sheet
        for key in course["attendees"]:
            person = next(p["person"] for p in plan["people"] if p["key"] == key)
            assert f"{person['name']}{person['id']}" in courses_pages


@pytest.mark.parametrize("to", ["ods", "xlsx:Calc MS Excel 2007 XML"])
def test_a_filled_form_saved_by_libreoffice_reads_the_same(
    run_line: RunLine, soffice: str, tmp_path: Path, to: str
) -> None:
    """A manager opens the form in LibreOffice and saves it (as .ods, or as .xlsx): the same ratings."""
    import datetime as dt

    import openpyxl

    form = tmp_path / "form.xlsx"
    assert run_line("form", "examples/profiles/mid-career-planner.yaml", "-o", str(form)).code == 0
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    labels = {r[0].value: r[1] for r in rows[:9] if r[0].value}
    labels["評核人"].value = "王經理"
    labels["評核日期"].value = dt.datetime(2026, 11, 20)
    head = next(i for i, r in enumerate(rows) if r[0].value == "代碼")
    for offset, row in enumerate(rows[head + 1 : head + 9]):
        row[4].value = 1 + offset % 6  # 自評
        row[6].value = 6 - offset % 6  # 主管評核
        row[7].value = f"觀察 {offset}"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    saved = tmp_path / "saved"
    saved.mkdir()
    convert(soffice, filled, to, saved)
    copy = saved / ("filled.ods" if to == "ods" else "filled.xlsx")

    def ratings(path: Path) -> list[tuple[object, ...]]:
        run = run_line("assess", str(path), *AS_OF, "-f", "json")
        assert run.code in (0, 1), run.stderr
        (report,) = json.loads(run.stdout)  # a form is read as records are: a list of reports, here one
        return [(e["kind"], e["title"], e["date"], e["level"], e["covers"], e["note"], e["counted"], e["reason"])
                for e in report["evidence"]]  # fmt: skip

    assert ratings(copy) == ratings(filled) and len(ratings(filled)) == 16


def test_a_form_prints_with_its_headings_on_every_page(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    """A person's form on A4: a few pages, each with the person, the heading row and page n of m."""
    import pypdf

    form = tmp_path / "form.xlsx"
    assert run_line("form", "examples/profiles/mid-career-planner.yaml", "-o", str(form)).code == 0
    convert(soffice, form, "pdf", tmp_path)
    texts = [pdf_text(page) for page in pypdf.PdfReader(tmp_path / "form.pdf").pages]
    sheet = [text for text in texts if f"E1024 林小美 {texts.index(text) + 1} / {len(texts)}" in text]  # its footer
    assert 2 <= len(sheet) <= 4, len(sheet)
    for text in sheet:
        assert "林小美 E1024" in text and "代碼" in text and "主管評核" in text  # the header and the heading row
    flat = "".join("".join(text.split()) for text in sheet)
    # every indicator's whole text is on the pages: wrapped in its cell, never cut
    from kmc_gap.model.loading import load_standard
    from kmc_gap.model.lookup import names

    every = names(load_standard(), "zh-TW")
    cut = [code for code in every if code[0] in "PO" and nfkc("".join(every[code].split())) not in flat]
    assert cut == []
